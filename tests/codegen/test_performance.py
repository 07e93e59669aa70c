"""A 250-type MetadataTypes document becomes a header in well under a second (issue: < 1 s)."""

import json
import time
import unittest

import _support as S
from sstk_codegen.emit_cpp import emit_cpp
from sstk_codegen.readers import read


def big_metadata(n=250):
    types, ops = [], []
    for i in range(n):
        props = [{"name": "Id", "type": "Int64", "namespace": "System", "isValueType": True},
                 {"name": "Name", "type": "String", "namespace": "System", "description": "name %d" % i},
                 {"name": "Tags", "type": "List`1", "namespace": "System.Collections.Generic", "genericArgs": ["String"]},
                 {"name": "When", "type": "Nullable`1", "namespace": "System", "isValueType": True,
                  "genericArgs": ["DateTime"]}]
        if i:
            props.append({"name": "Prev", "type": "Poco%d" % (i - 1), "namespace": "Big"})
        t = {"name": "Poco%d" % i, "namespace": "Big", "properties": props}
        if i % 5 == 4:
            ops.append({"request": t, "routes": [{"path": "/poco/%d/{Id}" % i, "verbs": "GET"}],
                        "response": {"name": "Poco%dResponse" % i, "namespace": "Big",
                                     "properties": [{"name": "Result", "type": "Poco%d" % i, "namespace": "Big"},
                                                    {"name": "ResponseStatus", "type": "ResponseStatus",
                                                     "namespace": "ServiceStack"}]}})
        else:
            types.append(t)
    return json.dumps({"types": types, "operations": ops}, indent=1)


class Performance(unittest.TestCase):
    def test_250_types_under_a_second(self):
        text = big_metadata()
        start = time.perf_counter()
        svcs = read(text, "big.json")
        header = emit_cpp(svcs[0])
        elapsed = time.perf_counter() - start
        import re
        self.assertEqual(len(re.findall(r"^struct \w+ \{", header, re.M)), 300)
        # 1 s is the requirement; the bound leaves room for a loaded CI machine
        self.assertLess(elapsed, 3.0, "took %.2f s" % elapsed)


if __name__ == "__main__":
    unittest.main()
