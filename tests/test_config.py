"""A content repository with [tool.mtcheck] in pyproject.toml, driven through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ARTICLE = (
    "Vladimir Putinvisited belarus on the 19 of December. Putin spoke.\n\n"
    "The overall maximum of the army said no.\n\nSIGHT: Other news\n"
)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "articles" / "2024").mkdir(parents=True)
    (tmp_path / "articles" / "2024" / "a.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "articles" / "legacy").mkdir()
    (tmp_path / "articles" / "legacy" / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "articles" / "drafts").mkdir()
    (tmp_path / "articles" / "drafts" / "c.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "articles")
    return tmp_path


def _config(repo: Path, body: str) -> None:
    (repo / "pyproject.toml").write_text(f"[tool.mtcheck]\n{body}\n", encoding="utf-8")


def _rules(run, *args: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    report = json.loads(run("check", "--format", "json", *args).out)
    return [(Path(f["path"]).name, g["rule"]) for f in report["files"] for g in f["findings"]]


def test_config_found_walking_up_and_applied(run, repo: Path) -> None:
    _config(
        repo,
        'ignore = ["MT1"]\n'
        'extend-exclude = ["drafts/"]\n'
        '[tool.mtcheck.per-file-ignores]\n"articles/legacy/**" = ["casing"]\n',
    )
    rules = _rules(run, ".")
    assert ("c.txt", "MT801") not in rules  # drafts excluded
    assert ("b.txt", "MT811") not in rules and ("b.txt", "MT801") in rules  # per-file ignore
    assert ("a.md", "MT811") in rules
    assert not any(rule.startswith("MT1") for _, rule in rules)  # ignore by prefix


def test_select_cli_overrides_config(run, repo: Path) -> None:
    _config(repo, 'select = ["casing"]')
    assert {r for _, r in _rules(run, "2024")} == {"MT811"}
    assert {r for _, r in _rules(run, "--select", "MT801", "2024")} == {"MT801"}
    assert len({r for _, r in _rules(run, "--isolated", "2024")}) > 2


def test_severity_and_fail_on(run, repo: Path) -> None:
    _config(repo, 'fail-on = "error"\n[tool.mtcheck.severity]\nMT801 = "error"')
    assert run("check", "2024").code == 1
    _config(repo, 'fail-on = "error"')
    assert run("check", "2024").code == 0  # only warnings: below the gate


def test_fix_safety_and_house_style(run, repo: Path) -> None:
    _config(
        repo,
        'extend-safe-fixes = ["MT101"]\ncrossref-label = "RELATED:"\ndate-style = "uk"\n'
        "extend-unsafe-fixes = []",
    )
    fixed = run("fix", "--stdout", "--unsafe-fixes", "2024/a.md").out
    assert "RELATED: Other news" in fixed and "on 19 December." in fixed
    safe_only = run("fix", "--stdout", "2024/a.md").out
    assert "The commander-in-chief of the army" in safe_only  # MT101 made safe
    _config(repo, "remove-related-links = true")
    assert "Other news" not in run("fix", "--stdout", "2024/a.md").out


def test_extra_rules_from_config(run, repo: Path) -> None:
    house = repo / "house-rules"
    house.mkdir()
    (house / "house.toml").write_text(
        '[[rule]]\nid = "HS001"\nname = "house-army"\ncategory = "calque"\nkind = "phrase"\n'
        'message = "House style: say forces"\nmatch = ["the army"]\nreplace = ["the forces"]\n'
        'fix = "safe"\nexamples = [{ text = "the army", fixed = "the forces" }]\n'
        'counterexamples = ["an army"]\n',
        encoding="utf-8",
    )
    _config(repo, 'extra-rules = ["house-rules"]')
    assert ("a.md", "HS001") in _rules(run, "2024")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("colour = 1", "[tool.mtcheck] colour: unknown key"),
        ('fail-on = "fatal"', "[tool.mtcheck] fail-on: unknown severity 'fatal'"),
        ('date-style = "iso"', "[tool.mtcheck] date-style: must be"),
        ("jobs = -1", "[tool.mtcheck] jobs: must be a whole number"),
    ],
)
def test_bad_config_names_file_and_key(run, repo: Path, body: str, message: str) -> None:
    _config(repo, body)
    result = run("check", "2024")
    assert result.code == 2
    assert str(repo / "pyproject.toml") in result.err and message in result.err


def test_explicit_config_file(run, repo: Path, tmp_path: Path) -> None:
    config = tmp_path / "elsewhere.toml"
    config.write_text('select = ["crossref-label"]\n', encoding="utf-8")
    assert {r for _, r in _rules(run, "--config", str(config), "2024")} == {"MT001"}
    assert run("check", "--config", str(tmp_path / "missing.toml"), "2024").code == 2
