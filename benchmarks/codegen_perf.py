#!/usr/bin/env python3
"""Code generator performance (issue 6): a realistic 250-type /types/metadata document through
codegen/sstk-codegen (target < 1 s), then the generated header compiled with the JSON and XML
codecs instantiated for every generated struct at -O2 with g++ (target < 30 s), with the peak
compiler memory (/usr/bin/time -v "Maximum resident set size"). What is timed is what a user's
build compiles: the files `sstk-codegen --codecs json,xml` writes, <name>_codecs.cpp with every
struct's codecs (sstk::json::codec<T>, sstk::xml::codec<T>, sstk::dto_defaults<T>, and
sstk::dto_vector<T> / sstk::dto_optional<T> for the structs members hold, and
sstk::json::member_codec<V>, sstk::xml::member_codec<V>, sstk::member_reset<V> per member type
naming the service's types) explicitly instantiated, and with
--codecs-files N the same split over N files, compiled --jobs at a time.
A round-trip TU, compiled and timed on its own, includes <name>_codecs.hpp (`extern template`:
it instantiates no codec of a struct) and runs each struct through both codecs
(default-constructed, written, read back, compared); everything is linked and run.

    python3 benchmarks/codegen_perf.py [--json OUT.json] [--types 250] [--runs 5] [--split 2]
                                       [--jobs N] [--keep DIR] [--cxx g++]

The document (written next to the outputs; --keep keeps them) mixes what real services publish:
enums (plain, explicit values, [Flags]), audited entities with a two-level inheritance chain and
a base in another CLR namespace, request DTOs with routes (path variables, several routes, verb
lists, a wildcard), IReturn<T> responses with ResponseStatus, a request base class, lists,
dictionaries (of strings, ints and entities), nullable value types (int?, DateTime?, decimal?,
Guid?, TimeSpan?, bool?), DataContract/DataMember orders, and three generic types (Page<T>,
Pair<K,V>, Envelope<T>) used with concrete arguments.

The 2-file split (--split) is measured always: on a 2-core machine it is what `make -j2` of the
generated files costs.
Python standard library only.
"""

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CODEGEN = os.path.join(ROOT, "codegen", "sstk-codegen")
sys.path.insert(0, os.path.join(ROOT, "codegen"))
from sstk_codegen.emit_codecs import instantiated_classes  # noqa: E402  what --codecs instantiates per DTO
NS = "Acme.ServiceModel"
NS_TYPES = "Acme.ServiceModel.Types"
CPP_NS = "acme_perf"
CODEGEN_TARGET_S = 1.0
COMPILE_TARGET_S = 30.0

# ------------------------------------------------------------------------------------ document


def sys_t(name, value_type=True):
    d = {"type": name, "namespace": "System"}
    if value_type:
        d["isValueType"] = True
    return d


def prop(name, t, **extra):
    d = {"name": name}
    d.update(t)
    d.update(extra)
    return d


def nullable(arg):
    return {"type": "Nullable`1", "namespace": "System", "isValueType": True, "genericArgs": [arg]}


def list_of(arg):
    return {"type": "List`1", "namespace": "System.Collections.Generic", "genericArgs": [arg]}


def dict_of(k, v):
    return {"type": "Dictionary`2", "namespace": "System.Collections.Generic", "genericArgs": [k, v]}


def ref(name, ns=NS, args=None):
    d = {"type": name, "namespace": ns}
    if args:
        d["genericArgs"] = args
    return d


def enum_ref(name):
    return {"type": name, "namespace": NS, "isValueType": True, "isEnum": True}


STRING = {"type": "String", "namespace": "System"}
ENTITY_WORDS = ["Customer", "Order", "Invoice", "Product", "Supplier", "Warehouse", "Shipment",
                "Payment", "Refund", "Coupon", "Employee", "Department", "Project", "Ticket",
                "Comment", "Attachment", "Appliance", "Subscription", "Region", "Store", "Device",
                "Account", "Contract", "Vehicle", "Booking", "Review", "Campaign", "Report"]
ENUM_WORDS = ["Status", "Priority", "Channel", "Tier", "Kind", "Level", "Stage", "Source",
              "Currency", "Visibility", "Severity", "Unit", "Mode", "Phase", "Outcome", "Scope",
              "Rating", "Category", "Method", "Cause"]


