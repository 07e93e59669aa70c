"""--codecs: <service>_codecs.hpp declares the codecs of every struct DTO `extern template`,
<service>_codecs.cpp instantiates them; a program built from a TU that includes the .hpp and the
compiled .cpp links (so the consumer instantiated nothing the .cpp lacks) and round-trips a DTO."""

import os
import subprocess
import tempfile
import unittest

import _support as S
from sstk_codegen.emit_codecs import emit_codecs, parse_codecs


class Codecs(unittest.TestCase):
    def test_declarations_and_definitions_cover_every_struct(self):
        src = """
namespace My.Api
{
    public class Order { public int Id { get; set; } public string Name { get; set; } }
    public class Orders : List<Order> { }
    public class Page<T> { public List<T> Results { get; set; } }
    [Route("/orders", "GET")]
    public class GetOrders : IReturn<Page<Order>> { public int Skip { get; set; } }
}
"""
        svc = S.group_services(S.read(src, "orders.cs"), "orders")[0]
        header, source = emit_codecs(svc, ["json", "xml"], S.EmitOptions(service_slug="orders", namespace="my_api"))
        self.assertIn('#include "orders.hpp"', header)
        self.assertIn("#include <sstk/json.hpp>", header)
        self.assertIn("#include <sstk/xml.hpp>", header)
        self.assertIn('#include "orders_codecs.hpp"', source)
        for t in ("my_api::Order", "my_api::GetOrders"):
            for decl in ("void sstk::json::write<%s>(std::string&, const %s&, const sstk::json::write_options&);",
                         "void sstk::json::read<%s>(std::string_view, %s&, const sstk::json::read_options&);",
                         "void sstk::xml::write<%s>(std::string&, const %s&, const sstk::xml::write_options&);",
                         "void sstk::xml::read<%s>(std::string_view, %s&, const sstk::xml::read_options&);"):
                d = decl % (t, t)
                self.assertIn("extern template " + d, header)
                self.assertIn("\ntemplate " + d, source)
        # Class templates and collection DTOs are compiled where they are used.
        self.assertNotIn("my_api::Page", header)
        self.assertNotIn("my_api::Orders>", header)
        self.assertEqual(header.count("\nextern template "), 8)
        self.assertEqual(source.count("\ntemplate "), 8)

    def test_codec_list(self):
        self.assertEqual(parse_codecs("xml,json"), ["json", "xml"])
        self.assertEqual(parse_codecs(" JSON "), ["json"])
        for bad in ("", "json,yaml", ","):
            with self.assertRaises(ValueError):
                parse_codecs(bad)
        code, _, err = S.run_cli(["--codecs", "json,yaml", os.path.relpath(S.seed("003"), S.REPO), "-o", "x.hpp"])
        self.assertEqual(code, 2)
        self.assertIn("yaml", err)
        code, _, err = S.run_cli(["--codecs", "json", os.path.relpath(S.seed("003"), S.REPO), "-o", "-"])
        self.assertEqual(code, 1)
        self.assertIn("--codecs", err)

    @unittest.skipUnless(S.compiler("g++"), "needs g++")
    def test_consumer_links_against_the_instantiations_and_round_trips(self):
        with tempfile.TemporaryDirectory() as d:
            code, _, err = S.run_cli(["--codecs", "json,xml", "--name", "mine", os.path.relpath(S.seed("003"), S.REPO),
                                      "-o", os.path.join(d, "mine.hpp")])
            self.assertEqual(code, 0, err)
            self.assertTrue(os.path.exists(os.path.join(d, "mine_codecs.cpp")))
            with open(os.path.join(d, "use.cpp"), "w", encoding="utf-8") as f:
                f.write('#include "mine_codecs.hpp"\n'
                        "int main() {\n"
                        "    mine::ResetPasswordRequest r;\n"
                        '    r.Email = "a@example.com";\n'
                        "    const bool json = sstk::json::read<mine::ResetPasswordRequest>(sstk::json::write(r)) == r;\n"
                        "    const bool xml = sstk::xml::read<mine::ResetPasswordRequest>(sstk::xml::write(r)) == r;\n"
                        "    return json && xml ? 0 : 1;\n"
                        "}\n")
            flags = ["-std=c++20", "-O0", "-Wall", "-Wextra", "-Werror", "-I", S.INCLUDE, "-I", d]
            for src in ("use.cpp", "mine_codecs.cpp"):
                p = subprocess.run([S.compiler("g++"), *flags, "-c", src, "-o", src + ".o"], cwd=d,
                                   capture_output=True, text=True, timeout=600)
                self.assertEqual(p.returncode, 0, p.stderr[-3000:])
            # The consumer alone must leave the codecs undefined: they are not compiled there.
            p = subprocess.run(["nm", "-C", "--undefined-only", "use.cpp.o"], cwd=d, capture_output=True, text=True)
            self.assertIn("sstk::json::write<mine::ResetPasswordRequest>", p.stdout)
            self.assertIn("sstk::xml::read<mine::ResetPasswordRequest>", p.stdout)
            p = subprocess.run([S.compiler("g++"), "use.cpp.o", "mine_codecs.cpp.o", "-o", "use", "-lpugixml",
                                "-lboost_json"], cwd=d, capture_output=True, text=True, timeout=300)
            self.assertEqual(p.returncode, 0, p.stderr[-3000:])
            self.assertEqual(subprocess.run([os.path.join(d, "use")], timeout=60).returncode, 0)


if __name__ == "__main__":
    unittest.main()
