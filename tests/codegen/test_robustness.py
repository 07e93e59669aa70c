"""Truncated and mutated inputs end in a CodegenError naming the input, never in another exception
(a traceback), and never in an emitted header for a page that lost its closing tags."""

import os
import random
import unittest

import _support as S
from sstk_codegen.emit_cpp import emit_cpp
from sstk_codegen.errors import CodegenError
from sstk_codegen.readers import read

INPUTS = [os.path.join(S.SEEDS, n) for n in sorted(os.listdir(S.SEEDS))] + \
    [os.path.join(S.FIXTURES, n) for n in sorted(os.listdir(S.FIXTURES))]


def _attempt(text, label):
    """Read and emit; returns None on success, the CodegenError otherwise."""
    try:
        for svc in read(text, label):
            emit_cpp(svc)
    except CodegenError as e:
        return e
    return None


class Robustness(unittest.TestCase):
    def test_truncations(self):
        for path in INPUTS:
            text = S.text_of(path)
            name = os.path.basename(path)
            for k in range(1, 40):
                cut = len(text) * k // 40
                with self.subTest(input=name, cut=cut):
                    try:
                        e = _attempt(text[:cut], name)
                    except Exception as x:   # noqa: BLE001 - the point of the test
                        self.fail("%s cut at %d: %s: %s" % (name, cut, type(x).__name__, x))
                    if e is not None:
                        self.assertEqual(e.source, name)
                        self.assertTrue(e.message)

    def test_mutations(self):
        rng = random.Random(20260806)
        junk = ["<", ">", "{", "}", "[", "]", "\"", ":", ",", "|", "\n", "?", "`", "`1", "List<", "0", "-", "@",
                "class ", "Parameters:", "HTTP/1.1 200 OK\n", "\u00e9", "\t"]
        for path in INPUTS:
            text = S.text_of(path)
            name = os.path.basename(path)
            for k in range(60):
                pos = rng.randrange(len(text))
                op = rng.randrange(3)
                if op == 0:
                    mutated = text[:pos] + text[pos + rng.randrange(1, 40):]
                elif op == 1:
                    mutated = text[:pos] + rng.choice(junk) + text[pos:]
                else:
                    mutated = text[:pos] + rng.choice(junk) + text[pos + 1:]
                with self.subTest(input=name, mutation=k):
                    try:
                        e = _attempt(mutated, name)
                    except Exception as x:   # noqa: BLE001
                        self.fail("%s mutation %d at %d: %s: %s" % (name, k, pos, type(x).__name__, x))
                    if e is not None:
                        self.assertEqual(e.source, name)

    def test_truncated_xml_sample_is_an_error(self):
        for n in ("001", "002", "004"):
            text = S.text_of(S.seed(n))
            cut = text[:text.rindex("</ResetPasswordResponse>" if n != "001" else "</PasswordResetResponse>")]
            e = _attempt(cut, n)
            self.assertIsInstance(e, CodegenError, n)
            self.assertIn("not closed", e.message)

    def test_empty_and_binary(self):
        self.assertIn("empty input", _attempt("", "e").message)
        self.assertIn("empty input", _attempt("  \n", "e").message)


if __name__ == "__main__":
    unittest.main()
