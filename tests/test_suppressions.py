from __future__ import annotations

from pathlib import Path

from mtcheck.document import Document
from mtcheck.engine import check_with_suppressions, default_ruleset

TEXT = """Putinvisited belarus today. Putin spoke.
<!-- mtcheck: ignore MT801 -->
Lukashenkois in belarus. Lukashenko spoke.
<!-- mtcheck: off -->
SIGHT: hidden label
<!-- mtcheck: on -->
SIGHT: visible label
<!-- mtcheck: ignore casing -->
Nothing to hide here.
"""


def _rules(text: str, syntax: str = "txt") -> list[tuple[int, str]]:
    document = Document(text, syntax=syntax)
    findings, _ = check_with_suppressions(document, default_ruleset())
    return [(document.position(f.span.start)[0], f.rule_id) for f in findings]


def test_ignore_next_line_and_ranges() -> None:
    assert _rules(TEXT) == [(1, "MT801"), (1, "MT811"), (3, "MT811"), (7, "MT001")]


def test_ignore_file_and_markdown() -> None:
    assert _rules("<!-- mtcheck: ignore-file -->\nPutinvisited belarus. Putin.\n") == []
    markdown = "<!-- mtcheck: ignore glued-words -->\n**Putin**visited belarus. Putin.\n"
    assert _rules(markdown, "md") == [(2, "MT811")]


def test_unused_suppressions_are_reported(run, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    result = run("check", "--format", "concise", "--report-unused-suppressions", str(article))
    assert f"{article}:8: unused suppression (mtcheck: ignore casing) hides nothing" in result.err
    assert ":2: unused" not in result.err and result.code == 1
