#!/usr/bin/env python3
"""Generates tests/xml/vector_dtos.hpp from the golden vectors' .desc.txt files.

    python3 tests/xml/gen_vector_dtos.py   (from the repository root)

Each .desc.txt describes the object a real DataContractSerializer wrote: every member with its
declared .NET type and declaring class. This script turns them into C++ DTOs (one struct per
declaring class, bases first), the contracts the .desc.txt and type-names.tsv show, and one
`make_<vector>()` per vector. What the .desc.txt cannot say (contract namespaces, enum members)
is in the tables below, each taken from the vector bytes or type-names.tsv.
Vectors that need `object` members or polymorphism (i:type) cannot be expressed: they are
listed in UNCOVERED with the reason, and the test lists them too.
"""
import json, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
VEC = os.path.join(ROOT, 'tests', 'data', 'vectors', 'datacontract')
OUT = os.path.join(ROOT, 'tests', 'xml', 'vector_dtos.hpp')

# [DataContract] classes: (contract name, namespace or None for the default) — from the vectors.
DATA_CONTRACTS = {
    'Oracle.Contracts.Ordered': ('Renamed', 'urn:oracle:contracts'),
    'Oracle.Contracts.EmitDefaults': ('EmitDefaults', 'urn:emit'),
    'Oracle.Contracts.DerivedOrdered': ('DerivedOrdered', 'urn:derived'),
    'Oracle.Contracts.BaseOrdered': ('BaseOrdered', 'urn:base'),
    'Oracle.Contracts.EmptyNs': ('EmptyNs', ''),
    'Oracle.Contracts.DefaultNs': ('DefaultNs', None),
    'Oracle.Contracts.Point3': ('Point3', None),
}
# Classes nested in classes: .NET name -> (CLR namespace, contract name).
NESTED = {'Oracle.Edge.Outer.Inner': ('Oracle.Edge', 'Outer.Inner')}
# Types that exist in include/sstk: .NET name -> C++ name.
EXTERNAL = {
    'ServiceStack.ResponseStatus': 'sstk::ResponseStatus',
    'ServiceStack.ResponseError': 'sstk::ResponseError',
}
EXTERNAL_NS = {
    'WebService.AppApi.Models.Base.': 'sstk::apis::antel_merchandiser::',
    'WebService.AppApi.Models.': 'sstk::apis::antel_merchandiser::',
    'Eros.Subtle.Canvara.WebAPIModel.ServiceModel.': 'sstk::apis::platform_api::',
}
ENUMS = {
    'Oracle.Edge.Color': 'Color',
    'Oracle.Edge.Perms': 'Perms',
    'Oracle.Edge.FlagsNoZero': 'FlagsNoZero',
    'Oracle.Edge.BigEnum': 'BigEnum',
    'Oracle.Edge.Status': 'Status',
}
GENERICS = {'Oracle.Generic.Page': 'Page', 'Oracle.Generic.Pair': 'Pair'}
UNCOVERED = {
    'objects': 'object members: DataContract XML needs the boxed .NET type for i:type (int vs long, Guid, DateTime, decimal), which a C++ value (boost::json::value) does not carry',
    'poly_knowntype': 'polymorphic members ([KnownType], i:type="d3p1:Dog"): sstk DTOs have no runtime subtypes',
    'poly_two_prefixes': 'polymorphic members ([KnownType], i:type with a second dNp2 prefix): sstk DTOs have no runtime subtypes',
    'poly_unknown_type': 'a subtype without [KnownType] makes DCS throw: sstk DTOs have no runtime subtypes',
}

PRIM = {
    'string': 'std::string', 'System.Uri': 'std::string', 'bool': 'bool', 'byte': 'std::uint8_t', 'sbyte': 'std::int8_t',
    'short': 'std::int16_t', 'ushort': 'std::uint16_t', 'int': 'std::int32_t', 'uint': 'std::uint32_t',
    'long': 'std::int64_t', 'ulong': 'std::uint64_t', 'float': 'float', 'double': 'double', 'decimal': 'sstk::decimal',
    'char': 'char16_t', 'System.Guid': 'sstk::guid', 'System.DateTime': 'sstk::date_time',
    'System.TimeSpan': 'sstk::time_span', 'System.DateTimeOffset': 'sstk::date_time_offset',
}
VALUE_TYPES = set(PRIM) - {'string', 'System.Uri'}


