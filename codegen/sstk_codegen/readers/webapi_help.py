"""ASP.NET Web API help pages (Microsoft.AspNet.WebApi.HelpPage, /Help/Api/{id}), saved as HTML or as
text renderings: `POST Api/Authenticate/ResetPassword`, Body Parameters and Resource Description
tables (Name, Description, Type, Additional information), and the JSON/XML samples.

Web API models are plain classes: JSON (Json.NET) writes members in reflection order, derived class
first; XML (DataContractSerializer) writes base classes first and each class's members sorted
ordinally. When the XML order is not one sorted run, the runs are the classes of the inheritance
chain: the members are split accordingly and the unnamed bases are called `{Type}Base`,
`{Type}Base2`, ... (the page never shows their names; they never reach the wire).
"""

import re

from ..errors import CodegenError
from ..model import Member, Route, Service, TypeDef, TypeRef, member_key
from . import samples as S
from .html_text import html_to_text, looks_like_html

KIND = "ASP.NET Web API help page"

_TITLE = re.compile(r"^\s*(GET|POST|PUT|DELETE|PATCH|OPTIONS|HEAD) (\S+)\s*$")
_ANNOT = re.compile(r"^(None\.|Required|String length|Max length|Min length|Range:|Data type:|Matching regular)")
_SIMPLE = {"string": ("String", True), "integer": ("Int32", False), "boolean": ("Boolean", True),
           "decimal number": ("Double", False), "date": ("DateTime", False), "time interval": ("TimeSpan", True),
           "globally unique identifier": ("Guid", True), "character": ("Char", True), "byte": ("Byte", True),
           "signed byte": ("SByte", True), "unsigned integer": ("UInt32", False), "URI": ("String", False),
           "Object": ("Object", True)}


def detect(text):
    head = text[:30000]
    return "Request Information" in head and "Response Information" in head and \
        ("Body Parameters" in head or "URI Parameters" in head)


def _type(display, where):
    d = display.strip()
    if d in _SIMPLE:
        # the help page names the simple type ("boolean"): taken as the plain value type
        n, c = _SIMPLE[d]
        return TypeRef(n, (), False if n not in ("String", "Object") else None), c
    m = re.fullmatch(r"Collection of (.+)", d)
    if m:
        t, c = _type(m.group(1), where)
        return TypeRef("List", (t,)), c
    m = re.fullmatch(r"Dictionary of (.+?) \[key\] and (.+?) \[value\]", d)
    if m:
        k, kc = _type(m.group(1), where)
        v, vc = _type(m.group(2), where)
        return TypeRef("Dictionary", (k, v)), kc and vc
    m = re.fullmatch(r"Nullable of (.+)", d)
    if m:
        t, c = _type(m.group(1), where)
        return t.with_nullable(True), c
    if re.fullmatch(r"[A-Za-z_]\w*", d):
        return TypeRef(d), True
    raise CodegenError("cannot read the Web API type %r" % d, *where)


def read(text, source):
    linemap = None
    if looks_like_html(text):
        text, linemap = html_to_text(text)
    L = text.split("\n")

    def lineno(i):
        return linemap[min(i, len(linemap) - 1)] if linemap else i + 1

    def find(label, start=0):
        return next((i for i in range(start, len(L)) if L[i].strip() == label), None)

    title = next((i for i, l in enumerate(L) if _TITLE.match(l)), None)
    if title is None:
        raise CodegenError("no `VERB Api/Path` title line", source, 1)
    verb, path = _TITLE.match(L[title]).groups()
    body_i, resp_i = find("Body Parameters"), find("Response Information")
    if body_i is None or resp_i is None:
        raise CodegenError("missing Body Parameters or Response Information section (truncated page?)",
                           source, lineno(len(L) - 1))
    fmt_i = find("Request Formats", body_i)
    res_i = find("Resource Description", resp_i)
    rfmt_i = find("Response Formats", resp_i)
    if fmt_i is None or res_i is None or rfmt_i is None:
        raise CodegenError("missing Request Formats, Resource Description or Response Formats section "
                           "(truncated page?)", source, lineno(len(L) - 1))
    svc = Service(sources=[str(source)])
    req = _model(L, body_i + 1, fmt_i, source, lineno)
    resp = _model(L, res_i + 1, rfmt_i, source, lineno)
    if req is None:
        raise CodegenError("the action has no body type: only actions with a body model are DTOs", source,
                           lineno(body_i))
    types = {}
    req_types = _with_samples(req, L, fmt_i, resp_i, source, lineno, types)
    req_types[0].routes = [Route("/" + path.lstrip("/"), verb)]
    info = find("Request Information")
    desc = " ".join(L[j].strip() for j in range(title + 1, info or title + 1) if L[j].strip())
    if desc and not req_types[0].description:
        req_types[0].description = desc
    req_types[0].returns_known = True
    if resp is not None:
        _with_samples(resp, L, rfmt_i, len(L), source, lineno, types)
        req_types[0].returns = TypeRef(resp.name)
    for t in types.values():
        svc.add_type(t)
    svc.add_operation(req.name, resp.name if resp is not None else None)
    return [svc]


