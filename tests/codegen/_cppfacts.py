"""Reads the DTO facts back out of a header in the form of include/sstk/apis/*.hpp, so generated and
hand-written headers can be compared fact by fact (not byte by byte)."""

import re


def _unq(t):
    """Drop namespace qualifiers of DTO types (keep std::, sstk:: and boost:: spellings)."""
    def fix(m):
        parts = m.group(0).split("::")
        if parts[0] in ("std", "boost") or (parts[0] == "sstk" and len(parts) == 2):
            return m.group(0)
        return parts[-1]
    return re.sub(r"[A-Za-z_]\w*(?:::[A-Za-z_]\w*)+", fix, t.replace(" ", ""))


def _strings(s):
    return [re.sub(r'\\(.)', r'\1', x) for x in re.findall(r'"((?:[^"\\]|\\.)*)"', s)]


def facts(text):
    consts = dict(re.findall(r'inline constexpr std::string_view (\w+) = "([^"]*)";', text))
    out = {"enums": {}, "structs": {}}
    for name, body in re.findall(r"enum class (\w+) : \w+(?: \w+)* \{([^}]*)\};", text):
        out["enums"][name] = [tuple(x.strip().split(" = ")) for x in body.split(",") if x.strip()]
    for m in re.finditer(r"^(?:template <[^>]*>\n)?struct (\w+)(?: : ([\w:<>, ]+))? \{\n(.*?)^\};", text, re.M | re.S):
        name, base, body = m.group(1), m.group(2), m.group(3)
        members = []
        for line in body.split("\n"):
            line = line.strip()
            if not line or line.startswith(("//", "friend", "BOOST_DESCRIBE")):
                continue
            mm = re.match(r"(.+?)\s+(\w+)(?:\s*=\s*[^;]+)?;$", line)
            if mm:
                members.append((mm.group(2), _unq(mm.group(1))))
        out["structs"][name] = {"base": _unq(base) if base else None, "members": members}
    for m in re.finditer(r"constexpr auto sstk_contract\(sstk::type_tag<(\w+)(?:<[^>]*>)?>\) \{\n?(.*?)\n?\}\n",
                         text, re.S):
        name, body = m.group(1), m.group(2)
        head, _, mems = body.partition(".members(")
        c = {}
        ns = re.search(r"\.clr_namespace\((\w+|\"[^\"]*\")\)", head)
        if ns:
            c["clr_namespace"] = consts.get(ns.group(1), ns.group(1).strip('"'))
        d = re.search(r"\.describe\((\"(?:[^\"\\]|\\.)*\")\)", head)
        c["describe"] = _strings(d.group(1))[0] if d else None
        r = re.search(r"\.returns<(.+?)>\(\)", head)
        c["returns"] = _unq(r.group(1)) if r else None
        c["returns_void"] = ".returns_void()" in head
        imp = re.search(r"\.implements\(([^)]*)\)", head)
        c["implements"] = _strings(imp.group(1)) if imp else []
        c["routes"] = []
        for rm in re.finditer(r"sstk::route\(([^)]*)\)(\.with_summary\(\"((?:[^\"\\]|\\.)*)\"\))?", head):
            s = _strings(rm.group(1))
            c["routes"].append((s[0], s[1] if len(s) > 1 else "", rm.group(3) or ""))
        mf = {}
        for mm in re.finditer(r"sstk::member\(\"(\w+)\"\)((?:\.\w+\((?:\"(?:[^\"\\]|\\.)*\"|[^)])*\))*)", mems):
            calls = mm.group(2)
            desc = re.search(r"\.describe\((\"(?:[^\"\\]|\\.)*\")\)", calls)
            ren = re.search(r"\.rename\((\"(?:[^\"\\]|\\.)*\")\)", calls)
            order = re.search(r"\.with_order\((\d+)\)", calls)
            mf[mm.group(1)] = {"required": ".is_required()" in calls,
                               "describe": _strings(desc.group(1))[0] if desc else None,
                               "rename": _strings(ren.group(1))[0] if ren else None,
                               "order": int(order.group(1)) if order else None}
        c["members"] = mf
        if name in out["structs"]:
            out["structs"][name]["contract"] = c
        elif name in out["enums"]:
            out.setdefault("enum_contracts", {})[name] = c
    return out
