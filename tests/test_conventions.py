"""The conventions users of ruff and Vale rely on (issue 16), each through ``main(argv)``."""

from __future__ import annotations

from pathlib import Path

import pytest

GLUED = "Vladimir Putinvisited Belarus on Monday with his ministers.\n"


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(GLUED, encoding="utf-8")
    return path


# Unknown codes in the config -------------------------------------------------------------


@pytest.mark.parametrize(
    ("table", "line", "suggested"),
    [
        ('select = ["MT8"]\nignore = [\n  "MT801",\n  "calqeu",\n]\n', 5, "'calque'"),
        ('extend-select = ["glued-wrods"]\n', 2, "'glued-words'"),
        ('[tool.mtcheck.severity]\nMT801 = "info"\ncasnig = "error"\n', 4, "'casing'"),
        ('[tool.mtcheck.per-file-ignores]\n"old/**" = ["calques"]\n', 3, "'calque'"),
        ('extend-safe-fixes = ["MT8O1"]\n', 2, "'MT801'"),
    ],
)
def test_an_unknown_code_in_the_config_is_an_error_naming_file_line_and_suggestion(
    run, tmp_path, article, table, line, suggested
):
    config = tmp_path / "pyproject.toml"
    config.write_text("[tool.mtcheck]\n" + table, encoding="utf-8")
    result = run("check", str(article))
    assert result.code == 2
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert f"{config}:{line}: " in lines[0]
    assert "unknown rule code" in lines[0] and f"did you mean {suggested}" in lines[0]
    assert result.out == ""


def test_known_codes_in_the_config_still_work(run, tmp_path, article):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.mtcheck]\nignore = ["MT8", "casing", "glued-words"]\n'
        '[tool.mtcheck.severity]\nMT1 = "info"\n',
        encoding="utf-8",
    )
    result = run("check", str(article))
    assert result.code == 0 and result.err == ""


def test_a_team_rule_is_a_known_code(run, tmp_path, article):
    rules = tmp_path / "house"
    rules.mkdir()
    (rules / "house.toml").write_text(
        '[[rule]]\nid = "HS001"\nname = "house-ministers"\ncategory = "calque"\n'
        'kind = "phrase"\nmessage = "House style"\nmatch = ["his ministers"]\n'
        'replace = ["his cabinet"]\nfix = "safe"\n'
        'examples = [{ text = "his ministers", fixed = "his cabinet" }]\n'
        'counterexamples = ["her aides"]\n',
        encoding="utf-8",
    )
    (tmp_path / "pyproject.toml").write_text(
        '[tool.mtcheck]\nextra-rules = ["house"]\n', encoding="utf-8"
    )
    assert "HS001" in run("check", "--format", "concise", str(article)).out
    (tmp_path / "pyproject.toml").write_text(
        '[tool.mtcheck]\nextra-rules = ["house"]\nignore = ["HS001", "MT8"]\n', encoding="utf-8"
    )
    result = run("check", str(article))
    assert result.code == 0 and result.err == ""
