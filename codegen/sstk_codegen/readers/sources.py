"""DTO source as ServiceStack's Add-Reference generators print it (metadata pages with ?lang=x,
and /types/{lang} listings): C#, TypeScript, Python, Java, Kotlin, Swift, Dart.

Each parser returns TypeDefs in declaration order. What a language erases is marked: member names
guessed back from camelCase/snake_case have name_faithful=False (samples and parameter tables
restore them), types that several .NET types share (Python `str`, Kotlin `Date`...) have
type_certain=False, and value-type nullability the generator always prints the same way
(Java boxes, Kotlin `?`) stays unknown.
"""

import re

from ..errors import CodegenError
from ..model import Member, Route, TypeDef, TypeRef, make_type, pascal_case

_ARG = re.compile(r'(\w+)\s*=\s*("(?:[^"\\]|\\.)*"|[^,()]+)')
_POS = re.compile(r'^\s*"((?:[^"\\]|\\.)*)"')


def _unquote(v):
    v = v.strip()
    if len(v) >= 2 and v[0] == '"' and v[-1] == '"':
        return re.sub(r'\\(.)', r'\1', v[1:-1])
    return v


class Attr:
    def __init__(self, name, text):
        self.name = name
        self.args = {}
        self.positional = []
        for m in _ARG.finditer(text):
            self.args[m.group(1).lower()] = _unquote(m.group(2))
        rest = text
        while True:
            m = _POS.match(rest)
            if not m:
                break
            self.positional.append(re.sub(r'\\(.)', r'\1', m.group(1)))
            rest = rest[m.end():].lstrip().lstrip(",")

    def get(self, key, default=None):
        return self.args.get(key.lower(), default)


_ATTR_LINE = re.compile(r'^\s*(?://\s*|#\s*)?[@\[]\s*(\w+)\s*(?:\((.*)\))?\s*\]?\s*$')


def parse_attr(line):
    m = _ATTR_LINE.match(line)
    if not m:
        return None
    return Attr(m.group(1).replace("Attribute", "") if m.group(1).endswith("Attribute") else m.group(1),
                m.group(2) or "")


def _bool(v):
    return v is not None and str(v).strip().lower() == "true"


def _apply_member_attrs(m, attrs):
    for a in attrs:
        if a.name == "ApiMember":
            if a.get("Description"):
                m.description = a.get("Description")
            if a.get("IsRequired") is not None:
                m.required = _bool(a.get("IsRequired")) or None
            if a.get("Name") and a.get("Name") != m.name and re.fullmatch(r"[A-Za-z_]\w*", a.get("Name")):
                if not m.name_faithful:
                    m.name, m.name_faithful = a.get("Name"), True
        elif a.name == "DataMember":
            if a.get("Order") and a.get("Order").strip().lstrip("-").isdigit():
                m.order = int(a.get("Order"))
            if a.get("Name"):
                m.wire_name = a.get("Name")
            if a.get("EmitDefaultValue") is not None and not _bool(a.get("EmitDefaultValue")):
                m.emit_default = False
            if _bool(a.get("IsRequired")):
                m.required = True
        elif a.name in ("Required", "ValidateNotEmpty", "ValidateNotNull"):
            m.required = True
        elif a.name == "IgnoreDataMember":
            m.ignored = True
        elif a.name in ("Description",) and a.positional:
            m.description = a.positional[0]


def _apply_type_attrs(t, attrs):
    for a in attrs:
        if a.name == "Route":
            path = a.get("Path") or (a.positional[0] if a.positional else None)
            if path:
                verbs = a.get("Verbs") or (a.positional[1] if len(a.positional) > 1 else "")
                t.routes = (t.routes or []) + [Route(path, verbs or "", a.get("Summary") or "", a.get("Notes") or "")]
        elif a.name == "Api":
            if a.get("Description"):
                t.description = a.get("Description")
            elif a.positional:
                t.description = a.positional[0]
        elif a.name == "DataContract":
            t.data_contract = True
            if a.get("Namespace") is not None:
                t.xml_namespace = a.get("Namespace")
        elif a.name == "Flags":
            t.flags = True
        elif a.name == "Description" and a.positional and not t.description:
            t.description = a.positional[0]