def make_document(n_types=250):
    """A MetadataTypes document with exactly n_types DTO/enum definitions (ServiceStack's own
    ResponseStatus, QueryResponse etc. are referenced, not defined, as real services do)."""
    n_enums = max(4, n_types * 16 // 250)
    n_models = max(6, n_types * 21 // 250)
    n_generic = 3
    n_bases = 3  # AuditBase (other namespace), RequestBase, ResponseBase
    n_ops = (n_types - n_enums - n_models - n_generic - n_bases) // 2
    n_models += (n_types - n_enums - n_models - n_generic - n_bases) - 2 * n_ops  # odd remainder

    types, ops = [], []
    enums = []
    for i in range(n_enums):
        name = ENUM_WORDS[i % len(ENUM_WORDS)] + ("" if i < len(ENUM_WORDS) else str(i))
        names = ["%s%d" % (name[:3], k) for k in range(3 + i % 6)]
        e = {"name": name, "namespace": NS, "implements": [], "isEnum": True, "enumNames": names}
        if i % 4 == 1:  # [Flags]
            e["isEnumInt"] = True
            e["attributes"] = [{"name": "Flags"}]
            e["enumNames"] = ["None"] + names
            e["enumValues"] = ["0"] + [str(1 << k) for k in range(len(names))]
        elif i % 4 == 2:  # explicit values
            e["enumValues"] = [str(10 * (k + 1)) for k in range(len(names))]
        types.append(e)
        enums.append(name)

    types.append({"name": "AuditBase", "namespace": NS_TYPES, "implements": [], "isAbstract": True,
                  "dataContract": {},
                  "properties": [prop("CreatedDate", sys_t("DateTime"), dataMember={"order": 1}),
                                 prop("CreatedBy", STRING, dataMember={"order": 2}),
                                 prop("ModifiedDate", nullable("DateTime"), dataMember={"order": 3}),
                                 prop("ModifiedBy", STRING, dataMember={"order": 4})]})
    types.append({"name": "Page`1", "namespace": NS, "genericArgs": ["T"], "isGenericTypeDef": True,
                  "implements": [],
                  "properties": [prop("Items", list_of("T")), prop("Total", sys_t("Int32")),
                                 prop("Next", nullable("Int32"))]})
    types.append({"name": "Pair`2", "namespace": NS, "genericArgs": ["K", "V"], "isGenericTypeDef": True,
                  "implements": [], "properties": [prop("Key", {"type": "K"}), prop("Value", {"type": "V"})]})
    types.append({"name": "Envelope`1", "namespace": NS, "genericArgs": ["T"], "isGenericTypeDef": True,
                  "implements": [],
                  "properties": [prop("Data", {"type": "T"}), prop("Meta", dict_of("String", "String")),
                                 prop("Version", sys_t("Int32"))]})

    scalar_cycle = [sys_t("Int32"), STRING, nullable("Decimal"), sys_t("Boolean"), nullable("DateTime"),
                    STRING, sys_t("Double"), nullable("Guid"), list_of("String"), sys_t("Int64"),
                    nullable("TimeSpan"), dict_of("String", "String"), nullable("Boolean"),
                    sys_t("DateTimeOffset"), dict_of("String", "Int32"), nullable("Int32"), sys_t("Decimal")]
    models = []
    for i in range(n_models):
        name = ENTITY_WORDS[i % len(ENTITY_WORDS)] + ("" if i < len(ENTITY_WORDS) else str(i))
        props = [prop("Id", sys_t("Int64"), isPrimaryKey=True), prop("Name", STRING, description="Display name")]
        for k in range(4 + i % 7):
            t = scalar_cycle[(i * 3 + k) % len(scalar_cycle)]
            props.append(prop("Field%d" % (k + 1), t))
        props.append(prop(enums[i % n_enums], enum_ref(enums[i % n_enums])))
        props.append(prop("Tags", list_of("String")))
        if i >= 2:  # references to earlier entities: a single, a list, a dictionary
            props.append(prop(models[i - 1], ref(models[i - 1])))
            props.append(prop(models[i - 2] + "s", list_of(models[i - 2])))
        if i % 3 == 0 and i >= 1:
            props.append(prop("ByCode", dict_of("String", models[i - 1])))
        t = {"name": name, "namespace": NS, "implements": [], "properties": props}
        if i % 2 == 0:
            t["inherits"] = {"name": "AuditBase", "namespace": NS_TYPES}
        elif i >= 2 and i % 4 == 3:  # a second level of inheritance
            t["inherits"] = {"name": models[i - 1], "namespace": NS}
            base_names = {p["name"] for p in types[-1]["properties"]} | {models[i - 1]}
            t["properties"] = [p for p in props if p["name"] not in base_names]  # no hiding of base members
        types.append(t)
        models.append(name)

    types.append({"name": "RequestBase", "namespace": NS, "implements": [], "isAbstract": True,
                  "properties": [prop("ApiKey", STRING, description="Caller's API key", isRequired=True),
                                 prop("Locale", STRING), prop("Latitude", nullable("Double")),
                                 prop("Longitude", nullable("Double"))]})
    types.append({"name": "ResponseBase", "namespace": NS, "implements": [], "isAbstract": True,
                  "properties": [prop("Description", STRING), prop("Heading", STRING),
                                 prop("WasSuccessful", sys_t("Boolean")),
                                 prop("ResponseStatus", ref("ResponseStatus", "ServiceStack"))]})

    verbs = ["Get", "Find", "Create", "Update", "Delete"]
    for i in range(n_ops):
        m = models[i % n_models]
        verb = verbs[(i // n_models + i) % len(verbs)]
        word = m + ("" if i < n_models * len(verbs) else str(i))
        req_name = "%s%s%s" % (verb, word, "s" if verb == "Find" else "")
        resp_name = req_name + "Response"
        base = "/%ss" % m.lower()
        req_props, routes = [], []
        resp_props = []
        if verb == "Get":
            req_props = [prop("Id", sys_t("Int64")), prop("Include", list_of("String"))]
            routes = [{"path": base + "/{Id}", "verbs": "GET"}]
            resp_props = [prop("Result", ref(m))]
        elif verb == "Find":
            req_props = [prop("Skip", nullable("Int32")), prop("Take", nullable("Int32")),
                         prop("Query", STRING), prop("Since", nullable("DateTime")),
                         prop("Ids", list_of("Int64")),
                         prop(enums[i % n_enums] + "s", list_of(enums[i % n_enums]))]
            routes = [{"path": base, "verbs": "GET"}, {"path": base + "/search/{Query}", "verbs": "GET,POST"}]
            if i % 3 == 0:
                resp_props = [prop("Page", ref("Page`1", NS, [m]))]
            elif i % 3 == 1:
                resp_props = [prop("Results", list_of(m)), prop("Total", sys_t("Int32"))]
            else:
                resp_props = [prop("Envelope", ref("Envelope`1", NS, [m])),
                              prop("Facets", list_of("Pair<String,Int32>"))]
        elif verb == "Create":
            req_props = [prop(m, ref(m)), prop("IdempotencyKey", nullable("Guid")),
                         prop("Notes", STRING, description="Free text")]
            routes = [{"path": base, "verbs": "POST"}]
            resp_props = [prop("Id", sys_t("Int64")), prop("Created", sys_t("DateTime"))]
        elif verb == "Update":
            req_props = [prop("Id", sys_t("Int64")), prop(m, ref(m)), prop("Fields", list_of("String")),
                         prop("Expected", nullable("Int64"))]
            routes = [{"path": base + "/{Id}", "verbs": "PUT,PATCH"}]
            resp_props = [prop("Result", ref(m)), prop("Changed", dict_of("String", "String"))]
        else:
            req_props = [prop("Id", sys_t("Int64")), prop("Reason", STRING), prop("Hard", nullable("Boolean"))]
            routes = [{"path": base + "/{Id}", "verbs": "DELETE"}, {"path": base + "/{Id}/files/{Path*}"}]
            resp_props = [prop("Deleted", sys_t("Int32"))]
        req = {"name": req_name, "namespace": NS, "properties": req_props,
               "implements": [{"name": "IReturn`1", "namespace": "ServiceStack", "genericArgs": [resp_name]}]}
        resp = {"name": resp_name, "namespace": NS, "implements": [], "properties": resp_props}
        if i % 2 == 0:
            req["inherits"] = {"name": "RequestBase", "namespace": NS}
        if i % 3 != 2:
            resp["inherits"] = {"name": "ResponseBase", "namespace": NS}
        else:
            resp["properties"] = resp_props + [prop("ResponseStatus", ref("ResponseStatus", "ServiceStack"))]
        if i % 5 == 4:  # DataContract DTOs with member orders
            for t in (req, resp):
                t["dataContract"] = {}
                for k, p in enumerate(t["properties"]):
                    p["dataMember"] = {"order": k + 1}
        ops.append({"request": req, "response": resp, "actions": [r.get("verbs", "ANY") for r in routes],
                    "routes": routes, "returnType": {"name": resp_name, "namespace": NS}})

    doc = {"config": {"baseUrl": "https://api.acme.example", "makePartial": True, "addReturnMarker": True},
           "namespaces": ["ServiceStack", "System", "System.Collections.Generic", NS, NS_TYPES],
           "types": types, "operations": ops}
    count = len(types) + 2 * len(ops)
    assert count == n_types, count
    return doc, {"enums": n_enums, "models": n_models, "generic_type_defs": n_generic, "bases": n_bases,
                 "operations": n_ops, "request_response_types": 2 * n_ops, "total": count}


# ------------------------------------------------------------------------------------ measuring


def run_codegen(doc_path, out_hpp, runs):
    cmd = [sys.executable, CODEGEN, "--name", "acme_perf", "--namespace", CPP_NS, doc_path, "-o", out_hpp]
    times = []
    for _ in range(runs):
        if os.path.exists(out_hpp):
            os.remove(out_hpp)  # an unchanged header is not rewritten; time the full write
        t0 = time.perf_counter()
        p = subprocess.run(cmd, capture_output=True, text=True)
        times.append(time.perf_counter() - t0)
        if p.returncode != 0:
            sys.exit("sstk-codegen failed:\n" + p.stdout + p.stderr)
    return cmd, times


def generated_structs(header):
    """Names of the non-template structs and list aliases the header defines (templates are
    instantiated through the members that use them)."""
    names, template_next = [], False
    for line in header.splitlines():
        if line.startswith("template <"):
            template_next = True
            continue
        m = re.match(r"^struct (\w+)(?: : [^{]+)? \{", line)
        if m and not template_next:
            names.append(m.group(1))
        m = re.match(r"^using (\w+) = std::vector<", line)
        if m:
            names.append(m.group(1))
        template_next = False
    return names


def instantiations(types, codecs, keyword, only=None):
    """`template struct ...;` (explicit instantiation definitions) or `extern template struct ...;`
    (declarations) of what sstk-codegen --codecs instantiates per DTO: each codec's codec<T>,
    sstk::dto_defaults<T>, and sstk::dto_vector<T> / sstk::dto_optional<T> for the DTOs `only`
    lists for them (held in a List / directly by some member). Every overload of write/read goes
    through these."""
    only = only or {}
    return ["%s struct %s<%s::%s>;" % (keyword, cls, CPP_NS, t) for t in types for cls in instantiated_classes(codecs)
            if cls not in only or t in only[cls]]


def selective_in(codecs_header):
    """{class: structs} for the classes <name>_codecs.hpp declares for some structs only
    (sstk::dto_vector, sstk::dto_optional)."""
    with open(codecs_header) as f:
        text = f.read()
    return {cls: set(re.findall(r"extern template struct %s<%s::(\w+)>;" % (re.escape(cls), CPP_NS), text))
            for cls in ("sstk::dto_vector", "sstk::dto_optional")}


MEMBER_CLASSES = {"json": "sstk::json::member_codec", "xml": "sstk::xml::member_codec"}


def member_types_in(codecs_header, dto_header, structs):
    """The member types <name>_codecs.hpp declares `extern template` (member_codec, member_reset:
    the code shared by every member of a type naming the service's own types) that some of
    `structs`, or one of their bases, has a member of, in the header's order. sstk-codegen defines
    each in the file of its first user; a breakdown TU defines those its sample needs, so that it
    compiles what the sample costs in a --codecs file."""
    with open(codecs_header) as f:
        declared = list(dict.fromkeys(re.findall(r"^extern template struct sstk::member_reset<(.+)>;$", f.read(), re.M)))
    with open(dto_header) as f:
        text = f.read()
    body, bases = {}, {}
    for m in re.finditer(r"^struct (\w+)(?: : [^{\n]*)? \{\n(.*?)^\};\n+BOOST_DESCRIBE_STRUCT\(\1, \(([^)]*)\)", text, re.M | re.S):
        body[m.group(1)] = m.group(2)
        bases[m.group(1)] = [b.strip().split("::")[-1] for b in m.group(3).split(",") if b.strip()]
    used, todo, seen = set(), list(structs), set()
    while todo:
        s = todo.pop()
        if s in seen or s not in body:
            continue
        seen.add(s)
        todo += bases[s]
        used.update(v for v in declared if re.search(r"^\s+%s \w+" % re.escape(v), body[s], re.M))
    return [v for v in declared if v in used]


def write_instantiation_tu(path, header_name, types, codecs=("json", "xml"), only=None, member_types=()):
    """A TU with the generated header and the codecs of `types` instantiated (the breakdown's
    samples; the timed builds compile the files sstk-codegen --codecs writes), with the member
    code of `member_types`."""
    members = ["template struct %s<%s>;" % (cls, v) for v in member_types
               for cls in [MEMBER_CLASSES[c] for c in codecs] + ["sstk::member_reset"]]
    lines = ["// Generated by benchmarks/codegen_perf.py: %s codecs instantiated for %d types." % (
                 " and ".join(c.upper() for c in codecs), len(types)),
             '#include "%s"' % header_name, ""] + \
            ["#include <sstk/%s.hpp>" % c for c in codecs] + [""] + instantiations(types, codecs, "template", only) + \
            [""] + members + [""]
    with open(path, "w") as f:
        f.write("\n".join(lines))


def write_roundtrip_tu(path, codecs_header, types):
    """The check, compiled on its own against the codecs files (it includes <service>_codecs.hpp:
    `extern template`, so it instantiates no codec of a struct): each struct, default-constructed, through write and read of each codec,
    recording the ones that throw or read back a different value.

    JSON: the default dialect writes an Unspecified DateTime (every default-constructed one) with
    the `-0000` suffix, which ServiceStack reads back as Local (DateTimeSerializer.ParseWcfJsonDate
    treats `-0000` as local time), so the first trip may change a DateTime's kind and nothing
    else: the text read back must read back to itself from then on, and with ISO 8601 dates
    (which keep the kind) the first trip must give the value exactly.
    XML: an enum member holding 0 when 0 is not a member of the enum (what C# gives a field of
    such an enum) cannot be written by DataContractSerializer either ("Enum value '0' is invalid
    for type ... and cannot be serialized", checked on Mono); sstk refuses it the same way, and
    such structs are listed as refused, not as failures."""
    body = ["    try {",
            "        const T first = sstk::json::read<T>(sstk::json::write(v));",
            "        if (!(sstk::json::read<T>(sstk::json::write(first)) == first))",
            "            bad.push_back(std::string(name) + \": JSON read back differs\");",
            "        sstk::json::write_options iso;",
            "        iso.date_handler = sstk::json::date_handler::iso8601;",
            "        if (!(sstk::json::read<T>(sstk::json::write(v, iso)) == v))",
            "            bad.push_back(std::string(name) + \": JSON (ISO 8601 dates) read back differs\");",
            "    } catch (const sstk::error& e) {",
            "        bad.push_back(std::string(name) + \": JSON: \" + e.what());",
            "    }",
            "    try {",
            "        if (!(sstk::xml::read<T>(sstk::xml::write(v)) == v))",
            "            bad.push_back(std::string(name) + \": XML read back differs\");",
            "    } catch (const sstk::error& e) {",
            "        const bool dcs_refuses = e.kind() == sstk::errc::invalid_value &&",
            "                                 std::string_view(e.what()).find(\"is not a member of\") != std::string_view::npos;",
            "        bad.push_back(std::string(dcs_refuses ? \"refused: \" : \"\") + name + \": XML: \" + e.what());",
            "    }"]
    lines = ["// Generated by benchmarks/codegen_perf.py: round trip of %d types through the codecs instantiated "
             "in the other TUs." % len(types),
             '#include "%s"' % codecs_header, "",
             "#include <cstdio>", "#include <string>", "#include <string_view>", "#include <vector>", ""] + \
            ["", "namespace {", "template <class T>",
             "[[gnu::noinline]] void roundtrip(const T& v, const char* name, std::vector<std::string>& bad) {"] + body + \
            ["}", "}  // namespace", "", "int main() {", "    std::vector<std::string> bad;"]
    for t in types:
        lines.append("    roundtrip(%s::%s{}, \"%s\", bad);" % (CPP_NS, t, t))
    lines += ["    for (const auto& b : bad) std::puts(b.c_str());", "    return 0;", "}", ""]
    with open(path, "w") as f:
        f.write("\n".join(lines))


def compile_one(cxx, flags, gen_dir, work, src):
    obj = src[:-4] + ".o"
    cmd = [cxx] + flags + ["-I", os.path.join(ROOT, "include"), "-I", gen_dir, "-c", src, "-o", obj]
    r = time_v(cmd, work)
    r["tu"] = os.path.basename(src)
    r["command"] = " ".join(cmd)
    return r


def breakdown(cxx, flags, gen_dir, work, header_name, types, sample):
    """Where the compile time goes: the headers alone (nothing instantiated), one struct with both
    codecs (the codec machinery every TU instantiates once), then the same `sample` structs with
    JSON only, XML only and both. Each TU includes <name>_codecs.hpp (`header_name` in `gen_dir`),
    so the structs it does not instantiate are `extern template`, as in the --codecs files: a
    struct costs its own codecs, not those of the DTOs it holds. Marginal cost per struct =
    (t(sample) - t(1 struct)) / (sample - 1)."""
    picked = types[::max(1, len(types) // sample)][:sample]
    rows = []
    for label, tys, codecs in [("headers only", [], ("json", "xml")), ("json+xml", picked[:1], ("json", "xml")),
                               ("json", picked, ("json",)), ("xml", picked, ("xml",)),
                               ("json+xml", picked, ("json", "xml"))]:
        src = os.path.join(work, "breakdown_%s_%d.cpp" % (label.replace(" ", "_").replace("+", "_"), len(tys)))
        codecs_header = os.path.join(gen_dir, header_name)
        members = member_types_in(codecs_header, codecs_header.replace("_codecs.hpp", ".hpp"), tys)
        write_instantiation_tu(src, header_name, tys, codecs, selective_in(codecs_header), members)
        r = compile_one(cxx, flags, gen_dir, work, src)
        r.update({"label": label, "types": len(tys), "codecs": list(codecs)})
        rows.append(r)
    one = rows[1]["user_s"] + rows[1]["sys_s"]
    if len(picked) > 1:
        for r in rows[4:]:
            r["marginal_cpu_s_per_struct"] = (r["user_s"] + r["sys_s"] - one) / (r["types"] - 1)
    return rows


def time_v(cmd, cwd):
    """Runs cmd under /usr/bin/time -v: (wall seconds, peak RSS in KiB, user s, sys s, output)."""
    t0 = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-v"] + cmd, cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    out = p.stdout + p.stderr
    if p.returncode != 0:
        sys.exit("compile failed (%s):\n%s" % (" ".join(cmd), out[-6000:]))

    def field(label):  # e.g. "\tMaximum resident set size (kbytes): 123456"
        m = re.search(r"^\s*" + re.escape(label) + r"[^:\n]*: (.+)$", out, re.M)
        if not m:
            sys.exit("no '%s' in the output of /usr/bin/time -v:\n%s" % (label, out[-2000:]))
        return m.group(1).strip()

    return {"wall_s": wall, "max_rss_kib": int(field("Maximum resident set size")),
            "user_s": float(field("User time")), "sys_s": float(field("System time"))}


def emit_codecs_files(doc_path, out_dir, parts):
    """sstk-codegen --codecs json,xml --codecs-files `parts`: the header, <name>_codecs.hpp and the
    .cpp files, what a user's build compiles. Returns the .cpp paths."""
    os.makedirs(out_dir, exist_ok=True)
    cmd = [sys.executable, CODEGEN, "--name", "acme_perf", "--namespace", CPP_NS, "--codecs", "json,xml",
           "--codecs-files", str(parts), doc_path, "-o", os.path.join(out_dir, "acme_perf.hpp")]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit("sstk-codegen --codecs failed:\n" + p.stdout + p.stderr)
    return sorted(os.path.join(out_dir, f) for f in os.listdir(out_dir) if f.endswith(".cpp")), " ".join(cmd)


def compile_set(cxx, flags, doc_path, work, types, parts, jobs, repeats=1, tag=""):
    """Compiles the codecs files sstk-codegen --codecs --codecs-files `parts` writes, `jobs` at a
    time (the timed part; `repeats` times, the fastest kept: on a shared VM the same build varies
    by 20 % from minute to minute, and only the slow side of that is noise), then the round-trip
    check TU, and links and runs them."""
    out_dir = os.path.join(work, "codecs_%d%s" % (parts, tag))
    sources, cg_cmd = emit_codecs_files(doc_path, out_dir, parts)
    counts = {}
    for src in sources:
        with open(src) as f:
            counts[src] = sum(1 for line in f if line.startswith("template struct sstk::json::codec<"))

    def one(src):
        r = compile_one(cxx, flags, out_dir, work, src)
        r["types"] = counts[src]
        return r

    walls, best = [], None
    for _ in range(max(1, repeats)):
        t0 = time.perf_counter()
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            results = list(pool.map(one, sources))
        walls.append(time.perf_counter() - t0)
        if best is None or walls[-1] < best[0]:
            best = (walls[-1], results)
    compile_wall, results = best
    check_src = os.path.join(work, "roundtrip_%d%s.cpp" % (parts, tag))
    write_roundtrip_tu(check_src, "acme_perf_codecs.hpp", types)
    check = compile_one(cxx, flags, out_dir, work, check_src)
    exe = os.path.join(work, "perf_%d%s" % (parts, tag))
    link_cmd = [cxx] + flags + [s[:-4] + ".o" for s in sources + [check_src]] + ["-o", exe, "-lpugixml", "-lboost_json"]
    link = time_v(link_cmd, work)
    run = subprocess.run([exe], capture_output=True, text=True)
    failures = [x for x in run.stdout.splitlines() if not x.startswith("refused: ")]
    refused = [x[len("refused: "):] for x in run.stdout.splitlines() if x.startswith("refused: ")]
    return {"parts": len(sources), "jobs": min(jobs, len(sources)), "compile_wall_s": compile_wall,
            "compile_wall_runs_s": walls,
            "codegen_command": cg_cmd,
            "max_tu_wall_s": max(r["wall_s"] for r in results),
            "sum_tu_cpu_s": sum(r["user_s"] + r["sys_s"] for r in results),
            "peak_rss_kib": max(r["max_rss_kib"] for r in results),
            "roundtrip_tu": check,
            "link_wall_s": link["wall_s"], "link_command": " ".join(link_cmd),
            "program_exit": run.returncode, "roundtrip_failures": failures,
            "roundtrip_refused_as_dcs_does": refused, "tus": results}


def loadavg():
    try:
        with open("/proc/loadavg") as f:
            return [float(x) for x in f.read().split()[:3]]
    except OSError:
        return None


def tool_version(cmd):
    try:
        return subprocess.run(cmd + ["--version"], capture_output=True, text=True).stdout.splitlines()[0]
    except (OSError, IndexError):
        return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", help="write the machine-readable results here")
    ap.add_argument("--types", type=int, default=250, help="types in the document (default 250)")
    ap.add_argument("--runs", type=int, default=5, help="sstk-codegen runs; the median is reported (default 5)")
    ap.add_argument("--split", default="2", help="--codecs-files counts measured besides 1, comma-separated "
                                                "(default 2: one file per core of a 2-core machine)")
    ap.add_argument("--compile-runs", type=int, default=3, metavar="N",
                    help="timed compiles of each file set; the fastest is reported, all are recorded (default 3)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="parallel compiles for the split (default nproc)")
    ap.add_argument("--cxx", default="g++")
    ap.add_argument("--also-cxx", default="clang++-14", metavar="CXX",
                    help="also time the --split file sets (same flags, same runs) with this compiler, e.g. the "
                         "project's other supported one (default clang++-14; '' or a compiler not installed: skipped)")
    ap.add_argument("--breakdown", type=int, default=24, metavar="N",
                    help="also compile N sample structs with JSON only, XML only and both, and the headers alone "
                         "(0: skip; default 24)")
    ap.add_argument("--keep", help="directory for the document, header and TUs (kept); default a temporary one")
    args = ap.parse_args()

    if not os.path.exists("/usr/bin/time"):
        sys.exit("/usr/bin/time is missing: apt-get install time")

    work = args.keep or tempfile.mkdtemp(prefix="sstk_codegen_perf_")
    os.makedirs(work, exist_ok=True)
    gen_dir = os.path.join(work, "gen")
    os.makedirs(gen_dir, exist_ok=True)
    try:
        doc, mix = make_document(args.types)
        doc_path = os.path.join(work, "metadata_%d.json" % args.types)
        with open(doc_path, "w") as f:
            json.dump(doc, f, indent=1)
        header_name = "acme_perf.hpp"
        out_hpp = os.path.join(gen_dir, header_name)

        load_before = loadavg()
        cg_cmd, cg_times = run_codegen(doc_path, out_hpp, args.runs)
        with open(out_hpp) as f:
            header = f.read()
        types = generated_structs(header)

        flags = ["-std=c++20", "-O2", "-Wall", "-Wextra", "-Werror"]
        single = compile_set(args.cxx, flags, doc_path, work, types, 1, 1, args.compile_runs)
        splits = [compile_set(args.cxx, flags, doc_path, work, types, n, args.jobs, args.compile_runs)
                  for n in [int(x) for x in args.split.split(",") if x.strip()] if n > 1]
        other = None
        if args.also_cxx and shutil.which(args.also_cxx):
            other = {"compiler": tool_version([args.also_cxx]), "cxx": args.also_cxx,
                     "split": [compile_set(args.also_cxx, flags, doc_path, work, types, n, args.jobs, args.compile_runs,
                                           "_" + re.sub(r"\W", "_", args.also_cxx))
                               for n in [int(x) for x in args.split.split(",") if x.strip()] if n > 1]}
        parts_of_time = breakdown(args.cxx, flags, os.path.join(work, "codecs_1"), work, "acme_perf_codecs.hpp", types,
                                  args.breakdown) \
            if args.breakdown > 0 else []
        load_after = loadavg()

        res = {
            "document": {"path": doc_path if args.keep else None, "bytes": os.path.getsize(doc_path), "mix": mix},
            "header": {"bytes": len(header.encode()), "lines": header.count("\n"),
                       "structs_instantiated": len(types)},
            "codegen": {"command": " ".join(cg_cmd), "runs_s": cg_times, "median_s": statistics.median(cg_times),
                        "min_s": min(cg_times), "target_s": CODEGEN_TARGET_S,
                        "met": statistics.median(cg_times) < CODEGEN_TARGET_S},
            "compile": {"compiler": tool_version([args.cxx]), "flags": flags, "single_tu": single, "split": splits,
                        "target_s": COMPILE_TARGET_S, "met_single_tu": single["compile_wall_s"] < COMPILE_TARGET_S,
                        "met_split": [s["parts"] for s in splits if s["compile_wall_s"] < COMPILE_TARGET_S],
                        "breakdown": parts_of_time, "other_compiler": other},
            "machine": {"nproc": os.cpu_count(), "python": platform.python_version(),
                        "loadavg_before": load_before, "loadavg_after": load_after},
            "reproduce": "python3 benchmarks/codegen_perf.py" + (" --json " + args.json if args.json else ""),
        }

        print("sstk-codegen, %d-type /types/metadata (%s)" % (mix["total"], ", ".join(
            "%s %d" % (k, v) for k, v in mix.items() if k != "total")))
        print("  generate: median %.3f s over %d runs (min %.3f s), target < %.0f s: %s" % (
            res["codegen"]["median_s"], len(cg_times), res["codegen"]["min_s"], CODEGEN_TARGET_S,
            "met" if res["codegen"]["met"] else "MISSED"))
        print("  header: %d lines, %d structs instantiated with json+xml write/read" % (
            res["header"]["lines"], len(types)))
        print("  compile (%s %s):" % (res["compile"]["compiler"], " ".join(flags)))
        print("    1 file (--codecs): %.1f s wall, peak RSS %.0f MiB, target < %.0f s: %s" % (
            single["compile_wall_s"], single["peak_rss_kib"] / 1024, COMPILE_TARGET_S,
            "met" if res["compile"]["met_single_tu"] else "MISSED"))
        print("    round-trip check TU (extern template, compiled on its own): %.1f s CPU, peak RSS %.0f MiB" % (
            single["roundtrip_tu"]["user_s"] + single["roundtrip_tu"]["sys_s"], single["roundtrip_tu"]["max_rss_kib"] / 1024))
        print("    round trip of each default-constructed struct through JSON and XML: %d of %d failed%s" % (
            len(single["roundtrip_failures"]), len(types),
            "".join("\n      " + f for f in single["roundtrip_failures"][:8])))
        print("    XML writes refused as DataContractSerializer refuses them (enum 0 not a member): %d%s" % (
            len(single["roundtrip_refused_as_dcs_does"]),
            "".join("\n      " + f for f in single["roundtrip_refused_as_dcs_does"][:4])))
        for s in splits:
            print("    %d files (--codecs-files %d): %.1f s wall with %d parallel jobs (slowest file %.1f s, "
                  "%.1f s CPU total), peak RSS per file %.0f MiB, round-trip failures %d: %s" % (
                      s["parts"], s["parts"], s["compile_wall_s"], s["jobs"], s["max_tu_wall_s"], s["sum_tu_cpu_s"],
                      s["peak_rss_kib"] / 1024, len(s["roundtrip_failures"]),
                      "met" if s["compile_wall_s"] < COMPILE_TARGET_S else "MISSED"))
        if other:
            print("  compile (%s %s):" % (other["compiler"], " ".join(flags)))
            for s in other["split"]:
                print("    %d files (--codecs-files %d): %.1f s wall with %d parallel jobs (slowest file %.1f s, "
                      "%.1f s CPU total), peak RSS per file %.0f MiB, round-trip failures %d: %s" % (
                          s["parts"], s["parts"], s["compile_wall_s"], s["jobs"], s["max_tu_wall_s"], s["sum_tu_cpu_s"],
                          s["peak_rss_kib"] / 1024, len(s["roundtrip_failures"]),
                          "met" if s["compile_wall_s"] < COMPILE_TARGET_S else "MISSED"))
        for r in parts_of_time:
            print("    breakdown %-12s %3d structs: %.1f s CPU, peak RSS %.0f MiB%s" % (
                r["label"], r["types"], r["user_s"] + r["sys_s"], r["max_rss_kib"] / 1024,
                (", ~%.2f s CPU per further struct (vs 1 struct with both codecs)" % r["marginal_cpu_s_per_struct"])
                if "marginal_cpu_s_per_struct" in r else ""))
        print("  load average before/after: %s / %s (nproc %d)" % (load_before, load_after, os.cpu_count()))
        if args.json:
            with open(args.json, "w") as f:
                json.dump(res, f, indent=2)
            print("  wrote", args.json)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
