#!/usr/bin/env python3
"""Regenerates docs/benchmarks.md from one run of the benchmark binaries and codegen_perf.py.

    # build (Release) then run everything and write docs/benchmarks.md:
    cmake -S . -B build-bench2 -DCMAKE_BUILD_TYPE=Release -DSSTK_BUILD_BENCHMARKS=ON \\
          -DSSTK_BUILD_TESTS=OFF -DSSTK_BUILD_EXAMPLES=OFF
    cmake --build build-bench2 --target sstk_json_bench sstk_text_bench [sstk_xml_bench]
    python3 benchmarks/report.py --build-dir build-bench2 --repetitions 5

    # or from results already on disk (Google Benchmark --benchmark_out=<name>.json files named
    # json_bench.json, text_bench.json, xml_bench.json, and codegen_perf.json, in one directory):
    python3 benchmarks/report.py --results DIR

The service host's load run (issue 9) is a separate program, sstk_http_load, whose section is
regenerated on its own, in place, leaving the rest of the document as it is:

    cmake --build build-bench2 --target sstk_http_load
    python3 benchmarks/report.py --build-dir build-bench2 --http-load [--seconds 10 --connections 8,64]
    # or from saved runs: python3 benchmarks/report.py --http-load --results DIR  (DIR/http_load_c<N>.json)

The code generator's section (issue 6) can be regenerated on its own likewise:

    # only the code generator's section, from a codegen_perf.py run (or its --json file):
    python3 benchmarks/report.py --codegen-only [--codegen-json FILE]

Every number in the document comes from those files; medians over --benchmark_repetitions
(CPU time, which the ns/object and MB/s counters also use). sstk_xml_bench is optional: when it is
not built its section says so. Python standard library only.
"""

import argparse
import datetime
import json
import os
import platform
import re
import statistics
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import charts  # noqa: E402  (benchmarks/charts.py, beside this script)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARIES = [("json_bench", "sstk_json_bench", True), ("text_bench", "sstk_text_bench", True),
            ("xml_bench", "sstk_xml_bench", False)]
PAYLOAD_ORDER = ["ResetPassword", "ResetPasswordResponse", "PasswordReset", "ResponseStatus3", "ResponseList10k"]

# Targets from the issues. (format, direction, peer-prefix) -> (kind, bound, issue text)
#   kind "faster": peer_time / sstk_time >= bound;  kind "within": sstk_time / peer_time <= bound.
TARGETS = [
    ("json", "write", "boost_json", "faster", 8.0, "issue 3: write >= 8x faster than Boost.JSON value_from"),
    ("json", "write", "rapidjson", "faster", 3.0, "issue 3: write >= 3x faster than RapidJSON"),
    ("json", "read", "boost_json", "faster", 5.0, "issue 3: read >= 5x faster than Boost.JSON value_to"),
    ("json", "read", "rapidjson", "faster", 3.0, "issue 3: read >= 3x faster than RapidJSON"),
    ("xml", "read", "pugixml_parse", "within", 1.5, "issue 4: read <= 1.5x the pugixml parse-only time"),
    ("xml", "write", "pugixml_dom", "faster", 3.0, "issue 4: write >= 3x faster than the pugixml DOM route"),
    ("xml", "write", "mono", "faster", 10.0, "issue 4: >= 10x faster than DataContractSerializer on Mono"),
    ("xml", "read", "mono", "faster", 10.0, "issue 4: >= 10x faster than DataContractSerializer on Mono"),
]
TEXT_BOUND = 1.5  # issue 5: each text codec within 1.5x of the JSON codec's time for the same data


# ------------------------------------------------------------------------------------ machine


def sh(cmd):
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, shell=isinstance(cmd, str))
        return (p.stdout or p.stderr).strip()
    except OSError:
        return ""


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def loadavg():
    try:
        with open("/proc/loadavg") as f:
            return [float(x) for x in f.read().split()[:3]]
    except OSError:
        return None


def fmt_load(v):
    return "–" if not v else ", ".join("%.2f" % x for x in v)


def first_line(s):
    return s.splitlines()[0] if s else "not found"


def package_versions(names):
    out = {}
    for n in names:
        v = sh(["dpkg-query", "-W", "-f=${Version}", n])
        if v and "no packages found" not in v.lower():
            out[n] = v
    return out


def cmake_cache(build_dir, key):
    try:
        with open(os.path.join(build_dir, "CMakeCache.txt")) as f:
            for line in f:
                if line.startswith(key + ":"):
                    return line.split("=", 1)[1].strip()
    except OSError:
        pass
    return None


def machine(build_dir):
    cxx = (build_dir and cmake_cache(build_dir, "CMAKE_CXX_COMPILER")) or "g++"
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu_model(),
        "kernel": platform.release(),
        "os": first_line(sh("grep PRETTY_NAME /etc/os-release | cut -d= -f2 | tr -d '\"'")),
        "cxx": first_line(sh([cxx, "--version"])),
        "cxx_path": cxx,
        "clang": first_line(sh(["clang++", "--version"])) if sh("command -v clang++") else "not installed",
        "cmake": first_line(sh(["cmake", "--version"])),
        "python": platform.python_version(),
        "build_type": build_dir and cmake_cache(build_dir, "CMAKE_BUILD_TYPE"),
        "cxx_flags": build_dir and cmake_cache(build_dir, "CMAKE_CXX_FLAGS_RELEASE"),
        "packages": package_versions(["libbenchmark-dev", "libboost-json1.81-dev", "rapidjson-dev",
                                      "nlohmann-json3-dev", "libpugixml-dev"]),
    }


# ------------------------------------------------------------------------------------ running