def _split_top(s, sep=","):
    out, depth, cur = [], 0, ""
    for ch in s:
        if ch in "<[(":
            depth += 1
        elif ch in ">])":
            depth -= 1
        if ch == sep and depth == 0:
            out.append(cur.strip())
            cur = ""
        else:
            cur += ch
    if cur.strip():
        out.append(cur.strip())
    return out


_VERB_IFACES = {"IGet": "GET", "IPost": "POST", "IPut": "PUT", "IDelete": "DELETE", "IPatch": "PATCH",
                "IOptions": "OPTIONS"}


def _apply_supertypes(t, supers, conv, base_pred):
    """Class header supertypes -> base, IReturn<T>, IReturnVoid, verb marker, interfaces."""
    t.base_known = True
    t.returns_known = True
    t.implements = []
    for s in supers:
        s = s.strip()
        if not s:
            continue
        m = re.match(r"IReturn\s*[<\[](.*)[>\]]$", s)
        if m:
            t.returns = conv(m.group(1))[0]
            continue
        if s == "IReturnVoid":
            t.returns_void = True
            continue
        if s in _VERB_IFACES:
            t.verb = _VERB_IFACES[s]
            continue
        if s in ("IConvertible", "Codable", "JsonSerializable", "IReturn", "Generic") or s.startswith("Generic["):
            continue
        if base_pred(s):
            t.base = conv(s.rstrip("()").strip())[0]
        else:
            t.implements.append(s)


def _is_iface(name):
    return bool(re.match(r"I[A-Z]", name))


# ---------------------------------------------------------------------------------------------
# brace languages: C#, Java, Kotlin, TypeScript

def _strip_generics_name(decl):
    m = re.match(r"(\w+)\s*(?:<([^>]*)>)?", decl)
    return m.group(1), [p.strip() for p in (m.group(2) or "").split(",") if p.strip()]


class _Lines:
    def __init__(self, text, source, first_line):
        self.lines = text.split("\n")
        self.source = source
        self.first = first_line

    def origin(self, i):
        return "%s:%d" % (self.source, self.first + i)

    def error(self, msg, i):
        raise CodegenError(msg, self.source, self.first + i)


