from __future__ import annotations

import codecs

import pytest

from mtcheck.api import fix_document
from mtcheck.document import Document, decode
from mtcheck.errors import InputError


def test_positions_are_one_based_code_points() -> None:
    doc = Document("añb\r\nsecond\rthird\nfourth")
    assert doc.position(0) == (1, 1)
    assert doc.position(2) == (1, 3)
    assert doc.position(5) == (2, 1)  # after \r\n
    assert doc.position(12) == (3, 1)  # after a lone \r
    assert doc.position(len(doc.text)) == (4, 7)
    with pytest.raises(ValueError):
        doc.position(len(doc.text) + 1)


def test_line_bounds_exclude_the_break() -> None:
    doc = Document("one\r\ntwo\n")
    assert doc.line_bounds(1) == (0, 3, 5)
    assert doc.line_bounds(2) == (5, 8, 9)
    assert doc.line_count == 3


@pytest.mark.parametrize(
    "raw",
    [
        b"Putinvisited Minsk. Putin spoke.\r\nSIGHT: News\r\n",
        codecs.BOM_UTF8 + b"Putinvisited Minsk. Putin spoke.\nSIGHT: News\r\n",
        b"Putinvisited Minsk. Putin spoke.\rSIGHT: News",
    ],
)
def test_bom_and_line_endings_survive_a_fix(raw: bytes) -> None:
    doc = decode(raw, "a.txt")
    fixed = doc.with_text(fix_document(doc).text).encode()
    expected = raw.replace(b"Putinvisited", b"Putin visited").replace(b"SIGHT:", b"SEE ALSO:")
    assert fixed == expected


def test_utf16_with_bom_round_trips() -> None:
    raw = codecs.BOM_UTF16_LE + "Lima, Perú\r\n".encode("utf-16-le")
    doc = decode(raw, "a.txt")
    assert doc.text == "Lima, Perú\r\n"
    assert doc.encode() == raw


def test_explicit_encoding() -> None:
    doc = decode("Perú".encode("latin-1"), "a.txt", "latin-1")
    assert doc.text == "Perú"
    with pytest.raises(InputError, match="cannot decode as nope"):
        decode(b"x", "a.txt", "nope")


def test_protected_spans_cover_urls_and_addresses() -> None:
    doc = Document("See www.elcomercio.pe/politica or mail a@b.com, #Peru @user.")
    for needle in ("www.elcomercio.pe/politica", "a@b.com", "#Peru", "@user"):
        start = doc.text.index(needle)
        assert doc.is_protected(start, start + len(needle))
    assert not doc.is_protected(0, 3)