def run_binary(exe, out, reps, min_time, bench_filter):
    cmd = [exe, "--benchmark_out=" + out, "--benchmark_out_format=json",
           "--benchmark_repetitions=%d" % reps, "--benchmark_report_aggregates_only=true"]
    if min_time:
        cmd.append("--benchmark_min_time=%s" % min_time)
    if bench_filter:
        cmd.append("--benchmark_filter=" + bench_filter)
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return cmd


def load_results(path):
    """{name: {"cpu_ns", "real_ns", "ns_per_object", "bytes_per_second", "error"}} from the median
    aggregates (or, for a run without repetitions, the single iteration rows)."""
    with open(path) as f:
        data = json.load(f)
    rows, singles = {}, {}
    for b in data.get("benchmarks", []):
        name = b.get("run_name") or b["name"]
        unit = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}[b.get("time_unit", "ns")]
        r = {"cpu_ns": b.get("cpu_time", 0) * unit, "real_ns": b.get("real_time", 0) * unit,
             "ns_per_object": b.get("ns/object"), "bytes_per_second": b.get("bytes_per_second"),
             "error": b.get("error_message") if b.get("error_occurred") else None,
             "repetitions": b.get("repetitions", 1)}
        if r["ns_per_object"] is not None:
            r["ns_per_object"] *= 1e9  # the counter is seconds per object
        if b.get("run_type") == "aggregate":
            if b.get("aggregate_name") == "median":
                rows[name] = r
        else:
            if b.get("error_occurred"):
                rows.setdefault(name, r)
            singles.setdefault(name, []).append(r)
    for name, rs in singles.items():  # no aggregates (e.g. --repetitions 1): median of the rows
        if name not in rows:
            rows[name] = {k: (statistics.median([x[k] for x in rs]) if isinstance(rs[0][k], (int, float)) else rs[0][k])
                          for k in rs[0]}
    return data.get("context", {}), rows


def split_name(name):
    # format/direction/payload/impl, optionally followed by Google Benchmark's own suffixes
    # (the Mono peer reports manual time: .../mono_dcs/iterations:1/manual_time)
    parts = name.split("/")
    if len(parts) < 4 or any(":" in p for p in parts[:4]):
        return None
    return tuple(parts[:4])  # format, direction, payload, impl


# ------------------------------------------------------------------------------------ rendering


def fmt_ns(ns):
    if ns is None:
        return "–"
    if ns >= 1e6:
        return "%.2f ms" % (ns / 1e6)
    if ns >= 1e4:
        return "%.1f µs" % (ns / 1e3)
    if ns >= 100:
        return "%.0f ns" % ns
    return "%.1f ns" % ns


def fmt_mbs(bps):
    return "–" if not bps else "%.0f" % (bps / 1e6)


def fmt_ratio(x):
    return "–" if x is None else ("%.2f×" % x if x < 10 else "%.1f×" % x)


def ordered_payloads(names):
    known = [p for p in PAYLOAD_ORDER if p in names]
    return known + sorted(n for n in names if n not in PAYLOAD_ORDER)


def index(rows):
    idx = {}
    for name, r in rows.items():
        k = split_name(name)
        if k:
            idx[k] = r
    return idx


def peer_section(lines, fmt, idx, title):
    """Table of sstk and its peers per payload and direction, plus the targets."""
    impls = sorted({k[3] for k in idx if k[0] == fmt}, key=lambda s: (s != "sstk", s))
    if not impls:
        return []
    lines.append("### " + title)
    lines.append("")
    peers = [i for i in impls if i != "sstk"]
    head = "| direction | payload | " + " | ".join("%s ns/object | %s MB/s" % (i, i) for i in impls) + \
           " | " + " | ".join("%s ÷ sstk" % p for p in peers) + " |"
    lines.append(head)
    lines.append("|" + "---|" * (2 + 2 * len(impls) + len(peers)))
    ratios = {}  # (direction, peer) -> [ratio per payload]
    errors = []
    for direction in ("write", "read"):
        for payload in ordered_payloads({k[2] for k in idx if k[0] == fmt and k[1] == direction}):
            cells = [direction, payload]
            for i in impls:
                r = idx.get((fmt, direction, payload, i))
                if r and r["error"]:
                    errors.append("%s/%s/%s/%s: %s" % (fmt, direction, payload, i, r["error"]))
                cells += [fmt_ns(r and r["ns_per_object"]), fmt_mbs(r and r["bytes_per_second"])]
            s = idx.get((fmt, direction, payload, "sstk"))
            for p in peers:
                r = idx.get((fmt, direction, payload, p))
                # per object, so that peers timed another way (Mono's manual wall time over a whole
                # run) compare on the same footing; for the in-process peers this equals CPU time
                x = (r["ns_per_object"] / s["ns_per_object"]
                     if (r and s and r["ns_per_object"] and s["ns_per_object"] and not r["error"] and not s["error"])
                     else None)
                if x is not None:
                    ratios.setdefault((direction, p), []).append((payload, x))
                cells.append(fmt_ratio(x))
            lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    lines.append("“peer ÷ sstk” is the peer's time over sstk's: above 1× sstk is faster.")
    lines.append("")
    for e in errors:
        lines.append("- **Benchmark error** " + e)
    if errors:
        lines.append("")

    results = []
    targets = [t for t in TARGETS if t[0] == fmt]
    if targets:
        lines.append("Targets (the issues judge the median over the payloads of the per-payload ratio):")
        lines.append("")
        lines.append("| target | per payload | median | met? |")
        lines.append("|---|---|---|---|")
        for _, direction, prefix, kind, bound, text in targets:
            matching = [p for p in peers if p.startswith(prefix)]
            if not matching:
                lines.append("| %s | no `%s` peer in this run | – | not measured |" % (text, prefix))
                results.append({"target": text, "status": "not measured"})
                continue
            for p in matching:
                pr = ratios.get((direction, p), [])
                if not pr:
                    lines.append("| %s (`%s`) | – | – | not measured |" % (text, p))
                    results.append({"target": text, "peer": p, "status": "not measured"})
                    continue
                if kind == "faster":
                    vals = [(pl, x) for pl, x in pr]
                    med = statistics.median(x for _, x in vals)
                    ok = med >= bound
                    per = ", ".join("%s %s" % (pl, fmt_ratio(x)) for pl, x in vals)
                    medtxt = "%s faster" % fmt_ratio(med)
                else:
                    vals = [(pl, 1.0 / x) for pl, x in pr]  # sstk time / peer time
                    med = statistics.median(x for _, x in vals)
                    ok = med <= bound
                    per = ", ".join("%s %s" % (pl, fmt_ratio(x)) for pl, x in vals)
                    medtxt = "%s of the peer's time" % fmt_ratio(med)
                lines.append("| %s (`%s`) | %s | %s | %s |" % (text, p, per, medtxt,
                                                                 "**met**" if ok else "**missed**"))
                results.append({"target": text, "peer": p, "median": med, "met": ok,
                                "per_payload": dict(vals)})
        lines.append("")
    return results