def _brace_parse(text, source, first_line, lang):
    L = _Lines(text, source, first_line)
    types = []
    attrs = []
    doc = []
    in_doc = False
    cur = None          # TypeDef being filled
    stack = []          # enclosing types (nested classes; Java's `public class dtos` wrapper)
    depth = 0
    class_depth = None
    enum_mode = False
    pending_enum_attrs = []
    ns = None
    i = 0
    lines = L.lines
    while i < len(lines):
        raw = lines[i]
        line = raw.strip()
        i += 1
        idx = i - 1
        if in_doc:
            if "*/" in line:
                in_doc = False
                line = line.split("*/", 1)[0]
            doc.append(re.sub(r"^\*\s?", "", line).strip())
            continue
        if line.startswith("/**") or (line.startswith("/*") and lang != "csharp-options"):
            body = line[3:] if line.startswith("/**") else line[2:]
            if "*/" in body:
                doc.append(body.split("*/", 1)[0].strip())
            else:
                in_doc = True
                doc.append(body.strip())
            continue
        if line.startswith("///"):
            doc.append(re.sub(r"</?summary>", "", line[3:]).strip())
            continue
        a = parse_attr(line) if (line.startswith("@") or line.startswith("[") or
                                 re.match(r"//\s*@\w", line)) else None
        if a:
            if enum_mode and cur is not None:
                pending_enum_attrs.append(a)
            else:
                attrs.append(a)
            continue
        if not line or line.startswith("//") or line.startswith("import ") or line.startswith("using ") \
                or line.startswith("package ") or line.startswith("#"):
            continue
        m = re.match(r"namespace\s+([\w.]+)", line)
        if m and lang == "csharp":
            ns = m.group(1)
            depth += line.count("{") - line.count("}")
            continue
        decl = re.match(
            r"(?:(?:public|private|internal|protected|static|partial|abstract|sealed|open|export|data|final|declare)\s+)*"
            r"(class|enum class|enum|interface)\s+(\w+(?:\s*<[^>{]*>)?)\s*(\([^)]*\))?\s*(.*)$", line)
        if decl and "{" not in line:
            # C# puts the base list on the next line(s): `public partial class X\n    : Base, IReturn<Y>`
            while i < len(lines) and re.match(r"\s*(:|,|extends\b|implements\b)", lines[i]) and "{" not in lines[i]:
                line = line + " " + lines[i].strip()
                i += 1
            decl = re.match(
                r"(?:(?:public|private|internal|protected|static|partial|abstract|sealed|open|export|data|final|declare)\s+)*"
                r"(class|enum class|enum|interface)\s+(\w+(?:\s*<[^>{]*>)?)\s*(\([^)]*\))?\s*(.*)$", line)
        if decl:
            if cur is not None:
                stack.append((cur, class_depth, enum_mode))
            kind, name_part, ctor, rest = decl.groups()
            name, params = _strip_generics_name(name_part)
            t = TypeDef(name=name, namespace=ns if lang == "csharp" else None, origin=L.origin(idx))
            t.generic_params = params
            desc = " ".join(x for x in doc if x).strip()
            doc = []
            if kind in ("enum", "enum class"):
                t.kind = "enum"
                t.enum_values = []
                t.enum_wire = []
            elif kind == "interface":
                t.kind = "interface"
            _apply_type_attrs(t, attrs)
            attrs = []
            if desc and not t.description:
                t.description = desc
            rest = re.split(r"\s+where\s+", rest.split("{", 1)[0])[0].strip()
            supers = []
            if lang == "java":
                mm = re.match(r"(?:extends\s+(.+?))?\s*(?:implements\s+(.+))?$", rest)
                if mm:
                    if mm.group(1):
                        supers.append(mm.group(1).strip() + "()")
                    if mm.group(2):
                        supers += _split_top(mm.group(2))
            elif lang in ("typescript", "dart"):
                mm = re.match(r"(?:extends\s+(.+?))?\s*(?:implements\s+(.+))?$", rest)
                if mm:
                    if mm.group(1):
                        supers.append(mm.group(1).strip() + "()")
                    if mm.group(2):
                        supers += _split_top(mm.group(2))
            elif rest.startswith(":"):
                supers = _split_top(rest[1:])
            if t.kind == "class":
                conv = _CONVERTERS[lang]
                if lang in ("kotlin", "java", "typescript", "dart"):
                    pred = lambda s: s.endswith("()")
                else:
                    pred = lambda s: not _is_iface(s.split("<")[0].strip())
                try:
                    _apply_supertypes(t, supers, lambda s: conv(s, t.generic_params), pred)
                except CodegenError as e:
                    L.error(e.message, idx)
            types.append(t)
            cur = t
            enum_mode = t.kind == "enum"
            class_depth = depth
            depth += line.count("{") - line.count("}")
            if "{" in line and "}" in line.split("{", 1)[1] and enum_mode:
                _enum_items(t, line.split("{", 1)[1].rsplit("}", 1)[0], lang, pending_enum_attrs)
                cur, enum_mode, class_depth = None, False, None
            continue
        counted = re.sub(r"\{\s*get;[^}]*\}", "", line) if lang == "csharp" else line
        if lang == "typescript":
            counted = re.sub(r"\{\s*\[[^\]]*\]\s*:[^}]*\}", "", counted)
        if lang in ("dart", "swift", "kotlin", "typescript"):
            counted = re.sub(r"=\s*\{\s*\}", "", counted)   # `counts = {}` initialisers
        opens, closes = counted.count("{"), counted.count("}")
        if lang == "swift" and cur is not None and cur.kind == "class" and depth == class_depth + 1:
            ta = re.match(r"(?:public\s+)?typealias\s+Return\s*=\s*(.+)$", line)
            if ta:
                try:
                    cur.returns = conv_swift(ta.group(1), cur.generic_params)[0]
                except CodegenError as e:
                    L.error(e.message, idx)
                continue
        if cur is not None and enum_mode and depth == class_depth + 1:
            body = line.strip("{} ")
            if lang == "swift":
                body = re.sub(r"^case\s+", "", body)
            if getattr(cur, "_items_done", False):
                body = ""
            elif lang == "java" and ";" in body:
                # Java enums end their constants with `;`, then declare fields and constructors
                body = body.split(";", 1)[0]
                cur._items_done = True
            if body:
                _enum_items(cur, body, lang, pending_enum_attrs)
                pending_enum_attrs = []
        elif cur is not None and cur.kind != "enum" and depth == class_depth + 1 and opens == 0:
            m = _member_match(line, lang)
            if m is not None:
                name, typ, nullable_marker = m
                try:
                    tref, certain, faithful = _CONVERTERS[lang](typ, cur.generic_params, nullable_marker=nullable_marker,
                                                                member=True)
                except CodegenError as e:
                    L.error(e.message, idx)
                mem = Member(name=name if faithful else pascal_case(name), type=tref, type_certain=certain,
                             name_faithful=faithful, origin=L.origin(idx))
                if lang in ("kotlin", "typescript") and not faithful and name[:1].isupper():
                    mem.name_faithful = True
                desc = " ".join(x for x in doc if x).strip()
                _apply_member_attrs(mem, attrs)
                if desc and not mem.description:
                    mem.description = desc
                cur.members = (cur.members or []) + [mem]
            attrs, doc = [], []
        elif cur is not None and depth == class_depth + 1:
            attrs, doc = [], []
        depth += opens - closes
        while cur is not None and depth <= class_depth:
            if cur.kind == "class" and cur.members is None:
                cur.members = []
            cur, class_depth, enum_mode = stack.pop() if stack else (None, None, False)
        if depth < 0:
            L.error("unbalanced '}'", idx)
    if cur is not None:
        raise CodegenError("type %s is not closed (truncated source?)" % cur.name, source, first_line + len(lines) - 1)
    for t in types:
        if t.kind == "class" and t.members is None:
            t.members = []
    if lang == "java":
        types = [t for t in types if not (t.name == "dtos" and not t.members)]
    return types