def parse_type(s):
    """'System.Collections.Generic.Dictionary<string,int[]>?' -> (name, [args], suffixes)"""
    s = s.strip()
    suffix = []
    while s.endswith('[]') or s.endswith('?'):
        if s.endswith('[]'):
            suffix.insert(0, '[]'); s = s[:-2]
        else:
            suffix.insert(0, '?'); s = s[:-1]
    args = []
    if s.endswith('>'):
        lt = s.index('<')
        inner = s[lt + 1:-1]
        depth, start = 0, 0
        for i, c in enumerate(inner):
            if c == '<': depth += 1
            elif c == '>': depth -= 1
            elif c == ',' and depth == 0:
                args.append(inner[start:i]); start = i + 1
        args.append(inner[start:])
        s = s[:lt]
    return s, [parse_type(a) for a in args], suffix


def is_value(t):
    name, args, suffix = t
    if suffix: return suffix[-1] == '?'
    return name in VALUE_TYPES or name in ENUMS or name == 'System.Collections.Generic.KeyValuePair'


def strip_last(t):
    name, args, suffix = t
    return (name, args, suffix[:-1])


def cls_cpp(name):
    if name in EXTERNAL: return EXTERNAL[name]
    for p, c in EXTERNAL_NS.items():
        if name.startswith(p): return c + name[len(p):]
    if name in NESTED:
        ns, cn = NESTED[name]
        return ns.replace('.', '::') + '::' + cn.replace('.', '_')
    return name.replace('.', '::')


# Members of the seed DTOs in include/sstk/apis that are not nullable although the oracle declared them so.
NON_NULLABLE_EXTERNAL = set()


def servicestack_cpp(t):
    """ServiceStack's own types hold List<ResponseError> without nullable items, and
    Dictionary<string,string> with nullable values (include/sstk/servicestack)."""
    name, args, suffix = t
    if name == 'System.Collections.Generic.List': return f'std::vector<{cpp(args[0])}>'
    return cpp(t)


def cpp(t):
    """The C++ type of a .NET type, without the nullable wrapper of a reference."""
    name, args, suffix = t
    if suffix:
        last = suffix[-1]
        inner = strip_last(t)
        if last == '?': return f'std::optional<{cpp(inner)}>'
        if inner == ('byte', [], []): return 'std::vector<std::uint8_t>'
        return f'std::vector<{slot(inner)}>'
    if name in PRIM: return PRIM[name]
    if name in ENUMS: return 'Oracle::Edge::' + ENUMS[name]
    if name in ('System.Collections.Generic.List', 'System.Collections.Generic.IList', 'System.Collections.Generic.HashSet'):
        return f'std::vector<{slot(args[0])}>'
    if name == 'System.Collections.Generic.Dictionary':
        return f'sstk::dictionary<{cpp(args[0])}, {slot(args[1])}>'
    if name == 'System.Collections.Generic.KeyValuePair':
        return f'std::pair<{slot(args[0])}, {slot(args[1])}>'
    if name in GENERICS:
        return 'Oracle::Generic::' + GENERICS[name] + '<' + ', '.join(cpp(a) for a in args) + '>'
    return cls_cpp(name)


def slot(t, owner=None):
    """The C++ type of a member, item or dictionary value: references are std::optional."""
    if is_value(t): return cpp(t)
    # ServiceStack's own types hold List<ResponseError> / Dictionary<string,string> without
    # nullable items (include/sstk/servicestack).
    if owner and owner.startswith('ServiceStack.'): return f'std::optional<{servicestack_cpp(t)}>'
    return f'std::optional<{cpp(t)}>'


def cstr(s):
    out = '"'
    for b in s.encode('utf-8', 'surrogatepass'):
        c = chr(b)
        if c == '"': out += '\\"'
        elif c == '\\': out += '\\\\'
        elif 0x20 <= b < 0x7f and c != '?': out += c
        else: out += '\\%03o' % b
    return out + '"'


def i64(s):
    return 'std::numeric_limits<std::int64_t>::min()' if int(s) == -2**63 else f'{int(s)}LL'


def value_expr(t, v, owner=None):
    """C++ expression of the value v (desc form) for a slot of declared type t."""
    name, args, suffix = t
    if v is None: return '{}' if not is_value(t) or (suffix and suffix[-1] == '?') else None
    if suffix and suffix[-1] == '?':
        return f'{cpp(t)}({value_expr(strip_last(t), v)})'
    if not is_value(t):
        return f'{slot(t, owner)}({plain_expr(t, v, owner)})'
    return plain_expr(t, v, owner)