def text_section(lines, idx):
    fmts = [f for f in ("jsv", "csv", "query") if any(k[0] == f for k in idx)]
    if not fmts:
        return []
    lines.append("### JSV, CSV and query strings against sstk's JSON (issue 5)")
    lines.append("")
    lines.append("Same payloads, same binary (`sstk_text_bench`, which also runs `json/*/sstk` so the ratio "
                 "comes from one run). Target: each within %.1f× of the JSON codec's time for the same data "
                 "(format time ÷ JSON time ≤ %.1f). CSV writes a single DTO as a header plus one row "
                 "(`tabulate::self`) and the list as a header plus 10,000 rows; query strings bind onto one DTO, "
                 "so the list payload has none. Every read is checked to equal the payload." % (TEXT_BOUND, TEXT_BOUND))
    lines.append("")
    lines.append("| direction | payload | JSON ns/object | JSON MB/s | " +
                 " | ".join("%s ns/object | %s MB/s | %s ÷ JSON" % (f.upper(), f.upper(), f.upper()) for f in fmts) + " |")
    lines.append("|" + "---|" * (4 + 3 * len(fmts)))
    results, errors = [], []
    for direction in ("write", "read"):
        for payload in ordered_payloads({k[2] for k in idx if k[1] == direction and k[0] in fmts}):
            j = idx.get(("json", direction, payload, "sstk"))
            cells = [direction, payload, fmt_ns(j and j["ns_per_object"]), fmt_mbs(j and j["bytes_per_second"])]
            for f in fmts:
                r = idx.get((f, direction, payload, "sstk"))
                if r and r["error"]:
                    errors.append("%s/%s/%s/sstk: %s" % (f, direction, payload, r["error"]))
                x = r["cpu_ns"] / j["cpu_ns"] if (r and j and j["cpu_ns"] and not r["error"]) else None
                mark = "" if x is None else (" ✓" if x <= TEXT_BOUND else " ✗")
                cells += [fmt_ns(r and r["ns_per_object"]), fmt_mbs(r and r["bytes_per_second"]),
                          fmt_ratio(x) + mark]
                if x is not None:
                    results.append({"format": f, "direction": direction, "payload": payload, "ratio": x,
                                    "met": x <= TEXT_BOUND})
            lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    for e in errors:
        lines.append("- **Benchmark error** " + e)
    if errors:
        lines.append("")
    lines.append("✓ within %.1f× of JSON (met), ✗ not (missed). Summary:" % TEXT_BOUND)
    lines.append("")
    lines.append("| format | direction | met | median ratio | worst |")
    lines.append("|---|---|---|---|---|")
    for f in fmts:
        for direction in ("write", "read"):
            rs = [r for r in results if r["format"] == f and r["direction"] == direction]
            if not rs:
                continue
            worst = max(rs, key=lambda r: r["ratio"])
            lines.append("| %s | %s | %d of %d payloads | %s | %s (%s) |" % (
                f.upper(), direction, sum(r["met"] for r in rs), len(rs),
                fmt_ratio(statistics.median(r["ratio"] for r in rs)), fmt_ratio(worst["ratio"]), worst["payload"]))
    lines.append("")
    return results


