"""A document owns its text and every offset into it.

The text is kept exactly as decoded: no BOM, line endings as in the file, no
padding. Offsets are code points into that text; lines and columns are 1-based.
"""

from __future__ import annotations

import bisect
import codecs
import re
import sys
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from mtcheck.errors import InputError
from mtcheck.files import DEFAULT_MAX_BYTES, FileStamp, read_regular

_BOMS = {
    "utf-8": codecs.BOM_UTF8,
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
    "utf-32-le": codecs.BOM_UTF32_LE,
    "utf-32-be": codecs.BOM_UTF32_BE,
}

_LINE_BREAK = re.compile(r"\r\n|\r|\n")

# Text that is not prose and must never be split, recased or rewritten.
_PROTECTED = re.compile(
    r"""(?xi)
    \b(?:https?://|ftp://|www\.)[^\s<>"“”]+      # URLs
    | \b[\w.+-]+@[\w-]+(?:\.[\w-]+)+               # e-mail addresses
    | (?<![\w@])[@#][A-Za-z_][\w]*                 # handles and hashtags
    | \b(?:[\w-]++\.)+(?:com|org|net|gob|gov|edu|pe|mx|co|ar|cl|es|ve|bo|ec|uy|py|
        br|io|info|tv|fm|ly|us|uk|eu|int)\b(?:/[^\s]*)?   # bare domains
    """
)


