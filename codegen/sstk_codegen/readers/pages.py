"""ServiceStack operation metadata pages (/json/metadata?op=X, /xml/..., /csv/..., /jsv/...), saved as
HTML or as text renderings (cells run together, or `| a | b |` rows): the service name, the routes
table, the parameters tables, the DTO source in any supported language, and the sample bodies.
"""

import re

from ..errors import CodegenError
from ..emit_cpp import SSTK_BUILTINS
from ..model import Member, Route, Service, TypeDef, TypeRef, VALUE_TYPES, member_key, merge_type, parse_type
from . import samples as S
from .html_text import html_to_text, looks_like_html
from .sources import detect_language, parse_source

KIND = "ServiceStack operation metadata page"

_REQ_LINE = re.compile(r"^\s*(GET|POST|PUT|DELETE|PATCH|OPTIONS|HEAD) (\S+) HTTP/1\.[01]\s*$")
_RESP_LINE = re.compile(r"^\s*HTTP/1\.[01] \d{3}\b")
_CAPTION = re.compile(r"^\s*\|?\s*([A-Za-z_][\w`<>, ]*?) (Parameters|Enum):\s*\|?\s*$")
_VERBS = r"(?:GET|POST|PUT|DELETE|PATCH|OPTIONS|HEAD|ANY)"
_ROUTE_CAT = re.compile(r"^\s*(All Verbs|%s(?:\s*[, ]\s*%s)*)\s*(/.*)$" % (_VERBS, _VERBS))
_LANG_LINE = re.compile(r"^\s*(C#|TypeScript|JavaScript|Python|Java|Kotlin|Swift|Dart|VB\.NET|F#|PHP|Go|Rust|Ruby|Zig)"
                        r" \w+ DTOs\s*$")
_CODE_START = re.compile(r'^\s*(import |using |from \w|namespace |/\*|"""|@\w|\[\w|public |open |export |class |'
                         r'enum |// @|# @|package |data class |abstract class )')
_LOWER_TYPES = {"string", "int", "long", "short", "byte", "sbyte", "uint", "ulong", "ushort", "bool", "double",
                "float", "decimal", "char", "object", "boolean"}
_END_MARKERS = ("To override the Content-type", "The following are sample HTTP requests")


def detect(text):
    head = text[:30000]
    if "The following routes are available for this service" in head or "back to all web services" in head:
        return True
    if re.search(r"^\s*\|?\s*\w+ Parameters:\s*\|?\s*$", head, re.M):
        return True
    return bool(re.search(_REQ_LINE.pattern, head, re.M)) and "sample HTTP requests" in head


class _Page:
    def __init__(self, text, source):
        self.source = source
        self.linemap = None
        if looks_like_html(text):
            text, self.linemap = html_to_text(text)
        self.lines = text.split("\n")

    def lineno(self, i):
        if self.linemap:
            return self.linemap[min(i, len(self.linemap) - 1)] if self.linemap else None
        return i + 1

    def origin(self, i):
        return self.source, self.lineno(i)

    def error(self, msg, i):
        raise CodegenError(msg, self.source, self.lineno(i))


def _cells(line):
    s = line.strip()
    if not (s.startswith("|") and s.endswith("|")):
        return None
    return [c.strip() for c in s[1:-1].split("|")]


def _is_separator(line):
    return bool(re.fullmatch(r"\s*\|?[\s|:\-]+\|?\s*", line)) and "-" in line


def _route_from(line, known_paths):
    cells = _cells(line)
    if cells is not None:
        if len(cells) >= 2 and re.fullmatch(r"All Verbs|%s(\s*[, ]\s*%s)*" % (_VERBS, _VERBS), cells[0]):
            return Route(cells[1], "" if cells[0] == "All Verbs" else cells[0],
                         cells[2] if len(cells) > 2 else "", cells[3] if len(cells) > 3 else "")
        return None
    m = _ROUTE_CAT.match(line)
    if not m:
        return None
    verbs = "" if m.group(1) == "All Verbs" else re.sub(r"\s+", "", m.group(1)) if "," in m.group(1) else m.group(1)
    rest = m.group(2).rstrip()
    for p in sorted(known_paths, key=len, reverse=True):
        if rest.startswith(p) and (len(rest) == len(p) or not re.match(r"[\w{}/.*-]", rest[len(p)]) or
                                   rest[len(p)].isupper()):
            return Route(p, verbs, rest[len(p):].strip())
    if " " not in rest:
        return Route(rest, verbs)
    first, summary = rest.split(" ", 1)
    # the summary cell ran into the path: split before the last lower->Upper step outside {braces}
    depth, cut = 0, None
    for i, ch in enumerate(first):
        depth += ch == "{"
        depth -= ch == "}"
        if depth == 0 and i > 0 and ch.isupper() and (first[i - 1].islower() or first[i - 1] in "}") \
                and "/" not in first[i:]:
            cut = i
    if cut is not None:
        return Route(first[:cut], verbs, (first[cut:] + " " + summary).strip())
    return Route(first, verbs, summary.strip())


