"""Markdown and HTML: prose extraction, exact source positions, markup left intact."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from mtcheck.api import check_document, fix_document
from mtcheck.document import Document
from mtcheck.formats import extract, syntax_for
from mtcheck.formats.markdown import CODE_PLACEHOLDER

MD = """---
title: "Putin meets Lukashenko in belarus"
date: 2024-12-19
slug: putinvisited-minsk
---
# Putin visits Minsk

Vladimir **Putin**visited [Lukashenko](https://example.com/is)is in Minsk &amp; more.
The `Putinvisited` code and the *Kremlin*said nothing.

**SIGHT:** Russia announces exercises

**Share this article:**

| name | note |
|------|------|
| Putin | lukashenko said |
"""

HTML = """<html><head><title>Putin in Minsk</title><style>p { color: red }</style></head>
<body><h1>Putin visits Minsk</h1>
<p>Vladimir <strong>Putin</strong>visited <a href="https://example.com/is">Lukashenko</a>is in
belarus &amp; more.</p>
<script>var Putinvisited = 1;</script>
<p><b>SIGHT:</b> Russia announces exercises</p>
<p>Share this article:</p>
<p>Last words.</p>
</body></html>
"""


def _doc(text: str, syntax: str) -> Document:
    return Document(text, path=f"a.{syntax}", syntax=syntax)


def test_syntax_by_extension() -> None:
    assert syntax_for("a.md") == syntax_for("b.MARKDOWN") == "md"
    assert syntax_for("a.html") == syntax_for("a.htm") == "html"
    assert syntax_for("a.txt") == syntax_for("notes") == "txt"


def test_markdown_prose_keeps_markup_boundaries_glued() -> None:
    prose = extract(MD, "md").prose
    assert "Vladimir Putinvisited Lukashenkois in Minsk & more." in prose
    assert "Putin meets Lukashenko in belarus" in prose  # front-matter title is prose
    assert "2024-12-19" not in prose and "putinvisited-minsk" not in prose  # other keys are not
    assert "example.com" not in prose and "Putinvisited` code" not in prose
    assert f"The {CODE_PLACEHOLDER} code" in prose


def test_markdown_findings_point_at_source() -> None:
    document = _doc(MD, "md")
    findings = check_document(document)
    for finding in findings:
        assert MD[finding.span.start : finding.span.end] == finding.matched
    flagged = {f.matched for f in findings}
    assert "belarus" in flagged and "Putin**visited" in flagged and "SIGHT:" in flagged
    assert "lukashenko" in flagged and "Kremlin*said" in flagged
    line, column = document.position(next(f for f in findings if f.matched == "belarus").span.start)
    assert (line, column) == (2, 35)


def test_markdown_fix_leaves_markup_intact() -> None:
    fixed = fix_document(_doc(MD, "md")).text
    assert (
        "Vladimir **Putin** visited [Lukashenko](https://example.com/is) is in Minsk &amp;" in fixed
    )
    assert "the *Kremlin* said nothing" in fixed
    assert "**SEE ALSO:** Russia announces exercises" in fixed
    assert "Share this article" not in fixed
    assert 'title: "Putin meets Lukashenko in Belarus"' in fixed
    assert "| Putin | Lukashenko said |" in fixed
    assert "`Putinvisited`" in fixed and "slug: putinvisited-minsk" in fixed


def test_html_prose_and_fix() -> None:
    prose = extract(HTML, "html").prose
    assert "Vladimir Putinvisited Lukashenkois in\nbelarus & more." in prose
    assert "color: red" not in prose and "var Putinvisited" not in prose
    document = _doc(HTML, "html")
    for finding in check_document(document):
        assert HTML[finding.span.start : finding.span.end] == finding.matched
    fixed = fix_document(document).text
    assert "<strong>Putin</strong> visited" in fixed
    assert '<a href="https://example.com/is">Lukashenko</a> is in\nBelarus &amp; more.' in fixed
    assert "<b>SEE ALSO:</b> Russia" in fixed
    assert "Share this article" not in fixed and "<p>Last words.</p>" in fixed
    assert "var Putinvisited = 1;" in fixed


def test_cli_checks_markdown_and_html(run, tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(MD, encoding="utf-8")
    (tmp_path / "b.html").write_text(HTML, encoding="utf-8")
    result = run("check", "--format", "concise", str(tmp_path))
    assert f"{tmp_path / 'a.md'}:2:35: MT811" in result.out
    assert f"{tmp_path / 'b.html'}:3:21: MT801" in result.out
    written = run("fix", "--write", str(tmp_path / "b.html"))
    assert written.code in (0, 1)
    assert "<strong>Putin</strong> visited" in (tmp_path / "b.html").read_text(encoding="utf-8")
    forced = run("check", "--format", "concise", "--syntax", "txt", str(tmp_path / "a.md"))
    assert "Putin**visited" not in forced.out  # as plain text the markup hides the glue


def test_fix_inside_markup_is_kept_and_across_markup_withheld() -> None:
    inside = _doc("The talks **in the framework** of the summit.\n", "md")
    finding = next(f for f in check_document(inside) if f.rule_id == "MT105")
    assert finding.fix is not None  # "in the framework" -> "as part" stays inside the bold
    across = _doc("Before the **pandemic** of covid, Lima was calm.\n", "md")
    finding = next(f for f in check_document(across) if f.rule_id == "MT103")
    assert finding.fix is None and "fix withheld" in finding.message


# Property: artefacts at markup boundaries; fixing never touches a byte of markup.
NAMES = ["Putin", "Lukashenko", "Petro", "Boric"]
WORDS = ["visited", "said", "and", "is", "met", "the", "minister", "in"]
MARKUP = re.compile(r"\*\*|\*|\[|\]\([^)]*\)|`[^`]*`|<[^>]+>")


@st.composite
def marked_up_article(draw: st.DrawFn, syntax: str) -> str:
    paragraphs = []
    for _ in range(draw(st.integers(1, 4))):
        parts = []
        for _ in range(draw(st.integers(2, 8))):
            name = draw(st.sampled_from(NAMES))
            word = draw(st.sampled_from(WORDS))
            style = draw(st.sampled_from(["plain", "bold", "em", "link", "code"]))
            glue = "" if draw(st.booleans()) else " "
            if syntax == "md":
                wrapped = {
                    "plain": name,
                    "bold": f"**{name}**",
                    "em": f"*{name}*",
                    "link": f"[{name}](https://x.example/{word})",
                    "code": f"`{name}`",
                }[style]
            else:
                wrapped = {
                    "plain": name,
                    "bold": f"<strong>{name}</strong>",
                    "em": f"<em>{name}</em>",
                    "link": f'<a href="https://x.example/{word}">{name}</a>',
                    "code": f"<code>{name}</code>",
                }[style]
            parts.append(f"{wrapped}{glue}{word}")
        paragraph = "The " + " ".join(parts) + ". " + " ".join(NAMES) + " spoke."
        paragraphs.append(paragraph if syntax == "md" else f"<p>{paragraph}</p>")
    return "\n\n".join(paragraphs) + "\n"


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(["md", "html"]).flatmap(lambda s: st.tuples(st.just(s), marked_up_article(s)))
)
def test_fixing_never_changes_markup(case: tuple[str, str]) -> None:
    syntax, text = case
    document = _doc(text, syntax)
    for finding in check_document(document):
        assert text[finding.span.start : finding.span.end] == finding.matched
    fixed = fix_document(document).text
    assert MARKUP.findall(fixed) == MARKUP.findall(text)
    assert re.sub(r"\s+", "", fixed).lower() == re.sub(r"\s+", "", text).lower()
