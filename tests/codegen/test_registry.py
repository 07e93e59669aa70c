"""--registry: the checked-in include/sstk/apis/*_registry.hpp are fresh, the registry lists
classes, requests and enums (not class templates or collection DTOs), and it compiles."""

import os
import tempfile
import unittest

import _support as S
from sstk_codegen.emit_registry import emit_registry
from test_seeds import SERVICES


class Registry(unittest.TestCase):
    def test_checked_in_registries_are_fresh(self):
        for name, seeds in SERVICES.items():
            with self.subTest(service=name):
                out = os.path.relpath(os.path.join(S.APIS, name + ".hpp"), S.REPO)
                pages = [os.path.relpath(S.seed(x), S.REPO) for x in seeds]
                code, _, err = S.run_cli(["--check", "--registry", "--name", name, "--namespace",
                                          "sstk::apis::{service}", *pages, "-o", out])
                self.assertEqual(code, 0, err)

    def test_lists(self):
        svc = S.one_service(S.seed("003"), name="ppw")
        text = emit_registry(svc, S.EmitOptions(service_slug="ppw"))
        self.assertIn('#include "ppw.hpp"', text)
        self.assertIn("struct ppw_service {", text)
        self.assertIn('static constexpr std::string_view name = "ppw";', text)
        self.assertIn("using requests = sstk::type_list<ppw::ResetPasswordRequest>;", text)
        self.assertIn("using enums = sstk::type_list<ppw::Errors>;", text)
        self.assertNotIn("ppw::Errors,", text)

    def test_templates_and_collections_are_not_registered(self):
        src = """
namespace My.Api
{
    public class Order { public int Id { get; set; } }
    public class Orders : List<Order> { }
    public class Page<T> { public List<T> Results { get; set; } }
    [Route("/orders", "GET")]
    public class GetOrders : IReturn<Page<Order>> { public int Skip { get; set; } }
}
"""
        svc = S.group_services(S.read(src, "orders.cs"), "orders")[0]
        text = emit_registry(svc, S.EmitOptions(service_slug="orders", namespace="my_api"))
        types_line = text.split("using types = ")[1].split(";")[0]
        self.assertIn("my_api::Order", types_line)
        self.assertIn("my_api::GetOrders", types_line)
        self.assertNotIn("my_api::Orders", types_line)
        self.assertNotIn("my_api::Page", types_line)
        self.assertIn("using requests = sstk::type_list<my_api::GetOrders>;", text)

    def test_stdout_is_refused_and_file_output_names_the_registry(self):
        code, _, err = S.run_cli(["--registry", os.path.relpath(S.seed("003"), S.REPO), "-o", "-"])
        self.assertEqual(code, 1)
        self.assertIn("--registry", err)
        with tempfile.TemporaryDirectory() as d:
            out = os.path.join(d, "mine.hpp")
            code, _, err = S.run_cli(["--registry", "--name", "mine", os.path.relpath(S.seed("003"), S.REPO),
                                      "-o", out])
            self.assertEqual(code, 0, err)
            reg = S.text_of(os.path.join(d, "mine_registry.hpp"))
            self.assertIn('#include "mine.hpp"', reg)
            if S.compiler("g++"):
                ok, diag = S.compile_snippet(
                    '#include "mine_registry.hpp"\n'
                    "using R = sstk::registry<mine::mine_service>;\n"
                    'static_assert(R::types().size() == 4);\n'
                    'static_assert(R::types()[0].name == "ResetPasswordRequest");\n'
                    "int main() { return R::lookup(\"ResetPasswordResponse\") ? 0 : 1; }\n",
                    extra=("-I", d))
                self.assertTrue(ok, diag)


if __name__ == "__main__":
    unittest.main()