def codegen_section(lines, cg):
    lines.append("## Code generator (issue 6)")
    lines.append("")
    if not cg:
        lines.append("No codegen_perf.py results were given (`--codegen-json`), so this section is empty.")
        lines.append("")
        return
    mix = cg["document"]["mix"]
    lines.append("`benchmarks/codegen_perf.py` writes a %d-type `/types/metadata` document (%s; %d bytes) — "
                 "enums plain, with explicit values and `[Flags]`; entities with a two-level inheritance chain and a "
                 "base in another CLR namespace; requests with routes, verb lists, a wildcard and a request base; "
                 "IReturn<T> responses with a response base and ResponseStatus; lists, dictionaries, nullable value "
                 "types, DataContract member orders and three generic types used with concrete arguments." % (
                     mix["total"], ", ".join("%d %s" % (v, k.replace("_", " ")) for k, v in mix.items() if k != "total"),
                     cg["document"]["bytes"]))
    lines.append("")
    c = cg["codegen"]
    comp = cg["compile"]
    single = comp["single_tu"]
    lines.append("| measurement | result | target | met? |")
    lines.append("|---|---|---|---|")
    lines.append("| `sstk-codegen` on the document (whole process, median of %d runs; min %.3f s) | %.3f s | < %.0f s | %s |" % (
        len(c["runs_s"]), c["min_s"], c["median_s"], c["target_s"], "**met**" if c["met"] else "**missed**"))
    lines.append("| generated header | %d lines, %d structs (+ enums and class templates, used through members) | | |" % (
        cg["header"]["lines"], cg["header"]["structs_instantiated"]))
    what = ("the files `sstk-codegen --codecs json,xml` writes: `<name>_codecs.cpp` with `sstk::json::codec<T>`, "
            "`sstk::xml::codec<T>` and `sstk::dto_defaults<T>` explicitly instantiated for all %d structs "
            "(and `sstk::dto_vector<T>` / `sstk::dto_optional<T>` for the structs members hold, and "
            "`sstk::json::member_codec<V>`, `sstk::xml::member_codec<V>`, `sstk::member_reset<V>` for each member type "
            "naming the service's types)"
            % cg["header"]["structs_instantiated"])
    def runs(s):
        walls = s.get("compile_wall_runs_s") or [s["compile_wall_s"]]
        return "" if len(walls) < 2 else "; best of %d: %s s" % (len(walls), ", ".join("%.1f" % w for w in walls))
    lines.append("| compile, 1 file: %s, %s | %.1f s wall (%.1f s CPU%s) | < %.0f s | %s |" % (
        what, " ".join(comp["flags"]), single["compile_wall_s"], single["tus"][0]["user_s"] + single["tus"][0]["sys_s"],
        runs(single), comp["target_s"], "**met**" if comp["met_single_tu"] else "**missed**"))
    lines.append("| peak compiler memory, 1 file (`/usr/bin/time -v` maximum RSS) | %.0f MiB | reported | |" % (
        single["peak_rss_kib"] / 1024))
    for s in comp["split"]:
        lines.append("| compile, `--codecs-files %d`: %d files, %d at a time (slowest file %.1f s; %.1f s CPU in all%s) | "
                     "%.1f s wall, peak %.0f MiB per file | < %.0f s | %s |" % (
                         s["parts"], s["parts"], s["jobs"], s["max_tu_wall_s"], s["sum_tu_cpu_s"], runs(s),
                         s["compile_wall_s"], s["peak_rss_kib"] / 1024, comp["target_s"],
                         "**met**" if s["compile_wall_s"] < comp["target_s"] else "**missed**"))
    other = comp.get("other_compiler")
    for s in (other or {}).get("split", []):
        lines.append("| the same `--codecs-files %d` files with %s (same flags; slowest file %.1f s; %.1f s CPU in all%s; "
                     "round trip: %d failed) | %.1f s wall, peak %.0f MiB per file | < %.0f s | %s |" % (
                         s["parts"], other["compiler"], s["max_tu_wall_s"], s["sum_tu_cpu_s"], runs(s),
                         len(s.get("roundtrip_failures", [])), s["compile_wall_s"], s["peak_rss_kib"] / 1024,
                         comp["target_s"], "**met**" if s["compile_wall_s"] < comp["target_s"] else "**missed**"))
    fails = single.get("roundtrip_failures", [])
    refused = single.get("roundtrip_refused_as_dcs_does", [])
    rt = single.get("roundtrip_tu")
    if rt:
        lines.append("| round-trip check TU: includes `<name>_codecs.hpp` (every struct's codecs `extern template`, so not "
                     "instantiated again), compiled on its own | %.1f s CPU, peak %.0f MiB | | |" % (
                         rt["user_s"] + rt["sys_s"], rt["max_rss_kib"] / 1024))
    lines.append("| link + run (`-lpugixml -lboost_json`): each struct default-constructed, written and read "
                 "back in JSON and XML | link %.1f s; exit %d; %d of %d structs failed%s | | |" % (
                     single["link_wall_s"], single["program_exit"], len(fails), cg["header"]["structs_instantiated"],
                     ("; %d XML writes refused as DataContractSerializer refuses them" % len(refused)) if refused else ""))
    split_fails = sum(len(s.get("roundtrip_failures", [])) for s in comp["split"])
    if comp["split"]:
        lines.append("| the same round trip linked against the split files | %d failed | | |" % split_fails)
    lines.append("")
    lines.append("Each struct's codecs are compiled in exactly one file: a DTO nested in another is written and read "
                 "through its own `codec<...>`, which the other files see `extern template` (codegen/README.md, "
                 "\"Compiling the codecs once\"). What every file pays again is the headers and the codecs' "
                 "type-independent machinery (in the breakdown's one-struct TU, with that struct's member types), plus the per-member-type functions "
                 "(lists, optionals and dictionaries of the DTOs) its structs use.")
    if refused:
        lines.append("")
        lines.append("The round trip (codegen_perf.py's `write_roundtrip_tu`): JSON in the default dialect must read back "
                     "to the same value from the second trip on (the first turns each Unspecified DateTime, written with "
                     "`-0000`, into a Local one, as ServiceStack's `ParseWcfJsonDate` does), and exactly with ISO 8601 "
                     "dates; XML exactly. Refused: %d structs hold, default-constructed, an enum member at 0 where 0 "
                     "is not a member of the enum (C#'s default too); DataContractSerializer throws \"Enum value '0' "
                     "is invalid for type … and cannot be serialized\" for that (checked on Mono), and sstk reports "
                     "the same (docs/xml.md), e.g. `%s`." % (len(refused), refused[0]))
    if fails:
        lines.append("")
        lines.append("Round-trip failures of default-constructed structs (a finding for the codecs/codegen, not a "
                     "compile-time measurement)%s:" % (", first 10" if len(fails) > 10 else ""))
        lines.append("")
        lines += ["- `%s`" % f for f in fails[:10]]
    bd = comp.get("breakdown") or []
    if bd:
        lines.append("")
        lines.append("Where the time goes (each a separate single-TU compile with the same flags, including "
                     "`<name>_codecs.hpp`, so a struct costs its own codecs and not those of the DTOs it holds; "
                     "CPU = user + system):")
        lines.append("")
        lines.append("| TU | structs | CPU | peak RSS |")
        lines.append("|---|---|---|---|")
        for r in bd:
            lines.append("| %s | %d | %.1f s%s | %.0f MiB |" % (
                "`<name>_codecs.hpp` (the generated header, `sstk/json.hpp`, `sstk/xml.hpp`, every struct's codecs `extern template`), nothing instantiated" if r["label"] == "headers only"
                else "%s codecs" % r["label"].replace("json", "JSON").replace("xml", "XML"),
                r["types"], r["user_s"] + r["sys_s"],
                (" (≈ %.2f s per further struct)" % r["marginal_cpu_s_per_struct"]) if "marginal_cpu_s_per_struct" in r else "",
                r["max_rss_kib"] / 1024))
    lines.append("")
    lines.append("Compiler: %s. Load average: %s before, %s after (nproc %s); the split files run %s at a time, so on a "
                 "loaded 2-core machine they compete with the other jobs for the same cores." % (
                     comp["compiler"], fmt_load(cg["machine"]["loadavg_before"]), fmt_load(cg["machine"]["loadavg_after"]),
                     cg["machine"]["nproc"], max([x["jobs"] for x in comp["split"]] or [1])))
    if not comp["split"] and not comp["met_single_tu"]:
        lines.append("")
        lines.append("The split was not measured in this run.")
    lines.append("")


