"""/types/{lang} listings (C#, TypeScript, Python, Java, Kotlin, Swift, Dart): the Options header block,
then the DTOs.

Requests are the classes declaring IReturn<T>/IReturnVoid or a [Route]; their responses are the
IReturn<T> types. BaseUrl in the header names the host.
"""

import re
from urllib.parse import urlparse

from ..errors import CodegenError
from ..emit_cpp import SSTK_BUILTINS
from ..model import Service
from .sources import detect_language, parse_source

KIND = "/types/{lang} DTO listing"

_HEADER = re.compile(r'^\s*(/\*|"""|\(\*)\s*Options:\s*$', re.M)


def detect(text):
    head = text[:4000]
    if _HEADER.search(head) and re.search(r"^\s*(BaseUrl|Version):", head, re.M):
        return True
    return detect_language(text) in ("csharp", "typescript", "python", "java", "kotlin", "swift", "dart")


def read(text, source):
    svc = Service(sources=[str(source)])
    m = re.search(r"^\s*BaseUrl:\s*(\S+)", text[:4000], re.M)
    if m:
        try:
            svc.host = urlparse(m.group(1)).netloc or m.group(1)
        except ValueError:
            svc.host = m.group(1)
    body_start = 0
    h = _HEADER.search(text[:4000])
    if h:
        close = {"/*": "*/", '"""': '"""', "(*": "*)"}[h.group(1)]
        end = text.find(close, h.end())
        if end < 0:
            raise CodegenError("the Options header block is not closed", source, text[:h.start()].count("\n") + 1)
        body_start = end + len(close)
    body = text[body_start:]
    first_line = text[:body_start].count("\n") + 1
    lang = detect_language(body)
    if lang is None:
        raise CodegenError("cannot tell the language of the DTO listing", source, first_line)
    types = parse_source(lang, body, source, first_line)
    for t in types:
        if t.kind == "interface" or t.name in SSTK_BUILTINS:
            continue
        svc.add_type(t)
    for t in types:
        if t.kind == "class" and (t.returns is not None or t.returns_void or t.routes):
            resp = t.returns.name if t.returns is not None and t.returns.name in svc.types else None
            svc.add_operation(t.name, resp)
    if not svc.types:
        raise CodegenError("no DTOs found in the listing", source, first_line)
    return [svc]
