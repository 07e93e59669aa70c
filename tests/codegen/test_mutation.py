"""Mutation test of the code generator's command line (issue 7).

Truncated and mutated versions of the seed pages (tests/data/seeds) and of the fixtures
(tests/codegen/fixtures) go through sstk-codegen's main(), each from a file in a scratch
directory, with a scratch output directory. Every run must end in one of two ways:
  * exit 0 and complete headers: '#pragma once', balanced braces, brackets and parentheses,
    every namespace closed, a final newline; a sample of them is compiled with
    g++ -std=c++20 -fsyntax-only against include/;
  * exit 1 and one line on stderr, 'sstk-codegen: error: <file>[:<line>]: <message>', naming the
    mutated file, and nothing in the output directory (no partial header, no temporary file).
Never a Python traceback (any exception escaping main() fails the test). A handful of mutants
also run through the real executable (a subprocess) to check the same from outside.

The mutations are deterministic (random.Random with a fixed seed): truncation at many points,
bit flips, deleted, duplicated and swapped lines and blocks, inserted format tokens, and for the
metadata JSON inputs values replaced with values of other types.
"""

import contextlib
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

import _support as S
from sstk_codegen import cli

INPUTS = [os.path.join(S.SEEDS, n) for n in sorted(os.listdir(S.SEEDS))] + \
    [os.path.join(S.FIXTURES, n) for n in sorted(os.listdir(S.FIXTURES))]

SEED = 20261123
TRUNCATIONS = 24      # cut points per input
MUTANTS = 40          # other mutants per input
JSON_MUTANTS = 30     # extra value mutants per metadata JSON input
COMPILE_SAMPLE = 12   # successful headers compiled (in one translation unit)
SUBPROCESS_SAMPLE = 12

TOKENS = [b"<", b">", b"</", b"/>", b"{", b"}", b"[", b"]", b"(", b")", b"\"", b"'", b":", b";", b",", b"|", b"\n",
          b"\r\n", b"?", b"`", b"`1", b"List<", b"Dictionary<string,", b"0", b"-1", b"99999999999999999999", b"@",
          b"class ", b"public ", b"enum ", b"namespace ", b"Parameters:", b"HTTP/1.1 200 OK\n", b"<table>", b"</td>",
          b"\xc3\xa9", b"\xff", b"\t", b"&amp;", b"&#0;", b"null", b"true", b"//", b"/*", b"*/", b"#", b"operator",
          b"int", b"struct", b"\\", b"\\u0000", b"{service}"]

WEIRD_VALUES = [None, 0, -1, 1.5, 2 ** 70, "", " ", "x", "List<", "Dictionary`2", "int?", "Object", "a.b.c", "1abc",
                "class", "operator", "\u00e9", "<>", "{}", "a b", "__x", True, False, [], {}, [None], [{}], {"name": None},
                {"name": "X"}, ["x"], "System.Collections.Generic.List`1"]


def _lines(data):
    return data.splitlines(keepends=True)


