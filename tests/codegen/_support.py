"""Shared paths and helpers for the codegen tests (run: python3 -m unittest discover -s tests/codegen)."""

import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
CODEGEN = os.path.join(REPO, "codegen")
SEEDS = os.path.join(REPO, "tests", "data", "seeds")
FIXTURES = os.path.join(HERE, "fixtures")
INCLUDE = os.path.join(REPO, "include")
APIS = os.path.join(INCLUDE, "sstk", "apis")

if CODEGEN not in sys.path:
    sys.path.insert(0, CODEGEN)

from sstk_codegen.cli import generate, group_services  # noqa: E402
from sstk_codegen.emit_cpp import EmitOptions  # noqa: E402
from sstk_codegen.readers import read  # noqa: E402


def seed(prefix):
    for n in sorted(os.listdir(SEEDS)):
        if n.startswith(prefix):
            return os.path.join(SEEDS, n)
    raise FileNotFoundError(prefix)


def fixture(name):
    return os.path.join(FIXTURES, name)


def text_of(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def services_of(*paths, name=None):
    svcs = []
    for p in paths:
        svcs += read(text_of(p), os.path.relpath(p, REPO))
    return group_services(svcs, name)


def one_service(*paths, name=None):
    svcs = services_of(*paths, name=name)
    assert len(svcs) == 1, [s.key() for s in svcs]
    return svcs[0]


def header_for(*paths, name=None, **opts):
    o = EmitOptions(**opts)
    res = generate([(os.path.relpath(p, REPO), text_of(p)) for p in paths], o, name)
    assert len(res) == 1, [f for _, f, _ in res]
    return res[0][2]


def compiler(name="g++"):
    return shutil.which(name)


def compile_snippet(code, cxx="g++", extra=()):
    """(ok, diagnostics) of compiling `code` with -std=c++20 -fsyntax-only -Wall -Wextra -Werror."""
    with tempfile.TemporaryDirectory() as d:
        src = os.path.join(d, "t.cpp")
        with open(src, "w", encoding="utf-8") as f:
            f.write(code)
        cmd = [compiler(cxx), "-std=c++20", "-fsyntax-only", "-Wall", "-Wextra", "-Werror", "-I", INCLUDE,
               "-I", d, *extra, src]
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
        return p.returncode == 0, p.stderr


def run_cli(args, stdin=None, cwd=REPO):
    p = subprocess.run([sys.executable, os.path.join(CODEGEN, "sstk-codegen"), *args], input=stdin,
                       capture_output=True, text=True, cwd=cwd, timeout=300)
    return p.returncode, p.stdout, p.stderr
