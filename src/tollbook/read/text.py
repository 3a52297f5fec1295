"""Bytes → text: size limits, binary detection and decoding.

Plain text is kept exactly as decoded (every span of the report indexes it), so this module
only decides *how* to decode, never what to change. The order is: a byte-order mark, strict
UTF-8, an HTML meta charset when the caller sniffed one, cp1252 (Windows "smart quotes"),
and latin-1, which decodes anything.
"""

from __future__ import annotations

import codecs
import re
import sys
from pathlib import Path
from typing import BinaryIO

from tollbook.errors import BinaryInput, EmptyInput, TooLarge, UnreadablePath

# Longest BOM first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Leading bytes of formats people feed by mistake, named so the message says what it was.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF file"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"PK\x03\x04", "a ZIP archive (or an office document)"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"\x7fELF", "an executable"),
)

# C0 controls other than tab, newline, vertical tab, form feed and carriage return, plus DEL.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.05
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)


def label(name: str | None) -> str:
    """How the input is named in error messages."""
    return "standard input" if name in (None, "-") else str(name)


def read_file_bytes(path: Path, max_bytes: int) -> bytes:
    """The bytes of a file, refusing what cannot be read or is over the size limit."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise UnreadablePath(f"{path}: no such file") from None
    except OSError as error:
        raise UnreadablePath(f"{path}: cannot be read ({error.strerror or error})") from None
    if path.is_dir():
        raise UnreadablePath(f"{path}: is a directory, not a report")
    # Check the size before reading, so a multi-gigabyte file is never loaded.
    if info.st_size > max_bytes:
        raise TooLarge(f"{path}: {info.st_size:,} bytes is over the limit of {max_bytes:,} bytes")
    try:
        return path.read_bytes()
    except PermissionError:
        raise UnreadablePath(f"{path}: permission denied") from None
    except OSError as error:
        raise UnreadablePath(f"{path}: cannot be read ({error.strerror or error})") from None


def read_stream_bytes(stream: BinaryIO | None, max_bytes: int) -> bytes:
    """Read stdin (or another stream) with a cap of one byte over the limit."""
    stream = stream if stream is not None else sys.stdin.buffer
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise TooLarge(f"standard input: more than {max_bytes:,} bytes (the limit)")
    return data


def check_size(size: int, max_bytes: int, name: str | None) -> None:
    if size > max_bytes:
        raise TooLarge(f"{label(name)}: {size:,} bytes is over the limit of {max_bytes:,} bytes")


def decode(data: bytes, *, name: str | None = None, declared: str | None = None) -> str:
    """Decode bytes to text, or raise BinaryInput / EmptyInput naming the input."""
    _refuse_known_binary(data, name)
    text = _decode_bom(data) or _decode_bomless_utf16(data) or _decode_plain(data, declared)
    check_text(text, name)
    return text


def check_text(text: str, name: str | None) -> None:
    """Refuse text that is empty or looks like binary data."""
    if not text.strip():
        raise EmptyInput(f"{label(name)}: the input is empty")
    if "\x00" in text:
        raise BinaryInput(f"{label(name)}: contains NUL bytes; this is not a text report")
    controls = len(_CONTROL.findall(text))
    if controls > _MAX_CONTROL_SHARE * len(text):
        raise BinaryInput(f"{label(name)}: mostly control characters; this is not a text report")


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag near its top, if Python knows it."""
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None


def _refuse_known_binary(data: bytes, name: str | None) -> None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise BinaryInput(f"{label(name)}: looks like {what}, not a text report")


def _decode_bom(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _decode_bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a mark: ASCII-range text has a NUL in every other byte."""
    sample = data[:4000]
    if len(sample) < 8 or len(sample) % 2:
        return None
    half = len(sample) / 2
    even_nuls, odd_nuls = sample[0::2].count(0) / half, sample[1::2].count(0) / half
    if even_nuls > 0.7 and odd_nuls < 0.1:
        encoding = "utf-16-be"  # the high byte, zero for ASCII, comes first
    elif odd_nuls > 0.7 and even_nuls < 0.1:
        encoding = "utf-16-le"
    else:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _decode_plain(data: bytes, declared: str | None) -> str:
    # A declared charset comes after strict UTF-8: pages often declare latin-1 yet send UTF-8.
    for encoding in ("utf-8", declared, "cp1252"):
        if encoding is None:
            continue
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("latin-1")