def section_bounds(doc, heading, stops):
    """(start, end) of the lines from `heading` up to the next line starting with one of `stops`, or None."""
    if heading not in doc:
        return None
    start = doc.index(heading)
    end = start + 1
    while end < len(doc) and not doc[end].startswith(stops):
        end += 1
    return start, end


TEXT_HEADING = "### JSV, CSV and query strings against sstk's JSON (issue 5)"


def text_only(args):
    """Regenerates the issue-5 section in place: the other sections keep the numbers of their own run."""
    build_dir = os.path.abspath(args.build_dir)
    res_dir = os.path.abspath(args.results or args.out_dir or os.path.join(build_dir, "bench-results"))
    os.makedirs(res_dir, exist_ok=True)
    out = os.path.join(res_dir, "text_bench.json")
    load_before = None
    if not args.results:
        exe = os.path.join(build_dir, "benchmarks", "sstk_text_bench")
        if not os.path.exists(exe):
            sys.exit("%s not built: cmake --build %s --target sstk_text_bench" % (exe, build_dir))
        load_before = loadavg()
        run_binary(exe, out, args.repetitions, args.min_time, args.filter)
    ctx, rows = load_results(out)
    load_after = None if args.results else loadavg()
    reps = max([r.get("repetitions") or 1 for r in rows.values()] or [1])
    section = []
    text_section(section, index(rows))
    if not section:
        sys.exit("no jsv/csv/query results in " + out)
    loads = [x for x in (ctx.get("load_avg") or []) + (load_before or []) + (load_after or [])]
    note = ("This section was regenerated on its own (`benchmarks/report.py --text-only`) from a run of "
            "`sstk_text_bench` started %s, medians of %d repetitions (CPU time), load average %s at its start%s; "
            "the other sections are from the run named at the top." % (
                ctx.get("date", "?"), reps, fmt_load(ctx.get("load_avg")),
                (" (up to %.2f on %s cores: the machine was shared, so absolute times are pessimistic; the ratios "
                 "come from one binary in the same minutes)" % (max(loads), os.cpu_count())) if loads and max(loads) > 0.5 * (os.cpu_count() or 1) else ""))
    section[1:1] = ["", note]
    with open(args.output) as f:
        doc = f.read().split("\n")
    bounds = section_bounds(doc, TEXT_HEADING, ("## ", "### "))
    if not bounds:
        sys.exit("%s has no section %r" % (args.output, TEXT_HEADING))
    doc[bounds[0]:bounds[1]] = section
    with open(args.output, "w") as f:
        f.write("\n".join(doc).rstrip() + "\n")
    print("replaced the issue-5 section of", os.path.relpath(args.output, ROOT))


HTTP_HEADING = "## HTTP load: the service host on loopback (issue 9)"
HTTP_GOAL_RPS = 20000
HTTP_GOAL_P99_US = 10000


