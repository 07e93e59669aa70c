"""Charts for docs/benchmarks.md, drawn by gnuplot (Debian package gnuplot-nox) as SVG.

report.py calls render(); each chart is a grouped bar chart: one group per payload, one bar per
implementation (or format), time per object on a log scale so that peers an order of magnitude
apart stay readable. Without gnuplot the charts are skipped and the page says so.
"""

import os
import shutil
import subprocess
import tempfile

PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"]


def available():
    return shutil.which("gnuplot") is not None


def _quote(s):
    return '"%s"' % str(s).replace("\\", "\\\\").replace('"', '\\"')


def bar_chart(svg_path, title, ylabel, categories, series, log_scale=True):
    """categories: x labels; series: [(name, [value or None per category])]. Writes svg_path."""
    series = [(n, vs) for n, vs in series if any(v for v in vs)]
    if not categories or not series:
        return False
    with tempfile.TemporaryDirectory(prefix="sstk_chart_") as tmp:
        data = os.path.join(tmp, "data.tsv")
        with open(data, "w") as f:
            f.write("category\t" + "\t".join(n.replace("\t", " ") for n, _ in series) + "\n")
            for i, c in enumerate(categories):
                f.write(c.replace("\t", " ") + "\t" +
                        "\t".join(("%.6g" % vs[i]) if vs[i] else "NaN" for _, vs in series) + "\n")
        width = max(640, 90 * len(categories) * max(1, len(series)) // 2 + 200)
        script = [
            "set terminal svg size %d,420 dynamic enhanced font 'sans,11' background '#ffffff'" % width,
            "set output %s" % _quote(svg_path),
            "set title %s noenhanced" % _quote(title),
            "set ylabel %s noenhanced" % _quote(ylabel),
            "set style data histograms",
            "set style histogram clustered gap 1",
            "set style fill solid 0.85 border -1",
            "set boxwidth 0.9",
            "set key outside right top noenhanced",
            "set grid ytics",
            "set xtics rotate by -20 noenhanced",
            "set datafile separator '\\t'",
            "set datafile missing 'NaN'",
        ]
        if log_scale:
            script.append("set logscale y")
        else:
            script.append("set yrange [0:*]")
        plots = []
        for i, (name, _) in enumerate(series):
            using = "%d:xtic(1)" % (i + 2) if i == 0 else "%d" % (i + 2)
            plots.append("%s using %s title columnheader(%d) lc rgb %s" % (
                _quote(data), using, i + 2, _quote(PALETTE[i % len(PALETTE)])))
        script.append("plot " + ", ".join(plots))
        path = os.path.join(tmp, "chart.gp")
        with open(path, "w") as f:
            f.write("\n".join(script) + "\n")
        r = subprocess.run(["gnuplot", path], capture_output=True, text=True)
        if r.returncode != 0:
            raise RuntimeError("gnuplot failed on %s: %s" % (svg_path, r.stderr.strip()))
    return True


def _per_object(idx, fmt, direction, payloads, impl):
    vals = []
    for p in payloads:
        r = idx.get((fmt, direction, p, impl))
        vals.append(r["ns_per_object"] if r and not r["error"] and r["ns_per_object"] else None)
    return vals


def render(indices, cg, img_dir, rel_dir, ordered_payloads):
    """Draws every chart into img_dir; returns the markdown lines that show them (paths relative
    to the page: rel_dir)."""
    lines = ["## Charts", ""]
    if not available():
        return lines + ["gnuplot is not installed (`apt-get install gnuplot-nox`), so this run drew no charts.", ""]
    os.makedirs(img_dir, exist_ok=True)
    drawn = []

    def emit(name, title, ylabel, categories, series, log_scale=True):
        svg = os.path.join(img_dir, name + ".svg")
        if bar_chart(svg, title, ylabel, categories, series, log_scale):
            drawn.append((title, rel_dir + "/" + name + ".svg"))

    for stem, fmt, label in (("json_bench", "json", "JSON"), ("xml_bench", "xml", "XML")):
        idx = indices.get(stem) or {}
        impls = sorted({k[3] for k in idx if k[0] == fmt}, key=lambda s: (s != "sstk", s))
        for direction in ("write", "read"):
            payloads = ordered_payloads({k[2] for k in idx if k[0] == fmt and k[1] == direction})
            emit("%s_%s" % (fmt, direction), "%s %s: time per object (lower is better)" % (label, direction),
                 "ns per object (log scale)", payloads,
                 [(i, _per_object(idx, fmt, direction, payloads, i)) for i in impls])

    idx = indices.get("text_bench") or {}
    fmts = [f for f in ("json", "jsv", "csv", "query") if any(k[0] == f for k in idx)]
    for direction in ("write", "read"):
        payloads = ordered_payloads({k[2] for k in idx if k[1] == direction})
        emit("text_%s" % direction, "sstk's formats, %s: time per object (lower is better)" % direction,
             "ns per object (log scale)", payloads,
             [(f.upper(), _per_object(idx, f, direction, payloads, "sstk")) for f in fmts])

    if cg:
        _compile_charts(cg, emit)

    for title, path in drawn:
        lines += ["![%s](%s)" % (title, path), ""]
    return lines


def render_compile(cg, img_dir):
    """Draws only the two compile charts (report.py --codegen-only)."""
    if not available():
        return
    os.makedirs(img_dir, exist_ok=True)
    _compile_charts(cg, lambda name, title, ylabel, categories, series, log_scale=True: bar_chart(
        os.path.join(img_dir, name + ".svg"), title, ylabel, categories, series, log_scale))


def _compile_charts(cg, emit):
    bd = (cg.get("compile") or {}).get("breakdown") or []
    single = (cg.get("compile") or {}).get("single_tu")
    labels, cpu, rss = [], [], []
    for r in bd:
        labels.append("headers only" if r["label"] == "headers only" else
                      "%s, %d structs" % (r["label"].replace("json", "JSON").replace("xml", "XML"), r["types"]))
        cpu.append(r["user_s"] + r["sys_s"])
        rss.append(r["max_rss_kib"] / 1024)
    if single and single.get("tus"):
        labels.append("JSON+XML, all %d structs" % cg["header"]["structs_instantiated"])
        cpu.append(single["tus"][0]["user_s"] + single["tus"][0]["sys_s"])
        rss.append(single["peak_rss_kib"] / 1024)
    emit("compile_cpu", "Compiling the generated 250-type header (g++ -O2): CPU time per TU", "CPU seconds",
         labels, [("CPU s", cpu)], log_scale=False)
    emit("compile_rss", "Compiling the generated 250-type header (g++ -O2): peak compiler memory", "MiB",
         labels, [("peak RSS MiB", rss)], log_scale=False)
