"""Golden files for every report format; SARIF validated against a schema."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest

from mtcheck.reporters import FORMATS
from mtcheck.version import __version__

GOLDEN = Path(__file__).resolve().parent / "golden"
SCHEMA = Path(__file__).resolve().parent / "sarif-2.1.0-subset.schema.json"
ARTICLE = 'Vladimir Putinvisited belarus, "a: b".\n\nThe people is tired.\n\nSIGHT: More news\n'


@pytest.fixture
def report(run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    Path("article.txt").write_text(ARTICLE, encoding="utf-8")

    def _report(name: str) -> str:
        result = run("check", "--format", name, "--color", "never", "article.txt")
        assert result.code == 1
        return result.out.replace(__version__, "VERSION")

    return _report


# full and html are tested on their own (test_html_report.py, test_html_browser.py).
@pytest.mark.parametrize("name", sorted(set(FORMATS) - {"full", "html"}))
def test_format_matches_golden_file(report, name: str) -> None:  # type: ignore[no-untyped-def]
    golden = GOLDEN / f"{name}.txt"
    output = report(name)
    if os.environ.get("MTCHECK_UPDATE_GOLDEN"):
        golden.write_text(output, encoding="utf-8")
    assert output == golden.read_text(encoding="utf-8")


def test_full_format(report) -> None:  # type: ignore[no-untyped-def]
    output = report("full")
    assert output.startswith("article.txt  quality 0.0/100\n  1:10    MT801  [glued-words]")
    assert "Found 5 findings in 1 of 1 file; 3 fixable with mtcheck fix" in output


def test_sarif_is_valid(report) -> None:  # type: ignore[no-untyped-def]
    log = json.loads(report("sarif"))
    jsonschema.validate(log, json.loads(SCHEMA.read_text(encoding="utf-8")))
    run = log["runs"][0]
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert rules == sorted(rules) and "MT801" in rules
    for result in run["results"]:
        assert rules[result["ruleIndex"]] == result["ruleId"]
        region = result["locations"][0]["physicalLocation"]["region"]
        start = region["charOffset"]
        assert ARTICLE[start : start + region["charLength"]] == region["snippet"]["text"]


def test_github_annotations_escape(report) -> None:  # type: ignore[no-untyped-def]
    lines = report("github").splitlines()
    assert lines[0].startswith("::warning file=article.txt,line=1,col=10,endLine=1,endColumn=22,")
    assert all(line.startswith("::") for line in lines)


def test_statistics(run, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE + "More belarus.\n", encoding="utf-8")
    out = run("check", "--format", "concise", "--statistics", str(article)).out
    assert "     2  MT811   lowercase-name                   [casing]" in out
    assert "by category: casing 2, glued-words 1, punctuation 1, grammar 1, crossref-label 1" in out


def test_quality_score_and_gate(run, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")  # 12 words, 5 warnings: 100 - 5000/12
    report = json.loads(run("check", "--format", "json", str(article)).out)["files"][0]
    assert report["words"] == 12 and report["score"] == 0.0
    long_text = ARTICLE + " ".join(["Lima is a city on the coast of Peru."] * 60) + "\n"
    article.write_text(long_text, encoding="utf-8")
    report = json.loads(run("check", "--format", "json", str(article)).out)["files"][0]
    assert report["score"] == round(100 - 5000 / report["words"], 1)
    assert run("check", "--exit-zero", "--fail-under", "90", str(article)).code == 0
    gate = run(
        "check", "--fail-under", "95", "--config", str(_fail_on_error(tmp_path)), str(article)
    )
    assert gate.code == 1


def _fail_on_error(folder: Path) -> Path:
    config = folder / "gate.toml"
    config.write_text('fail-on = "error"\n', encoding="utf-8")
    return config