def http_section(lines, results, cmds):
    """results: the JSON of one sstk_http_load run per connection count, in the order run."""
    st = results[0]["settings"]
    lines += [HTTP_HEADING, "",
              "`benchmarks/http_load.cpp` (`sstk_http_load`): the sstk service host with %d I/O thread(s), driven over "
              "keep-alive HTTP/1.1 on loopback by the asynchronous client (`sstk::client::async_client`) on %d thread(s) "
              "in the same process, each connection sending its next request as soon as the previous response arrives. "
              "The request is small (`POST /hello` with one string member, ~15 bytes of body; the response one string "
              "member), encoded, sent, routed, bound, answered, encoded and read back as the DTO, every response checked. "
              "%g s per format after a %g s warm-up; latency is per request, from the client call to its completion "
              "handler. Host and load generator share the machine's %s cores, so every number includes the client's "
              "own work." % (st["host_threads"], st["client_threads"], st["seconds"], st["warmup"], st["nproc"]),
              "", "```sh"] + cmds + ["```", "",
              "| connections | format | requests/s | p50 | p90 | p99 | p99.9 | max | errors | CPU per request | cores the run got | load average after (1 min) |",
              "|---|---|---|---|---|---|---|---|---|---|---|---|"]

    def us(x):
        return "%.2f ms" % (x / 1000) if x >= 1000 else "%.0f µs" % x
    runs = []
    for res in results:
        for r in res["runs"]:
            r = dict(r, connections=res["settings"]["connections"])
            runs.append(r)
            lines.append("| %d | %s | %s | %s | %s | %s | %s | %s | %d | %s | %s | %.2f |" % (
                r["connections"], r["format"].upper(), "{:,.0f}".format(r["requests_per_second"]), us(r["p50_us"]),
                us(r["p90_us"]), us(r["p99_us"]), us(r["p999_us"]), us(r["max_us"]), r["errors"],
                ("%.1f µs" % r["cpu_us_per_request"]) if r.get("cpu_us_per_request") else "–",
                ("%.2f" % r["cpu_share"]) if r.get("cpu_share") else "–", r["loadavg_after"][0]))
    lines.append("")
    loads = [res["loadavg_before"][0] for res in results] + [r["loadavg_after"][0] for r in runs]
    # The run itself keeps host and client busy (load ~2): other work shows as load before it
    # starts, or as fewer cores than the machine has going to the run.
    shares = [r["cpu_share"] for r in runs if r.get("cpu_share")]
    contended = min(shares) < 0.8 * (st["nproc"] or 1) if shares else loads[0] > 0.5 * (st["nproc"] or 1)
    lines.append("Goal (issue 9): ≥ %s small requests/s over keep-alive HTTP/1.1 with p99 under %d ms on this machine. "
                 "Load average (1 min) %.2f before the runs, up to %.2f during them, on %s cores%s." % (
                     "{:,}".format(HTTP_GOAL_RPS), HTTP_GOAL_P99_US // 1000, loads[0], max(loads), st["nproc"],
                     ": other sessions' builds and tests were running, so the host got only a share of the two cores "
                     "and a preempted thread holds up every request on it for a scheduler time slice — these are not "
                     "the figures of an idle machine" if contended else ""))
    lines.append("")
    costs = [r["cpu_us_per_request"] for r in runs if r.get("cpu_us_per_request")]
    if costs:
        lines.append("CPU per request is the process's user + system time (host and client together, kernel TCP work "
                     "included) over all the requests of a format's run, warm-up included; “cores the run got” is that "
                     "CPU time over the wall time. They do not depend on how much of the machine the run was given: at "
                     "%.0f–%.0f µs per request, the %s cores fully given to this process would serve about %s–%s "
                     "requests/s, client included (a projection from the measured cost, not a measurement)." % (
                         min(costs), max(costs), st["nproc"], "{:,.0f}".format(st["nproc"] * 1e6 / max(costs)),
                         "{:,.0f}".format(st["nproc"] * 1e6 / min(costs))))
        lines.append("")
    lines.append("| connections | format | goal met? |")
    lines.append("|---|---|---|")
    for r in runs:
        rps_ok = r["requests_per_second"] >= HTTP_GOAL_RPS
        p99_ok = r["p99_us"] < HTTP_GOAL_P99_US
        lines.append("| %d | %s | %s |" % (r["connections"], r["format"].upper(),
                                           "**met**" if rps_ok and p99_ok else "**missed** (%s)" % ", ".join(
                                               x for x, ok in (("requests/s", rps_ok), ("p99", p99_ok)) if not ok)))
    lines.append("")


def http_only(args):
    """Runs (or reads) sstk_http_load once per --connections count and replaces (or adds) its
    section of --output in place."""
    build_dir = os.path.abspath(args.build_dir)
    res_dir = os.path.abspath(args.results or args.out_dir or os.path.join(build_dir, "bench-results"))
    os.makedirs(res_dir, exist_ok=True)
    counts = [int(c) for c in str(args.connections).split(",")]
    results, cmds = [], []
    for n in counts:
        out = os.path.join(res_dir, "http_load_c%d.json" % n)
        if not args.results:
            exe = os.path.join(build_dir, "benchmarks", "sstk_http_load")
            if not os.path.exists(exe):
                sys.exit("%s not built: cmake --build %s --target sstk_http_load" % (exe, build_dir))
            run = [exe, "--seconds", "%g" % args.seconds, "--connections", str(n), "--client-threads",
                   str(args.client_threads), "--host-threads", str(args.host_threads), "--json", out]
            print("+", " ".join(run), flush=True)
            subprocess.run(run, check=True)
        with open(out) as f:
            res = json.load(f)
        st = res["settings"]
        cmds.append("build-bench2/benchmarks/sstk_http_load --seconds %g --warmup %g --connections %d --client-threads %d "
                    "--host-threads %d --json <dir>/http_load_c%d.json" % (
                        st["seconds"], st["warmup"], st["connections"], st["client_threads"], st["host_threads"], n))
        results.append(res)
    section = []
    http_section(section, results, cmds)
    section.insert(2, "Regenerated on its own (`benchmarks/report.py --http-load`) on %s; the other sections are from "
                      "the run named at the top." % datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"))
    section.insert(3, "")
    with open(args.output) as f:
        doc = f.read().split("\n")
    bounds = section_bounds(doc, HTTP_HEADING, ("## ",))
    if not bounds:  # before the charts, which stay last
        at = doc.index("## Charts") if "## Charts" in doc else len(doc)
        bounds = (at, at)
    doc[bounds[0]:bounds[1]] = section
    with open(args.output, "w") as f:
        f.write("\n".join(doc).rstrip() + "\n")
    print("wrote the HTTP load section of", os.path.relpath(args.output, ROOT))


CODEGEN_HEADING = "## Code generator (issue 6)"


def run_codegen_perf(res_dir):
    """Runs benchmarks/codegen_perf.py; returns the path of its JSON results."""
    cg_path = os.path.join(res_dir, "codegen_perf.json")
    cmd = [sys.executable, os.path.join(ROOT, "benchmarks", "codegen_perf.py"), "--json", cg_path]
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True)
    return cg_path


