"""The language-neutral model every reader produces and the C++ emitter consumes.

Names are .NET names throughout (type names without the generic arity backtick, member names as
declared in C#). Facts a reader could not see are None, so that inputs can be merged: a known
fact fills an unknown one, and two different known facts are a conflict that is reported.
"""

import re
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

from .errors import CodegenError

# .NET primitive / framework type aliases -> canonical names used in the model.
_ALIASES = {
    "string": "String", "str": "String",
    "int": "Int32", "int32": "Int32", "integer": "Int32",
    "long": "Int64", "int64": "Int64",
    "short": "Int16", "int16": "Int16",
    "byte": "Byte", "sbyte": "SByte",
    "uint": "UInt32", "uint32": "UInt32", "ulong": "UInt64", "uint64": "UInt64",
    "ushort": "UInt16", "uint16": "UInt16",
    "bool": "Boolean", "boolean": "Boolean",
    "double": "Double", "float": "Single", "single": "Single",
    "decimal": "Decimal", "char": "Char", "object": "Object",
    "guid": "Guid", "datetime": "DateTime", "datetimeoffset": "DateTimeOffset", "timespan": "TimeSpan",
    "dateonly": "DateOnly", "timeonly": "TimeOnly",
}
LIST_NAMES = {"List", "IList", "ICollection", "IEnumerable", "HashSet", "ISet", "IReadOnlyList",
              "IReadOnlyCollection", "Collection", "SortedSet", "LinkedList", "Queue", "Stack", "Array"}
DICT_NAMES = {"Dictionary", "IDictionary", "SortedDictionary", "IReadOnlyDictionary", "ConcurrentDictionary",
              "SortedList", "OrderedDictionary"}
VALUE_TYPES = {"Int32", "Int64", "Int16", "Byte", "SByte", "UInt32", "UInt64", "UInt16", "Boolean", "Double",
               "Single", "Decimal", "Char", "Guid", "DateTime", "DateTimeOffset", "TimeSpan", "DateOnly", "TimeOnly"}
PRIMITIVES = VALUE_TYPES | {"String", "Object"}


@dataclass(frozen=True)
class TypeRef:
    """A use of a type. `name` is canonical: 'String', 'Int32', 'List' (any list/array), 'Dictionary',
    a DTO name, or a generic parameter. `nullable` is True for Nullable<T>/T?, False when the source
    shows a non-nullable value type, None when the source cannot tell."""
    name: str
    args: Tuple["TypeRef", ...] = ()
    nullable: Optional[bool] = None

    def with_nullable(self, n):
        return TypeRef(self.name, self.args, n)

    @property
    def is_list(self):
        return self.name == "List"

    @property
    def is_dict(self):
        return self.name == "Dictionary"

    def display(self):
        s = self.name
        if self.args:
            s += "<" + ",".join(a.display() for a in self.args) + ">"
        if self.nullable:
            s += "?"
        return s

    def same_shape(self, other):
        """Equal ignoring nullability (used when merging)."""
        return (self.name == other.name and len(self.args) == len(other.args)
                and all(a.same_shape(b) for a, b in zip(self.args, other.args)))


def canonical_name(name):
    """'List`1' -> 'List', 'System.String' -> 'String', 'int' -> 'Int32'."""
    name = name.strip()
    name = re.sub(r"`\d+$", "", name)
    if "." in name and not name.endswith("."):
        name = name.rsplit(".", 1)[1]
    return _ALIASES.get(name.lower(), name) if name.lower() in _ALIASES else name


_TOKEN = re.compile(r"\s*([A-Za-z_][\w.`]*|<|>|,|\[\]|\[|\]|\?|\(|\))")


def parse_type(text, source=None, line=None):
    """Parse a C#-style type expression: 'int?', 'List<string>', 'Dictionary<string, List<Poco>>',
    'String[]', 'Nullable`1' (with no args), 'QueryResponse`1<Movie>'."""
    toks = []
    pos = 0
    text = text.strip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m:
            raise CodegenError("cannot parse type %r" % text, source, line)
        toks.append(m.group(1))
        pos = m.end()
        while pos < len(text) and text[pos].isspace():
            pos += 1
    i = 0

    def parse():
        nonlocal i
        if i >= len(toks) or not re.match(r"[A-Za-z_]", toks[i]):
            raise CodegenError("cannot parse type %r" % text, source, line)
        name = canonical_name(toks[i])
        i += 1
        args = []
        if i < len(toks) and toks[i] == "<":
            i += 1
            while True:
                args.append(parse())
                if i < len(toks) and toks[i] == ",":
                    i += 1
                    continue
                break
            if i >= len(toks) or toks[i] != ">":
                raise CodegenError("unbalanced '<' in type %r" % text, source, line)
            i += 1
        t = make_type(name, args)
        while i < len(toks) and toks[i] in ("[]", "?", "["):
            if toks[i] == "[]":
                t = TypeRef("List", (t,))
            elif toks[i] == "[":
                # multi-dimensional arrays [,] are not DTO material
                raise CodegenError("unsupported array type %r" % text, source, line)
            else:
                t = t.with_nullable(True)
            i += 1
        return t

    t = parse()
    if i != len(toks):
        raise CodegenError("unexpected %r in type %r" % (toks[i], text), source, line)
    return t


