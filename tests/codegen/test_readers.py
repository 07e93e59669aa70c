"""Per-reader facts on fixtures written from the ServiceStack formats (research §6, §7)."""

import unittest

import _support as S
from sstk_codegen.errors import CodegenError
from sstk_codegen.model import TypeRef, parse_type, pascal_case
from sstk_codegen.readers import detect, metadata_json, pages, types_listing, webapi_help
from sstk_codegen.readers.pages import _param_row, _route_from


def members(t):
    return [(m.name, m.type.display()) for m in t.members]


class Model(unittest.TestCase):
    def test_parse_type(self):
        self.assertEqual(parse_type("int?").display(), "Int32?")
        self.assertEqual(parse_type("List<string>").display(), "List<String>")
        self.assertEqual(parse_type("Dictionary<string, List<Poco>>").display(), "Dictionary<String,List<Poco>>")
        self.assertEqual(parse_type("String[]").display(), "List<String>")
        self.assertEqual(parse_type("Nullable<DateTime>").display(), "DateTime?")
        self.assertEqual(parse_type("System.Collections.Generic.IList<long>").display(), "List<Int64>")
        self.assertEqual(parse_type("QueryResponse`1<Movie>").display(), "QueryResponse<Movie>")
        for bad in ("List<", "int??x", "a b", "Dictionary<string,>"):
            with self.assertRaises(CodegenError):
                parse_type(bad)

    def test_pascal_case_undoes_language_renames(self):
        self.assertEqual(pascal_case("user_name"), "UserName")
        self.assertEqual(pascal_case("userName"), "UserName")
        self.assertEqual(pascal_case("from_"), "From")
        self.assertEqual(pascal_case("id"), "Id")


class Detection(unittest.TestCase):
    def test_each_fixture_goes_to_its_reader(self):
        expect = {"metadata_v8.json": metadata_json, "metadata_v5.json": metadata_json,
                  "app_metadata.json": metadata_json, "types_csharp.cs": types_listing,
                  "types_typescript.ts": types_listing, "types_python.py": types_listing,
                  "types_java.java": types_listing, "types_kotlin.kt": types_listing,
                  "types_swift.swift": types_listing, "types_dart.dart": types_listing,
                  "page_xml_params.html": pages, "page_csharp.html": pages, "webapi_help.html": webapi_help}
        for name, reader in expect.items():
            self.assertIs(detect(S.text_of(S.fixture(name))), reader, name)
        for n in ("000", "001", "002", "004"):
            self.assertIs(detect(S.text_of(S.seed(n))), pages, n)
        self.assertIs(detect(S.text_of(S.seed("003"))), webapi_help)