# Every protected span contains one of these; most articles contain none.
_PROTECTED_HINT = re.compile(
    r"[@#]|://|www\.|\.(?:com|org|net|gob|gov|edu|pe|mx|co|ar|cl|es|ve|bo|ec|uy|py|br|io|info|tv"
    r"|fm|ly|us|uk|eu|int)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Document:
    """Decoded text plus what is needed to write it back byte for byte."""

    text: str
    path: str = "<string>"
    encoding: str = "utf-8"
    bom: bool = False
    syntax: str = "txt"  # txt, md or html: how the prose is found in the text
    # The Spanish original this article translates, when the editor has it (--source).
    original: Document | None = field(default=None, compare=False, repr=False)
    # What the file was when read; a write goes ahead only if it still is (None: not a file).
    stamp: FileStamp | None = field(default=None, compare=False, repr=False)
    line_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        starts = [0]
        starts.extend(m.end() for m in _LINE_BREAK.finditer(self.text))
        object.__setattr__(self, "line_starts", tuple(starts))

    def position(self, offset: int) -> tuple[int, int]:
        """Return the 1-based (line, column) of a code-point offset."""
        if not 0 <= offset <= len(self.text):
            raise ValueError(f"offset {offset} outside document of length {len(self.text)}")
        line_index = bisect.bisect_right(self.line_starts, offset) - 1
        return line_index + 1, offset - self.line_starts[line_index] + 1

    def line_bounds(self, line: int) -> tuple[int, int, int]:
        """Return (start, end of content, end including the line break) of a 1-based line."""
        start = self.line_starts[line - 1]
        full_end = self.line_starts[line] if line < len(self.line_starts) else len(self.text)
        end = full_end
        while end > start and self.text[end - 1] in "\r\n":
            end -= 1
        return start, end, full_end

    @property
    def line_count(self) -> int:
        return len(self.line_starts)

    @cached_property
    def protected_spans(self) -> tuple[tuple[int, int], ...]:
        """URLs, addresses, handles and domains: never prose."""
        if not _PROTECTED_HINT.search(self.text):
            return ()
        return tuple((m.start(), m.end()) for m in _PROTECTED.finditer(self.text))

    def is_protected(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.protected_spans)

    def with_text(self, text: str) -> Document:
        """The same file with new text (after fixes)."""
        return Document(
            text,
            path=self.path,
            encoding=self.encoding,
            bom=self.bom,
            syntax=self.syntax,
            original=self.original,
            stamp=self.stamp,
        )

    def encode(self) -> bytes:
        """The bytes to write back: encoding, byte order, BOM and line endings as read.

        Raises UnicodeEncodeError when the text holds a character the encoding lacks.
        """
        data = self.text.encode(self.encoding)
        return (_BOMS.get(self.encoding, b"") + data) if self.bom else data


@dataclass(frozen=True)
class ReadOptions:
    """How to read articles: a forced encoding and syntax, or None to detect them;
    the real roots symlinks may lead into (empty: anywhere) and the size limit."""

    encoding: str | None = None
    syntax: str | None = None
    tree: tuple[str, ...] = ()
    max_bytes: int | None = DEFAULT_MAX_BYTES


def read(path: Path, options: ReadOptions) -> Document:
    return load(path, options.encoding, options.syntax, options.tree, options.max_bytes)


def decode(data: bytes, path: str, encoding: str | None = None, syntax: str = "txt") -> Document:
    """Decode file bytes into a Document, or raise InputError naming the file."""
    document = _decode(data, path, encoding)
    return replace(document, syntax=syntax) if syntax != "txt" else document


def _concrete(encoding: str, data: bytes) -> tuple[str, bool]:
    """The codec that writes the bytes back exactly, and whether they start with a BOM.

    ``utf-16`` and ``utf-32`` name no byte order and ``utf-8-sig`` always writes a
    BOM: each becomes the codec of the byte order found, with the BOM kept only
    if it was there.
    """
    name = codecs.lookup(encoding).name
    if name == "utf-8-sig":
        return "utf-8", data.startswith(codecs.BOM_UTF8)
    family = {"utf-16": ("utf-16-le", "utf-16-be"), "utf-32": ("utf-32-le", "utf-32-be")}
    if name in family:
        little, big = family[name]
        for concrete in (little, big):
            if data.startswith(_BOMS[concrete]):
                return concrete, True
        return little if sys.byteorder == "little" else big, False
    return name, bool(_BOMS.get(name)) and data.startswith(_BOMS[name])


def _decode(data: bytes, path: str, encoding: str | None) -> Document:
    if encoding:
        try:
            concrete, bom = _concrete(encoding, data)
            body = data[len(_BOMS[concrete]) :] if bom else data
            return Document(body.decode(concrete), path=path, encoding=concrete, bom=bom)
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(path, f"cannot decode as {encoding}: {exc}") from None
    for concrete in ("utf-16-le", "utf-16-be"):
        if data.startswith(_BOMS[concrete]):
            try:
                text = data[len(_BOMS[concrete]) :].decode(concrete)
            except UnicodeDecodeError as exc:
                raise InputError(path, f"invalid UTF-16: {exc.reason}") from None
            return Document(text, path=path, encoding=concrete, bom=True)
    if b"\x00" in data:
        raise InputError(path, "binary file (contains NUL bytes); skipped")
    bom = data.startswith(codecs.BOM_UTF8)
    body = data[len(codecs.BOM_UTF8) :] if bom else data
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = body.count(b"\n", 0, exc.start) + 1
        raise InputError(
            path, f"invalid UTF-8 at byte {exc.start} ({exc.reason}); try --encoding", line=line
        ) from None
    return Document(text, path=path, encoding="utf-8", bom=bom)


def load(
    path: Path,
    encoding: str | None = None,
    syntax: str | None = None,
    tree: tuple[str, ...] = (),
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> Document:
    """Read and decode one file; every failure is an InputError naming it.

    Only a regular file inside ``tree`` (see ``files.read_regular``) is read.
    The syntax comes from the extension (.md, .html) unless given.
    """
    name = str(path)
    data, stamp = read_regular(path, tree, max_bytes)
    if not data.strip():
        raise InputError(name, "empty file; nothing to check")
    from mtcheck.formats import syntax_for

    document = decode(data, name, encoding, syntax or syntax_for(path))
    return replace(document, stamp=stamp)


def removal_span(document: Document, line: int) -> tuple[int, int]:
    """The range to delete so a line disappears with the blank lines that set it apart.

    The blank lines before it go with it (so the paragraph spacing of the text
    above is kept); at the top of the file the blank lines after it go instead.
    """
    start, _, end = document.line_bounds(line)
    first = line
    while first > 1 and _is_blank(document, first - 1):
        first -= 1
    if first > 1:
        return document.line_bounds(first)[0], end
    last = line
    while last < document.line_count and _is_blank(document, last + 1):
        last += 1
    return start, document.line_bounds(last)[2]


def _is_blank(document: Document, line: int) -> bool:
    start, end, _ = document.line_bounds(line)
    return not document.text[start:end].strip()