def _param_row(line, known_types):
    """(name, parameter, data type, required, description) of one parameters-table row."""
    cells = _cells(line)
    if cells is not None:
        cells += [""] * (5 - len(cells))
        return cells[0], cells[1], cells[2], cells[3], cells[4]
    best = None
    for m in re.finditer(r"(?=(path|query|body|form))", line):
        name = line[:m.start()]
        if not re.fullmatch(r"[A-Za-z_]\w*", name):
            continue
        rest = line[m.start() + len(m.group(1)):]
        for r in re.finditer(r"(Yes|No)", rest):
            typ = rest[:r.start()]
            if not typ:
                continue
            head = re.match(r"[A-Za-z_]\w*", typ)
            if not head or (head.group(0)[0].islower() and head.group(0) not in _LOWER_TYPES):
                continue   # C# display names of DTOs start upper-case; lower-case ones are keywords
            try:
                parse_type(typ)
            except CodegenError:
                continue
            best = (name, m.group(1), typ, r.group(1), rest[r.end():])
            break
        if best:
            break
    return best


def _table_type(display, page, i):
    try:
        t = parse_type(display, page.source, page.lineno(i))
    except CodegenError:
        page.error("cannot read the data type %r in a parameters table" % display, i)
    # The table prints `double` for a `double?` member too (seed 004's table shows double,
    # boolean, int where DataContractSerializer, given the service's DTOs, declares double?,
    # bool?, int?), so it says nothing about nullability: --unknown-nullability decides.
    return t