class MetadataJson(unittest.TestCase):
    def setUp(self):
        self.svc = S.one_service(S.fixture("metadata_v8.json"))
        self.t = self.svc.types

    def test_operations_routes_and_responses(self):
        self.assertEqual(self.svc.operations, [("Hello", "HelloResponse"), ("QueryTodos", "QueryResponse"),
                                               ("GetPage", "GetPageResponse"), ("DeleteTodo", None)])
        self.assertEqual([(r.path, r.verbs) for r in self.t["Hello"].routes], [("/hello", ""), ("/hello/{Name}", "GET")])
        self.assertEqual(self.t["QueryTodos"].returns.display(), "QueryResponse<Todo>")
        self.assertEqual(self.t["QueryTodos"].base.display(), "QueryDb<Todo>")
        self.assertEqual(self.t["QueryTodos"].verb, "GET")
        self.assertTrue(self.t["DeleteTodo"].returns_void)
        self.assertEqual(self.t["DeleteTodo"].xml_namespace, "http://example.org/todo")
        self.assertNotIn("QueryResponse", self.t)   # sstk provides it

    def test_enums(self):
        self.assertEqual(self.t["Permissions"].enum_values, [0, 1, 2, 4])
        self.assertTrue(self.t["Permissions"].flags)
        self.assertEqual(self.t["Shade"].enum_wire, ["light-shade", None, None])

    def test_members(self):
        todo = self.t["Todo"]
        got = dict(members(todo))
        self.assertEqual(got["Id"], "Int64")
        self.assertEqual(got["Access"], "Permissions?")
        self.assertEqual(got["Due"], "TimeSpan?")
        self.assertEqual(got["Scores"], "List<Int32>")
        self.assertEqual(got["Lookup"], "Dictionary<String,List<Todo>>")
        self.assertIs(todo.members[0].type.nullable, False)
        m = {x.name: x for x in todo.members}
        self.assertEqual((m["Todo"].wire_name, m["Todo"].emit_default), ("todo_text", False))
        self.assertTrue(m["Text"].required)
        self.assertEqual(self.t["QueryBase"].members[0].order, 1)
        self.assertEqual(self.t["QueryDb"].generic_params, ["T"])
        self.assertEqual(self.t["QueryBase"].xml_namespace, "http://schemas.servicestack.net/types")

    def test_generated_header_shapes(self):
        h = S.header_for(S.fixture("metadata_v8.json"))
        self.assertIn("indirect<metadata_v8::Todo> Parent;", h.replace("todo_example_org", "metadata_v8")
                      .replace("todo::", "metadata_v8::"))
        self.assertIn('sstk::member("class_").rename("class")', h)
        self.assertIn('sstk::member("Todo_").rename("todo_text").emit_default_value(false)', h)
        self.assertIn("enum class Shade : int { Light = 10, Dark = 20, default_ = 30 };", h)
        self.assertIn('sstk::enumerator("default_", "default")', h)
        self.assertIn("boost::json::value Extra;", h)
        self.assertIn("std::optional<std::vector<std::uint8_t>> Blob;", h)
        self.assertIn("char16_t Initial = 0;", h)
        self.assertIn(".returns<sstk::QueryResponse<todo::Todo>>()", h)
        self.assertIn(".returns_void()", h)
        self.assertIn("template <class T>\nstruct Page {", h)
        self.assertIn("BOOST_DESCRIBE_CLASS(Page, (), (Items, Total), (), ())", h)
        self.assertIn('sstk::route("/pages/{Number*}", "GET,POST")', h)

    def test_generic_bases_with_two_arguments(self):
        h = S.header_for(S.fixture("metadata_generics.json"))
        self.assertIn("using Entry_base = x::Pair<std::string, std::int32_t>;\nstruct Entry : Entry_base {", h)
        self.assertIn("BOOST_DESCRIBE_STRUCT(Entry, (Entry_base), (Note))", h)
        self.assertIn("template <class T>\nusing Wrap_base = x::Pair<T, std::int32_t>;", h)
        self.assertIn(".returns<std::vector<x::Entry>>()", h)

    def test_old_pascalcase_spelling(self):
        svc = S.one_service(S.fixture("metadata_v5.json"))
        self.assertEqual(svc.host, "legacy.example.org")
        self.assertEqual(members(svc.types["GetAccount"]), [("Id", "Int32"), ("Since", "DateTime?")])
        self.assertEqual(members(svc.types["GetAccountResponse"]),
                         [("Name", "String"), ("Status", "Status"), ("ResponseStatus", "ResponseStatus")])
        self.assertTrue(svc.types["Status"].is_enum)

    def test_app_metadata(self):
        svc = S.one_service(S.fixture("app_metadata.json"))
        self.assertEqual((svc.name, svc.host), ("Hello App", "hello.example.org"))
        self.assertEqual(svc.operations, [("Hello", "HelloResponse")])

    def test_malformed(self):
        for text, msg in (('{"types": 3}', "'types' must be a list"),
                          ('{"operations": [{"request": {"name": "X", "properties": [{"type": "String"}]}}]}',
                           "has no name"),
                          ('{"types": [{"name": "E", "isEnum": true, "enumNames": ["A"], "enumValues": ["x"]}]}',
                           "not integers"),
                          ('{"types": [', "invalid JSON")):
            with self.assertRaises(CodegenError) as cm:
                S.read(text, "m.json")
            self.assertIn(msg, str(cm.exception))

    def test_unknown_type_is_reported(self):
        text = '{"types": [{"name": "A", "properties": [{"name": "B", "type": "Mystery"}]}]}'
        svc = S.read(text, "m.json")[0]
        from sstk_codegen.emit_cpp import emit_cpp
        with self.assertRaises(CodegenError) as cm:
            emit_cpp(svc)
        self.assertIn("unknown type 'Mystery'", str(cm.exception))


