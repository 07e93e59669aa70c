"""The C++ emitter: one Service -> one self-contained header in the form of include/sstk/apis/*.hpp.

Representation choices (documented in codegen/README.md):
* a struct per DTO with the .NET property names verbatim, BOOST_DESCRIBE_STRUCT after it (class
  templates: BOOST_DESCRIBE_CLASS inside), a defaulted operator==, and a constexpr sstk_contract();
* nullable references (string, classes, collections) are std::optional<...> in the default
  "optional" mode, plain values in "plain" mode; T? value types are always std::optional;
  value types whose nullability the input does not show (Java boxes, Kotlin/Swift/Dart `?` on
  every property) follow --unknown-nullability: std::optional by default, as the client DTO on the
  page declares them, or plain values;
* a member that would hold its own (or a cyclic) type by value is held by `indirect<T>`, a small
  value-semantic nullable box emitted once into the header's namespace (copying copies the value,
  == compares values); a List<T> of the type itself stays std::vector<T> (vector allows incomplete T).
"""

import re
from dataclasses import dataclass
from typing import Optional, Sequence

from .errors import CodegenError
from .model import TypeRef, VALUE_TYPES

CPP_KEYWORDS = set("""
alignas alignof and and_eq asm auto bitand bitor bool break case catch char char8_t char16_t char32_t class
compl concept const consteval constexpr constinit const_cast continue co_await co_return co_yield decltype
default delete do double dynamic_cast else enum explicit export extern false float for friend goto if inline
int long mutable namespace new noexcept not not_eq nullptr operator or or_eq private protected public register
reinterpret_cast requires return short signed sizeof static static_assert static_cast struct switch template
this thread_local throw true try typedef typeid typename union unsigned using virtual void volatile wchar_t
while xor xor_eq final override import module
NULL EOF errno assert TRUE FALSE stdin stdout stderr offsetof
""".split())

_INTS = {"Int32": "std::int32_t", "Int64": "std::int64_t", "Int16": "std::int16_t", "Byte": "std::uint8_t",
         "SByte": "std::int8_t", "UInt32": "std::uint32_t", "UInt64": "std::uint64_t", "UInt16": "std::uint16_t"}
_SCALARS = {"Boolean": "bool", "Double": "double", "Single": "float", "Char": "char16_t"}
_SSTK_VALUES = {"Decimal": ("sstk::decimal", "<sstk/types/decimal.hpp>"),
                "Guid": ("sstk::guid", "<sstk/types/guid.hpp>"),
                "DateTime": ("sstk::date_time", "<sstk/types/date_time.hpp>"),
                "DateTimeOffset": ("sstk::date_time_offset", "<sstk/types/date_time_offset.hpp>"),
                "TimeSpan": ("sstk::time_span", "<sstk/types/time_span.hpp>")}
# ServiceStack's own DTOs that sstk provides: .NET name -> (C++ name, header, generic arity)
SSTK_BUILTINS = {"ResponseStatus": ("sstk::ResponseStatus", "<sstk/servicestack/response_status.hpp>", 0),
                 "ResponseError": ("sstk::ResponseError", "<sstk/servicestack/response_error.hpp>", 0),
                 "ErrorResponse": ("sstk::ErrorResponse", "<sstk/servicestack/error_response.hpp>", 0),
                 "EmptyResponse": ("sstk::EmptyResponse", "<sstk/servicestack/empty_response.hpp>", 0),
                 "IdResponse": ("sstk::IdResponse", "<sstk/servicestack/empty_response.hpp>", 0),
                 "QueryResponse": ("sstk::QueryResponse", "<sstk/servicestack/query_response.hpp>", 1)}
DATACONTRACT_NS_PREFIX = "http://schemas.datacontract.org/2004/07/"

_VERBS = {"GET": "get", "POST": "post", "PUT": "put", "DELETE": "delete_", "PATCH": "patch",
          "OPTIONS": "options", "HEAD": "head"}


@dataclass
class EmitOptions:
    namespace: str = "{service}"        # C++ namespace; {service} = snake_case service name
    guard: str = "pragma"               # "pragma" (#pragma once) or "ifndef" (include guard)
    nullable: str = "optional"          # "optional" (faithful) or "plain"
    unknown_nullability: str = "optional"  # value types whose nullability the input does not show
    operations: Optional[Sequence[str]] = None  # request names to include (None: all)
    equality: bool = True               # emit defaulted operator==
    service_slug: Optional[str] = None  # snake_case service name (default: from the service's name/host)