def plain_expr(t, v, owner=None):
    name, args, suffix = t
    ty = servicestack_cpp(t) if owner and owner.startswith('ServiceStack.') else cpp(t)
    if isinstance(v, str):  # strings are bare JSON strings
        return f'std::string({cstr(v)}, {len(v.encode("utf-8", "surrogatepass"))})'
    vt = v.get('t')
    if suffix and suffix[-1] == '[]' and strip_last(t) == ('byte', [], []) or name == 'byte[]':
        hx = v['hex']
        return 'std::vector<std::uint8_t>{' + ', '.join('0x' + hx[i:i + 2] for i in range(0, len(hx), 2)) + '}'
    if vt == 'bool': return 'true' if v['v'] else 'false'
    if vt in ('byte', 'sbyte', 'short', 'ushort', 'int', 'uint', 'long', 'ulong'):
        n = int(v['v'])
        lim = {'sbyte': -128, 'short': -32768, 'int': -2**31, 'long': -2**63}
        if vt in lim and n == lim[vt]: return f'std::numeric_limits<{ty}>::min()'
        return f'{ty}({n}{"ULL" if vt == "ulong" else "LL" if vt == "long" else ""})'
    if vt == 'char': return f'char16_t({v["v"]})'
    if vt == 'double': return f'std::bit_cast<double>(std::uint64_t(0x{v["bits"]}ULL))'
    if vt == 'float': return f'std::bit_cast<float>(std::uint32_t(0x{v["bits"]}U))'
    if vt == 'decimal':
        b = v['bits']
        return 'sstk::decimal::from_bits({' + ', '.join(f'std::int32_t({x})' for x in b) + '})'
    if vt == 'Guid': return f'sstk::guid::parse("{v["v"]}")'
    if vt == 'DateTime':
        kind = {'Utc': 'utc', 'Local': 'local', 'Unspecified': 'unspecified'}[v['kind']]
        return f'sstk::date_time::from_ticks({i64(v["ticks"])}, sstk::date_time_kind::{kind})'
    if vt == 'DateTimeOffset': return f'sstk::date_time_offset({v["clock_ticks"]}LL, {v["offset_minutes"]})'
    if vt == 'TimeSpan': return f'sstk::time_span({i64(v["ticks"])})'
    if vt == 'Uri': return f'std::string({cstr(v["v"])})'
    if name in ENUMS: return f'static_cast<{ty}>({v["v"]}{"LL" if name.endswith("BigEnum") else ""})'
    if 'items' in v:
        if suffix:
            item = strip_last(t)
        else:
            item = args[0]
        iv = [value_expr(item, x) if owner is None or not owner.startswith('ServiceStack.') else plain_expr(item, x) for x in v['items']]
        return f'{ty}{{' + ', '.join(iv) + '}'
    if 'entries' in v:
        k, val = args
        ents = []
        for e in v['entries']:
            ve = value_expr(val, e['v'])
            ents.append(f'{{{plain_expr(k, e["k"])}, {ve}}}')
        return f'{ty}{{' + ', '.join(ents) + '}'
    if 'members' in v:
        if name == 'System.Collections.Generic.KeyValuePair':
            m = {x['n']: x for x in v['members']}
            return f'{ty}{{{value_expr(args[0], m["Key"]["v"])}, {value_expr(args[1], m["Value"]["v"])}}}'
        lines = [f'[] {{ {ty} o{{}};']
        for m in v['members']:
            mt = parse_type(m['declared'])
            if m['owner'] + '.' + m['n'] in NON_NULLABLE_EXTERNAL: mt = strip_last(mt)
            e = value_expr(mt, m['v'], m['owner'])
            lines.append(f' o.{m["n"]} = {e};')
        lines.append(' return o; }()')
        return ''.join(lines)
    raise ValueError(f'cannot express {t} = {v}')


# ---- collect classes -------------------------------------------------------------------------
classes = {}   # .NET name -> {'members': [(n, declared, flags)], 'base': name or None}
order = []


def collect(v):
    if isinstance(v, dict):
        t = v.get('t')
        if t and 'members' in v and t not in EXTERNAL and not any(t.startswith(p) for p in EXTERNAL_NS) \
                and not t.startswith('System.') and parse_type(t)[0] not in GENERICS:
            owners = []
            for m in v['members']:
                if m['owner'] not in owners: owners.append(m['owner'])
            for i, o in enumerate(owners):
                mem = [(m['n'], m['declared'], m.get('flags', '')) for m in v['members'] if m['owner'] == o]
                base = owners[i - 1] if i else None
                if o in classes:
                    if classes[o]['members'] != mem or classes[o]['base'] != base:
                        sys.exit(f'{o}: members differ between vectors')
                else:
                    classes[o] = {'members': mem, 'base': base}
                    order.append(o)
        for x in v.values(): collect(x)
    elif isinstance(v, list):
        for x in v: collect(x)


