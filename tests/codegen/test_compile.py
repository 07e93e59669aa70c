"""Generated headers compile warning-free (g++ -std=c++20 -Wall -Wextra -Werror, and clang++ when
present), and every DTO is usable: default-constructible, copyable, comparable, described, and its
sstk::contract_of<T>() is a constant expression naming the .NET type."""

import os
import re
import unittest

import _support as S

CASES = {
    "seed_platform_api": ([S.seed("000"), S.seed("001")], {}),
    "seed_antel_api": ([S.seed("002")], {}),
    "seed_antel_merchandiser": ([S.seed("004")], {}),
    "seed_ppw_assist": ([S.seed("003")], {}),
    "metadata_v8": ([S.fixture("metadata_v8.json")], {}),
    "metadata_v8_plain_ifndef": ([S.fixture("metadata_v8.json")], {"nullable": "plain", "guard": "ifndef"}),
    "metadata_v5": ([S.fixture("metadata_v5.json")], {}),
    "app_metadata": ([S.fixture("app_metadata.json")], {}),
    "metadata_generics": ([S.fixture("metadata_generics.json")], {}),
    "types_csharp": ([S.fixture("types_csharp.cs")], {}),
    "types_typescript": ([S.fixture("types_typescript.ts")], {}),
    "types_python": ([S.fixture("types_python.py")], {}),
    "types_java": ([S.fixture("types_java.java")], {}),
    "types_kotlin": ([S.fixture("types_kotlin.kt")], {}),
    "types_swift": ([S.fixture("types_swift.swift")], {}),
    "types_dart": ([S.fixture("types_dart.dart")], {}),
    "page_xml_params": ([S.fixture("page_xml_params.html")], {}),
    "page_csharp": ([S.fixture("page_csharp.html")], {}),
    "webapi_help": ([S.fixture("webapi_help.html")], {}),
}


def _usage(header, svc):
    """A translation unit exercising every type of the header."""
    ns = re.search(r"^namespace (\S+) \{", header, re.M).group(1)
    lines = ["#include \"gen.hpp\"", "#include <sstk/core/contract.hpp>",
             "#include <boost/describe.hpp>", "#include <type_traits>", "", "void use() {"]
    for name, t in svc.types.items():
        if t.kind == "interface":
            continue
        alias = re.search(r"^using (%s_*) = " % re.escape(name), header, re.M)
        if alias:
            full = "%s::%s" % (ns, alias.group(1))
            lines.append("    { %s a{}; a.emplace_back(); (void)(a == a); }" % full)
            continue
        cname = re.search(r"^(?:struct|enum class) (%s_*)\b" % re.escape(name), header, re.M).group(1)
        full = "%s::%s" % (ns, cname)
        if t.is_enum:
            lines.append("    static_assert(boost::describe::has_describe_enumerators<%s>::value);" % full)
            lines.append("    static_assert(sstk::contract_of<%s>().name == \"%s\");" % (full, name))
            continue
        if t.generic_params:
            full += "<%s>" % ", ".join("int" for _ in t.generic_params)
        lines.append("    { %s a{}; %s b = a; b = a; (void)(a == b); }" % (full, full))
        lines.append("    static_assert(boost::describe::has_describe_members<%s>::value);" % full)
        lines.append("    static_assert(sstk::contract_of<%s>().name == \"%s\");" % (full, name))
    lines += ["}", "", "int main() { use(); }", ""]
    return "\n".join(lines)


class Compile(unittest.TestCase):
    def _run(self, cxx):
        if not S.compiler(cxx):
            self.skipTest("%s not found: generated headers not compiled" % cxx)
        import tempfile
        for case, (inputs, opts) in sorted(CASES.items()):
            with self.subTest(case=case, compiler=cxx):
                header = S.header_for(*inputs, **opts)
                missing = [inc for inc in re.findall(r"#include <(sstk/[^>]+)>", header)
                           if not os.path.exists(os.path.join(S.INCLUDE, inc))]
                if missing:
                    self.skipTest("needs %s, not in include/ yet" % ", ".join(missing))
                svc = S.one_service(*inputs)
                with tempfile.TemporaryDirectory() as d:
                    with open(os.path.join(d, "gen.hpp"), "w") as f:
                        f.write(header)
                    ok, diag = S.compile_snippet(_usage(header, svc), cxx, ("-I", d))
                self.assertTrue(ok, "%s:\n%s" % (case, diag[:4000]))

    def test_gcc(self):
        self._run("g++")

    def test_clang(self):
        self._run("clang++")

    def test_indirect_has_value_semantics(self):
        """A self-referencing member (TreeNode.Parent) is held by indirect<T>: copies are deep and
        == compares values. Two headers sharing a namespace define indirect once."""
        if not S.compiler("g++"):
            self.skipTest("g++ not found")
        import subprocess
        import tempfile
        header = S.header_for(S.fixture("types_csharp.cs"), namespace="gen")
        from sstk_codegen.emit_cpp import EmitOptions, emit_cpp
        node = ('{"types": [{"name": "Todo", "namespace": "X", "properties": ['
                '{"name": "Title", "type": "String"}, {"name": "Parent", "type": "Todo"}]}]}')
        other = emit_cpp(S.read(node, "node.json")[0], EmitOptions(namespace="gen"))
        main = r"""
#include "a.hpp"
#include "b.hpp"
#include <cstdio>
int main() {
    gen::TreeNode root;
    root.Name = "root";
    root.Parent.emplace().Name = "up";
    gen::TreeNode copy = root;
    if (!(copy == root)) return 1;
    copy.Parent->Name = "changed";
    if (root.Parent->Name != "up") return 2;
    if (copy == root) return 3;
    copy.Parent.reset();
    if (copy.Parent.has_value() || !root.Parent) return 4;
    gen::Todo t;
    t.Parent.emplace().Parent.emplace();
    gen::Todo u = t;
    if (!(u == t) || !u.Parent->Parent) return 5;
    std::puts("ok");
    return 0;
}
"""
        with tempfile.TemporaryDirectory() as d:
            for name, text in (("a.hpp", header), ("b.hpp", other), ("main.cpp", main)):
                with open(os.path.join(d, name), "w") as f:
                    f.write(text)
            exe = os.path.join(d, "t")
            p = subprocess.run([S.compiler("g++"), "-std=c++20", "-Wall", "-Wextra", "-Werror", "-I", S.INCLUDE,
                                "-I", d, os.path.join(d, "main.cpp"), "-o", exe], capture_output=True, text=True)
            self.assertEqual(p.returncode, 0, p.stderr[:4000])
            r = subprocess.run([exe], capture_output=True, text=True)
            self.assertEqual((r.returncode, r.stdout.strip()), (0, "ok"))

    def test_all_seed_headers_in_one_translation_unit(self):
        if not S.compiler("g++"):
            self.skipTest("g++ not found")
        import tempfile
        with tempfile.TemporaryDirectory() as d:
            rc, out, err = S.run_cli([S.SEEDS, "-o", d, "--namespace", "gen::{service}"])
            self.assertEqual(rc, 0, err)
            names = sorted(os.listdir(d))
            self.assertEqual(len(names), 4)
            code = "".join('#include "%s"\n' % n for n in names)
            # the hand-written headers can sit next to the generated ones
            code += "#include <sstk/apis/antel_api.hpp>\n#include <sstk/apis/platform_api.hpp>\nint main() {}\n"
            ok, diag = S.compile_snippet(code, "g++", ("-I", d))
            self.assertTrue(ok, diag[:4000])


if __name__ == "__main__":
    unittest.main()
