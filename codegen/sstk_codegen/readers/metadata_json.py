"""/types/metadata (MetadataTypes) and /metadata/app.json (AppMetadata, MetadataTypes under `api`).

Accepts camelCase (.NET Core hosts) and PascalCase (.NET Framework hosts) property names, the
ServiceStack <= 6.0 property spelling (`isSystemType`, `typeNamespace`) and the newer `namespace`.
"""

import json
import re
from urllib.parse import urlparse

from ..errors import CodegenError
from ..model import Member, Route, Service, TypeDef, TypeRef, make_type, parse_type
from ..emit_cpp import SSTK_BUILTINS

SERVICESTACK_XML_NS = "http://schemas.servicestack.net/types"

KIND = "ServiceStack /types/metadata JSON"


def _norm(v):
    """Lower-case the first letter of every key (PascalCase hosts -> camelCase)."""
    if isinstance(v, dict):
        return {(k[:1].lower() + k[1:] if isinstance(k, str) else k): _norm(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_norm(x) for x in v]
    return v


def detect(text):
    s = text.lstrip("\ufeff \t\r\n")
    if not s.startswith("{"):
        return False
    return bool(re.search(r'"(types|Types|operations|Operations|api|Api)"\s*:', s[:20000]))


class _Src:
    """The input's label (str() of it) plus a way to find the line where a type is defined."""

    def __init__(self, label, text):
        self.label, self.text = str(label), text
        self._cache = {}

    def __str__(self):
        return self.label

    def line_of(self, name):
        if name not in self._cache:
            m = re.search(r'"[Nn]ame"\s*:\s*"%s(`\d+)?"' % re.escape(str(name)), self.text)
            self._cache[name] = self.text.count("\n", 0, m.start()) + 1 if m else None
        return self._cache[name]

    def origin(self, name):
        line = self.line_of(name)
        return "%s:%d" % (self.label, line) if line else self.label


def _load(text, source):
    try:
        doc = json.loads(text.lstrip("\ufeff"))
    except json.JSONDecodeError as e:
        raise CodegenError("invalid JSON: %s (column %d)" % (e.msg, e.colno), source, e.lineno)
    except RecursionError:
        raise CodegenError("JSON nested too deeply", source)
    if not isinstance(doc, dict):
        raise CodegenError("expected a JSON object at the top level", source, 1)
    try:
        return _norm(doc)
    except RecursionError:
        raise CodegenError("JSON nested too deeply", source)


def _require(cond, msg, source, name=None):
    if not cond:
        raise CodegenError(msg, source, source.line_of(name) if name and hasattr(source, "line_of") else None)


def _text(v, what, source, name=None):
    """An optional string property: None when absent or empty; any other JSON type is an error."""
    if v is None or v == "":
        return None
    _require(isinstance(v, str), "%s must be a string, not %s" % (what, json.dumps(v)[:60]), source, name)
    return v


def _list(v, what, source, name=None, of=None):
    """An optional list property ([] when absent), of `of` items when given."""
    if v is None:
        return []
    _require(isinstance(v, list) and (of is None or all(isinstance(x, of) for x in v)),
             "%s must be a list%s, not %s" % (what, " of strings" if of is str else "", json.dumps(v)[:60]), source, name)
    return v


def _host(url):
    try:
        return urlparse(url).netloc or None
    except ValueError:
        return None


def _type_ref(name, generic_args, source, nullable_hint=None):
    """A MetadataTypeName / property type with its genericArgs (expanded names like 'List<Poco>')."""
    if not isinstance(name, str) or not name:
        raise CodegenError("type name missing or not a string: %r" % (name,), source)
    args = []
    for a in _list(generic_args, "genericArgs of %s" % name, source):
        if not isinstance(a, str):
            raise CodegenError("genericArgs must be strings, got %r" % (a,), source)
        args.append(parse_type(a, source))
    base = re.sub(r"`\d+$", "", name)
    if base.endswith("[]"):
        t = parse_type(base, source)
    else:
        t = make_type(base, args)
    return t


def _member(p, tname, source):
    _require(isinstance(p, dict), "property of %s is not an object" % tname, source, tname)
    name = p.get("name")
    _require(isinstance(name, str) and name, "property of %s has no name" % tname, source, tname)
    try:
        t = _type_ref(p.get("type"), p.get("genericArgs"), source)
    except CodegenError as e:
        raise CodegenError("%s.%s: %s" % (tname, name, e.message), source, source.line_of(tname))
    if t.nullable is None and p.get("isValueType") and (p.get("type") or "").split("`")[0] != "Nullable":
        t = t.with_nullable(False)
    elif t.nullable is None and p.get("isEnum") and (p.get("type") or "").split("`")[0] != "Nullable":
        t = t.with_nullable(False)
    m = Member(name=name, type=t, origin=source.origin(tname))
    m.description = _text(p.get("description"), "description of %s.%s" % (tname, name), source, tname)
    dm = p.get("dataMember")
    if isinstance(dm, dict):
        wire = _text(dm.get("name"), "dataMember name of %s.%s" % (tname, name), source, tname)
        if wire and wire != name:
            m.wire_name = wire
        if isinstance(dm.get("order"), int):
            m.order = dm["order"]
        if dm.get("emitDefaultValue") is False:
            m.emit_default = False
        if dm.get("isRequired"):
            m.required = True
    if p.get("isRequired"):
        m.required = True
    for a in _list(p.get("attributes"), "attributes of %s.%s" % (tname, name), source, tname):
        if isinstance(a, dict) and a.get("name") == "IgnoreDataMember":
            m.ignored = True
    return m


def _typedef(mt, source):
    _require(isinstance(mt, dict), "a MetadataType is not an object", source)
    raw = mt.get("name")
    _require(isinstance(raw, str) and raw, "a MetadataType has no name", source)
    name = re.sub(r"`\d+$", "", raw)
    ns = _text(mt.get("namespace"), "namespace of %s" % name, source, name) or \
        _text(mt.get("typeNamespace"), "typeNamespace of %s" % name, source, name)
    t = TypeDef(name=name, namespace=ns, origin=source.origin(name))
    if mt.get("isGenericTypeDef") or (mt.get("genericArgs") and "`" in raw):
        t.generic_params = list(_list(mt.get("genericArgs"), "genericArgs of %s" % name, source, name, str))
    if mt.get("isInterface"):
        t.kind = "interface"
    t.description = _text(mt.get("description"), "description of %s" % name, source, name)
    dc = mt.get("dataContract")
    if isinstance(dc, dict):
        t.data_contract = True
        if dc.get("namespace") is not None:
            _require(isinstance(dc["namespace"], str), "dataContract namespace of %s must be a string" % name, source, name)
            t.xml_namespace = dc["namespace"]
    if ns == "ServiceStack" and t.xml_namespace is None:
        # [assembly: ContractNamespace("http://schemas.servicestack.net/types", ClrNamespace = "ServiceStack")]
        t.xml_namespace = SERVICESTACK_XML_NS
    attributes = _list(mt.get("attributes"), "attributes of %s" % name, source, name)
    for a in attributes:
        if isinstance(a, dict) and a.get("name") == "DataContract":
            t.data_contract = True
    if mt.get("isEnum"):
        t.kind = "enum"
        names = mt.get("enumNames") or []
        _require(isinstance(names, list) and all(isinstance(n, str) for n in names),
                 "enumNames of %s must be a list of strings" % name, source, name)
        t.enum_names = list(names)
        vals = _list(mt.get("enumValues"), "enumValues of %s" % name, source, name)
        if vals:
            _require(len(vals) == len(names), "enumValues of %s do not match enumNames" % name, source, name)
            try:
                t.enum_values = [int(str(v)) for v in vals]
            except ValueError:
                raise CodegenError("enumValues of %s are not integers: %r" % (name, vals), source, source.line_of(name))
        wire = _list(mt.get("enumMemberValues"), "enumMemberValues of %s" % name, source, name, str)
        if wire:
            _require(len(wire) == len(names), "enumMemberValues of %s do not match enumNames" % name, source, name)
            t.enum_wire = [w if w != n else None for w, n in zip(wire, names)]
        t.flags = any(isinstance(a, dict) and a.get("name") == "Flags" for a in attributes)
        return t
    inh = mt.get("inherits")
    t.base_known = True
    if isinstance(inh, dict) and inh.get("name"):
        t.base = _type_ref(inh["name"], inh.get("genericArgs"), source)
    impl = []
    for i in _list(mt.get("implements"), "implements of %s" % name, source, name):
        if isinstance(i, dict) and _text(i.get("name"), "an interface name of %s" % name, source, name):
            n = re.sub(r"`\d+$", "", i["name"])
            iargs = _list(i.get("genericArgs"), "genericArgs of %s's interface %s" % (name, n), source, name, str)
            if iargs:
                n += "<%s>" % ",".join(iargs)
            impl.append(n)
    t.implements = impl
    props = mt.get("properties")
    _require(props is None or isinstance(props, list), "properties of %s must be a list" % name, source, name)
    t.members = [_member(p, name, source) for p in props or []]
    return t


def _skip(t):
    """ServiceStack's own DTOs that sstk provides, and interfaces, are not generated."""
    if t.kind == "interface":
        return True
    return t.name in SSTK_BUILTINS and (t.namespace in (None, "ServiceStack"))


def read(text, source):
    source = _Src(source, text)
    doc = _load(text, source)
    svc = Service()
    if isinstance(doc.get("api"), dict):
        app = doc.get("app") or {}
        if isinstance(app, dict):
            svc.name = _text(app.get("serviceName"), "app.serviceName", source)
            if isinstance(app.get("baseUrl"), str):
                svc.host = _host(app["baseUrl"])
        doc = doc["api"]
    types = doc.get("types")
    ops = doc.get("operations")
    _require(types is not None or ops is not None, "neither 'types' nor 'operations' found", source)
    _require(types is None or isinstance(types, list), "'types' must be a list", source)
    _require(ops is None or isinstance(ops, list), "'operations' must be a list", source)
    cfg = doc.get("config") or {}
    if isinstance(cfg, dict) and isinstance(cfg.get("baseUrl"), str) and not svc.host:
        svc.host = _host(cfg["baseUrl"])
    for mt in types or []:
        t = _typedef(mt, source)
        if not _skip(t):
            svc.add_type(t)
    for op in ops or []:
        _require(isinstance(op, dict) and isinstance(op.get("request"), dict),
                 "an operation without a 'request' type", source)
        req = _typedef(op["request"], source)
        resp = _typedef(op["response"], source) if isinstance(op.get("response"), dict) else None
        req.returns_known = True
        if op.get("returnsVoid"):
            req.returns_void = True
        elif isinstance(op.get("returnType"), dict) and op["returnType"].get("name"):
            rt = op["returnType"]
            req.returns = _type_ref(rt["name"], rt.get("genericArgs"), source)
        elif resp is not None:
            req.returns = TypeRef(resp.name)
        else:
            req.returns_known = False
        method = _text(op.get("method"), "method of %s" % req.name, source, req.name)
        if method:
            req.verb = method.upper()
        routes = op.get("routes")
        if routes:
            _require(isinstance(routes, list), "routes of %s must be a list" % req.name, source, req.name)
            req.routes = []
            for r in routes:
                _require(isinstance(r, dict) and isinstance(r.get("path"), str),
                         "a route of %s has no path" % req.name, source, req.name)
                req.routes.append(Route(r["path"], *(_text(r.get(k), "%s of a route of %s" % (k, req.name), source, req.name)
                                                     or "" for k in ("verbs", "summary", "notes"))))
        if not _skip(req):
            svc.add_type(req)
        if resp is not None and not _skip(resp):
            svc.add_type(resp)
        svc.add_operation(req.name, resp.name if resp is not None else None)
    return [svc]