def _text_mutants(data, rng):
    """(description, bytes) mutants of one input's bytes."""
    out = []
    n = len(data)
    for k in range(1, TRUNCATIONS + 1):
        cut = n * k // (TRUNCATIONS + 1) + rng.randrange(-3, 4)
        cut = max(0, min(n - 1, cut))
        out.append(("truncated at %d" % cut, data[:cut]))
    lines = _lines(data)
    for k in range(MUTANTS):
        op = k % 8
        b = bytearray(data)
        if op == 0:   # flip bits
            for _ in range(rng.randrange(1, 4)):
                i = rng.randrange(n)
                b[i] ^= 1 << rng.randrange(8)
            out.append(("bits flipped", bytes(b)))
        elif op == 1:  # replace a byte by a format token
            i = rng.randrange(n)
            out.append(("byte %d replaced" % i, bytes(b[:i]) + rng.choice(TOKENS) + bytes(b[i + 1:])))
        elif op == 2:  # insert a token
            i = rng.randrange(n)
            out.append(("token inserted at %d" % i, bytes(b[:i]) + rng.choice(TOKENS) + bytes(b[i:])))
        elif op == 3:  # delete a line
            i = rng.randrange(len(lines))
            out.append(("line %d deleted" % (i + 1), b"".join(lines[:i] + lines[i + 1:])))
        elif op == 4:  # duplicate a block of lines
            i = rng.randrange(len(lines))
            j = min(len(lines), i + rng.randrange(1, 6))
            out.append(("lines %d-%d duplicated" % (i + 1, j), b"".join(lines[:j] + lines[i:j] + lines[j:])))
        elif op == 5:  # swap two blocks of lines
            if len(lines) < 4:
                continue
            i, j = sorted(rng.sample(range(len(lines)), 2))
            w = rng.randrange(1, max(2, min(8, j - i + 1)))
            a, c = lines[i:i + w], lines[j:j + w]
            if i + w > j:
                continue
            swapped = lines[:i] + c + lines[i + w:j] + a + lines[j + w:]
            out.append(("lines %d and %d swapped (%d)" % (i + 1, j + 1, w), b"".join(swapped)))
        elif op == 6:  # delete a span of bytes
            i = rng.randrange(n)
            out.append(("bytes %d.. deleted" % i, bytes(b[:i]) + bytes(b[i + rng.randrange(1, 80):])))
        else:          # drop the whole tail after a random line, keep its first half
            i = rng.randrange(len(lines))
            out.append(("cut inside line %d" % (i + 1), b"".join(lines[:i]) + lines[i][:len(lines[i]) // 2]))
    return out


def _json_paths(v, path=()):
    yield path
    if isinstance(v, dict):
        for k, x in v.items():
            yield from _json_paths(x, path + (k,))
    elif isinstance(v, list):
        for i, x in enumerate(v):
            yield from _json_paths(x, path + (i,))


def _json_mutants(data, rng):
    """Values of a metadata JSON document replaced with values of other types, or removed."""
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except ValueError:
        return []
    paths = [p for p in _json_paths(doc) if p]
    out = []
    for k in range(JSON_MUTANTS):
        d = json.loads(json.dumps(doc))
        what, p = "unchanged", ()
        for _ in range(rng.randrange(1, 3)):
            p = rng.choice(paths)
            parent = d
            try:
                for key in p[:-1]:
                    parent = parent[key]
                if rng.randrange(4) == 0 and isinstance(parent, (dict, list)):
                    del parent[p[-1]]
                    what = "removed"
                else:
                    parent[p[-1]] = json.loads(json.dumps(rng.choice(WEIRD_VALUES)))
                    what = "replaced"
            except (KeyError, IndexError, TypeError):
                continue   # an earlier change removed or retyped the parent
        out.append(("json value %s at %s" % (what, "/".join(map(str, p))), json.dumps(d).encode("utf-8")))
    return out


def _strip_literals(text):
    """Header text without comments, string and character literals (for the bracket balance)."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            i = n if j < 0 else j + 2
        elif c == "R" and text.startswith('R"', i) and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            m = re.match(r'R"([^(\s]*)\(', text[i:])
            if not m:
                out.append(c)
                i += 1
                continue
            close = ")" + m.group(1) + '"'
            j = text.find(close, i + m.end())
            out.append('""')
            i = n if j < 0 else j + len(close)
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            out.append(c + c)
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def header_problem(text):
    """None for a syntactically sane header, else what is wrong."""
    if not text.endswith("\n"):
        return "no final newline"
    if "#pragma once" not in text and not re.search(r"#ifndef \w+\s*\n#define \w+", text):
        return "no include guard"
    code = _strip_literals(text)
    pairs = {")": "(", "]": "[", "}": "{"}
    stack = []
    for i, c in enumerate(code):
        if c in "([{":
            stack.append(c)
        elif c in ")]}":
            if not stack or stack[-1] != pairs[c]:
                return "unbalanced %r at offset %d" % (c, i)
            stack.pop()
    if stack:
        return "unclosed %r" % stack[-1]
    opened = len(re.findall(r"^namespace [\w:]+ \{", code, re.M))
    closed = len(re.findall(r"^\}\s*$", code, re.M))
    if opened and closed < opened:
        return "%d namespaces opened, %d closing braces at line start" % (opened, closed)
    return None


def run_main(argv):
    """(exit status, stdout, stderr) of cli.main(argv), in process."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        rc = cli.main(argv)
    return rc, out.getvalue(), err.getvalue()


ERROR_LINE = re.compile(r"^sstk-codegen: error: (?P<where>[^\n]+?)(?::(?P<line>\d+))?: (?P<msg>[^\n]+)\n$")


class Mutation(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.scratch = tempfile.mkdtemp(prefix="sstk-codegen-mutation-")
        cls.stats = {"mutants": 0, "ok": 0, "error": 0, "with_line": 0}

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.scratch, ignore_errors=True)

    def _mutants(self):
        rng = random.Random(SEED)
        for path in INPUTS:
            with open(path, "rb") as f:
                data = f.read()
            name = os.path.basename(path)
            muts = _text_mutants(data, rng)
            if name.endswith(".json"):
                muts += _json_mutants(data, rng)
            for desc, mutated in muts:
                yield name, desc, mutated

    def _check_one(self, k, name, desc, mutated, ok_headers):
        d = os.path.join(self.scratch, "m%d" % k)
        os.makedirs(d)
        src = os.path.join(d, name)
        with open(src, "wb") as f:
            f.write(mutated)
        outdir = os.path.join(d, "out")
        what = "%s, %s" % (name, desc)
        try:
            rc, _, err = run_main([src, "-o", outdir, "--namespace", "mut%d::{service}" % k])
        except Exception as x:   # noqa: BLE001 - a traceback is the finding
            self.fail("%s: %s: %s" % (what, type(x).__name__, x))
        left = sorted(os.listdir(outdir)) if os.path.isdir(outdir) else []
        if rc == 0:
            self.assertEqual(err, "", what)
            self.assertTrue(left, "%s: exit 0 without a header" % what)
            for f in left:
                self.assertTrue(f.endswith(".hpp") and not f.startswith("."), "%s: stray file %s" % (what, f))
                with open(os.path.join(outdir, f), encoding="utf-8") as h:
                    text = h.read()
                problem = header_problem(text)
                self.assertIsNone(problem, "%s: header %s: %s" % (what, f, problem))
                ok_headers.append((what, os.path.join(outdir, f)))
            self.stats["ok"] += 1
        else:
            self.assertEqual(rc, 1, "%s: exit %s, stderr %r" % (what, rc, err))
            m = ERROR_LINE.match(err)
            self.assertIsNotNone(m, "%s: not one clear error line: %r" % (what, err))
            self.assertIn(src, m.group("where"), "%s: the error does not name the input: %r" % (what, err))
            self.assertEqual(left, [], "%s: exit 1 but the output directory holds %s" % (what, left))
            self.stats["error"] += 1
            if m.group("line"):
                self.stats["with_line"] += 1
        self.stats["mutants"] += 1

    def test_mutants(self):
        ok_headers = []
        for k, (name, desc, mutated) in enumerate(self._mutants()):
            with self.subTest(input=name, mutant=k, what=desc):
                self._check_one(k, name, desc, mutated, ok_headers)
        s = self.stats
        print("\ncodegen mutation: %d mutants, %d headers, %d errors (%d with a line)"
              % (s["mutants"], s["ok"], s["error"], s["with_line"]), file=sys.stderr)
        # Both outcomes must occur, or the mutations test nothing.
        self.assertGreater(s["ok"], 50)
        self.assertGreater(s["error"], 100)
        self._compile_sample(ok_headers)

    def _compile_sample(self, ok_headers):
        if not S.compiler("g++"):
            self.skipTest("g++ not found")
        rng = random.Random(SEED + 1)
        sample = rng.sample(ok_headers, min(COMPILE_SAMPLE, len(ok_headers)))
        tu = "".join('#include "%s"\n' % p for _, p in sample) + "int main() {}\n"
        ok, diag = S.compile_snippet(tu)
        self.assertTrue(ok, "the sampled headers do not compile (%s):\n%s"
                        % ("; ".join(w for w, _ in sample), diag[:4000]))

    def test_subprocess(self):
        """The real executable: no traceback on stderr, exit 0 or 1 with one error line."""
        rng = random.Random(SEED + 2)
        muts = list(self._mutants())
        for k, (name, desc, mutated) in enumerate(rng.sample(muts, SUBPROCESS_SAMPLE)):
            with self.subTest(input=name, what=desc):
                d = tempfile.mkdtemp(dir=self.scratch)
                src = os.path.join(d, name)
                with open(src, "wb") as f:
                    f.write(mutated)
                out = os.path.join(d, "out")
                rc, _, err = S.run_cli([src, "-o", out])
                self.assertNotIn("Traceback", err)
                self.assertIn(rc, (0, 1), err)
                if rc == 1:
                    self.assertRegex(err, ERROR_LINE)
                    self.assertFalse(os.path.exists(out) and os.listdir(out), "partial output after an error")


if __name__ == "__main__":
    unittest.main()