def codegen_only(args):
    """Regenerates the issue-6 section (and its two charts) in place from codegen_perf.py results:
    the other sections keep the numbers of their own run."""
    cg_path = args.codegen_json
    if not cg_path:
        build_dir = os.path.abspath(args.build_dir)
        res_dir = os.path.abspath(args.out_dir or os.path.join(build_dir, "bench-results"))
        os.makedirs(res_dir, exist_ok=True)
        cg_path = run_codegen_perf(res_dir)
    with open(cg_path) as f:
        cg = json.load(f)
    section = []
    codegen_section(section, cg)
    section[1:1] = ["", "This section was regenerated on its own (`benchmarks/report.py --codegen-only`) from a run of "
                        "`benchmarks/codegen_perf.py`; the other sections are from the run named at the top."]
    with open(args.output) as f:
        doc = f.read().split("\n")
    try:
        start = doc.index(CODEGEN_HEADING)
    except ValueError:
        sys.exit("%s has no section %r" % (args.output, CODEGEN_HEADING))
    end = start + 1
    while end < len(doc) and not doc[end].startswith("## "):
        end += 1
    doc[start:end] = section
    with open(args.output, "w") as f:
        f.write("\n".join(doc).rstrip() + "\n")
    charts.render_compile(cg, os.path.join(os.path.dirname(os.path.abspath(args.output)), "img"))
    print("replaced the issue-6 section of", os.path.relpath(args.output, ROOT))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--build-dir", default=os.path.join(ROOT, "build-bench2"),
                    help="CMake build dir holding benchmarks/sstk_*_bench (default build-bench2)")
    ap.add_argument("--results", help="read <name>.json results from this directory instead of running")
    ap.add_argument("--out-dir", help="where the runs write their JSON (default <build-dir>/bench-results)")
    ap.add_argument("--repetitions", type=int, default=5, help="--benchmark_repetitions (default 5)")
    ap.add_argument("--min-time", help="--benchmark_min_time per repetition (default: Google Benchmark's)")
    ap.add_argument("--filter", help="--benchmark_filter for every binary")
    ap.add_argument("--codegen-json", help="codegen_perf.py results; default: run it (or <results>/codegen_perf.json)")
    ap.add_argument("--skip-codegen", action="store_true", help="do not run codegen_perf.py")
    ap.add_argument("--output", default=os.path.join(ROOT, "docs", "benchmarks.md"))
    ap.add_argument("--text-only", action="store_true",
                    help="run (or read) only sstk_text_bench and replace just the issue-5 section of --output, "
                         "leaving the rest of the document as it is")
    ap.add_argument("--http-load", action="store_true",
                    help="run (or read) only sstk_http_load and replace just the HTTP load section of --output")
    ap.add_argument("--seconds", type=float, default=10, help="--http-load: seconds per format (default 10)")
    ap.add_argument("--connections", default="8,64", help="--http-load: keep-alive connections, one run per count (default 8,64)")
    ap.add_argument("--client-threads", type=int, default=1, help="--http-load: load-generator threads (default 1)")
    ap.add_argument("--host-threads", type=int, default=2, help="--http-load: host I/O threads (default 2)")
    ap.add_argument("--codegen-only", action="store_true",
                    help="run codegen_perf.py (or read --codegen-json) and replace just the issue-6 section of --output "
                         "and its charts, leaving the rest of the document as it is")
    args = ap.parse_args()
    if args.http_load:
        http_only(args)
        return
    if args.text_only:
        text_only(args)
        return
    if args.codegen_only:
        codegen_only(args)
        return

    build_dir = os.path.abspath(args.build_dir) if args.build_dir else None
    res_dir = os.path.abspath(args.results or args.out_dir or os.path.join(build_dir, "bench-results"))
    os.makedirs(res_dir, exist_ok=True)
    load_before = loadavg()
    if args.results:  # the load when the results were taken is in their context, not now
        load_before = None
    started = datetime.datetime.now(datetime.timezone.utc)

    commands, contexts, indices, missing = [], {}, {}, []
    for stem, binary, required in BINARIES:
        out = os.path.join(res_dir, stem + ".json")
        if not args.results:
            exe = os.path.join(build_dir, "benchmarks", binary)
            if not os.path.exists(exe):
                if required:
                    sys.exit("%s not built: cmake --build %s --target %s" % (exe, build_dir, binary))
                missing.append(binary)
                continue
            cmd = run_binary(exe, out, args.repetitions, args.min_time, args.filter)
            commands.append(" ".join(os.path.relpath(c, ROOT) if os.path.isabs(c) else c for c in
                                     [cmd[0]] + ["--benchmark_out=<dir>/%s.json" % stem] + cmd[2:]))
        if not os.path.exists(out):
            if required:
                sys.exit("missing results file " + out)
            missing.append(binary)
            continue
        ctx, rows = load_results(out)
        if args.results:  # the command that produced the file, as this script runs it
            reps = max([r.get("repetitions") or 1 for r in rows.values()] or [1])
            commands.append("build-bench2/benchmarks/%s --benchmark_out=<dir>/%s.json --benchmark_out_format=json "
                            "--benchmark_repetitions=%d --benchmark_report_aggregates_only=true" % (binary, stem, reps))
            args.repetitions = reps
        contexts[stem] = ctx
        indices[stem] = index(rows)  # kept apart: text_bench has its own json/*/sstk rows

    cg = None
    cg_path = args.codegen_json or (os.path.join(res_dir, "codegen_perf.json") if args.results else None)
    if cg_path and os.path.exists(cg_path):
        with open(cg_path) as f:
            cg = json.load(f)
    elif not args.skip_codegen and not args.results:
        cg_path = run_codegen_perf(res_dir)
        with open(cg_path) as f:
            cg = json.load(f)
    load_after = None if args.results else loadavg()

    m = machine(build_dir if build_dir and os.path.exists(os.path.join(build_dir, "CMakeCache.txt")) else None)
    ctx = contexts.get("json_bench", {})
    when = ctx.get("date") if args.results else started.strftime("%Y-%m-%d %H:%M UTC")
    lines = ["# Benchmarks", "",
             "Generated by `benchmarks/report.py` from the runs started %s; do not edit by hand — rerun the script." %
             when, ""]

    # ---- machine
    lines += ["## Machine", "",
              "| | |", "|---|---|",
              "| CPU | %s, %s logical cores (nproc)%s |" % (m["cpu"], m["nproc"],
                                                           (", %.0f MHz as Google Benchmark saw it" % ctx["mhz_per_cpu"]) if ctx.get("mhz_per_cpu") else ""),
              "| OS | %s, Linux %s |" % (m["os"], m["kernel"]),
              "| C++ compiler | %s (`%s`), build type %s, flags `%s` |" % (m["cxx"], m["cxx_path"], m["build_type"] or "?", m["cxx_flags"] or "?"),
              "| other compiler | %s |" % m["clang"],
              "| CMake, Python | %s, Python %s |" % (m["cmake"], m["python"]),
              "| libraries | %s |" % ", ".join("%s %s" % kv for kv in sorted(m["packages"].items())),
              "| Google Benchmark | library built as %s |" % (ctx.get("library_build_type") or "?"),
              "| load average (1, 5, 15 min) | %s |" % "; ".join(
                  ["%s at the start of %s (%s)" % (fmt_load(c.get("load_avg")), stem, c.get("date")) for stem, c in contexts.items()] +
                  (["%s / %s before / after this script's runs" % (fmt_load(load_before), fmt_load(load_after))] if load_before else []) +
                  (["%s / %s before / after codegen_perf.py" % (fmt_load(cg["machine"]["loadavg_before"]), fmt_load(cg["machine"]["loadavg_after"]))] if cg else [])),
              ""]
    loads = [x for x in (load_before or []) + (load_after or [])] + \
            [x for c in contexts.values() for x in (c.get("load_avg") or [])] + \
            ([x for x in (cg["machine"]["loadavg_before"] or []) + (cg["machine"]["loadavg_after"] or [])] if cg else [])
    if loads and max(loads) > 0.5 * (m["nproc"] or 1):
        lines += ["**The machine was shared:** other jobs (concurrent builds and test runs of other sessions) were "
                  "running while these numbers were taken (load average up to %.2f on %s cores), so absolute times "
                  "are pessimistic and noisier than on an idle machine; the ratios, measured in the same binary "
                  "in the same minutes, are the more trustworthy figures. CPU time (not wall time) is reported." % (
                      max(loads), m["nproc"]), ""]
    if ctx.get("library_build_type") == "debug":
        lines += ["Debian's `libbenchmark` reports itself as a debug build; that affects only the harness, "
                  "not the code being timed (built Release, `-O3`).", ""]

    # ---- reproduce
    lines += ["## Reproduce", "", "```sh",
              "cmake -S . -B build-bench2 -DCMAKE_BUILD_TYPE=Release -DSSTK_BUILD_BENCHMARKS=ON \\",
              "      -DSSTK_BUILD_TESTS=OFF -DSSTK_BUILD_EXAMPLES=OFF",
              "cmake --build build-bench2 --target sstk_json_bench sstk_text_bench   # + sstk_xml_bench when present",
              "python3 benchmarks/report.py --build-dir build-bench2 --repetitions %d%s" % (
                  args.repetitions, (" --min-time " + args.min_time) if args.min_time else ""),
              "```", "",
              "which runs each binary as"]
    lines += ["", "```sh"] + (commands or ["(results were read from %s)" % res_dir]) + [
        "python3 benchmarks/codegen_perf.py --json <dir>/codegen_perf.json", "```", ""]
    lines += ["Numbers are medians over %d repetitions (Google Benchmark's `median` aggregate of CPU time); "
              "ns/object is the time per DTO (per list item for ResponseList10k), MB/s the text written or read "
              "(10^6 bytes/s). Payloads (`benchmarks/payloads.hpp`): the seed request `ResetPassword`, "
              "`ResetPasswordResponse` with a ResponseStatus, `PasswordReset` (Guid member), `ResponseStatus3` "
              "(three field errors with meta maps) and `ResponseList10k` (10,000 responses, every tenth with a "
              "ResponseStatus). Peers read and write the same structs through a small adapter each; Boost.JSON "
              "reads a text that includes nulls (its `value_to` needs every key)." % args.repetitions, ""]

    summary = {}
    lines += ["## Results", ""]
    summary["json"] = peer_section(lines, "json", indices.get("json_bench", {}), "JSON (issue 3): sstk against Boost.JSON, RapidJSON, nlohmann/json")
    if "sstk_xml_bench" in missing:
        lines += ["### XML (issue 4)", "", "`sstk_xml_bench` was not built when this report was generated, so there are "
                  "no XML numbers here yet; rerun the script once it exists.", ""]
    else:
        summary["xml"] = peer_section(lines, "xml", indices.get("xml_bench", {}), "XML (issue 4): sstk against pugixml")
    summary["text"] = text_section(lines, indices.get("text_bench", {}))
    codegen_section(lines, cg)
    out_dir = os.path.dirname(os.path.abspath(args.output))
    # the HTTP load section comes from its own program and run (--http-load): carried over as it is
    kept = []
    if os.path.exists(args.output):
        with open(args.output) as f:
            old = f.read().split("\n")
        bounds = section_bounds(old, HTTP_HEADING, ("## ",))
        if bounds:
            kept = old[bounds[0]:bounds[1]]
    lines += kept
    lines += charts.render(indices, cg, os.path.join(out_dir, "img"), "img", ordered_payloads)

    with open(args.output, "w") as f:
        f.write("\n".join(lines).rstrip() + "\n")
    print("wrote", os.path.relpath(args.output, ROOT))
    for r in summary.get("json", []):
        if "median" in r:
            print("  %-60s %-10s median %.2f -> %s" % (r["target"], r["peer"], r["median"], "met" if r["met"] else "MISSED"))


if __name__ == "__main__":
    main()