def _enum_items(t, body, lang, attrs):
    for item in _split_top(body.rstrip(";").rstrip(",")):
        item = item.strip().rstrip(";")
        if not item:
            continue
        wire = None
        ma = re.match(r'(?:@SerializedName\("([^"]*)"\)|\[EnumMember\(Value\s*=\s*"([^"]*)"\)\])\s*(.*)$', item)
        if ma:
            wire = ma.group(1) if ma.group(1) is not None else ma.group(2)
            item = ma.group(3).strip()
        for a in attrs:
            if a.name in ("EnumMember",) and a.get("Value") is not None:
                wire = a.get("Value")
            if a.name == "SerializedName" and a.positional:
                wire = a.positional[0]
        attrs = []
        m = re.match(r"(\w+)\s*(?:=\s*(.+)|\((\s*-?\d+\s*)\))?$", item)
        if not m:
            raise CodegenError("cannot read enum member %r of %s" % (item, t.name))
        name = m.group(1)
        val = m.group(2) or m.group(3)
        if val is not None:
            val = val.strip()
            if val[:1] in ("'", '"'):
                # string enums (TypeScript, Swift raw values) carry the wire names
                wire_ts = val.strip("'\"")
                if wire_ts != name:
                    wire = wire_ts
                val = None
            else:
                try:
                    val = int(val, 0)
                except ValueError:
                    raise CodegenError("enum value of %s.%s is not an integer: %r" % (t.name, name, val))
        if wire is not None and wire.lstrip("-").isdigit():
            # Kotlin/Java int enums spell the number in @SerializedName: not a rename
            if val is None:
                val = int(wire)
            wire = None
        t.enum_names.append(name)
        t.enum_values.append(val)
        t.enum_wire.append(wire)
    if all(v is None for v in t.enum_values):
        t.enum_values = []


