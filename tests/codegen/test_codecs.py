"""--codecs: <service>_codecs.hpp declares the codecs of every struct DTO `extern template`,
<service>_codecs.cpp instantiates them; a program built from a TU that includes the .hpp and the
compiled .cpp links (so the consumer instantiated nothing the .cpp lacks) and round-trips a DTO."""

import os
import subprocess
import tempfile
import unittest

import _support as S
from sstk_codegen.emit_codecs import emit_codecs, parse_codecs, split_balanced


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
    public class OrderResponse
    {
        public Order Result { get; set; }
    }
}
"""
        svc = S.group_services(S.read(src, "orders.cs"), "orders")[0]
        header, sources = emit_codecs(svc, ["json", "xml"], S.EmitOptions(service_slug="orders", namespace="my_api"))
        self.assertEqual(len(sources), 1)
        source = sources[0]
        self.assertIn('#include "orders.hpp"', header)
        self.assertIn("#include <sstk/json.hpp>", header)
        self.assertIn("#include <sstk/xml.hpp>", header)
        self.assertIn('#include "orders_codecs.hpp"', source)
        for t in ("my_api::Order", "my_api::GetOrders", "my_api::OrderResponse"):
            for cls in ("sstk::json::codec", "sstk::xml::codec", "sstk::dto_defaults"):
                d = "struct %s<%s>;" % (cls, t)
                self.assertIn("extern template " + d, header)
                self.assertIn("\ntemplate " + d, source)
        # Vector growth only for a DTO some member or base holds in a List (Orders : List<Order>).
        self.assertIn("extern template struct sstk::dto_vector<my_api::Order>;", header)
        self.assertIn("\ntemplate struct sstk::dto_vector<my_api::Order>;", source)
        self.assertNotIn("sstk::dto_vector<my_api::GetOrders>", header + source)
        # std::optional<DTO> emplace/reset only for a DTO some member is of (OrderResponse.Result).
        self.assertIn("extern template struct sstk::dto_optional<my_api::Order>;", header)
        self.assertIn("\ntemplate struct sstk::dto_optional<my_api::Order>;", source)
        self.assertNotIn("sstk::dto_optional<my_api::GetOrders>", header + source)
        self.assertNotIn("sstk::dto_optional<my_api::OrderResponse>", header + source)
        # The member code of member types naming the service's types, once; not of std types alone.
        for cls in ("sstk::json::member_codec", "sstk::xml::member_codec", "sstk::member_reset"):
            d = "struct %s<std::optional<my_api::Order>>;" % cls
            self.assertIn("extern template " + d, header)
            self.assertIn("\ntemplate " + d, source)
        self.assertNotIn("member_codec<std::int32_t>", header + source)
        # Class templates and collection DTOs are compiled where they are used.
        self.assertNotIn("my_api::Page", header)
        self.assertNotIn("my_api::Orders>", header)
        self.assertEqual(header.count("\nextern template "), 14)
        self.assertEqual(source.count("\ntemplate "), 14)
        # One codec only: its class and the defaults, nothing of the other codec.
        header, sources = emit_codecs(svc, ["xml"], S.EmitOptions(service_slug="orders", namespace="my_api"))
        self.assertNotIn("json", header)
        self.assertEqual(header.count("\nextern template "), 10)

    def test_split_puts_each_dto_in_exactly_one_file_with_balanced_weights(self):
        items = [("a", 10), ("b", 1), ("c", 1), ("d", 8), ("e", 2)]
        self.assertEqual(split_balanced(items, 2), [["a", "b"], ["c", "d", "e"]])
        self.assertEqual(split_balanced(items, 1), [["a", "b", "c", "d", "e"]])
        self.assertEqual(split_balanced(items[:2], 4), [["a"], ["b"]])  # never an empty file
        runs = split_balanced([("t%d" % i, 1 + i % 5) for i in range(250)], 3)
        self.assertEqual(len(runs), 3)
        self.assertEqual(sorted(sum(runs, []), key=lambda t: int(t[1:])), ["t%d" % i for i in range(250)])
        for r in runs:  # each file keeps the declaration order
            self.assertEqual(r, sorted(r, key=lambda t: int(t[1:])))
        weights = [sum(1 + int(t[1:]) % 5 for t in r) for r in runs]
        self.assertLessEqual(max(weights) - min(weights), 1, weights)
        # Heavy items first in the input (a header's entity DTOs) still spread over the files.
        heavy_first = [("e%d" % i, 20) for i in range(10)] + [("r%d" % i, 2) for i in range(100)]
        runs = split_balanced(heavy_first, 2)
        self.assertEqual([sum(1 for t in r if t[0] == "e") for r in runs], [5, 5])
        with tempfile.TemporaryDirectory() as d:
            code, _, err = S.run_cli(["--codecs", "json,xml", "--codecs-files", "2", "--name", "mine",
                                      os.path.relpath(S.seed("000"), S.REPO), "-o", os.path.join(d, "mine.hpp")])
            self.assertEqual(code, 0, err)
            self.assertFalse(os.path.exists(os.path.join(d, "mine_codecs.cpp")))
            texts = []
            for i in (1, 2):
                with open(os.path.join(d, "mine_codecs_%d.cpp" % i), encoding="utf-8") as f:
                    texts.append(f.read())
            with open(os.path.join(d, "mine_codecs.hpp"), encoding="utf-8") as f:
                header = f.read()
            declared = sorted(l[len("extern "):] for l in header.splitlines() if l.startswith("extern template "))
            defined = sorted(l for t in texts for l in t.splitlines() if l.startswith("template "))
            self.assertEqual(declared, defined)
            self.assertTrue(all("template " in t for t in texts))
            self.assertIn("mine_codecs_1.cpp and mine_codecs_2.cpp", header)
        code, _, err = S.run_cli(["--codecs-files", "2", os.path.relpath(S.seed("003"), S.REPO), "-o", "x.hpp"])
        self.assertEqual(code, 2)
        self.assertIn("--codecs-files needs --codecs", err)
        code, _, err = S.run_cli(["--codecs", "json", "--codecs-files", "0", os.path.relpath(S.seed("003"), S.REPO),
                                  "-o", "x.hpp"])
        self.assertEqual(code, 2)
        self.assertIn("--codecs-files", err)

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
            self.assertIn("sstk::json::codec<mine::ResetPasswordRequest>::write(", p.stdout)
            self.assertIn("sstk::xml::codec<mine::ResetPasswordRequest>::read(", p.stdout)
            p = subprocess.run([S.compiler("g++"), "use.cpp.o", "mine_codecs.cpp.o", "-o", "use", "-lpugixml",
                                "-lboost_json"], cwd=d, capture_output=True, text=True, timeout=300)
            self.assertEqual(p.returncode, 0, p.stderr[-3000:])
            self.assertEqual(subprocess.run([os.path.join(d, "use")], timeout=60).returncode, 0)


if __name__ == "__main__":
    unittest.main()
