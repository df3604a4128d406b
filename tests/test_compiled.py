"""The compiled-rule cache and the lexicon table: data on disk, reused, rebuilt when bad."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mtcheck import compiled, lexicon
from mtcheck.loader import load_rules
from mtcheck.resources import rules_dir


def _fresh_rules():  # type: ignore[no-untyped-def]
    return load_rules([rules_dir()])


def test_derived_values_are_written_then_read_back(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    first = _fresh_rules()
    compiled.prepare(first, tmp_path)
    [written] = list(tmp_path.glob("compiled-*.json"))
    data = json.loads(written.read_text(encoding="utf-8"))
    assert data["MT105"]["_anchors"] == sorted(
        first[[r.info.id for r in first].index("MT105")].anchors()
    )

    second = _fresh_rules()
    monkeypatch.setattr(
        "mtcheck.kinds.phrase.PhraseRule.derive_anchors",
        lambda self: pytest.fail("derived again despite a valid cache"),
    )
    compiled.prepare(second, tmp_path)
    assert [r.anchors() for r in second] == [r.anchors() for r in first]
    assert [getattr(r, "reach", None) for r in second] == [getattr(r, "reach", None) for r in first]


def test_an_invalid_compiled_cache_is_ignored_and_rewritten(tmp_path: Path) -> None:
    rules = _fresh_rules()
    compiled.prepare(rules, tmp_path)
    [written] = list(tmp_path.glob("compiled-*.json"))
    data = json.loads(written.read_text(encoding="utf-8"))
    data["MT105"]["reach"] = ["x", 1, 2, 3]
    written.write_text(json.dumps(data), encoding="utf-8")
    again = _fresh_rules()
    compiled.prepare(again, tmp_path)
    assert [r.anchors() for r in again] == [r.anchors() for r in rules]
    assert json.loads(written.read_text(encoding="utf-8"))["MT105"]["reach"][0] != "x"


def test_a_corrupt_lexicon_table_is_rebuilt(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(tmp_path))
    table = tmp_path / f"lexicon-v{lexicon._FORMAT}-{lexicon._source_stamp()}.sqlite"
    table.write_bytes(b"not a database at all" * 100)
    fresh = lexicon._Table()
    assert fresh.lookup("en", "the") > 7.0 and fresh.lookup("es", "que") > 7.0
    assert fresh.lookup("en", "qzxv") == 0.0
    assert table.read_bytes()[:15] == b"SQLite format 3"