def read(text, source):
    page = _Page(text, source)
    L = page.lines
    n = len(L)
    svc = Service(sources=[str(source)])
    op = None
    # ---- header: service name, <back to all web services, operation, description --------------
    back = next((i for i, l in enumerate(L) if "back to all web services" in l), None)
    routes_i = next((i for i, l in enumerate(L) if "The following routes are available" in l), None)
    if back is not None:
        prev = [l.strip() for l in L[:back] if l.strip()]
        if prev:
            svc.name = prev[-1]
        nxt = next((i for i in range(back + 1, n) if L[i].strip()), None)
        if nxt is not None and re.fullmatch(r"[A-Za-z_]\w*", L[nxt].strip()):
            op = L[nxt].strip()
            desc_lines = [L[j].strip() for j in range(nxt + 1, routes_i if routes_i else nxt + 1)
                          if L[j].strip() and not L[j].strip().startswith("|")
                          and not L[j].strip().startswith("Requires ")]
            description = " ".join(desc_lines) or None
        else:
            description = None
    else:
        description = None
    req_i = next((i for i, l in enumerate(L) if _REQ_LINE.match(l)), None)
    resp_i = next((i for i in range((req_i or 0) + 1, n) if _RESP_LINE.match(L[i])), None) if req_i is not None else None
    known_paths = []
    if req_i is not None:
        p = _REQ_LINE.match(L[req_i]).group(2)
        if not re.match(r"/(json|xml|jsv|csv|jsonl)/(reply|oneway)/", p):
            known_paths.append(p.split("?")[0])
    end_i = next((i for i, l in enumerate(L) if any(l.strip().startswith(m) for m in _END_MARKERS)), n)
    # ---- routes ---------------------------------------------------------------------------------
    routes = []
    start = routes_i + 1 if routes_i is not None else 0
    i = start
    last_route = start - 1
    while i < min(end_i, n):
        l = L[i]
        if not l.strip() or _is_separator(l) or (_cells(l) and _cells(l)[0] in ("Verb", "Verbs", "")):
            i += 1
            continue
        r = _route_from(l, known_paths)
        if r is None:
            if routes or routes_i is not None:
                break
            i += 1
            if i > 5:
                break
            continue
        routes.append(r)
        last_route = i
        i += 1
    after_routes = last_route + 1 if routes else (routes_i + 1 if routes_i is not None else (back + 2 if back is not None else 0))
    # ---- parameters tables -------------------------------------------------------------------------
    tables = []   # (type name, kind, [rows], line)
    i = after_routes
    while i < end_i:
        m = _CAPTION.match(L[i])
        if not m:
            i += 1
            continue
        tname, kind, cap_i = re.sub(r"[`<].*$", "", m.group(1).strip()), m.group(2), i
        rows = []
        i += 1
        while i < end_i:
            l = L[i]
            if not l.strip() or _CAPTION.match(l) or any(l.strip().startswith(x) for x in _END_MARKERS):
                break
            if _is_separator(l) or re.fullmatch(r"\s*\|?\s*Name\s*\|?\s*(Parameter|Value|Description)?.*", l) and \
                    ("Data Type" in l or "DataType" in l or "Value" in l or l.replace(" ", "").startswith("NameParameter")
                     or l.replace("|", "").split() == ["Name"]):
                i += 1
                continue
            rows.append((l, i))
            i += 1
        tables.append((tname, kind, rows, cap_i))
    # ---- DTO source -------------------------------------------------------------------------------
    src_types = []
    src_start = None
    for j in range(after_routes, end_i):
        if _CAPTION.match(L[j]):
            break
        if _CODE_START.match(L[j]):
            src_start = j
            break
    if src_start is not None:
        src_end = next((j for j in range(src_start, end_i) if _LANG_LINE.match(L[j]) or _CAPTION.match(L[j])), end_i)
        block = "\n".join(L[src_start:src_end])
        lang = detect_language(block)
        if lang is None:
            page.error("DTO source in an unrecognised language", src_start)
        if page.linemap:
            src_types = parse_source(lang, block, source, page.lineno(src_start))
        else:
            src_types = parse_source(lang, block, source, src_start + 1)
    # ---- samples ---------------------------------------------------------------------------------
    req_sample = resp_sample = None
    if req_i is not None:
        req_sample = _sample(page, req_i + 1, resp_i if resp_i is not None else n)
        for l in L[req_i + 1:(resp_i or n)]:
            mh = re.match(r"\s*Host:\s*(\S+)", l)
            if mh:
                svc.host = mh.group(1)
                break
    if resp_i is not None:
        resp_sample = _sample(page, resp_i + 1, n)
    if op is None and req_sample and req_sample[0] == "xml":
        op = req_sample[1].root
    if op is None and tables:
        op = tables[0][0]
    if op is None and src_types:
        op = src_types[0].name
    if op is None:
        raise CodegenError("cannot tell which operation this page describes (no operation name, "
                           "XML sample, parameters table or DTO source)", source, 1)
    # ---- assemble ---------------------------------------------------------------------------------
    types = {}
    for t in src_types:
        if t.kind == "interface" or t.name in SSTK_BUILTINS:
            continue
        if t.name in types:
            merge_type(types[t.name], t)
        else:
            types[t.name] = t
    resp_name = None
    if resp_sample and resp_sample[0] == "xml":
        resp_name = resp_sample[1].root
    elif op in types and types[op].returns is not None:
        resp_name = types[op].returns.name
    elif op + "Response" in types or any(t[0] == op + "Response" for t in tables):
        resp_name = op + "Response"
    _apply_tables(page, tables, types, op, resp_name)
    if op not in types:
        types[op] = TypeDef(name=op, members=None, origin="%s:%s" % page.origin(req_i or 0))
    if resp_name and resp_name not in types and resp_name not in SSTK_BUILTINS and resp_sample:
        types[resp_name] = TypeDef(name=resp_name, members=None, origin="%s:%s" % page.origin(resp_i or 0))
    req = types[op]
    # The page names the operation's response even when the source shows no IReturn<T> (the
    # server found it by the {Request}Response convention): the client needs it to type replies.
    if resp_name and req.returns is None and not req.returns_void:
        req.returns = parse_type(resp_name)
    if routes:
        merge_type(req, TypeDef(name=op, routes=routes))
    if description and not req.description:
        req.description = description
    for smp, root, line in ((req_sample, op, req_i), (resp_sample, resp_name, resp_i)):
        if not smp or not root or root not in types:
            continue
        kind, value, sline = smp
        origin = page.origin(sline)
        if kind == "json":
            S.apply_json(types, root, value, origin)
        elif kind == "xml":
            if value.root != root:
                raise CodegenError("the XML sample's root <%s> is not %s" % (value.root, root), *origin)
            S.apply_xml(types, root, value, origin)
    for t in types.values():
        if t.kind == "class" and t.members is None:
            t.members = []
    for t in types.values():
        svc.add_type(t)
    svc.add_operation(op, resp_name if resp_name in types else None)
    return [svc]