def make_type(name, args=()):
    """Normalise a type name with its arguments (Nullable<T> -> T?, collections)."""
    name = canonical_name(name)
    args = tuple(args)
    if name == "Nullable" and len(args) == 1:
        return args[0].with_nullable(True)
    if name in LIST_NAMES and len(args) == 1:
        return TypeRef("List", args)
    if name in DICT_NAMES and len(args) == 2:
        return TypeRef("Dictionary", args)
    return TypeRef(name, args)


@dataclass
class Member:
    name: str                          # .NET property name
    type: Optional[TypeRef] = None
    type_certain: bool = True          # False when the source language erased the .NET type (Python str)
    description: Optional[str] = None
    required: Optional[bool] = None
    wire_name: Optional[str] = None    # [DataMember(Name)] when it differs from the property name
    order: Optional[int] = None
    emit_default: Optional[bool] = None
    ignored: bool = False
    name_faithful: bool = True         # False when the name was guessed back from camelCase/snake_case
    origin: str = ""                   # "file:line" for diagnostics


@dataclass
class Route:
    path: str
    verbs: str = ""                    # "" = any verb
    summary: str = ""
    notes: str = ""


@dataclass
class TypeDef:
    name: str
    namespace: Optional[str] = None    # CLR namespace
    kind: str = "class"                # class | enum | interface
    generic_params: List[str] = field(default_factory=list)
    base: Optional[TypeRef] = None
    base_known: bool = False           # True once a source showed the declaration (base or none)
    implements: Optional[List[str]] = None
    members: Optional[List[Member]] = None
    description: Optional[str] = None
    data_contract: Optional[bool] = None
    xml_namespace: Optional[str] = None
    # enums
    enum_names: List[str] = field(default_factory=list)
    enum_values: List[Optional[int]] = field(default_factory=list)
    enum_wire: List[Optional[str]] = field(default_factory=list)
    flags: bool = False
    # requests
    routes: Optional[List[Route]] = None
    returns: Optional[TypeRef] = None
    returns_void: bool = False
    returns_known: bool = False        # a source showed the class header (IReturn<T> or not)
    verb: Optional[str] = None
    origin: str = ""

    @property
    def is_enum(self):
        return self.kind == "enum"


@dataclass
class Service:
    name: Optional[str] = None
    host: Optional[str] = None
    types: Dict[str, TypeDef] = field(default_factory=dict)
    operations: List[Tuple[str, Optional[str]]] = field(default_factory=list)
    sources: List[str] = field(default_factory=list)

    def key(self):
        return (self.host or "").lower() or (self.name or "").lower() or None

    def add_type(self, t):
        if t.name in self.types:
            merge_type(self.types[t.name], t)
        else:
            self.types[t.name] = t
        return self.types[t.name]

    def add_operation(self, request, response):
        for i, (req, resp) in enumerate(self.operations):
            if req == request:
                if resp is None and response is not None:
                    self.operations[i] = (req, response)
                return
        self.operations.append((request, response))


def member_key(name):
    """Spelling-insensitive key: UserName, userName, user_name all map to 'username'."""
    return re.sub(r"[_\W]", "", name).lower()


def _conflict(what, a, b, ta, tb):
    raise CodegenError("conflicting definitions of %s: %r (%s) vs %r (%s)" % (what, a, ta or "?", b, tb or "?"))


def _pick(what, a, b, oa, ob):
    if a is None:
        return b
    if b is None or a == b:
        return a
    _conflict(what, a, b, oa, ob)


def merge_member(a, b, tname):
    what = "%s.%s" % (tname, a.name)
    # a spelling restored from a .NET-faithful source wins over a derived PascalCase guess
    if a.type is None or (not a.type_certain and b.type is not None and b.type_certain):
        a.type, a.type_certain = b.type, b.type_certain
    elif b.type is not None:
        if not a.type.same_shape(b.type):
            if a.type_certain and b.type_certain:
                _conflict("type of " + what, a.type.display(), b.type.display(), a.origin, b.origin)
            elif not a.type_certain and not b.type_certain:
                _conflict("type of " + what, a.type.display(), b.type.display(), a.origin, b.origin)
        else:
            # nullability: known beats unknown
            if a.type.nullable is None and b.type.nullable is not None:
                a.type = a.type.with_nullable(b.type.nullable)
    a.description = _pick("description of " + what, a.description, b.description, a.origin, b.origin)
    if a.required is None or (b.required and not a.required):
        # one source saying Required (ApiMember IsRequired, params table) is taken as the fact
        a.required = b.required if b.required is not None else a.required
    a.wire_name = _pick("data member name of " + what, a.wire_name, b.wire_name, a.origin, b.origin)
    a.order = _pick("data member order of " + what, a.order, b.order, a.origin, b.origin)
    a.emit_default = _pick("EmitDefaultValue of " + what, a.emit_default, b.emit_default, a.origin, b.origin)
    a.ignored = a.ignored or b.ignored
    if not a.origin:
        a.origin = b.origin


