from __future__ import annotations

import json
from pathlib import Path

ARTICLE = "Vladimir Putinvisited belarus on Monday. Putin spoke.\n\nSIGHT: Other news\n"


def test_baseline_reports_only_new_findings(run, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    baseline = tmp_path / "base.json"
    first = run("check", "--format", "json", "--write-baseline", str(baseline), str(article))
    # Writing the baseline is the job asked for: it succeeds, and reports nothing.
    assert first.code == 0 and first.out == ""
    assert "Baseline written to" in first.err and "3 findings in 1 file." in first.err
    entries = json.loads(baseline.read_text(encoding="utf-8"))["entries"]
    assert {e["rule"] for e in entries} == {"MT801", "MT811", "MT001"}
    clean = run("check", "--format", "concise", "--baseline", str(baseline), str(article))
    assert clean.code == 0 and clean.out == ""
    # An edit elsewhere (a new paragraph on top) does not bring old findings back...
    article.write_text("A new first paragraph.\n\n" + ARTICLE + "\nIn lima, they met.\n")
    moved = run("check", "--format", "concise", "--baseline", str(baseline), str(article))
    lines = moved.out.splitlines()
    # ...but a new artefact is reported.
    assert len(lines) == 1 and "MT811" in lines[0] and "lima" in lines[0]


def test_stale_entries_are_reported_and_pruned(run, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    baseline = tmp_path / "base.json"
    run("check", "--write-baseline", str(baseline), str(article))
    article.write_text(ARTICLE.replace("Putinvisited", "Putin visited"), encoding="utf-8")
    stale = run("check", "--baseline", str(baseline), str(article))
    assert "1 entry matches nothing any more" in stale.err
    pruned = run("check", "--baseline", str(baseline), "--prune-baseline", str(article))
    assert "Pruned 1 stale entry" in pruned.err
    rules = {e["rule"] for e in json.loads(baseline.read_text(encoding="utf-8"))["entries"]}
    assert rules == {"MT811", "MT001"}


def test_bad_baseline_is_an_input_error(run, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    result = run("check", "--baseline", str(bad), str(article))
    assert result.code == 2 and str(bad) in result.err and "cannot read baseline" in result.err
