"""One content repository — Markdown and HTML articles, a config, a baseline — through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

MD = """---
title: "Putin meets Lukashenko in belarus"
---
Vladimir **Putin**visited Minsk on monday. Putin spoke.

<!-- mtcheck: ignore MT812 -->
The talks began on tuesday.
"""
HTML = """<p>The president <a href="https://example.com">Gustavo Petro</a>defended the reform.</p>
<p>SIGHT: More news</p>
"""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "putin.md").write_text(MD, encoding="utf-8")
    (tmp_path / "articles" / "petro.html").write_text(HTML, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.mtcheck]\ncrossref-label = "RELATED:"\nfail-on = "warning"\n'
        '[tool.mtcheck.severity]\nMT811 = "error"\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_repository_end_to_end(run, repo: Path) -> None:
    report = json.loads(run("check", "--format", "json", "articles").out)
    found = {
        (Path(f["path"]).name, g["rule"], g["severity"])
        for f in report["files"]
        for g in f["findings"]
    }
    assert ("putin.md", "MT811", "error") in found  # severity override
    assert ("putin.md", "MT801", "warning") in found
    assert ("petro.html", "MT801", "warning") in found and (
        "petro.html",
        "MT001",
        "warning",
    ) in found
    assert sum(1 for f in found if f[1] == "MT812") == 1  # "tuesday" is suppressed, "monday" not

    github = run("check", "--format", "github", "articles").out
    assert "::error file=articles/putin.md,line=2,col=" in github

    assert run("check", "--write-baseline", ".mtcheck-baseline.json", "articles").code == 0
    assert run("check", "--baseline", ".mtcheck-baseline.json", "articles").code == 0

    fixed = run("fix", "--write", "articles")
    assert fixed.code in (0, 1)
    html = (repo / "articles" / "petro.html").read_text(encoding="utf-8")
    assert '<a href="https://example.com">Gustavo Petro</a> defended' in html
    assert "<p>RELATED: More news</p>" in html
    markdown = (repo / "articles" / "putin.md").read_text(encoding="utf-8")
    assert "Vladimir **Putin** visited Minsk on Monday." in markdown
    assert 'title: "Putin meets Lukashenko in Belarus"' in markdown
    assert "The talks began on tuesday." in markdown  # suppressed, so not fixed
    stale = run("check", "--baseline", ".mtcheck-baseline.json", "--prune-baseline", "articles")
    assert "Pruned" in stale.err and stale.code == 0
