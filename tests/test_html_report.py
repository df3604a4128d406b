"""The HTML report without a browser: palette contrast, escaping, mapping, the CLI."""

from __future__ import annotations

import json
import re
from pathlib import Path

from mtcheck.document import Document
from mtcheck.engine import check, default_ruleset
from mtcheck.html_report import check_page
from mtcheck.html_report.articles import article_data
from mtcheck.html_report.palette import STYLES, contrast
from mtcheck.results import FileResult


def _result(text: str, path: str = "a.txt", syntax: str = "txt") -> FileResult:
    document = Document(text, path=path, syntax=syntax)
    return FileResult(path, document, tuple(check(document, default_ruleset())))


def test_palette_passes_wcag_aa() -> None:
    for style in STYLES.values():
        assert contrast(style.colour, style.ink) >= 4.5, style.category  # badge label
        assert contrast(style.tint, "#000000") >= 4.5, style.category  # marked text
        assert contrast(style.line, style.tint) >= 3.0, style.category  # underline
    # Colour is never the only cue: no two categories share label and pattern.
    cues = {(s.label, s.colour, s.underline) for s in STYLES.values()}
    assert len(cues) == len(STYLES) == len({s.label for s in STYLES.values()})


def test_article_markup_cannot_escape_the_data() -> None:
    text = "SIGHT: news </script><script>alert(1)</script> <!-- <img src=x onerror=alert(2)>\n"
    page = check_page([_result(text)])
    # The only script elements are the JSON data and the report's own code.
    opened = re.findall(r"<script[^>]*>", page)
    assert opened == [
        '<script type="application/json" id="mt-index">',
        '<script type="application/json" id="mt-a-0">',
        "<script>",
    ]
    assert "<img" not in page and "alert(1)</script>" not in page
    data = re.search(r'id="mt-a-0">(.*?)</script>', page, re.S)
    assert data is not None
    assert json.loads(data.group(1))["text"] == text  # intact, once parsed


def test_policy_forbids_the_network_and_foreign_scripts() -> None:
    page = check_page([_result("SIGHT: news\n")])
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page)
    assert policy is not None
    rules = policy.group(1).replace("&#39;", "'")
    assert "default-src 'none'" in rules
    assert "script-src 'sha256-" in rules and "unsafe-inline" not in rules
    assert "http" not in page.split("<script>")[0].replace("http-equiv", "")


def test_markdown_findings_map_to_the_prose_shown() -> None:
    source = "# Title\n\n**Vladimir Putin**visited Minsk with lukashenko.\n"
    data = article_data(_result(source, "a.md", "md"))
    assert "**" not in data["text"] and "#" not in data["text"]
    shown = {f["rule"]: data["text"][f["start"] : f["end"]] for f in data["findings"]}
    assert shown["MT801"] == "Putinvisited"
    assert shown["MT811"] == "lukashenko"


def test_proposed_change_is_a_word_diff() -> None:
    data = article_data(_result("Vladimir Putinvisited Minsk.\n"))
    (finding,) = [f for f in data["findings"] if f["rule"] == "MT801"]
    assert ["delete", "Putinvisited"] in finding["change"]
    assert ["insert", "Putin visited"] in finding["change"]
    assert finding["fix"] == "safe"


def test_output_file_takes_any_format(run, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("SIGHT: news\n", encoding="utf-8")
    report = tmp_path / "report.json"
    result = run("check", "--format", "json", "--output-file", str(report), str(article))
    assert result.code == 1 and result.out == ""
    assert json.loads(report.read_text(encoding="utf-8"))["files"][0]["findings"]
    page = tmp_path / "report.html"
    assert run("check", "--format", "html", "-o", str(page), str(article)).code == 1
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert page.stat().st_mode & 0o044  # readable by others, not a temp file's 0600


def test_output_file_that_cannot_be_written(run, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("SIGHT: news\n", encoding="utf-8")
    result = run("check", "-o", str(tmp_path / "no" / "such" / "r.txt"), str(article))
    assert result.code == 2
    assert "cannot write" in result.err and "r.txt" in result.err


def test_fix_html_page_and_its_limits(run, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Vladimir Putinvisited Minsk.\n", encoding="utf-8")
    result = run("fix", "--diff", "--format", "html", str(article))
    assert result.code == 1
    assert "<del>Putinvisited</del><ins>Putin visited</ins>" in result.out
    assert "Would fix 1 finding" in result.err  # the page owns standard output
    refused = run("fix", "--stdout", "--format", "html", str(article))
    assert refused.code == 2 and "--stdout" in refused.err
