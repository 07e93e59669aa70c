"""Saved HTML pages -> the line-oriented text the page readers parse.

Tables become `| cell | cell |` rows (captions their own line), <pre> keeps its text verbatim,
block elements end lines. Each output line remembers the HTML line it came from, so errors name
the line of the saved file.
"""

import re
from html.parser import HTMLParser

_BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "table", "thead", "tbody", "caption",
          "section", "nav", "header", "footer", "br", "hr", "body", "html", "dt", "dd", "pre", "code-block"}


def looks_like_html(text):
    head = text[:3000].lower()
    return bool(re.search(r"<(!doctype html|html|head|body|h1|h2|table|div)[\s>]", head))


class _Conv(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines = []        # (text, html_line)
        self.cur = ""
        self.cur_line = 1
        self.pre = 0
        self.row = None
        self.cell = None
        self.skip = 0
        self.skip_div = 0
        self.pre_start = 1

    def _flush(self):
        if self.cur.strip():
            self.lines.append((self.cur.rstrip(), self.cur_line))
        self.cur = ""

    def _text(self, s):
        if self.skip:
            return
        if self.cell is not None:
            self.cell += s
            return
        if not self.cur:
            self.cur_line = self.getpos()[0]
        self.cur += s

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "head"):
            self.skip += 1
            return
        if tag in ("div", "nav") and self.skip_div:
            self.skip_div += 1
            return
        cls = dict(attrs).get("class") or ""
        if tag in ("div", "nav") and set(cls.split()) & {"tags", "types-nav"}:
            # tag badges and the language menu are navigation, not content
            self._flush()
            self.skip_div = 1
            self.skip += 1
            return
        if tag == "pre":
            self._flush()
            self.pre += 1
            self.pre_start = self.getpos()[0]
            return
        if self.pre:
            return
        if tag == "tr":
            self._flush()
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = ""
        elif tag == "br":
            if self.cell is not None:
                self.cell += " "
            else:
                self._flush()
        elif tag in _BLOCK:
            self._flush()

    def handle_endtag(self, tag):
        if tag in ("div", "nav") and self.skip_div:
            self.skip_div -= 1
            if not self.skip_div:
                self.skip = max(0, self.skip - 1)
            return
        if tag in ("script", "style", "head"):
            self.skip = max(0, self.skip - 1)
            return
        if tag == "pre":
            if not self.pre:
                self._flush()
                return
            self.pre -= 1
            text = self.cur
            self.cur = ""
            first = self.pre_start
            for i, l in enumerate(text.split("\n")):
                self.lines.append((l.rstrip(), first + i))
            self.lines.append(("", self.getpos()[0]))
            return
        if self.pre:
            return
        if tag in ("td", "th") and self.cell is not None and self.row is not None:
            self.row.append(" ".join(self.cell.split()))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.lines.append(("| " + " | ".join(c.replace("|", "/") for c in self.row) + " |", self.getpos()[0]))
            self.row = None
        elif tag in _BLOCK:
            self._flush()

    def handle_data(self, data):
        if self.skip:
            return
        if self.pre:
            if not self.cur:
                self.cur_line = self.getpos()[0]
            self.cur += data
            return
        self._text(re.sub(r"\s+", " ", data))

    def close(self):
        super().close()
        self._flush()


def html_to_text(text):
    """(text, line_map): rendered text and, per rendered line, the HTML source line."""
    c = _Conv()
    c.feed(text)
    c.close()
    lines = [l for l, _ in c.lines]
    return "\n".join(lines), [n for _, n in c.lines]
