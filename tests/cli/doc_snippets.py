"""Every ```cpp block of the given Markdown files is an excerpt of a program in docs/examples/
(each of which the test suite compiles and runs as example_<name>), so documented code cannot rot.

A block matches when its lines, with runs of blanks collapsed, appear as consecutive lines of one
example file (blank lines and indentation are free); its `#include` lines only need to be
somewhere in that file (they sit at its top, the statements inside a function). Usage: doc_snippets.py REPO FILE.md...
Exit status 1 with the first unmatched line of each block that matches nowhere."""

import glob
import os
import re
import sys


def blocks(text):
    for m in re.finditer(r"^```cpp[ \t]*\n(.*?)^```", text, re.S | re.M):
        yield text.count("\n", 0, m.start()) + 1, m.group(1)


def norm(lines):
    return [" ".join(l.split()) for l in lines if l.strip()]


def contains(haystack, needle):
    n = len(needle)
    return any(haystack[i:i + n] == needle for i in range(len(haystack) - n + 1))


def main():
    repo, docs = sys.argv[1], sys.argv[2:]
    examples = {}
    for path in sorted(glob.glob(os.path.join(repo, "docs", "examples", "*.cpp"))):
        with open(path, encoding="utf-8") as f:
            examples[os.path.relpath(path, repo)] = norm(f.read().split("\n"))
    bad = 0
    checked = 0
    for doc in docs:
        with open(os.path.join(repo, doc), encoding="utf-8") as f:
            text = f.read()
        for line, code in blocks(text):
            checked += 1
            lines = norm(code.split("\n"))
            includes = [l for l in lines if l.startswith("#include")]
            want = [l for l in lines if not l.startswith("#include")]
            if not want:
                print("%s:%d: empty cpp block" % (doc, line))
                bad += 1
                continue
            where = [p for p, ex in examples.items() if contains(ex, want) and all(i in ex for i in includes)]
            if where:
                print("%s:%d: ok (%s)" % (doc, line, where[0]))
                continue
            # the longest prefix found anywhere, to point at the line that drifted
            best = 0
            for ex in examples.values():
                for k in range(len(want), 0, -1):
                    if contains(ex, want[:k]):
                        best = max(best, k)
                        break
            print("%s:%d: not an excerpt of any docs/examples/*.cpp; first unmatched line: %s"
                  % (doc, line, want[min(best, len(want) - 1)]))
            bad += 1
    print("%d cpp block(s) checked, %d not compiled by the tests" % (checked, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