class Sources(unittest.TestCase):
    def test_csharp_listing(self):
        svc = S.one_service(S.fixture("types_csharp.cs"))
        t = svc.types
        self.assertEqual(svc.host, "todo.example.org")
        self.assertEqual(t["CreateTodo"].base.name, "AuditedRequest")
        self.assertEqual(t["AuditedRequest"].base.name, "RequestBase")
        self.assertEqual(t["CreateTodo"].namespace, "MyApp.ServiceModel")
        self.assertEqual(t["CreateTodo"].implements, ["IHasApiKey"])
        self.assertEqual([(r.path, r.verbs) for r in t["CreateTodo"].routes], [("/todos", "POST"), ("/todos/{Id}", "PUT")])
        m = {x.name: x for x in t["CreateTodo"].members}
        self.assertEqual((m["Id"].order, m["Id"].wire_name), (1, "id"))
        self.assertEqual(m["Text"].emit_default, False)
        self.assertEqual(m["Priority"].type.display(), "Int32?")
        self.assertEqual(m["State"].type.display(), "Status?")
        self.assertIn("class", m)
        self.assertEqual(t["Status"].enum_wire, ["not-started", None, None])
        self.assertTrue(t["Permissions"].flags)
        self.assertEqual(t["Page"].generic_params, ["T"])
        self.assertTrue(t["DeleteTodo"].returns_void)
        self.assertEqual(t["RequestBase"].description, "Base of every request")

    def test_typescript_listing(self):
        t = S.one_service(S.fixture("types_typescript.ts")).types
        self.assertEqual(t["Color"].enum_wire, [None, None, "dark-blue"])
        self.assertEqual(t["Level"].enum_values, [1, 10])
        self.assertEqual(members(t["Item"]), [("Title", "String?"), ("Color", "Color"),
                                              ("Level", "Level?"), ("Tags", "List<Tag>"),
                                              ("Attributes", "Dictionary<String,String>"), ("Visible", "Boolean")])
        self.assertEqual(t["GetItem"].returns.name, "GetItemResponse")
        self.assertEqual(t["ItemBase"].members[0].description, "Identifier of the item")

    def test_python_listing(self):
        t = S.one_service(S.fixture("types_python.py")).types
        self.assertEqual(t["Permissions"].enum_names, ["None", "Read", "Write"])
        self.assertEqual(t["Color"].enum_names, ["Red", "DarkBlue"])
        self.assertEqual([m.name for m in t["Product"].members],
                         ["Id", "Name", "Price", "Discount", "Created", "ShelfLife", "Color", "Access", "Labels",
                          "From", "Image"])
        m = {x.name: x for x in t["Product"].members}
        self.assertIs(m["Id"].type.nullable, False)
        self.assertIs(m["Discount"].type.nullable, True)
        self.assertEqual(m["Image"].type.display(), "List<Byte>")
        self.assertEqual(t["GetProducts"].verb, "GET")
        self.assertEqual(t["GetProducts"].members[0].description, "Product ids")
        self.assertEqual(t["GetProductsResponse"].members[0].type.display(), "Page<Product>")

    def test_java_and_kotlin_listings_agree(self):
        j = S.header_for(S.fixture("types_java.java"))
        k = S.header_for(S.fixture("types_kotlin.kt"))
        body = lambda h: h[h.index("namespace "):]
        self.assertEqual(body(j), body(k))
        self.assertIn('sstk::member("When").rename("when").with_order(4)', j)
        self.assertIn("enum class Status : int { None = 0, Open = 1, Paid = 2 };", j)

    def test_swift_and_dart_listings(self):
        for name in ("types_swift.swift", "types_dart.dart"):
            with self.subTest(listing=name):
                svc = S.one_service(S.fixture(name))
                t = svc.types
                self.assertEqual(svc.operations, [("CreateOrder", "CreateOrderResponse")])
                self.assertEqual(t["CreateOrder"].base.name, "OrderBase")
                self.assertEqual(t["CreateOrder"].verb, "POST")
                self.assertEqual(members(t["CreateOrder"]),
                                 [("Lines", "List<OrderLine>"), ("Status", "Status"),
                                  ("Counts", "Dictionary<String,Int32>"), ("When", "DateTime")])
                m = t["CreateOrder"].members
                self.assertEqual((m[0].order, m[0].required, m[0].description), (1, True, "Lines of the order"))
                self.assertEqual((m[3].wire_name, m[3].order), ("when", 4))
                self.assertEqual(t["Status"].enum_names, ["None", "Open", "Paid"])
                self.assertEqual([(r.path, r.verbs) for r in t["CreateOrder"].routes], [("/orders", "POST")])
        t = S.one_service(S.fixture("types_swift.swift")).types
        self.assertEqual(t["Color"].enum_wire, [None, "dark-blue"])
        # the same DTOs as the Java listing: same types, members and order (Swift/Dart spell the
        # Guid as a String and long as Int, so only names are compared)
        java = S.one_service(S.fixture("types_java.java")).types
        for name in ("types_swift.swift", "types_dart.dart"):
            other = S.one_service(S.fixture(name)).types
            for tname in ("CreateOrder", "CreateOrderResponse", "OrderBase", "OrderLine"):
                self.assertEqual([m.name for m in other[tname].members], [m.name for m in java[tname].members],
                                 (name, tname))

    def test_source_errors_name_the_line(self):
        bad = S.text_of(S.fixture("types_java.java")).replace("public Long Id = null;", "public Long<<> Id = null;")
        with self.assertRaises(CodegenError) as cm:
            S.read(bad, "x.java")
        self.assertEqual((cm.exception.source, cm.exception.line), ("x.java", 47))