def _member_match(line, lang):
    """(name, type text, nullable marker) for a property/field line, or None for anything else."""
    line = line.rstrip(";").strip()
    if lang == "csharp":
        m = re.match(r"(?:(?:public|virtual|override|new|required)\s+)+([\w<>\[\],.?\s]+?)\s+(@?\w+)\s*\{\s*get;", line)
        if m:
            return m.group(2).lstrip("@"), m.group(1), None
        return None
    if lang == "java":
        if "(" in line or re.match(r"(\w+\s+)*static\s", line):
            return None
        m = re.match(r"(?:(?:public|private|protected)\s+)([\w<>\[\],.?\s]+?)\s+(\w+)\s*(?:=.*)?$", line)
        if m:
            return m.group(2), m.group(1), None
        return None
    if lang == "kotlin":
        m = re.match(r"(?:(?:open|override|public|@\w+)\s+)*va[rl]\s+`?(\w+)`?\s*:\s*([^=]+?)\s*(?:=.*)?$", line)
        if m:
            typ = m.group(2).strip()
            return m.group(1), typ, None
        return None
    if lang == "swift":
        m = re.match(r"(?:(?:public|open|private|internal)\s+)*var\s+`?(\w+)`?\s*:\s*([^=]+?)\s*(?:=.*)?$", line)
        if m:
            return m.group(1), m.group(2).strip(), None
        return None
    if lang == "dart":
        if "(" in line or "=>" in line or re.match(r"(static|final|const|get|set|late)\b", line):
            return None
        m = re.match(r"([\w<>,\s?]+?)\s+(\w+)\s*(?:=.*)?$", line)
        if m and m.group(1).strip().rstrip("?") != "TypeContext":
            return m.group(2), m.group(1).strip(), None
        return None
    if lang == "typescript":
        if "(" in line.split(":")[0]:
            return None
        m = re.match(r"(?:(?:public|declare|readonly)\s+)*(\w+)(\?)?\s*:\s*(.+?)\s*(?:=.*)?$", line)
        if m:
            return m.group(1), m.group(3), bool(m.group(2))
        return None
    return None


# ---- per-language type converters: text -> (TypeRef, certain, names_faithful) --------------

def _generic_parse(text, mapping, params, list_names, dict_names, source_lang):
    text = text.strip()
    m = re.match(r"^([\w.]+)\s*<(.*)>$", text)
    if m:
        name, inner = m.group(1), m.group(2)
        args = [_generic_parse(a, mapping, params, list_names, dict_names, source_lang) for a in _split_top(inner)]
        if name in list_names and len(args) == 1:
            return (TypeRef("List", (args[0][0],)), args[0][1])
        if name in dict_names and len(args) == 2:
            return (TypeRef("Dictionary", (args[0][0], args[1][0])), args[0][1] and args[1][1])
        name = name.rsplit(".", 1)[-1]
        return (make_type(name, [a[0] for a in args]), all(a[1] for a in args))
    if text.endswith("[]"):
        inner, c = _generic_parse(text[:-2], mapping, params, list_names, dict_names, source_lang)
        if inner.name == "Byte":
            return TypeRef("List", (inner.with_nullable(False),)), True
        return TypeRef("List", (inner,)), c
    if not re.fullmatch(r"[\w.]+", text):
        raise CodegenError("cannot read %s type %r" % (source_lang, text))
    if text in params:
        return TypeRef(text), True
    if text in mapping:
        name, certain = mapping[text]
        t = make_type(name) if not name.endswith("[]") else TypeRef("List", (TypeRef("Byte", (), False),))
        return t, certain
    return TypeRef(text.rsplit(".", 1)[-1]), True


_JAVA = {"String": ("String", False), "Integer": ("Int32", True), "int": ("Int32", True), "Long": ("Int64", True),
         "long": ("Int64", True), "Short": ("Int16", True), "short": ("Int16", True), "Byte": ("Byte", True),
         "Double": ("Double", True), "double": ("Double", True), "Float": ("Single", True), "float": ("Single", True),
         "BigDecimal": ("Decimal", True), "Boolean": ("Boolean", True), "boolean": ("Boolean", True),
         "Date": ("DateTime", False), "UUID": ("Guid", True), "TimeSpan": ("TimeSpan", True),
         "Object": ("Object", True), "Character": ("Char", True), "char": ("Char", True)}
_KOTLIN = {"String": ("String", False), "Int": ("Int32", True), "Long": ("Int64", True), "Short": ("Int16", True),
           "Byte": ("Byte", True), "Double": ("Double", True), "Float": ("Single", True),
           "BigDecimal": ("Decimal", True), "Boolean": ("Boolean", True), "Date": ("DateTime", False),
           "UUID": ("Guid", True), "TimeSpan": ("TimeSpan", True), "Any": ("Object", True), "Char": ("Char", True),
           "ByteArray": ("Byte[]", True)}