def snake_case(name):
    s = re.sub(r"[^0-9A-Za-z]+", "_", name)
    s = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", s)
    s = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", s)
    s = re.sub(r"_+", "_", s).strip("_").lower()
    if not s:
        s = "service"
    if s[0].isdigit():
        s = "s_" + s
    return s


def cpp_identifier(name):
    """A valid, non-reserved C++ identifier for a .NET name (same text whenever possible)."""
    s = re.sub(r"\W", "_", name, flags=re.ASCII)
    if not s:
        s = "_unnamed"
    if s[0].isdigit():
        s = "_" + s
    if s.startswith("_") and (len(s) == 1 or s[1].isupper() or s[1] == "_"):
        s = "v" + s
    s = s.replace("__", "_x_") if "__" in s else s
    if s in CPP_KEYWORDS:
        s += "_"
    return s


def cpp_string(text):
    out = []
    for ch in text:
        o = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "?":
            out.append("?")  # trigraphs are gone in C++17
        elif o < 0x20 or o == 0x7F:
            out.append("\\%03o" % o)
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _comment(text):
    return " ".join(text.replace("*/", "* /").split())


class _Emitter:
    def __init__(self, service, options, inputs):
        self.svc = service
        self.opt = options
        self.inputs = inputs
        self.includes = set()
        self.std_includes = set()
        self.service_slug = options.service_slug or snake_case(service.name or service.host or "service")
        self.ns = options.namespace.replace("{service}", self.service_slug)
        # one C++ namespace may hold several services' headers: then the constants carry the service
        self.const_prefix = "" if "{service}" in options.namespace else self.service_slug + "_"
        if not re.fullmatch(r"[A-Za-z_]\w*(::[A-Za-z_]\w*)*", self.ns):
            raise CodegenError("invalid C++ namespace %r" % self.ns)
        self.ns_roots = {self.ns.split("::")[0], "std", "sstk", "boost"}
        self.types = self._select_types()
        self.cpp_names = {}
        used = set()
        for name in self.types:
            c = cpp_identifier(name)
            while c in used:
                c += "_"
            used.add(c)
            self.cpp_names[name] = c
        self.indirect_members = set()
        self.needs_indirect = False

    # ---- selection and checks -------------------------------------------------------------
    def _select_types(self):
        types = self.svc.types
        if self.opt.operations is None:
            chosen = list(types)
        else:
            wanted = list(self.opt.operations)
            known = {req for req, _ in self.svc.operations} | set(types)
            for w in wanted:
                if w not in known:
                    raise CodegenError("operation %r is not described by the inputs (known: %s)"
                                       % (w, ", ".join(sorted(r for r, _ in self.svc.operations))))
            chosen, stack = [], []
            for req, resp in self.svc.operations:
                if req in wanted:
                    stack += [req] + ([resp] if resp else [])
            stack += [w for w in wanted if w in types and w not in stack]
            seen = set()
            while stack:
                n = stack.pop(0)
                if n in seen or n not in types:
                    continue
                seen.add(n)
                chosen.append(n)
                t = types[n]
                refs = []
                if t.base:
                    refs.append(t.base)
                if t.returns:
                    refs.append(t.returns)
                refs += [m.type for m in (t.members or []) if m.type]
                for r in refs:
                    stack += list(self._names_in(r))
        for n in chosen:
            self._check(types[n])
        return {n: types[n] for n in chosen}

    def _names_in(self, t):
        yield t.name
        for a in t.args:
            yield from self._names_in(a)

    def _check(self, t):
        params = set(t.generic_params)
        refs = []
        if t.base:
            refs.append(("base class", t.base))
        if t.returns:
            refs.append(("response type", t.returns))
        for m in t.members or []:
            if m.type is None:
                raise CodegenError("the type of %s.%s is not shown by any input" % (t.name, m.name),
                                   *self._origin(m.origin or t.origin))
            refs.append(("member " + m.name, m.type))
        for what, r in refs:
            self._check_arity(r, t, what)
            for n in self._names_in(r):
                if n in params or n in VALUE_TYPES or n in ("String", "Object", "List", "Dictionary"):
                    continue
                if n in self.svc.types or n in SSTK_BUILTINS:
                    continue
                raise CodegenError("unknown type %r (%s of %s): define it in the inputs" % (n, what, t.name),
                                   *self._origin(t.origin))

    def _check_arity(self, r, t, what):
        want = None
        if r.name == "List":
            want = 1
        elif r.name == "Dictionary":
            want = 2
        elif r.name in SSTK_BUILTINS:
            want = SSTK_BUILTINS[r.name][2]
        elif r.name in self.svc.types:
            want = len(self.svc.types[r.name].generic_params)
        if want is not None and len(r.args) != want:
            raise CodegenError("%s of %s: %s takes %d type argument(s), got %d"
                               % (what, t.name, r.name, want, len(r.args)), *self._origin(t.origin))
        for a in r.args:
            self._check_arity(a, t, what)

    @staticmethod
    def _origin(origin):
        if origin and ":" in origin:
            src, _, line = origin.rpartition(":")
            if line.isdigit():
                return src, int(line)
        return origin or None, None

    # ---- type mapping ----------------------------------------------------------------------
    def is_value(self, t):
        if t.name in VALUE_TYPES:
            return True
        d = self.svc.types.get(t.name)
        return bool(d and d.is_enum)

    def type_expr(self, t, params):
        """The C++ spelling of a .NET type used as an element (no outer optional)."""
        if t.name in params:
            base = t.name
        elif t.name == "String":
            self.std_includes.add("<string>")
            base = "std::string"
        elif t.name == "Object" or (t.is_dict and t.args[0].name == "String" and t.args[1].name == "Object"):
            self.includes.add("<boost/json/value.hpp>")
            return "boost::json::value"
        elif t.is_list:
            self.std_includes.add("<vector>")
            base = "std::vector<%s>" % self.type_expr(t.args[0], params)
        elif t.is_dict:
            self.includes.add("<sstk/types/dictionary.hpp>")
            base = "sstk::dictionary<%s, %s>" % (self.type_expr(t.args[0], params), self.type_expr(t.args[1], params))
        elif t.name in _INTS:
            self.std_includes.add("<cstdint>")
            base = _INTS[t.name]
        elif t.name in _SCALARS:
            base = _SCALARS[t.name]
        elif t.name in _SSTK_VALUES:
            base, inc = _SSTK_VALUES[t.name]
            self.includes.add(inc)
        elif t.name in ("DateOnly", "TimeOnly"):
            raise CodegenError("%s is not supported by sstk yet" % t.name)
        elif t.name in self.svc.types:
            base = "%s::%s" % (self.ns, self.cpp_names.get(t.name, cpp_identifier(t.name)))
            if t.args:
                base += "<%s>" % ", ".join(self.type_expr(a, params) for a in t.args)
        elif t.name in SSTK_BUILTINS:
            base, inc, _ = SSTK_BUILTINS[t.name]
            self.includes.add(inc)
            if t.args:
                base += "<%s>" % ", ".join(self.type_expr(a, params) for a in t.args)
        else:
            raise CodegenError("unknown type %r" % t.name)
        if t.nullable and self.is_value(t):
            self.std_includes.add("<optional>")
            return "std::optional<%s>" % base
        return base

    def member_decl(self, owner, m, params, indirect):
        t = m.type
        if indirect:
            self.needs_indirect = True
            inner = self.type_expr(t.with_nullable(None), params)
            return "indirect<%s>" % inner, ""
        expr = self.type_expr(t, params)
        if expr == "boost::json::value":
            return expr, ""
        if self.is_value(t):
            nullable = t.nullable
            if nullable is None:
                nullable = self.opt.unknown_nullability == "optional"
            if nullable:
                if not expr.startswith("std::optional<"):
                    self.std_includes.add("<optional>")
                    expr = "std::optional<%s>" % expr
                return expr, ""
            return expr, self.default_init(t)
        if self.opt.nullable == "optional":
            self.std_includes.add("<optional>")
            return "std::optional<%s>" % expr, ""
        if expr in params:
            # a generic parameter held by value (`--nullable plain`) may be a scalar: value-initialise
            # it, as a C# field of type T starts as default(T)
            return expr, "{}"
        return expr, ""

    def default_init(self, t):
        if t.name in _INTS or t.name in ("Double", "Single", "Char"):
            return " = 0"
        if t.name == "Boolean":
            return " = false"
        d = self.svc.types.get(t.name)
        if d and d.is_enum:
            cname = self.cpp_names[t.name]
            for n, v in zip(self._enum_cpp_names(d), self._enum_values(d)):
                if v == 0:
                    return " = %s::%s::%s" % (self.ns, cname, n)
            return " = %s::%s{}" % (self.ns, cname)
        return ""

    # ---- ordering ---------------------------------------------------------------------------
    def _is_alias(self, name):
        t = self.types.get(name)
        return bool(t and t.base and (t.base.is_list or t.base.is_dict) and not t.generic_params)

    def _deps(self, t):
        """(hard, soft) dependencies: hard ones must be complete before t, soft ones declared."""
        hard, soft = [], []
        if self._is_alias(t.name):
            self._collect(t.base, hard, soft, in_list=True)
            return hard + soft, []
        if t.base and t.base.name in self.types:
            hard.append(t.base.name)
        for a in (t.base.args if t.base else ()):
            for n in self._names_in(a):
                if n in self.types:
                    hard.append(n)
        for m in t.members or []:
            self._collect(m.type, hard, soft, in_list=False)
        if t.returns:
            for n in self._names_in(t.returns):
                if n in self.types:
                    soft.append(n)
        return hard, soft

    def _collect(self, t, hard, soft, in_list):
        if t.name in self.types:
            (soft if in_list and not self._is_alias(t.name) else hard).append(t.name)
        for i, a in enumerate(t.args):
            self._collect(a, hard, soft, in_list or t.is_list)

    def order(self):
        enums = [n for n, t in self.types.items() if t.is_enum]
        classes = [n for n, t in self.types.items() if not t.is_enum]
        done, stack, out = set(), [], []
        for n in enums:
            done.add(n)
        for n in classes:
            self._visit(n, done, stack, out)
        return enums, out

    def _visit(self, n, done, stack, out):
        if n in done:
            return
        stack.append(n)
        t = self.types[n]
        hard, soft = self._deps(t)
        for d in hard:
            if d in stack:
                if t.base and t.base.name == d:
                    raise CodegenError("type %s inherits from itself" % n)
                for m in t.members or []:
                    if not m.type:
                        continue
                    h, s = [], []
                    self._collect(m.type, h, s, in_list=False)
                    if d in h:
                        if m.type.is_dict or m.type.args:
                            raise CodegenError("%s.%s: a %s holding its own type by value is not supported"
                                               % (n, m.name, m.type.name), *self._origin(m.origin or t.origin))
                        self.indirect_members.add((n, m.name))
                continue
            self._visit(d, done, stack, out)
        for d in soft:
            # List<T> elements first too, unless that closes a cycle (then a forward declaration does)
            if d not in stack and not (t.returns and d in self._names_in(t.returns)):
                self._visit(d, done, stack, out)
        stack.pop()
        done.add(n)
        out.append(n)
        for d in soft:
            if d not in stack:
                self._visit(d, done, stack, out)

    # ---- enums ------------------------------------------------------------------------------
    def _enum_values(self, d):
        vals, nxt = [], 0
        for v in d.enum_values or [None] * len(d.enum_names):
            if v is None:
                v = nxt
            vals.append(v)
            nxt = v + 1
        while len(vals) < len(d.enum_names):
            vals.append(nxt)
            nxt += 1
        return vals

    def _enum_cpp_names(self, d):
        out, used = [], set()
        for n in d.enum_names:
            c = cpp_identifier(n)
            while c in used:
                c += "_"
            used.add(c)
            out.append(c)
        return out

    def emit_enum(self, d, lines):
        cname = self.cpp_names[d.name]
        names = self._enum_cpp_names(d)
        vals = self._enum_values(d)
        lo, hi = (min(vals), max(vals)) if vals else (0, 0)
        under = "int" if -2 ** 31 <= lo and hi < 2 ** 31 else ("long long" if hi < 2 ** 63 else "unsigned long long")
        if d.description:
            lines.append("/// " + _comment(d.description))
        body = ", ".join("%s = %d" % (n, v) for n, v in zip(names, vals))
        lines.append("enum class %s : %s { %s };" % (cname, under, body))
        lines.append("BOOST_DESCRIBE_ENUM(%s%s)" % (cname, "".join(", " + n for n in names)))
        self.includes.add("<boost/describe/enum.hpp>")
        calls = [".clr_namespace(%s)" % self.ns_expr(d.namespace)] if d.namespace else []
        if d.xml_namespace is not None:
            calls.append(".xml_namespace(%s)" % cpp_string(d.xml_namespace))
        if d.flags:
            calls.append(".flags()")
        renamed = []
        for c, n, w in zip(names, d.enum_names, d.enum_wire or [None] * len(names)):
            wire = w if w is not None else n
            if wire != c:
                renamed.append("sstk::enumerator(%s, %s)" % (cpp_string(c), cpp_string(wire)))
        if renamed:
            calls.append(".values(%s)" % ", ".join(renamed))
        head = "sstk::enum_contract(%s)" % cpp_string(d.name)
        lines.append("")
        self._emit_contract_fn(lines, cname, head, calls, template=None)
        lines.append("")

    # ---- classes ----------------------------------------------------------------------------
    def ns_expr(self, clr_ns):
        return self.ns_consts.get(clr_ns) or cpp_string(clr_ns)

    def _member_names(self, t):
        """(.NET name, C++ name) per member: keywords, invalid identifiers, the class's own name and
        namespace roots are renamed (the contract then carries the wire name)."""
        out, used = [], set()
        cname = self.cpp_names[t.name]
        for m in t.members or []:
            c = cpp_identifier(m.name)
            if c == cname or c in self.ns_roots or c in t.generic_params:
                c += "_"
            while c in used:
                c += "_"
            used.add(c)
            out.append((m, c))
        return out

    def emit_class(self, t, lines):
        cname = self.cpp_names[t.name]
        params = t.generic_params
        if t.base and (t.base.is_list or t.base.is_dict) and not params:
            # `class Orders : List<Order>`: .NET serializers write only the items (XML: ArrayOfOrder),
            # so the DTO is its collection; members such a class declares never reach the wire.
            lines.append("// .NET %s : %s (a collection DTO: only its items are serialized)"
                         % (t.name, t.base.display()))
            lines.append("using %s = %s;" % (cname, self.type_expr(t.base.with_nullable(None), params)))
            lines.append("")
            return
        template = "template <%s>" % ", ".join("class " + p for p in params) if params else None
        base_expr = self.type_expr(t.base.with_nullable(None), params) if t.base else None
        members = self._member_names(t)
        if t.description:
            lines.append("/// " + _comment(t.description))
        if base_expr and "," in base_expr:
            # a comma would split the base list of BOOST_DESCRIBE_STRUCT/CLASS: name the base
            alias = "%s_base" % cname
            if template:
                lines.append(template)
            lines.append("using %s = %s;" % (alias, base_expr))
            base_expr = alias + ("<%s>" % ", ".join(params) if params else "")
        if template:
            lines.append(template)
        lines.append("struct %s%s {" % (cname, " : " + base_expr if base_expr else ""))
        for m, c in members:
            decl, init = self.member_decl(t, m, params, (t.name, m.name) in self.indirect_members)
            doc = []
            if m.description:
                doc.append(_comment(m.description))
            if m.required:
                doc.append("(required)")
            if doc:
                lines.append("    /// " + " ".join(doc))
            lines.append("    %s %s%s;" % (decl, c, init))
        if self.opt.equality:
            if members:
                lines.append("")
            lines.append("    friend bool operator==(const %s&, const %s&) = default;" % (cname, cname))
        names = ", ".join(c for _, c in members)
        if template:
            lines.append("")
            lines.append("    BOOST_DESCRIBE_CLASS(%s, (%s), (%s), (), ())" % (cname, base_expr or "", names))
            lines.append("};")
        else:
            lines.append("};")
            lines.append("BOOST_DESCRIBE_STRUCT(%s, (%s), (%s))" % (cname, base_expr or "", names))
        self.includes.add("<boost/describe/class.hpp>")
        lines.append("")
        calls = []
        if t.namespace:
            calls.append(".clr_namespace(%s)" % self.ns_expr(t.namespace))
        if t.xml_namespace is not None:
            calls.append(".xml_namespace(%s)" % cpp_string(t.xml_namespace))
        if t.data_contract:
            calls.append(".data_contract()")
        if t.description:
            calls.append(".describe(%s)" % cpp_string(t.description))
        if t.verb and t.verb.upper() in _VERBS:
            calls.append(".verb_marker(sstk::http_verb::%s)" % _VERBS[t.verb.upper()])
        if t.returns_void:
            calls.append(".returns_void()")
        elif t.returns is not None:
            calls.append(".returns<%s>()" % self.type_expr(t.returns.with_nullable(None), params))
        ifaces = [i for i in (t.implements or []) if not re.match(r"I(Return|ReturnVoid|Get|Post|Put|Delete|Patch|Options|Verb)\b", i)]
        if ifaces:
            calls.append(".implements(%s)" % ", ".join(cpp_string(i) for i in ifaces))
        if t.routes:
            rs = []
            for r in t.routes:
                s = "sstk::route(%s%s)" % (cpp_string(r.path), ", " + cpp_string(r.verbs) if r.verbs else "")
                if r.summary:
                    s += ".with_summary(%s)" % cpp_string(r.summary)
                if r.notes:
                    s += ".with_notes(%s)" % cpp_string(r.notes)
                rs.append(s)
            calls.append(".routes(%s)" % ",\n                ".join(rs))
        ms = []
        for m, c in members:
            s = "sstk::member(%s)" % cpp_string(c)
            wire = m.wire_name or m.name
            if wire != c:
                s += ".rename(%s)" % cpp_string(wire)
            if m.order is not None:
                s += ".with_order(%d)" % m.order
            if m.emit_default is False:
                s += ".emit_default_value(false)"
            if m.required:
                s += ".is_required()"
            if m.ignored:
                s += ".ignore()"
            if m.description:
                s += ".describe(%s)" % cpp_string(m.description)
            if s != "sstk::member(%s)" % cpp_string(c):
                ms.append(s)
        if ms:
            calls.append(".members(%s)" % ",\n                 ".join(ms))
        head = "sstk::contract(%s)" % cpp_string(t.name)
        tag = cname + ("<%s>" % ", ".join(params) if params else "")
        self._emit_contract_fn(lines, tag, head, calls, template)
        lines.append("")

    def _emit_contract_fn(self, lines, tag, head, calls, template):
        if template:
            lines.append(template)
        if len(calls) <= 1 and "\n" not in "".join(calls):
            lines.append("constexpr auto sstk_contract(sstk::type_tag<%s>) {" % tag)
            lines.append("    return %s%s;" % (head, "".join(calls)))
        else:
            lines.append("constexpr auto sstk_contract(sstk::type_tag<%s>) {" % tag)
            lines.append("    return %s" % head)
            for i, c in enumerate(calls):
                lines.append("        " + c + (";" if i == len(calls) - 1 else ""))
        lines.append("}")

    # ---- whole header -----------------------------------------------------------------------
    def _namespace_constants(self):
        counts = {}
        first = []
        for t in self.types.values():
            if t.namespace:
                if t.namespace not in counts:
                    first.append(t.namespace)
                counts[t.namespace] = counts.get(t.namespace, 0) + 1
        if not first:
            return []
        reqs = [r for r, _ in self.svc.operations if r in self.types and self.types[r].namespace]
        main = self.types[reqs[0]].namespace if reqs else max(first, key=lambda n: (counts[n], -first.index(n)))
        consts = [(main, self.const_prefix + "clr_namespace")]
        used = {consts[0][1]}
        for n in first:
            if n == main:
                continue
            if n.startswith(main + "."):
                cname = self.const_prefix + snake_case(n[len(main) + 1:]) + "_clr_namespace"
            else:
                cname = self.const_prefix + "clr_namespace_" + snake_case(n)
            while cname in used:
                cname += "_"
            used.add(cname)
            consts.append((n, cname))
        return consts

    def emit(self):
        consts = self._namespace_constants()
        self.ns_consts = {n: c for n, c in consts}
        enums, classes = self.order()
        body = []
        for n in enums:
            self.emit_enum(self.types[n], body)
        # forward declarations for types named before their definition (responses, List<T> cycles)
        fwd = []
        defined = set(enums)
        class_lines = []
        for n in classes:
            t = self.types[n]
            hard, soft = self._deps(t)
            for d in soft + [x for (o, mn) in self.indirect_members if o == n
                             for m in (t.members or []) if m.name == mn for x in self._names_in(m.type)]:
                if d != n and d in self.types and d not in defined and d not in fwd and not self.types[d].is_enum:
                    fwd.append(d)
            self.emit_class(t, class_lines)
            defined.add(n)
        if fwd:
            for d in fwd:
                t = self.types[d]
                if t.generic_params:
                    body.append("template <%s>" % ", ".join("class " + p for p in t.generic_params))
                body.append("struct %s;" % self.cpp_names[d])
            body.append("")
        body += class_lines
        while body and body[-1] == "":
            body.pop()

        out = []
        name = self.svc.name or self.svc.host or "service"
        out.append("// DTOs of %s%s, generated by sstk-codegen from:" % (
            _comment(name), " (%s)" % self.svc.host if self.svc.host and self.svc.host != name else ""))
        for s in self.inputs:
            out.append("//   " + _comment(s))
        out.append("// Do not edit: regenerate instead.")
        guard = None
        if self.opt.guard == "pragma":
            out.append("#pragma once")
        else:
            guard = "SSTK_APIS_%s_HPP" % re.sub(r"\W", "_", self.ns.replace("::", "_")).upper()
            out.append("#ifndef " + guard)
            out.append("#define " + guard)
        out.append("")
        if self.needs_indirect:
            self.std_includes |= {"<memory>", "<utility>"}
        self.std_includes.add("<string_view>") if consts else None
        sstk_inc = sorted(i for i in self.includes if i.startswith("<sstk/"))
        boost_inc = sorted(i for i in self.includes if i.startswith("<boost/"))
        out.append("#include <sstk/core/contract.hpp>")
        out += ["#include " + i for i in sstk_inc]
        if boost_inc:
            out.append("")
            out += ["#include " + i for i in boost_inc]
        if self.std_includes:
            out.append("")
            out += ["#include " + i for i in sorted(self.std_includes)]
        out.append("")
        out.append("namespace %s {" % self.ns)
        out.append("")
        if consts:
            for n, c in consts:
                out.append("inline constexpr std::string_view %s = %s;" % (c, cpp_string(n)))
            out.append("")
        if self.needs_indirect:
            # guarded: several generated headers may share one C++ namespace
            macro = "SSTK_CODEGEN_INDIRECT_%s" % re.sub(r"\W", "_", self.ns.replace("::", "_")).upper()
            out += ["#ifndef " + macro, "#define " + macro]
            out += INDIRECT.strip("\n").split("\n")
            out += ["#endif  // " + macro, ""]
        out += body
        out.append("")
        out.append("}  // namespace %s" % self.ns)
        if guard:
            out.append("")
            out.append("#endif  // " + guard)
        return "\n".join(out) + "\n"