class Pages(unittest.TestCase):
    def test_route_cells_run_together(self):
        r = _route_from("POST/user/password/resetReset password for user", ["/user/password/reset"])
        self.assertEqual((r.path, r.verbs, r.summary), ("/user/password/reset", "POST", "Reset password for user"))
        r = _route_from("POST/user/password/resetReset password for user", [])
        self.assertEqual((r.path, r.summary), ("/user/password/reset", "Reset password for user"))
        r = _route_from("All Verbs/api/account/{UserName}/passwordresettoken", [])
        self.assertEqual((r.path, r.verbs, r.summary), ("/api/account/{UserName}/passwordresettoken", "", ""))
        r = _route_from("| GET,POST | /files/{Path*} | Files |", [])
        self.assertEqual((r.path, r.verbs, r.summary), ("/files/{Path*}", "GET,POST", "Files"))

    def test_parameter_rows_run_together(self):
        self.assertEqual(_param_row("ResponseStatusformResponseStatusYes", {}),
                         ("ResponseStatus", "form", "ResponseStatus", "Yes", ""))
        self.assertEqual(_param_row("SomebodybodyList<string>NoNotes here", {}),
                         ("Somebody", "body", "List<string>", "No", "Notes here"))
        self.assertEqual(_param_row("IdpathintNo", {}), ("Id", "path", "int", "No", ""))

    def test_seed_004_base_chain_from_table_order(self):
        t = S.one_service(S.seed("004")).types
        self.assertEqual(t["ResetPassword"].base.name, "ApiServiceRequest")
        self.assertEqual(t["ResetPasswordResponse"].base.name, "ApiServiceResponse")
        # the table prints `double` for `double?` too: nullability stays unknown (--unknown-nullability)
        self.assertIsNone(t["ApiServiceRequest"].members[1].type.nullable)

    def test_html_page_with_params_and_enum_tables(self):
        svc = S.one_service(S.fixture("page_xml_params.html"))
        t = svc.types
        self.assertEqual(svc.name, "Booking API")
        self.assertEqual(t["CreateBooking"].description, "Create a new booking")
        self.assertEqual(t["CreateBooking"].base.name, "AuditBase")
        self.assertEqual(t["AuditBase"].namespace, "Booking.ServiceModel.Types")
        self.assertEqual(t["RoomType"].enum_values, [1, 2, 4])
        m = {x.name: x for x in t["CreateBooking"].members}
        self.assertEqual(m["Name"].description, "Name of the guest & party")
        self.assertEqual(m["RoomType"].description, None)      # the Allowable Values list is not a description
        self.assertEqual(m["RoomNumber"].type.display(), "Int32?")
        self.assertNotIn("IdResponse", t)

    def test_html_page_with_csharp_source(self):
        t = S.one_service(S.fixture("page_csharp.html")).types
        self.assertEqual([(r.path, r.verbs, r.notes) for r in t["QueryOrders"].routes],
                         [("/orders", "GET", ""), ("/orders/{Ids*}", "GET", "ids are comma separated"),
                          ("/orders/search/{Path*}", "", "")])
        self.assertEqual(t["OrderLines"].base.display(), "List<OrderLine>")
        self.assertIn("Address", t)
        h = S.header_for(S.fixture("page_csharp.html"))
        self.assertIn("using OrderLines = std::vector<orders_api::OrderLine>;", h)

    def test_sample_contradicting_source_is_reported(self):
        text = S.text_of(S.seed("001")).replace("<Token>String</Token>", "<Tokens>String</Tokens>")
        with self.assertRaises(CodegenError) as cm:
            S.read(text, "p.txt")
        self.assertIn("<Tokens>", str(cm.exception))

    def test_table_contradicting_source_is_reported(self):
        text = S.text_of(S.seed("004")) + ""
        src = S.text_of(S.seed("002"))
        svc_a = S.read(text, "a")[0]
        self.assertEqual(len(svc_a.types["ResetPassword"].members), 4)
        bad = src.replace("<Latitude xmlns", "<Lattitude xmlns").replace("</Latitude>", "</Lattitude>")
        with self.assertRaises(CodegenError):
            S.read(bad, "b")


