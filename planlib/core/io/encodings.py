"""Which bytes a file holds and how to read them as text, decided once for the whole file.

A table may be UTF-8 (with or without BOM), UTF-16 with its BOM (Excel's
"Unicode text") or cp1252 (French Excel); an export may weigh up to the size
cap. Every refusal names the file and, where it can, the row.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import PlanError, Problem

BOM = "\ufeff"
MAX_FILE_BYTES = 200 * 1024 * 1024  # a plan file past this is not a plan: refused before it is read
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")


def read_bytes(path: Path, label: str | None = None) -> bytes:
    """A file's bytes, refused with a located problem past MAX_FILE_BYTES."""
    path = Path(path)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise PlanError([Problem(label or path.name, None, None, "file_too_big",
                                 {"size_mb": size // 2**20, "limit_mb": MAX_FILE_BYTES // 2**20}, "file_size")])
    return path.read_bytes()


BINARY_SIGNATURES = {  # how each kind of file people mistake for a table starts
    b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG", b"GIF8": "GIF", b"%PDF-": "PDF",
    b"PK\x03\x04": "ZIP", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1": "XLS", b"\x1f\x8b": "GZIP",
    b"SQLite format 3\x00": "SQLITE", b"\x7fELF": "ELF", b"RIFF": "RIFF",
}


def binary_kind(data: bytes) -> str | None:
    """The kind of a file that is not text (PNG, PDF, ZIP for an xlsx...), from its first bytes."""
    return next((kind for start, kind in BINARY_SIGNATURES.items() if data.startswith(start)), None)


def decode(data: bytes, label: str = "") -> tuple[str, str]:
    """Text and encoding of one file, decided for the whole file.

    UTF-8 (with or without BOM), UTF-16 with its BOM (Excel's "Unicode text"),
    else cp1252 (French Excel). A file that is none of these, or that mixes
    UTF-8 with another encoding (reading it as cp1252 would turn its accents
    into mojibake that a save would then keep), is a problem naming its first
    bad row: the kit never reads, nor writes back, text it could not read faithfully.
    """
    _refuse_binary(data, label)
    if data.startswith(BOM.encode()):
        return _decoded(data[3:], "utf-8", "utf-8-sig", label)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decoded(data, "utf-16", "utf-16", label)
    _refuse_nul(data, label)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        return _cp1252(data, error.start, label), "cp1252"


def _refuse_binary(data: bytes, label: str) -> None:
    """An image, a PDF, a workbook saved under a table's name: said for the whole file, not a row."""
    kind = binary_kind(data)
    if kind:
        raise PlanError([Problem(label, None, None, "binary_file", {"kind": kind}, "text_table")])


def _refuse_nul(data: bytes, label: str) -> None:
    """UTF-16 without its BOM, or not text at all."""
    if b"\x00" in data:
        raise PlanError([Problem(label, _row_of(data, data.index(b"\x00")), None, "not_text", {}, "encoding")])


def _cp1252(data: bytes, utf8_error: int, label: str) -> str:
    """The text of a file that is not UTF-8, read as cp1252; refused when it holds UTF-8 elsewhere (a mixed
    file) or bytes cp1252 does not have. `utf8_error`: the offset of its first byte that is not UTF-8."""
    if _UTF8_MULTIBYTE.search(data[:utf8_error]) or _UTF8_MULTIBYTE.search(data[utf8_error + 1:]):
        raise PlanError([Problem(label, _row_of(data, utf8_error), None, "mixed_encoding", {}, "encoding")])
    return _decoded(data, "cp1252", "cp1252", label)[0]


def text_bytes(data: bytes, label: str = "") -> tuple[bytes, int, str, str]:
    """(bytes, offset of the text, codec of those bytes, the file's encoding): `decode`'s decision without the text.

    A large export is worked on as bytes; the text of a 200 MB file would cost
    up to four times its size. UTF-8 and cp1252 bytes are kept as they are (past a BOM),
    UTF-16 becomes UTF-8; the same refusals as `decode`, at the same rows."""
    _refuse_binary(data, label)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, _ = _decoded(data, "utf-16", "utf-16", label)
        return text.encode("utf-8"), 0, "utf-8", "utf-16"
    start = 3 if data.startswith(BOM.encode()) else 0
    if not start:
        _refuse_nul(data, label)
    error = _utf8_error(data, start)
    if error is None:
        return data, start, "utf-8", "utf-8-sig" if start else "utf-8"
    if start:
        raise PlanError([Problem(label, _row_of(data, error), None, "undecodable", {"encoding": "utf-8-sig"},
                                 "encoding")])
    _cp1252(data, error, label)  # readable as cp1252, or refused as mixed or undecodable
    return data, 0, "cp1252", "cp1252"


def _utf8_error(data: bytes, start: int, chunk: int = 1 << 22) -> int | None:
    """Offset of the first byte that is not UTF-8, checked a few megabytes at a time; None when all is."""
    import codecs

    decoder = codecs.getincrementaldecoder("utf-8")()
    for at in range(start, len(data), chunk):
        pending = len(decoder.getstate()[0])  # the start of a character cut by the previous chunk
        try:
            decoder.decode(data[at:at + chunk], final=at + chunk >= len(data))
        except UnicodeDecodeError as error:
            return at - pending + error.start
    return None


def _decoded(data: bytes, codec: str, name: str, label: str) -> tuple[str, str]:
    try:
        return data.decode(codec), name
    except UnicodeDecodeError as error:
        raise PlanError([Problem(label, _row_of(data, error.start), None, "undecodable",
                                 {"encoding": name}, "encoding")]) from None


def _row_of(data: bytes, offset: int) -> int:
    """Line number (from 1) of a byte offset; UTF-16 counts its two-byte line feeds."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data[:offset].decode("utf-16", errors="replace").count("\n") + 1
    return data[:offset].count(b"\n") + 1