INDIRECT = """
// A value-semantic nullable box for a member that holds its own type (directly or through a
// cycle), where std::optional<T> would need T complete: copies copy the value, == compares values.
template <class T>
class indirect {
public:
    indirect() = default;
    indirect(const T& v) : p_(std::make_unique<T>(v)) {}
    indirect(T&& v) : p_(std::make_unique<T>(std::move(v))) {}
    indirect(const indirect& o) : p_(o.p_ ? std::make_unique<T>(*o.p_) : nullptr) {}
    indirect(indirect&&) noexcept = default;
    indirect& operator=(const indirect& o) { if (this != &o) p_ = o.p_ ? std::make_unique<T>(*o.p_) : nullptr; return *this; }
    indirect& operator=(indirect&&) noexcept = default;
    ~indirect() = default;

    bool has_value() const noexcept { return p_ != nullptr; }
    explicit operator bool() const noexcept { return has_value(); }
    T& operator*() { return *p_; }
    const T& operator*() const { return *p_; }
    T* operator->() { return p_.get(); }
    const T* operator->() const { return p_.get(); }
    template <class... A>
    T& emplace(A&&... a) { p_ = std::make_unique<T>(std::forward<A>(a)...); return *p_; }
    void reset() noexcept { p_.reset(); }

    friend bool operator==(const indirect& a, const indirect& b) {
        return a.has_value() == b.has_value() && (!a.has_value() || *a == *b);
    }

private:
    std::unique_ptr<T> p_;
};
"""


def emit_cpp(service, options=None, inputs=()):
    """Render one Service as a C++ header (text)."""
    import sys
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old, 20000))   # dependency chains of thousands of DTOs
    try:
        return _Emitter(service, options or EmitOptions(), list(inputs)).emit()
    except RecursionError:
        raise CodegenError("type dependencies nested too deeply")
    finally:
        sys.setrecursionlimit(old)


def header_name(service):
    return snake_case(service.name or service.host or "service") + ".hpp"
