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


# Inline suppressions on the line itself and on the next line -------------------------------

_SAME_LINE = {
    "txt": "Vladimir Putinvisited Belarus. <!-- mtcheck: ignore MT801 -->\nLater, Lukashenkois here.\n",
    "md": "Vladimir **Putin**visited Belarus. <!-- mtcheck: ignore glued-words -->\n\n"
    "Later, Lukashenkois here.\n",
    "html": "<p>Vladimir Putinvisited Belarus. <!-- mtcheck: ignore MT801 --></p>\n"
    "<p>Later, Lukashenkois here.</p>\n",
}


@pytest.mark.parametrize("syntax", sorted(_SAME_LINE))
def test_a_suppression_on_the_line_of_the_artefact_covers_that_line_only(run, tmp_path, syntax):
    path = tmp_path / f"a.{syntax}"
    path.write_text(_SAME_LINE[syntax], encoding="utf-8")
    result = run(
        "check", "--isolated", "--format", "concise", "--report-unused-suppressions", str(path)
    )
    assert "Putinvisited" not in result.out
    assert "Lukashenkois" in result.out  # the next line is still checked
    assert "unused suppression" not in result.err


@pytest.mark.parametrize("kind", ["ignore-next-line", "ignore"])
@pytest.mark.parametrize("syntax", ["txt", "md", "html"])
def test_the_next_line_form_and_its_older_spelling(run, tmp_path, kind, syntax):
    comment = f"<!-- mtcheck: {kind} MT801 -->"
    lines = [comment, "Vladimir Putinvisited Belarus.", "", "Later, Lukashenkois here."]
    if syntax == "html":
        lines = [
            comment,
            "<p>Vladimir Putinvisited Belarus.</p>",
            "<p>Later, Lukashenkois here.</p>",
        ]
    path = tmp_path / f"a.{syntax}"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run(
        "check", "--isolated", "--format", "concise", "--report-unused-suppressions", str(path)
    )
    assert "Putinvisited" not in result.out and "Lukashenkois" in result.out
    assert "unused suppression" not in result.err


def test_a_same_line_suppression_that_hides_nothing_is_reported(run, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("A clean line. <!-- mtcheck: ignore MT801 -->\nPutinvisited.\n", "utf-8")
    result = run(
        "check", "--isolated", "--format", "concise", "--report-unused-suppressions", str(path)
    )
    assert f"{path}:1: unused suppression (mtcheck: ignore MT801) hides nothing" in result.err
    assert "Putinvisited" in result.out and result.code == 1
