"""The codec-instantiation emitter (--codecs): one Service -> <service>_codecs.hpp and
<service>_codecs.cpp (or, with --codecs-files N, <service>_codecs_1.cpp ... _N.cpp), next to its
DTO header.

Compiling a codec for a DTO is most of what a generated header costs a build (docs/codegen.md,
"Compile time"): every translation unit that reads or writes the DTOs instantiates the codecs for
them again. The files emitted here compile each DTO's codec once:
  * <service>_codecs.hpp includes the DTO header and the chosen codecs, and declares each DTO's
    codec (sstk::json::codec<T>, sstk::xml::codec<T>), its default object (sstk::dto_defaults<T>)
    and, where members hold it, its lifetime in containers (sstk::dto_vector<T> for a List,
    sstk::dto_optional<T> for a member of that type) `extern template`, so a TU including it
    compiles none of them;
  * the .cpp file(s) hold the explicit instantiation definitions, each DTO in exactly one file.
    The codecs reach a DTO nested in another through its own codec<...>, so a file compiles the
    codecs of its own DTOs only; with N files a parallel build (make -jN) compiles them at once.
Every overload of the codecs (write(out, v), write(v) returning a string, read<T>(text), try_*)
goes through codec<T>, so it costs a TU nothing either.

Instantiated: each struct DTO. Not class templates (QueryResponse<T> has no single C++ type) and
not collection DTOs (`using Orders = std::vector<Order>` is std::vector<Order>, which two such
DTOs may both be): reading or writing those at the root compiles them where they are used, on
top of their items' codecs, which are instantiated here.
"""

from .emit_cpp import EmitOptions, _Emitter, _comment

# The class templates each codec is compiled as, instantiated per DTO. DTO_DEFAULTS (a DTO's
# default object and member reset) and DTO_VECTOR (a std::vector of it growing and shrinking),
# used by every reader, go with any of them.
CODEC_CLASSES = {
    "json": "sstk::json::codec",
    "xml": "sstk::xml::codec",
}
DTO_DEFAULTS = "sstk::dto_defaults"
DTO_VECTOR = "sstk::dto_vector"  # std::vector<DTO> growth, used by the readers
DTO_OPTIONAL = "sstk::dto_optional"  # std::optional<DTO> emplace/reset, used by the readers
# Per member type (not per DTO): the code every member of that type shares.
MEMBER_CLASSES = {
    "json": "sstk::json::member_codec",
    "xml": "sstk::xml::member_codec",
}
MEMBER_RESET = "sstk::member_reset"
CODECS = tuple(CODEC_CLASSES)


def instantiated_classes(codecs):
    """The class templates instantiated per DTO for these codecs, in a fixed order. DTO_VECTOR
    and DTO_OPTIONAL only for the DTOs some member holds in a List, or directly."""
    return [CODEC_CLASSES[c] for c in codecs] + [DTO_DEFAULTS, DTO_VECTOR, DTO_OPTIONAL]


def parse_codecs(text):
    """['json', 'xml'] from 'json,xml'; ValueError naming what is not a codec."""
    names = [c.strip().lower() for c in text.split(",") if c.strip()]
    bad = [c for c in names if c not in CODEC_CLASSES]
    if bad or not names:
        raise ValueError("--codecs takes a comma-separated list of %s, got %r" % (", ".join(CODECS), text))
    return [c for c in CODECS if c in names]  # fixed order: output does not depend on the spelling


def codecs_paths(header_path, files=1):
    """`dir/x.hpp` -> (`dir/x_codecs.hpp`, [`dir/x_codecs.cpp`]), or with files=N the sources
    [`dir/x_codecs_1.cpp`, ..., `dir/x_codecs_N.cpp`]."""
    root = header_path.rsplit(".", 1)[0]
    if files == 1:
        return root + "_codecs.hpp", [root + "_codecs.cpp"]
    return root + "_codecs.hpp", ["%s_codecs_%d.cpp" % (root, i + 1) for i in range(files)]


def _list_items(e):
    """Names of the types some member holds in a List (at any depth of its type's arguments)."""
    found = set()

    def walk(ref):
        if ref is None:
            return
        if ref.name == "List":
            found.update(a.name for a in ref.args)
        for a in ref.args:
            walk(a)

    for t in e.types.values():
        for m in t.members or []:
            walk(m.type)
        walk(t.base)
    return found


def _held_items(e):
    """Names of the types some member (or base) is of, directly: held in a std::optional."""
    found = set()
    for t in e.types.values():
        for m in t.members or []:
            if m.type is not None:
                found.add(m.type.name)
    return found


def _member_types(e, structs):
    """{C++ member type: the first of `structs` (C++ names, in order) with a member of it}, for the
    member types that name one of the service's own types (a DTO or enum, nullable, in a List or
    a Dictionary): those differ per service, so instantiating their member code here is the one
    definition in a program. Member types of std and sstk types alone (std::string,
    std::optional<std::int32_t>) are left to each file: two services' files would both define them.
    Not members held through `indirect<...>` (recursive types) nor of class templates."""
    out = {}
    owner_of = {"%s::%s" % (e.ns, e.cpp_names[n]): n for n in e.types if n in e.cpp_names}
    own_prefix = e.ns + "::"
    for cpp in structs:
        t = e.types[owner_of[cpp]]
        for m, _ in e._member_names(t):
            if m.type is None or m.ignored or (t.name, m.name) in e.indirect_members:
                continue
            decl, _ = e.member_decl(t, m, t.generic_params, False)
            if own_prefix in decl and decl not in out:
                out[decl] = cpp
    return out


