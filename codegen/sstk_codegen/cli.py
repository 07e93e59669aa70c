"""sstk-codegen command line: read inputs, group them by service, merge, emit one header per service."""

import argparse
import os
import re
import sys
import tempfile
import urllib.error
import urllib.request

from . import __version__
from .emit_codecs import codecs_paths, emit_codecs, parse_codecs
from .emit_cpp import EmitOptions, emit_cpp, snake_case
from .emit_registry import emit_registry
from .errors import CodegenError
from .model import Service, merge_service
from .readers import read

_SKIP_EXT = {".css", ".js", ".mjs", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".ico", ".woff", ".woff2", ".map"}
_ENV_LABELS = {"www", "dev", "test", "testing", "staging", "stage", "qa", "uat", "prod", "local", "localhost", "beta"}
_SLD = {"com", "co", "org", "net", "gov", "edu", "ac", "or", "ne", "go"}

DESCRIPTION = """\
Generate C++20 DTO headers for sstk from ServiceStack metadata.

INPUT is a file, a directory of saved pages (its files, sorted by name), '-' for standard input,
or an http(s):// URL. The kind of each input is detected from its content:
  * /types/metadata JSON (MetadataTypes; old isSystemType/typeNamespace and new namespace
    spellings) and /metadata/app.json (AppMetadata, MetadataTypes under "api");
  * ServiceStack operation metadata pages (/json/metadata?op=X, /xml/..., /csv/..., /jsv/...) as
    saved HTML or text: routes table, parameters tables, DTO source (C#, TypeScript, Python,
    Java, Kotlin, Swift, Dart) and the sample request/response bodies (XML samples give the CLR
    namespaces);
  * /types/{lang} listings in the same seven languages, with their Options header;
  * ASP.NET Web API help pages (POST Api/... with Body Parameters and Resource Description).

Inputs describing the same service (same host, else same service name) are merged into one
header; two different definitions of one type are reported as an error, never silently picked.
Facts an input cannot show are inferred as documented in codegen/README.md.

OUT is a directory (one <service>.hpp per service) or a .hpp file (exactly one service), or '-'
for standard output. Headers are written to a temporary file and renamed into place, so an
error never leaves a partial header behind.
"""

EPILOG = """\
examples:
  sstk-codegen https://host/types/metadata -o include/myapi/
  sstk-codegen --name antel_api --namespace 'sstk::apis::{service}' saved/ResetPassword.html -o antel_api.hpp
  sstk-codegen --operation Hello --nullable plain metadata.json -o -
  sstk-codegen --registry metadata.json -o include/myapi/     # also myapi_registry.hpp (sstk::registry)
  sstk-codegen --codecs json,xml metadata.json -o src/myapi/  # also myapi_codecs.hpp/.cpp (compile once)
  sstk-codegen --codecs json,xml --codecs-files 2 metadata.json -o src/myapi/  # ..._codecs_1.cpp, _2.cpp

exit status: 0 success, 1 an input or option could not be understood (the message names the
input and line), 2 bad command line.
"""


def _parser():
    p = argparse.ArgumentParser(prog="sstk-codegen", description=DESCRIPTION, epilog=EPILOG,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="file, directory, '-' or http(s) URL")
    p.add_argument("-o", "--output", required=True, metavar="OUT",
                   help="output directory, .hpp file, or '-' for standard output")
    p.add_argument("--namespace", default="{service}", metavar="NS",
                   help="C++ namespace of the DTOs; {service} is replaced by the service's snake_case name "
                        "(default: %(default)s)")
    p.add_argument("--name", metavar="NAME",
                   help="treat all inputs as one service with this name (also names the header)")
    p.add_argument("--guard", choices=("pragma", "ifndef"), default="pragma",
                   help="#pragma once or an #ifndef include guard (default: %(default)s)")
    p.add_argument("--nullable", choices=("optional", "plain"), default="optional",
                   help="nullable .NET references (string, classes, collections) as std::optional "
                        "(faithful: null and empty stay distinct) or as plain values (default: %(default)s)")
    p.add_argument("--unknown-nullability", choices=("optional", "plain"), default="optional",
                   help="value-type members whose nullability the input does not show (Java boxes every "
                        "value type, Kotlin, Swift and Dart print `Int?` for int and int? alike): "
                        "std::optional, as the page's client DTO declares them, or plain values, the .NET "
                        "default (default: %(default)s)")
    p.add_argument("--operation", action="append", metavar="OP",
                   help="include only this request DTO, its response and what they use (repeatable; "
                        "comma-separated lists accepted)")
    p.add_argument("--no-equality", action="store_true", help="do not emit defaulted operator==")
    p.add_argument("--registry", action="store_true",
                   help="also write <service>_registry.hpp next to each header: the service's DTO, request "
                        "and enum lists for sstk::registry (sstk/core/registry.hpp), to find DTOs by .NET "
                        "name at run time (needs a directory or .hpp file as OUT)")
    p.add_argument("--codecs", metavar="LIST",
                   help="also write <service>_codecs.hpp and <service>_codecs.cpp next to each header: the "
                        "codecs in LIST (json,xml) for every DTO, declared `extern template` in the .hpp and "
                        "instantiated in the .cpp, so they are compiled in that one file, not in every TU "
                        "that includes the .hpp")
    p.add_argument("--codecs-files", type=int, default=1, metavar="N",
                   help="with --codecs: split the instantiations over N source files "
                        "<service>_codecs_1.cpp ... _N.cpp (default 1: <service>_codecs.cpp), each DTO's "
                        "codecs in one of them, so a build with N jobs compiles them in parallel")
    p.add_argument("--check", action="store_true",
                   help="write nothing; exit 1 if any output file is missing or differs")
    p.add_argument("--list", action="store_true", help="print the services and operations found, write nothing")
    p.add_argument("--timeout", type=float, default=30.0, help="seconds for URL inputs (default: %(default)s)")
    p.add_argument("--version", action="version", version="sstk-codegen " + __version__)
    return p