def merge_type(a, b):
    """Merge the facts of b into a (same .NET name)."""
    what = "type " + a.name
    if a.kind != b.kind:
        _conflict("kind of " + what, a.kind, b.kind, a.origin, b.origin)
    a.namespace = _pick("namespace of " + what, a.namespace, b.namespace, a.origin, b.origin)
    if b.generic_params and not a.generic_params:
        a.generic_params = b.generic_params
    if b.base_known:
        if a.base_known:
            if (a.base is None) != (b.base is None) or (a.base and not a.base.same_shape(b.base)):
                _conflict("base class of " + what, a.base and a.base.display(), b.base and b.base.display(),
                          a.origin, b.origin)
        else:
            a.base, a.base_known = b.base, True
    elif a.base is None and b.base is not None:
        a.base = b.base
    if b.implements is not None:
        if a.implements is None:
            a.implements = list(b.implements)
        else:
            for i in b.implements:
                if i not in a.implements:
                    a.implements.append(i)
    if b.members is not None:
        if a.members is None:
            a.members = b.members
        else:
            index = {member_key(m.name): m for m in a.members}
            extra = []
            for m in b.members:
                mine = index.get(member_key(m.name))
                if mine is None:
                    extra.append(m)
                else:
                    # a .NET-faithful spelling (from a table or C#) replaces a guessed one
                    if mine.name != m.name and m.name_faithful and not mine.name_faithful:
                        mine.name, mine.name_faithful = m.name, True
                    merge_member(mine, m, a.name)
            if extra:
                if len(extra) != len(b.members) or a.members:
                    names_a = [m.name for m in a.members]
                    names_b = [m.name for m in b.members]
                    if set(map(member_key, names_b)) - set(map(member_key, names_a)) and \
                            set(map(member_key, names_a)) - set(map(member_key, names_b)):
                        _conflict("members of " + what, names_a, names_b, a.origin, b.origin)
                a.members.extend(extra)
    a.description = _pick("description of " + what, a.description, b.description, a.origin, b.origin)
    a.data_contract = _pick("[DataContract] of " + what, a.data_contract, b.data_contract, a.origin, b.origin)
    a.xml_namespace = _pick("XML namespace of " + what, a.xml_namespace, b.xml_namespace, a.origin, b.origin)
    if b.is_enum:
        if not a.enum_names:
            a.enum_names, a.enum_values, a.enum_wire = b.enum_names, b.enum_values, b.enum_wire
        elif b.enum_names and [n.lower() for n in a.enum_names] != [n.lower() for n in b.enum_names]:
            if set(n.lower() for n in b.enum_names) <= set(n.lower() for n in a.enum_names):
                pass
            elif set(n.lower() for n in a.enum_names) <= set(n.lower() for n in b.enum_names):
                a.enum_names, a.enum_values, a.enum_wire = b.enum_names, b.enum_values, b.enum_wire
            else:
                _conflict("values of enum " + a.name, a.enum_names, b.enum_names, a.origin, b.origin)
        a.flags = a.flags or b.flags
    if b.routes is not None:
        if a.routes is None:
            a.routes = b.routes
        else:
            for r in b.routes:
                same = [x for x in a.routes if x.path == r.path]
                if not same:
                    a.routes.append(r)
                else:
                    x = same[0]
                    x.verbs = x.verbs or r.verbs
                    x.summary = x.summary or r.summary
                    x.notes = x.notes or r.notes
    if b.returns_known:
        if a.returns_known and (a.returns_void != b.returns_void or (a.returns is None) != (b.returns is None)
                                or (a.returns and not a.returns.same_shape(b.returns))):
            _conflict("response type of " + what, a.returns and a.returns.display(),
                      b.returns and b.returns.display(), a.origin, b.origin)
        a.returns, a.returns_void, a.returns_known = b.returns, b.returns_void, True
    a.verb = _pick("verb marker of " + what, a.verb, b.verb, a.origin, b.origin)
    if not a.origin:
        a.origin = b.origin


def merge_service(into, other):
    """Merge one reader's Service into another describing the same service."""
    into.name = into.name or other.name
    into.host = into.host or other.host
    for t in other.types.values():
        into.add_type(t)
    for req, resp in other.operations:
        into.add_operation(req, resp)
    for s in other.sources:
        if s not in into.sources:
            into.sources.append(s)
    return into


def pascal_case(name):
    """user_name -> UserName, userName -> UserName (the default undo of language renames)."""
    if "_" in name.strip("_"):
        return "".join(p[:1].upper() + p[1:] for p in name.split("_") if p)
    name = name.rstrip("_")
    return name[:1].upper() + name[1:]