_TS = {"string": ("String", False), "number": ("Int32", False), "boolean": ("Boolean", True),
       "Object": ("Object", True), "any": ("Object", True), "Blob": ("Byte[]", False)}
_CSHARP = {}
_JAVA_LISTS = {"ArrayList", "List", "Collection", "Array"}
_JAVA_DICTS = {"HashMap", "Map", "Dictionary", "IDictionary"}

_PRIMITIVE_JAVA = {"int", "long", "short", "double", "float", "boolean", "char"}


def conv_java(text, params, nullable_marker=None, member=False):
    text = text.strip()
    t, c = _generic_parse(text, _JAVA, params, _JAVA_LISTS, _JAVA_DICTS, "Java")
    if text in _PRIMITIVE_JAVA:
        t = t.with_nullable(False)
    return (t, c, True) if member else (t, c)


def conv_kotlin(text, params, nullable_marker=None, member=False):
    text = text.strip().rstrip("?")
    t, c = _generic_parse(text, _KOTLIN, params, _JAVA_LISTS, _JAVA_DICTS, "Kotlin")
    return (t, c, False) if member else (t, c)


def conv_ts(text, params, nullable_marker=None, member=False):
    text = text.strip()
    m = re.match(r"^\{\s*\[\s*\w+\s*:\s*(\w+)\s*\]\s*:\s*(.+?);?\s*\}$", text)
    if m:
        k, kc = conv_ts(m.group(1), params)
        v, vc = conv_ts(m.group(2), params)
        t, c = TypeRef("Dictionary", (k, v)), kc and vc
    elif text.endswith("[]"):
        e, c = conv_ts(text[:-2], params)
        t = TypeRef("List", (e,))
    else:
        t, c = _generic_parse(text, _TS, params, {"Array"}, {"Map", "Record"}, "TypeScript")
    if member and not t.is_list and not t.is_dict:
        t = t.with_nullable(bool(nullable_marker))
    return (t, c, False) if member else (t, c)


def conv_csharp(text, params, nullable_marker=None, member=False):
    from ..model import parse_type
    text = text.strip()
    t = parse_type(text)
    if member:
        from ..model import VALUE_TYPES
        if t.name in VALUE_TYPES and t.nullable is None:
            t = t.with_nullable(False)
        # `Status?` may be an enum (a value type) or an NRT-annotated class: the emitter decides
        return t, True, True
    return t, True


_SWIFT = {"String": ("String", False), "Int": ("Int32", False), "Int64": ("Int64", True), "Int32": ("Int32", True),
          "Int16": ("Int16", True), "UInt8": ("Byte", True), "Int8": ("SByte", True), "UInt64": ("UInt64", True),
          "UInt32": ("UInt32", True), "UInt16": ("UInt16", True), "Double": ("Double", True),
          "Float": ("Single", True), "Bool": ("Boolean", True), "Date": ("DateTime", False),
          "TimeInterval": ("TimeSpan", True), "Data": ("Byte[]", True), "Any": ("Object", True),
          "UUID": ("Guid", True), "Character": ("Char", True)}
_DART = {"String": ("String", False), "int": ("Int32", False), "double": ("Double", False), "bool": ("Boolean", True),
         "DateTime": ("DateTime", False), "Duration": ("TimeSpan", True), "Uint8List": ("Byte[]", True),
         "dynamic": ("Object", True), "Object": ("Object", True)}


def conv_swift(text, params, nullable_marker=None, member=False):
    text = text.strip().rstrip("?").rstrip("!").strip()
    m = re.fullmatch(r"\[(.+)\]", text)
    if m:
        parts = _split_top(m.group(1), ":")
        if len(parts) == 2:
            k, kc = conv_swift(parts[0], params)
            v, vc = conv_swift(parts[1], params)
            t, c = TypeRef("Dictionary", (k, v)), kc and vc
        else:
            e, c = conv_swift(m.group(1), params)
            t = TypeRef("List", (e,))
    else:
        t, c = _generic_parse(text, _SWIFT, params, {"Array"}, {"Dictionary"}, "Swift")
    return (t, c, False) if member else (t, c)