def _model(L, start, stop, source, lineno):
    """The type name and member rows of a Body Parameters / Resource Description section."""
    toks = [(L[i].strip(), i) for i in range(start, stop) if L[i].strip()]
    if not toks or toks[0][0] == "None.":
        return None
    name = toks[0][0]
    if name.startswith("|"):
        raise CodegenError("expected the model type name before the table", source, lineno(toks[0][1]))
    name = re.sub(r"^Collection of ", "", name)
    if not re.fullmatch(r"[A-Za-z_]\w*", name):
        raise CodegenError("unexpected model name %r" % name, source, lineno(toks[0][1]))
    t = TypeDef(name=name, members=[], origin="%s:%d" % (source, lineno(toks[0][1])))
    rows = toks[1:]
    if rows and (rows[0][0].replace(" ", "").replace("|", "") == "NameDescriptionTypeAdditionalinformation"):
        rows = rows[1:]
    i = 0
    while i < len(rows):
        cells = rows[i][0]
        where = (source, lineno(rows[i][1]))
        if cells.startswith("|"):
            c = [x.strip() for x in cells.strip().strip("|").split("|")]
            c += [""] * (4 - len(c))
            mname, desc, typ, ann = c[:4]
            i += 1
        else:
            if i + 2 >= len(rows):
                raise CodegenError("incomplete parameter row for %r (truncated page?)" % cells, *where)
            if _ANNOT.match(rows[i + 2][0]):
                mname, desc, typ, ann = rows[i][0], "", rows[i + 1][0], rows[i + 2][0]
                i += 3
            elif i + 3 < len(rows) and _ANNOT.match(rows[i + 3][0]):
                mname, desc, typ, ann = rows[i][0], rows[i + 1][0], rows[i + 2][0], rows[i + 3][0]
                i += 4
            else:
                raise CodegenError("cannot read the parameter row starting %r" % cells, *where)
        if not re.fullmatch(r"[A-Za-z_]\w*", mname):
            raise CodegenError("invalid member name %r" % mname, *where)
        mt, certain = _type(typ, where)
        m = Member(name=mname, type=mt, type_certain=certain, description=desc or None,
                   required=True if ann.startswith("Required") else None, origin="%s:%d" % where)
        t.members.append(m)
    return t


def _with_samples(model, L, start, stop, source, lineno, types):
    """Read the JSON and XML samples of a section; split the inheritance chain; register types."""
    json_pairs = xml = None
    xml_line = json_line = None
    i = start
    while i < stop:
        if L[i].strip() == "Sample:":
            j = i + 1
            while j < stop and not L[j].strip():
                j += 1
            if j < stop:
                first = L[j].strip()[:1]
                body = "\n".join(L[j:stop])
                if first in "{[" and json_pairs is None:
                    json_pairs = S.extract_json(body, source, lineno(j))
                    json_line = j
                elif first == "<" and xml is None:
                    text, _ = S.extract_xml(body, source, lineno(j))
                    xml = S.parse_xml_sample(text, source, lineno(j))
                    xml_line = j
            i = j
        i += 1
    chain = [model]
    if xml is not None:
        if xml.root != model.name:
            raise CodegenError("XML sample root <%s> is not %s" % (xml.root, model.name), source, lineno(xml_line))
        clr = S.clr_namespace_of(xml.namespace)
        xml_names = [c[0] for c in xml.children]
        runs = _sorted_runs(xml_names)
        json_names = [k for k, _ in json_pairs] if isinstance(json_pairs, list) else None
        if len(runs) > 1 and json_names and json_names != xml_names and \
                sorted(map(member_key, json_names)) == sorted(map(member_key, xml_names)):
            chain = _split_chain(model, runs, json_names)
        for t in chain:
            t.namespace = clr
            if clr is None and xml.namespace:
                t.xml_namespace = xml.namespace
        values = {c[0]: (c[2], c[3]) for c in xml.children}
        json_values = dict(json_pairs) if isinstance(json_pairs, list) else {}
        for t in chain:
            for m in t.members:
                xv, nested = values.get(m.name, (None, False))
                jv = json_values.get(m.name)
                if m.type.name not in ("String", "Int32", "Boolean", "Double", "DateTime", "TimeSpan", "Guid", "Char",
                                       "Byte", "SByte", "UInt32", "Object", "List", "Dictionary") \
                        and m.type.name not in types and not nested and isinstance(jv, int) and xv:
                    # a number in JSON, a name in XML: an enum; the sample shows one of its values
                    e = TypeDef(name=m.type.name, kind="enum", namespace=clr, enum_names=[xv], enum_values=[jv],
                                enum_wire=[None], origin=m.origin)
                    types[e.name] = e
                    m.type = m.type.with_nullable(False)
                elif not nested and xv is not None:
                    S._refine(m, xv)
    for t in chain:
        if t.name in types:
            from ..model import merge_type
            merge_type(types[t.name], t)
        else:
            types[t.name] = t
    return chain


def _sorted_runs(names):
    runs = []
    for n in names:
        if runs and runs[-1][-1] < n:
            runs[-1].append(n)
        else:
            runs.append([n])
    return runs


def _split_chain(model, runs, json_names):
    """runs: XML order, deepest base first. Returns [model, base, base-of-base, ...]."""
    by_name = {m.name: m for m in model.members}
    chain = []
    pos = {n: i for i, n in enumerate(json_names)}
    for k, run in enumerate(reversed(runs)):
        members = sorted((by_name[n] for n in run if n in by_name), key=lambda m: pos.get(m.name, 0))
        if k == 0:
            t = model
            t.members = members
        else:
            t = TypeDef(name="%sBase%s" % (model.name, "" if k == 1 else k), members=members, origin=model.origin)
            t.base_known = True
            chain[-1].base = TypeRef(t.name)
            chain[-1].base_known = True
        chain.append(t)
    chain[-1].base_known = True
    return chain