def _decode(data, label):
    if b"\0" in data[:4096]:
        raise CodegenError("binary data, not a text input", label, None)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def load_inputs(inputs, timeout=30.0, stdin=None):
    """[(label, text)] for files, directories, '-' and URLs."""
    out = []
    for item in inputs:
        if item == "-":
            data = (stdin or sys.stdin.buffer).read()
            out.append(("<stdin>", _decode(data, "<stdin>")))
        elif re.match(r"https?://", item, re.I):
            try:
                req = urllib.request.Request(item, headers={"Accept": "application/json, text/html, text/plain"})
                with urllib.request.urlopen(req, timeout=timeout) as r:
                    data = r.read()
            except urllib.error.HTTPError as e:
                raise CodegenError("cannot fetch: HTTP %d %s" % (e.code, e.reason), item, None)
            except (urllib.error.URLError, OSError, ValueError) as e:
                raise CodegenError("cannot fetch: %s" % getattr(e, "reason", e), item, None)
            out.append((item, _decode(data, item)))
        elif os.path.isdir(item):
            names = sorted(n for n in os.listdir(item) if not n.startswith("."))
            files = [os.path.join(item, n) for n in names if os.path.isfile(os.path.join(item, n))
                     and os.path.splitext(n)[1].lower() not in _SKIP_EXT]
            if not files:
                raise CodegenError("directory has no input files", item, None)
            for f in files:
                out += load_inputs([f], timeout)
        else:
            try:
                with open(item, "rb") as f:
                    data = f.read()
            except OSError as e:
                raise CodegenError("cannot read: %s" % e.strerror, item, None)
            out.append((item, _decode(data, item)))
    return out


def host_slug(host):
    labels = [l for l in host.lower().split(":")[0].split(".") if l]
    if len(labels) >= 3 and labels[-2] in _SLD and len(labels[-1]) == 2:
        labels = labels[:-3]
    elif len(labels) >= 2:
        labels = labels[:-2]
    labels = [l for l in labels if l not in _ENV_LABELS] or labels
    return "_".join(labels) if labels else host


def service_slug(svc):
    if svc.name:
        return snake_case(svc.name)
    if svc.host:
        return snake_case(host_slug(svc.host))
    nss = [t.namespace for t in svc.types.values() if t.namespace]
    if nss:
        return snake_case(nss[0].split(".")[0])
    return "service"


def group_services(services, name=None):
    """Merge services describing the same service (same host, else same name)."""
    groups = []
    by_key = {}
    for s in services:
        key = "*" if name else s.key()
        if key is not None and key in by_key:
            g = by_key[key]
            try:
                merge_service(g, s)
            except CodegenError as e:
                raise CodegenError("%s (merging %s into %s)" % (e.message, ", ".join(s.sources),
                                                                 ", ".join(g.sources[:1])))
        else:
            groups.append(s)
            if key is not None:
                by_key[key] = s
    for g in groups:
        if name:
            g.name = name
        _fill_namespaces(g)
    return groups


def _fill_namespaces(svc):
    """Types a page showed without a namespace (a JSON-only sample) take the service's one
    namespace when its other DTOs agree on exactly one."""
    ops = {n for pair in svc.operations for n in pair if n}
    nss = {t.namespace for n, t in svc.types.items() if n in ops and t.namespace and t.namespace != "ServiceStack"}
    if len(nss) == 1:
        ns = nss.pop()
        for n, t in svc.types.items():
            if t.namespace is None and n in ops:
                t.namespace = ns