names = sorted(f[:-9] for f in os.listdir(VEC) if f.endswith('.desc.txt') and not f.endswith('.roundtrip.desc.txt'))
descs = {}
for n in names:
    d = json.load(open(os.path.join(VEC, n + '.desc.txt'), encoding='utf-8'))
    descs[n] = d
    if n not in UNCOVERED: collect(d['value'])


def deps(c):
    out = []
    def walk(t):
        name, args, suffix = t
        if name in classes: out.append(name)
        for a in args: walk(a)
    for _, decl, _ in classes[c]['members']: walk(parse_type(decl))
    if classes[c]['base']: out.append(classes[c]['base'])
    return out


emitted, seq = set(), []
def visit(c):
    if c in emitted: return
    emitted.add(c)
    for d in deps(c): visit(d)
    seq.append(c)
for c in order: visit(c)

flag_re = re.compile(r'DataMember\(([^)]*)\)')
out = ['// Generated by tests/xml/gen_vector_dtos.py from tests/data/vectors/datacontract/*.desc.txt.',
       '// Do not edit: change the generator and run it again.',
       '#pragma once', '', '#include "vector_dtos_fixed.hpp"', '']
for c in seq:
    if c in NESTED:
        clr_ns, cname = NESTED[c]
        sname = cname.replace('.', '_')
    else:
        clr_ns, _, cname = c.rpartition('.')
        sname = cname
    info = classes[c]
    base = info['base']
    ns_cpp = clr_ns.replace('.', '::')
    out.append(f'namespace {ns_cpp} {{')
    out.append(f'struct {sname}' + (f' : {cls_cpp(base)}' if base else '') + ' {')
    for n, decl, _ in info['members']:
        out.append(f'    {slot(parse_type(decl), c)} {n}{{}};')
    out.append(f'    friend bool operator==(const {sname}&, const {sname}&) = default;')
    out.append('};')
    out.append(f'BOOST_DESCRIBE_STRUCT({sname}, ({cls_cpp(base) if base else ""}), ({", ".join(n for n, _, _ in info["members"])}))')
    dc = DATA_CONTRACTS.get(c)
    contract = f'sstk::contract("{dc[0] if dc else cname}").clr_namespace("{clr_ns}")'
    if dc:
        contract += '.data_contract()'
        if dc[1] is not None: contract += f'.xml_namespace("{dc[1]}")'
    mems = []
    for n, decl, flags in info['members']:
        m = flag_re.search(flags)
        ignored = any(f in flags.split(';') for f in ('readonly', 'no-setter', 'non-public-setter', 'IgnoreDataMember'))
        if dc and not m: ignored = True
        if ignored:
            mems.append(f'sstk::member("{n}").ignore()')
            continue
        if not m: continue
        kv = dict(x.split('=', 1) for x in m.group(1).split(','))
        s = f'sstk::member("{n}")'
        if 'Name' in kv: s += f'.rename("{kv["Name"]}")'
        if kv.get('Order', '-1') != '-1': s += f'.with_order({kv["Order"]})'
        if kv.get('EmitDefaultValue') == 'False': s += '.emit_default_value(false)'
        if kv.get('IsRequired') == 'True': s += '.is_required()'
        if s != f'sstk::member("{n}")': mems.append(s)
    if mems: contract += '.members(' + ', '.join(mems) + ')'
    out.append(f'constexpr auto sstk_contract(sstk::type_tag<{sname}>) {{ return {contract}; }}')
    out.append(f'}}  // namespace {ns_cpp}')
    out.append('')

out.append('namespace xmltest {')
out.append('')
for n in names:
    if n in UNCOVERED: continue
    d = descs[n]
    t = parse_type(d['root_type'])
    out.append(f'// {d["note"]}'.replace('\n', ' '))
    out.append(f'inline {cpp(t)} make_{n}() {{ return {plain_expr(t, d["value"])}; }}')
out.append('')
out.append('// Every vector: its name and, when it cannot be expressed, why.')
out.append('struct vector_entry { const char* name; const char* uncovered_reason; };')
out.append('inline constexpr vector_entry all_vectors[] = {')
for n in names:
    out.append(f'    {{"{n}", {cstr(UNCOVERED[n]) if n in UNCOVERED else "nullptr"}}},')
out.append('};')
out.append('')
out.append('// Calls f(name, make) for each expressible vector.')
out.append('template <class F>')
out.append('void for_each_vector(F&& f) {')
for n in names:
    if n in UNCOVERED: continue
    out.append(f'    f("{n}", make_{n});')
out.append('}')
out.append('')
out.append('}  // namespace xmltest')
open(OUT, 'w', encoding='utf-8').write('\n'.join(out) + '\n')
print(f'{len(seq)} classes, {len(names) - len(UNCOVERED)} of {len(names)} vectors expressed -> {OUT}')