def conv_dart(text, params, nullable_marker=None, member=False):
    text = text.replace("?", "").strip()
    t, c = _generic_parse(text, _DART, params, {"List", "Set", "Iterable"}, {"Map"}, "Dart")
    return (t, c, False) if member else (t, c)


_CONVERTERS = {"java": conv_java, "kotlin": conv_kotlin, "typescript": conv_ts, "csharp": conv_csharp,
               "swift": conv_swift, "dart": conv_dart}


# ---------------------------------------------------------------------------------------------
# Python

_PY = {"str": ("String", False), "int": ("Int32", False), "float": ("Double", False), "bool": ("Boolean", True),
       "Decimal": ("Decimal", True), "decimal.Decimal": ("Decimal", True), "datetime.datetime": ("DateTime", False),
       "datetime": ("DateTime", False), "datetime.timedelta": ("TimeSpan", True), "timedelta": ("TimeSpan", True),
       "bytes": ("Byte[]", True), "Object": ("Object", True), "object": ("Object", True), "Any": ("Object", True)}


def conv_python(text, params):
    text = text.strip()
    m = re.match(r"^([\w.]+)\[(.*)\]$", text)
    if m:
        name, inner = m.group(1), m.group(2)
        args = [conv_python(a, params) for a in _split_top(inner)]
        if name == "Optional" and len(args) == 1:
            return args[0][0].with_nullable(True), args[0][1]
        if name in ("List", "list") and len(args) == 1:
            return TypeRef("List", (args[0][0],)), args[0][1]
        if name in ("Dict", "dict") and len(args) == 2:
            return TypeRef("Dictionary", (args[0][0], args[1][0])), args[0][1] and args[1][1]
        return make_type(name, [a[0] for a in args]), all(a[1] for a in args)
    return _generic_parse(text, _PY, params, set(), set(), "Python")


def parse_python(text, source, first_line=1):
    L = _Lines(text, source, first_line)
    lines = L.lines
    types = []
    attrs = []
    cur = None
    last_member = None
    i = 0
    while i < len(lines):
        raw = lines[i]
        line = raw.strip()
        idx = i
        i += 1
        if not line:
            continue
        indent = len(raw) - len(raw.lstrip())
        if line.startswith('"""'):
            # docstring: of the class (right after the header) or of the last member
            body = line[3:]
            doc = []
            if '"""' in body:
                doc.append(body.split('"""', 1)[0])
            else:
                doc.append(body)
                while i < len(lines) and '"""' not in lines[i]:
                    doc.append(lines[i].strip())
                    i += 1
                if i >= len(lines):
                    L.error("unterminated docstring", idx)
                doc.append(lines[i].split('"""', 1)[0].strip())
                i += 1
            text_doc = " ".join(d.strip() for d in doc if d.strip())
            if cur is not None and last_member is not None:
                if not last_member.description:
                    last_member.description = text_doc or None
            elif cur is not None and text_doc and not cur.description:
                cur.description = text_doc
            continue
        if indent == 0:
            cur = None if not line.startswith("class ") else cur
        a = parse_attr(line) if line.startswith("# @") or line.startswith("#@") else None
        if a:
            attrs.append(a)
            continue
        if line.startswith("#") or line.startswith("import ") or line.startswith("from ") or line.startswith("@"):
            continue
        m = re.match(r"class\s+(\w+)\s*(?:\((.*)\))?\s*:\s*$", line)
        if m and indent == 0:
            name, supers = m.group(1), _split_top(m.group(2) or "")
            t = TypeDef(name=name, origin=L.origin(idx))
            _apply_type_attrs(t, attrs)
            attrs = []
            if any(s in ("Enum", "IntEnum", "str") for s in supers) and ("Enum" in supers or "IntEnum" in supers):
                t.kind = "enum"
                t.enum_values, t.enum_wire = [], []
            else:
                gp = [re.match(r"Generic\[(.*)\]", s) for s in supers]
                t.generic_params = [p.strip() for g in gp if g for p in g.group(1).split(",")]
                try:
                    _apply_supertypes(t, [s for s in supers if not s.startswith("Generic[")],
                                      lambda s: conv_python(s, t.generic_params),
                                      lambda s: not _is_iface(s.split("[")[0]))
                except CodegenError as e:
                    L.error(e.message, idx)
                t.members = []
            types.append(t)
            cur = t
            last_member = None
            continue
        if cur is None:
            if re.match(r"\w+\s*=\s*TypeVar", line):
                continue
            L.error("unexpected Python line outside a class: %r" % line[:60], idx)
        if line == "pass":
            continue
        if cur.kind == "enum":
            m = re.match(r"(\w+)\s*=\s*(.+)$", line)
            if not m:
                L.error("cannot read enum member %r" % line, idx)
            val = m.group(2).strip()
            if val.startswith("'") or val.startswith('"'):
                wire = val.strip("'\"")
                # str enums: the value is the .NET member name (or its [EnumMember] value)
                cur.enum_names.append(wire if re.fullmatch(r"[A-Za-z_]\w*", wire) else pascal_case(m.group(1).lower()))
                cur.enum_wire.append(None if re.fullmatch(r"[A-Za-z_]\w*", wire) else wire)
                cur.enum_values.append(None)
            else:
                try:
                    v = int(val, 0)
                except ValueError:
                    L.error("enum value is not an integer: %r" % val, idx)
                cur.enum_names.append(pascal_case(m.group(1).lower()) if m.group(1).isupper() else m.group(1))
                cur.enum_values.append(v)
                cur.enum_wire.append(None)
            continue
        m = re.match(r"(\w+)\s*:\s*(.+?)\s*(?:=\s*(.*))?$", line)
        if not m:
            L.error("cannot read Python member %r" % line[:60], idx)
        name, typ, default = m.group(1), m.group(2), m.group(3)
        try:
            tref, certain = conv_python(typ, cur.generic_params)
        except CodegenError as e:
            L.error(e.message, idx)
        from ..model import VALUE_TYPES
        if tref.nullable is None and tref.name in VALUE_TYPES:
            tref = tref.with_nullable(False)
        if tref.nullable and tref.name not in VALUE_TYPES:
            tref = tref.with_nullable(None)
            if tref.name == "String":
                # Optional[str] is also how Python spells a Guid/char: the value type's nullability is lost
                pass
        mem = Member(name=pascal_case(name), type=tref, type_certain=certain, name_faithful=False,
                     origin=L.origin(idx))
        _apply_member_attrs(mem, attrs)
        attrs = []
        cur.members.append(mem)
        last_member = mem
    for t in types:
        if t.kind == "enum" and all(v is None for v in t.enum_values):
            t.enum_values = []
    return types


