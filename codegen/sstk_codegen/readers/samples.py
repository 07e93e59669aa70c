"""Sample HTTP bodies on metadata and help pages: what they prove about the DTOs.

XML samples (DataContractSerializer, indented) give the .NET member names, the CLR namespace of
the type (xmlns http://schemas.datacontract.org/2004/07/{CLR namespace}) and of each base class
(members declared on a base carry the base's xmlns), and DataContract order. JSON samples give
member names in declaration order and, through the placeholder values, types the DTO source
erased (a zero Guid where Python says `str`).
"""

import json
import re
import xml.etree.ElementTree as ET

from ..errors import CodegenError
from ..model import Member, TypeRef, member_key

DATACONTRACT_PREFIX = "http://schemas.datacontract.org/2004/07/"
ZERO_GUID = "00000000-0000-0000-0000-000000000000"


class XmlSample:
    def __init__(self, root, namespace, children):
        self.root = root                # local name of the root element
        self.namespace = namespace      # its default namespace
        self.children = children        # [(name, namespace, text or None, has_children)]


def parse_xml_sample(text, source, line):
    text = text.strip()
    try:
        el = ET.fromstring(text)
    except ET.ParseError as e:
        l, c = e.position
        raise CodegenError("malformed XML sample: %s" % e, source, line + l - 1)
    ns, name = _split(el.tag)
    children = []
    for c in el:
        cns, cname = _split(c.tag)
        children.append((cname, cns, (c.text or "").strip() if len(c) == 0 else None, len(c) > 0))
    return XmlSample(name, ns, children)


def _split(tag):
    if tag.startswith("{"):
        ns, name = tag[1:].split("}", 1)
        return ns, name
    return "", tag


def clr_namespace_of(xmlns):
    if xmlns and xmlns.startswith(DATACONTRACT_PREFIX):
        return xmlns[len(DATACONTRACT_PREFIX):]
    return None


def extract_xml(body, source, line):
    """The first complete XML element in body (a sample is followed by other page text)."""
    m = re.search(r"<([A-Za-z_][\w.\-]*)", body)
    if not m:
        raise CodegenError("no XML element in the sample", source, line)
    name = m.group(1)
    start = m.start()
    depth = 0
    for t in re.finditer(r"<(/?)%s(?=[\s>/])[^>]*?(/?)>" % re.escape(name), body[start:]):
        if t.group(1):
            depth -= 1
        elif not t.group(2):
            depth += 1
        if depth == 0:
            end = start + t.end()
            return body[start:end], line + body[:start].count("\n")
    raise CodegenError("XML sample <%s> is not closed (truncated page?)" % name, source, line + body[:start].count("\n"))


def extract_json(body, source, line):
    m = re.search(r"[{\[]", body)
    if not m:
        raise CodegenError("no JSON value in the sample", source, line)
    try:
        value, end = json.JSONDecoder(object_pairs_hook=list).raw_decode(body[m.start():])
    except json.JSONDecodeError as e:
        raise CodegenError("malformed JSON sample: %s" % e.msg, source, line + body[:m.start()].count("\n") + e.lineno - 1)
    return value


def value_type(v):
    """The .NET type a placeholder value proves, or None when it proves nothing specific."""
    if isinstance(v, bool):
        return TypeRef("Boolean")
    if isinstance(v, str):
        if v.lower() == ZERO_GUID:
            return TypeRef("Guid")
        if re.fullmatch(r"\\?/Date\(-?\d+([+-]\d{4})?\)\\?/", v) or re.fullmatch(r"0001-01-01T00:00:00(\.0+)?Z?", v):
            return TypeRef("DateTime")
        if re.fullmatch(r"P(T0S|T0H|0D|T0M)", v) or v == "00:00:00":
            return TypeRef("TimeSpan")
    return None


def _chain(types, name):
    out = []
    while name in types and name not in out:
        out.append(name)
        b = types[name].base
        name = b.name if b else None
    return out


def _find(types, chain, key):
    for n in chain:
        for m in types[n].members or []:
            if member_key(m.name) == key:
                return n, m
    return None, None


def _refine(m, v):
    vt = value_type(v) if v is not None else None
    if vt is None or m.type is None:
        return
    if m.type.name == "String" and not m.type_certain and vt.name in ("Guid", "DateTime", "TimeSpan"):
        m.type = TypeRef(vt.name, (), m.type.nullable if m.type.nullable is not None else None)
        m.type_certain = True


def _set_ns(t, ns, origin):
    if ns is None:
        return
    if t.namespace is None:
        t.namespace = ns
    elif t.namespace != ns:
        raise CodegenError("the XML sample puts %s in namespace %s, another input says %s"
                           % (t.name, ns, t.namespace), *origin)


def apply_xml(types, root_type, sample, origin, create=True):
    """Apply an XML sample to the type `root_type` (and its bases) in `types`."""
    if root_type not in types:
        return
    clr = clr_namespace_of(sample.namespace)
    t = types[root_type]
    if clr is not None:
        _set_ns(t, clr, origin)
    elif sample.namespace and t.xml_namespace is None:
        t.xml_namespace = sample.namespace
    chain = _chain(types, root_type)
    known = any(types[n].members for n in chain)
    for name, ns, text, nested in sample.children:
        owner, m = _find(types, chain, member_key(name))
        if m is None:
            if known or not create:
                raise CodegenError("the XML sample of %s has <%s>, which no other input declares"
                                   % (root_type, name), *origin)
            continue
        if not m.name_faithful or m.name != name:
            if member_key(m.name) == member_key(name):
                m.name, m.name_faithful = name, True
        if ns != sample.namespace and owner != root_type:
            _set_ns(types[owner], clr_namespace_of(ns), origin)
        elif ns == sample.namespace and owner != root_type and clr is not None:
            _set_ns(types[owner], clr, origin)
        if not nested:
            _refine(m, text)


def apply_json(types, root_type, pairs, origin, create=True):
    """Apply a JSON sample (object as [(key, value)] pairs) to `root_type`."""
    if root_type not in types or not isinstance(pairs, list):
        return
    chain = _chain(types, root_type)
    known = any(types[n].members for n in chain)
    faithful = any(k[:1].isupper() for k, _ in pairs)
    new = []
    for k, v in pairs:
        owner, m = _find(types, chain, member_key(k))
        if m is None:
            if known:
                raise CodegenError("the JSON sample of %s has %r, which no other input declares" % (root_type, k),
                                   *origin)
            if create:
                new.append(member_from_value(k, v, faithful, origin))
            continue
        if faithful and m.name != k and not m.name_faithful:
            m.name, m.name_faithful = k, True
        _refine(m, v)
    if new:
        types[root_type].members = new


def member_from_value(name, v, faithful, origin):
    from ..model import pascal_case
    t = value_type(v)
    certain = t is not None
    if t is None:
        if isinstance(v, str):
            t = TypeRef("String")
        elif isinstance(v, int):
            t = TypeRef("Int32")
        elif isinstance(v, float):
            t = TypeRef("Double")
        elif name.lower() == "responsestatus":
            t, certain = TypeRef("ResponseStatus"), True
        else:
            raise CodegenError("cannot infer the type of %r from the sample alone" % name, *origin)
    if t.name != "String":
        t = t.with_nullable(None)
    return Member(name=name if faithful else pascal_case(name), type=t, type_certain=certain,
                  name_faithful=faithful, origin="%s:%s" % origin if origin[1] else str(origin[0]))
