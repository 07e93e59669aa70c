"""One error type for everything the generator cannot understand: it names the input and line."""


class CodegenError(Exception):
    def __init__(self, message, source=None, line=None):
        self.message = message
        self.source = str(source) if source is not None else None
        self.line = line
        super().__init__(self.format())

    def format(self):
        where = ""
        if self.source:
            where = str(self.source)
            if self.line:
                where += ":%d" % self.line
            where += ": "
        return where + self.message


def line_of(text, offset):
    """1-based line number of a character offset in text."""
    return text.count("\n", 0, max(0, offset)) + 1