def parse_source(lang, text, source, first_line=1):
    try:
        if lang == "python":
            return parse_python(text, source, first_line)
        if lang in _CONVERTERS:
            return _brace_parse(text, source, first_line, lang)
    except CodegenError as e:
        if e.source is None:
            raise CodegenError(e.message, source, first_line)
        raise
    raise CodegenError("DTO source in %s is not supported yet" % lang, source, first_line)


def detect_language(text):
    """The Add-Reference language of a DTO source block, from its content."""
    head = text[:4000]
    if re.search(r"^\s*(from servicestack import|@dataclass|class \w+(\(.*\))?:\s*$)", head, re.M):
        return "python"
    if re.search(r"import Foundation|,\s*Codable\b|:\s*Codable\b|required public init\(\)", head):
        return "swift"
    if re.search(r"implements IConvertible|package:servicestack|\.fromJson\(Map<String, dynamic>", head):
        return "dart"
    if re.search(r"import net\.servicestack\.client\.\*;|public static class|public class dtos", head):
        return "java"
    if re.search(r"^\s*(open |data )?class \w+.*$", head, re.M) and re.search(r"\bva[rl] \w+\s*:", head):
        return "kotlin"
    if re.search(r"import net\.servicestack\.client\.\*\s*$", head, re.M):
        return "kotlin"
    if re.search(r"^\s*export (class|enum|interface) ", head, re.M) or re.search(r"public \w+\??: \w", head):
        return "typescript"
    if re.search(r"\{\s*get;\s*set;\s*\}|^\s*using ServiceStack;", head, re.M):
        return "csharp"
    if re.search(r"import Foundation|: Codable|public var \w+:", head):
        return "swift"
    if re.search(r"implements IConvertible|package:servicestack", head):
        return "dart"
    return None