class WebApi(unittest.TestCase):
    def test_seed_003_base_class_from_sample_orders(self):
        t = S.one_service(S.seed("003")).types
        self.assertEqual([m.name for m in t["ResetPasswordResponse"].members], ["Username", "Password"])
        self.assertEqual([m.name for m in t["ResetPasswordResponseBase"].members],
                         ["Success", "ErrorMessage", "ServerDateTime", "ErrorType"])
        self.assertEqual((t["Errors"].enum_names, t["Errors"].enum_values), (["SystemError"], [0]))
        self.assertEqual(t["ResetPasswordRequest"].returns, TypeRef("ResetPasswordResponse"))

    def test_html_help_page(self):
        t = S.one_service(S.fixture("webapi_help.html")).types
        self.assertEqual(members(t["SubmitOrderRequest"]),
                         [("CustomerId", "Guid"), ("Quantity", "Int32"), ("Tags", "List<String>"), ("Placed", "DateTime")])
        self.assertTrue(t["SubmitOrderRequest"].members[0].required)
        self.assertEqual(t["SubmitOrderRequest"].members[0].description, "The customer")
        self.assertEqual(t["SubmitOrderRequest"].description, "Submits an order.")
        self.assertEqual(t["SubmitOrderRequest"].namespace, "Shop.Api.Models")
        self.assertEqual([(r.path, r.verbs) for r in t["SubmitOrderRequest"].routes], [("/api/Orders/Submit", "POST")])


if __name__ == "__main__":
    unittest.main()