def _instantiated(e):
    """[(C++ name, weight)] of the DTOs instantiated, in declaration order. The weight estimates
    its share of the compile time: one, plus one per member (own and inherited), plus two more per
    member whose type holds a List, a Dictionary, an enum or another DTO (each brings its own
    container, enum or nested-DTO code). Calibrated on the 250-type benchmark
    (benchmarks/codegen_perf.py), whose two files compile in about equal time with it."""
    enums = {n for n, t in e.types.items() if t.is_enum}

    def composite(ref):
        if ref is None:
            return False
        if ref.name in ("List", "Dictionary") or ref.name in enums or ref.name in e.types:
            return True
        return any(composite(a) for a in ref.args)

    _, classes = e.order()
    out = []
    for n in classes:
        t = e.types[n]
        if t.generic_params or e._is_alias(n):
            continue
        weight, seen, cur = 1, set(), t
        while cur is not None and cur.name not in seen:
            seen.add(cur.name)
            for m in cur.members or []:
                weight += 3 if composite(m.type) else 1
            cur = e.types.get(cur.base.name) if cur.base is not None else None
        out.append(("%s::%s" % (e.ns, e.cpp_names[n]), weight))
    return out


def split_balanced(items, parts):
    """[(name, weight)] dealt into `parts` lists (fewer when there are fewer items) of about equal
    total weight, each in the items' order: heaviest first, each to the lightest list so far
    (ties: the first). Not contiguous runs: a generated header declares its entity DTOs (the
    heaviest: many members holding lists, enums and other DTOs) first, and a run holding them all
    took 20 % longer than the other in the 250-type benchmark."""
    parts = max(1, min(parts, len(items))) if items else 1
    load = [0] * parts
    where = {}
    for i in sorted(range(len(items)), key=lambda i: (-items[i][1], i)):
        p = min(range(parts), key=lambda k: (load[k], k))
        where[i] = p
        load[p] += items[i][1]
    return [[name for i, (name, _) in enumerate(items) if where[i] == p] for p in range(parts)]


def _declarations(types, codecs, keyword, listed=None, held=None):
    """The instantiations of `types`; DTO_VECTOR only for the types in `listed` (those some member
    holds in a List: the others never grow a vector, and their vector code would only cost), and
    DTO_OPTIONAL only for those in `held` (some member is of that type)."""
    def wanted(cls, t):
        if cls == DTO_VECTOR:
            return listed is None or t in listed
        if cls == DTO_OPTIONAL:
            return held is None or t in held
        return True
    return ["%s struct %s<%s>;" % (keyword, cls, t) for t in types for cls in instantiated_classes(codecs)
            if wanted(cls, t)]


def _member_declarations(member_types, codecs, keyword):
    return ["%s struct %s<%s>;" % (keyword, cls, v) for v in member_types
            for cls in [MEMBER_CLASSES[c] for c in codecs] + [MEMBER_RESET]]


def emit_codecs(service, codecs, options=None, header_include=None, inputs=(), files=1):
    """(header text, [source text, ...]) of the codec instantiations of one Service: `files`
    sources (fewer when there are fewer DTOs), each instantiating a share of the DTOs of
    about equal weight. `header_include` is how they include the DTO header (default
    "<service>.hpp", found next to them)."""
    e = _Emitter(service, options or EmitOptions(), list(inputs))
    include = header_include or (e.service_slug + ".hpp")
    stem = include.rsplit(".", 1)[0]
    weighted = _instantiated(e)
    items = _list_items(e)
    listed = {"%s::%s" % (e.ns, e.cpp_names[n]) for n in e.order()[1] if n in items}
    members = _held_items(e)
    held = {"%s::%s" % (e.ns, e.cpp_names[n]) for n in e.order()[1] if n in members}
    types = [t for t, _ in weighted]
    runs = split_balanced(weighted, files)
    cpp_names = [p.rsplit("/", 1)[-1] for p in codecs_paths(stem + ".hpp", len(runs))[1]]
    name = e.svc.name or e.svc.host or "service"
    sources = ["//   " + _comment(s) for s in e.inputs]
    what = "/".join(c.upper() for c in codecs)

    h = ["// %s codecs for the DTOs of %s, generated by sstk-codegen --codecs %s%s"
         % (what, _comment(name), ",".join(codecs), " from:" if sources else ".")]
    h += sources
    h += ["// Do not edit: regenerate instead.",
          "// Include this header where the DTOs are read or written, and compile %s once:" % " and ".join(cpp_names),
          "// the codecs below are then compiled there only (`extern template`).",
          "#pragma once", "", '#include "%s"' % include, ""]
    h += ["#include <sstk/%s.hpp>" % c for c in codecs]
    h += [""]
    h += _declarations(types, codecs, "extern template", listed, held)
    member_types = _member_types(e, types)
    if member_types:
        h += ["", "// The code of the member types that name this service's types, shared by all members of each."]
        h += _member_declarations(member_types, codecs, "extern template")
    h.append("")

    out = []
    for i, run in enumerate(runs):
        part = "" if len(runs) == 1 else " (part %d of %d)" % (i + 1, len(runs))
        s = ["// The %s codecs for the DTOs of %s, compiled once%s; generated by sstk-codegen --codecs %s."
             % (what, _comment(name), part, ",".join(codecs)),
             "// Do not edit: regenerate instead.", '#include "%s_codecs.hpp"' % stem, ""]
        s += _declarations(run, codecs, "template", listed, held)
        in_run = set(run)
        mine = [v for v, first in member_types.items() if first in in_run]
        if mine:
            s.append("")
            s += _member_declarations(mine, codecs, "template")
        s.append("")
        out.append("\n".join(s))
    return "\n".join(h), out