def _sample(page, start, stop):
    """(kind, parsed, line index) of the sample body after an HTTP request/response line."""
    L = page.lines
    i = start
    while i < stop and (re.match(r"\s*[\w-]+:\s*\S*.*$", L[i]) and not L[i].strip().startswith(("{", "<", "["))):
        i += 1
    while i < stop and not L[i].strip():
        i += 1
    if i >= stop:
        return None
    body = "\n".join(L[i:stop])
    first = body.lstrip()[:1]
    line = page.lineno(i)
    if first == "<":
        text, _ = S.extract_xml(body, page.source, line)
        return "xml", S.parse_xml_sample(text, page.source, line), i
    if first in "{[":
        try:
            value = S.extract_json(body, page.source, line)
        except CodegenError:
            if re.match(r"\s*\{\s*\n?\s*\w+\s*:", body):
                return None   # JSV sample (`{ name: String }`): carries nothing the JSON/XML ones do not
            raise
        return "json", value, i
    return None


def _apply_tables(page, tables, types, op, resp_name):
    """Parameters tables -> TypeDefs merged into `types`; base chains inferred from the page layout
    (request, its bases, response, its bases, then referenced types) when no source shows them."""
    parsed = []
    referenced = set()
    for tname, kind, rows, cap_i in tables:
        if tname in SSTK_BUILTINS:
            continue   # ServiceStack's own DTOs (ResponseStatus, IdResponse, ...) come from sstk
        t = TypeDef(name=tname, origin="%s:%s" % page.origin(cap_i))
        if kind == "Enum":
            t.kind = "enum"
            for l, li in rows:
                cells = _cells(l)
                if cells:
                    name, val = cells[0], (cells[1] if len(cells) > 1 else "")
                else:
                    m = re.fullmatch(r"\s*([A-Za-z_]\w*?)(-?\d+)?\s*", l)
                    if not m:
                        page.error("cannot read the enum row %r" % l.strip(), li)
                    name, val = m.group(1), m.group(2) or ""
                t.enum_names.append(name)
                t.enum_values.append(int(val) if val.strip().lstrip("-").isdigit() else None)
                t.enum_wire.append(None)
            if all(v is None for v in t.enum_values):
                t.enum_values = []
            parsed.append(t)
            continue
        t.members = []
        for l, li in rows:
            row = _param_row(l, types)
            if row is None:
                page.error("cannot read the parameters row %r" % l.strip()[:80], li)
            name, param, display, req, desc = row
            if not re.fullmatch(r"[A-Za-z_]\w*", name or ""):
                page.error("invalid member name %r in a parameters table" % name, li)
            mt = _table_type(display, page, li)
            for part in re.findall(r"[A-Za-z_]\w*", display):
                referenced.add(part)
            desc = re.split(r"\s*(Allowable Values|Valid Range:)", desc.strip())[0].strip() if desc else ""
            t.members.append(Member(name=name, type=mt, required=(req.strip() == "Yes") or None,
                                    description=desc or None, origin="%s:%s" % page.origin(li)))
        parsed.append(t)
    names = [t.name for t in parsed]
    chain_parent = None
    for t in parsed:
        if t.is_enum:
            chain_parent = None
        elif t.name == op or t.name == resp_name:
            chain_parent = t.name
        elif chain_parent is not None and t.name not in referenced:
            parent = types.get(chain_parent)
            if parent is None or not parent.base_known:
                mine = next(x for x in parsed if x.name == chain_parent)
                mine.base = TypeRef(t.name)
            chain_parent = t.name
        else:
            chain_parent = None
    for t in parsed:
        if t.name in types:
            src = types[t.name]
            if not t.is_enum and src.members is not None:
                _check_same_members(src, t)
            merge_type(src, t)
        else:
            types[t.name] = t
    return names


def _check_same_members(src, table):
    a = [member_key(m.name) for m in src.members]
    b = [member_key(m.name) for m in table.members]
    if set(a) != set(b):
        raise CodegenError("the parameters table of %s lists %s but the DTO source declares %s"
                           % (src.name, [m.name for m in table.members], [m.name for m in src.members]))
