"""Readers, one per input kind, chosen from the content (never from the file name)."""

from ..errors import CodegenError
from . import metadata_json, pages, types_listing, webapi_help

# Order matters: the most specific signature first.
READERS = [metadata_json, webapi_help, pages, types_listing]


def detect(text):
    for r in READERS:
        if r.detect(text):
            return r
    return None


def read(text, source):
    """Services described by one input. Raises CodegenError naming the input on anything it cannot
    understand."""
    if not text.strip():
        raise CodegenError("empty input", source, 1)
    r = detect(text)
    if r is None:
        raise CodegenError("not a recognised input: expected /types/metadata or /metadata/app.json JSON, a "
                           "ServiceStack operation metadata page, a /types/{lang} listing, or an ASP.NET Web API "
                           "help page", source, 1)
    try:
        return r.read(text, source)
    except CodegenError as e:
        if e.source is None:
            raise CodegenError(e.message + " [%s]" % r.KIND, source, e.line)
        raise
    except RecursionError:
        raise CodegenError("input nested too deeply [%s]" % r.KIND, source, None)
