"""The sstk-codegen command line: --help, outputs, stdin, options, errors naming file and line, no
partial output, idempotence and --check."""

import os
import tempfile
import unittest

import _support as S


class Cli(unittest.TestCase):
    def test_help_explains_inputs_and_options(self):
        rc, out, err = S.run_cli(["--help"])
        self.assertEqual(rc, 0)
        for word in ("/types/metadata", "app.json", "Web API", "--namespace", "--guard", "--nullable",
                     "--operation", "--unknown-nullability", "--check", "URL", "standard input"):
            self.assertIn(word, out)

    def test_directory_of_seeds_to_directory(self):
        with tempfile.TemporaryDirectory() as d:
            rc, out, err = S.run_cli([S.SEEDS, "-o", d])
            self.assertEqual(rc, 0, err)
            self.assertEqual(sorted(os.listdir(d)), ["antel_api.hpp", "antel_merchandiser_app_api.hpp",
                                                     "platform_api.hpp", "ppw_assist_mobile_api.hpp"])
            text = S.text_of(os.path.join(d, "platform_api.hpp"))
            self.assertIn("namespace platform_api {", text)
            self.assertIn("tests/data/seeds/000_3425237ccc70ea82.txt", text)

    def test_generation_is_deterministic_and_idempotent(self):
        with tempfile.TemporaryDirectory() as d:
            self.assertEqual(S.run_cli([S.SEEDS, "-o", d])[0], 0)
            first = {n: S.text_of(os.path.join(d, n)) for n in os.listdir(d)}
            mtimes = {n: os.stat(os.path.join(d, n)).st_mtime_ns for n in os.listdir(d)}
            self.assertEqual(S.run_cli([S.SEEDS, "-o", d])[0], 0)
            self.assertEqual(first, {n: S.text_of(os.path.join(d, n)) for n in os.listdir(d)})
            # unchanged headers are not rewritten
            self.assertEqual(mtimes, {n: os.stat(os.path.join(d, n)).st_mtime_ns for n in os.listdir(d)})
            self.assertEqual(S.run_cli([S.SEEDS, "-o", d, "--check"])[0], 0)
            with open(os.path.join(d, "antel_api.hpp"), "a") as f:
                f.write("// edited\n")
            rc, _, err = S.run_cli([S.SEEDS, "-o", d, "--check"])
            self.assertEqual(rc, 1)
            self.assertIn("out of date", err)
            self.assertIn("antel_api.hpp", err)

    def test_input_order_does_not_matter_for_one_page_each(self):
        a = S.run_cli([S.seed("000"), S.seed("001"), "-o", "-"])[1]
        b = S.run_cli([S.seed("001"), S.seed("000"), "-o", "-"])[1]
        strip = lambda t: "\n".join(l for l in t.split("\n") if "tests/data/seeds" not in l)
        self.assertEqual(sorted(strip(a).split("\n")), sorted(strip(b).split("\n")))

    def test_single_file_output_namespace_and_guard(self):
        with tempfile.TemporaryDirectory() as d:
            out = os.path.join(d, "sub", "antel.hpp")
            rc, _, err = S.run_cli([S.seed("002"), "-o", out, "--namespace", "acme::{service}::v1",
                                    "--guard", "ifndef", "--name", "Antel API"])
            self.assertEqual(rc, 0, err)
            text = S.text_of(out)
            self.assertIn("namespace acme::antel_api::v1 {", text)
            self.assertIn("#ifndef SSTK_APIS_ACME_ANTEL_API_V1_HPP", text)
            self.assertTrue(text.rstrip().endswith("#endif  // SSTK_APIS_ACME_ANTEL_API_V1_HPP"))
            self.assertNotIn("#pragma once", text)

    def test_stdin_input(self):
        rc, out, err = S.run_cli(["-", "-o", "-"], stdin=S.text_of(S.fixture("metadata_v5.json")))
        self.assertEqual(rc, 0, err)
        self.assertIn("struct GetAccount {", out)
        self.assertIn("<stdin>", out)

    def test_operation_filter(self):
        rc, out, err = S.run_cli([S.fixture("metadata_v8.json"), "-o", "-", "--operation", "Hello"])
        self.assertEqual(rc, 0, err)
        self.assertIn("struct Hello {", out)
        self.assertIn("struct HelloResponse {", out)
        self.assertNotIn("Todo", out)
        rc, out, err = S.run_cli([S.fixture("metadata_v8.json"), "-o", "-", "--operation", "GetPage,DeleteTodo"])
        self.assertEqual(rc, 0, err)
        self.assertIn("struct Page {", out)          # GetPageResponse uses Page<Todo>
        self.assertIn("struct Todo {", out)
        self.assertNotIn("struct Hello ", out)
        rc, out, err = S.run_cli([S.fixture("metadata_v8.json"), "-o", "-", "--operation", "Nope"])
        self.assertEqual(rc, 1)
        self.assertIn("operation 'Nope' is not described", err)

    def test_nullable_plain(self):
        rc, out, err = S.run_cli([S.fixture("metadata_v8.json"), "-o", "-", "--nullable", "plain",
                                  "--operation", "Hello"])
        self.assertEqual(rc, 0, err)
        self.assertIn("    std::string Name;", out)
        self.assertIn("    sstk::ResponseStatus ResponseStatus;", out)
        self.assertNotIn("std::optional", out)

    def test_nullable_plain_generic_parameter_is_value_initialised(self):
        # `Pair<string,int>` under --nullable plain holds its V as a plain int: without `{}` a
        # default-constructed Pair would carry an indeterminate value (C#: default(T), 0)
        doc = ('{"namespaces": ["System"], "types": [{"name": "Pair`2", "namespace": "Acme", '
               '"genericArgs": ["K", "V"], "isGenericTypeDef": true, "implements": [], "properties": '
               '[{"name": "Key", "type": "K"}, {"name": "Value", "type": "V"}]}, '
               '{"name": "Holder", "namespace": "Acme", "implements": [], "properties": [{"name": "Facet", '
               '"type": "Pair`2", "namespace": "Acme", "genericArgs": ["String", "Int32"]}]}], "operations": []}')
        rc, out, err = S.run_cli(["-", "-o", "-", "--nullable", "plain"], stdin=doc)
        self.assertEqual(rc, 0, err)
        self.assertIn("    K Key{};", out)
        self.assertIn("    V Value{};", out)

    def test_several_services_into_one_file_is_an_error(self):
        with tempfile.TemporaryDirectory() as d:
            out = os.path.join(d, "all.hpp")
            rc, _, err = S.run_cli([S.SEEDS, "-o", out])
            self.assertEqual(rc, 1)
            self.assertIn("4 services found", err)
            self.assertFalse(os.path.exists(out))

    def test_bad_input_names_file_and_line_and_leaves_nothing(self):
        with tempfile.TemporaryDirectory() as d:
            bad = os.path.join(d, "bad.json")
            with open(bad, "w") as f:
                f.write('{\n  "types": [\n    { "name": "X", }\n  ]\n}\n')
            outdir = os.path.join(d, "out")
            rc, out, err = S.run_cli([S.seed("000"), bad, "-o", outdir])
            self.assertEqual(rc, 1)
            self.assertIn("bad.json:3:", err)
            self.assertNotIn("Traceback", err)
            self.assertFalse(os.path.exists(outdir))
            self.assertEqual([n for n in os.listdir(d) if n.startswith(".sstk-codegen")], [])

    def test_unrecognised_and_missing_inputs(self):
        with tempfile.TemporaryDirectory() as d:
            p = os.path.join(d, "notes.txt")
            with open(p, "w") as f:
                f.write("just some notes\n")
            rc, _, err = S.run_cli([p, "-o", d])
            self.assertEqual(rc, 1)
            self.assertIn("notes.txt:1: not a recognised input", err)
            rc, _, err = S.run_cli([os.path.join(d, "missing.json"), "-o", d])
            self.assertEqual(rc, 1)
            self.assertIn("missing.json: cannot read", err)
            rc, _, err = S.run_cli(["-o", d])
            self.assertEqual(rc, 2)

    def test_truncated_seed_reports_the_page(self):
        text = S.text_of(S.seed("001"))
        cut = text[:text.index("</PasswordReset>")]
        rc, _, err = S.run_cli(["-", "-o", "-"], stdin=cut)
        self.assertEqual(rc, 1)
        self.assertIn("<stdin>:", err)
        self.assertIn("not closed", err)
        self.assertNotIn("Traceback", err)


if __name__ == "__main__":
    unittest.main()