def _write_atomic(path, text):
    d = os.path.dirname(os.path.abspath(path))
    os.makedirs(d, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".sstk-codegen-", suffix=".tmp", dir=d)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def generate(inputs_text, options, name=None):
    """[(service, header file name, header text)] for [(label, text)] inputs."""
    services = []
    for label, text in inputs_text:
        services += read(text, label)
    groups = group_services(services, name)
    out = []
    for s in groups:
        slug = service_slug(s)
        s_for_emit = s
        if not s.name:
            s_for_emit = Service(name=None, host=s.host, types=s.types, operations=s.operations, sources=s.sources)
        opts = EmitOptions(**{**options.__dict__, "service_slug": slug})
        text = emit_cpp(s_for_emit, opts, inputs=s.sources or [l for l, _ in inputs_text])
        out.append((s, slug + ".hpp", text))
    return out


def registry_path(header_path):
    """Where the registry header of `header_path` goes: `dir/x.hpp` -> `dir/x_registry.hpp`."""
    root, ext = os.path.splitext(header_path)
    return root + "_registry" + ext


def _companions(results, targets, options):
    """(service, emit options, DTO header path) for each DTO header in `targets`, for the files
    written next to it (--registry, --codecs)."""
    for (s, fname, _), (path, _) in zip(results, targets):
        s_for_emit = s
        if not s.name:
            s_for_emit = Service(name=None, host=s.host, types=s.types, operations=s.operations, sources=s.sources)
        yield s_for_emit, EmitOptions(**{**options.__dict__, "service_slug": os.path.splitext(fname)[0]}), path


def registry_targets(results, targets, options):
    """[(path, text)] of the registry headers for the DTO headers in `targets`."""
    return [(registry_path(path), emit_registry(s, opts, header_include=os.path.basename(path), inputs=s.sources))
            for s, opts, path in _companions(results, targets, options)]


def codecs_targets(results, targets, options, codecs, files=1):
    """[(path, text)] of the codec instantiation header and sources for the DTO headers in `targets`."""
    out = []
    for s, opts, path in _companions(results, targets, options):
        header, sources = emit_codecs(s, codecs, opts, header_include=os.path.basename(path), inputs=s.sources,
                                      files=files)
        hpp, cpps = codecs_paths(path, len(sources))
        out += [(hpp, header)] + list(zip(cpps, sources))
    return out


def main(argv=None):
    args = _parser().parse_args(argv)
    ops = None
    if args.operation:
        ops = [o.strip() for item in args.operation for o in item.split(",") if o.strip()]
    options = EmitOptions(namespace=args.namespace, guard=args.guard, nullable=args.nullable,
                          unknown_nullability=args.unknown_nullability, operations=ops,
                          equality=not args.no_equality)
    try:
        codecs = parse_codecs(args.codecs) if args.codecs is not None else None
        if args.codecs_files < 1 or args.codecs_files > 64:
            raise ValueError("--codecs-files takes a number of files from 1 to 64, got %d" % args.codecs_files)
        if args.codecs_files != 1 and codecs is None:
            raise ValueError("--codecs-files needs --codecs")
    except ValueError as e:
        print("sstk-codegen: error: %s" % e, file=sys.stderr)
        return 2
    try:
        inputs = load_inputs(args.inputs, args.timeout)
        results = generate(inputs, options, args.name)
        if args.list:
            for s, fname, _ in results:
                print("%s (%s): %s" % (fname, s.host or s.name or "?", ", ".join(
                    "%s -> %s" % (r, p or "?") for r, p in s.operations)))
            return 0
        out = args.output
        if out == "-":
            if args.registry:
                raise CodegenError("--registry writes a second header: give a directory or a .hpp file as OUT")
            if codecs:
                raise CodegenError("--codecs writes two more files: give a directory or a .hpp file as OUT")
            if len(results) != 1:
                raise CodegenError("%d services found; '-' takes exactly one (use --name to merge)" % len(results))
            sys.stdout.write(results[0][2])
            return 0
        if out.endswith(".hpp") or out.endswith(".h") or out.endswith(".hh") or out.endswith(".hxx"):
            if len(results) != 1:
                raise CodegenError("%d services found (%s); give a directory, or --name to merge them"
                                   % (len(results), ", ".join(f for _, f, _ in results)))
            targets = [(out, results[0][2])]
        else:
            targets = [(os.path.join(out, f), text) for _, f, text in results]
        if args.registry:
            targets += registry_targets(results, targets, options)
        if codecs:
            targets += codecs_targets(results, targets[:len(results)], options, codecs, args.codecs_files)
        if args.check:
            stale = []
            for path, text in targets:
                try:
                    with open(path, encoding="utf-8") as f:
                        if f.read() != text:
                            stale.append(path)
                except OSError:
                    stale.append(path)
            for p in stale:
                print("sstk-codegen: out of date: %s" % p, file=sys.stderr)
            return 1 if stale else 0
        for path, text in targets:
            try:
                with open(path, encoding="utf-8") as f:
                    if f.read() == text:
                        continue
            except OSError:
                pass
            _write_atomic(path, text)
        return 0
    except CodegenError as e:
        print("sstk-codegen: error: %s" % e.format(), file=sys.stderr)
        return 1
    except OSError as e:
        print("sstk-codegen: error: %s" % e, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
