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
    "txt": "Vladimir Putinvisited Belarus. <!-- mtcheck: ignore MT801 -->\n"
    "Later, Lukashenkois here.\n",
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


# Unused suppressions and --fail-under in the reports themselves ----------------------------

_JUDGED = "A clean line. <!-- mtcheck: ignore MT801 -->\nVladimir Putinvisited belarus.\n"
_JUDGING = ("--isolated", "--report-unused-suppressions", "--fail-under", "90")


@pytest.fixture
def judged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text(_JUDGED, encoding="utf-8")
    return "a.txt"


def test_json_report_carries_unused_suppressions_and_the_fail_under_reason(run, judged):
    import json

    result = run("check", "--format", "json", *_JUDGING, judged)
    assert result.code == 1
    entry = json.loads(result.out)["files"][0]
    assert entry["unused_suppressions"] == [
        {
            "line": 1,
            "kind": "ignore",
            "codes": ["MT801"],
            "reason": "unused suppression (mtcheck: ignore MT801) hides nothing",
        }
    ]
    assert entry["fail_under"] == {
        "threshold": 90.0,
        "score": entry["score"],
        "reason": f"quality score {entry['score']:.1f} is below --fail-under 90",
    }
    assert "a.txt: quality score" in result.err  # and the log says why it failed


def test_json_report_without_those_options_is_unchanged(run, judged):
    import json

    entry = json.loads(run("check", "--isolated", "--format", "json", judged).out)["files"][0]
    assert "unused_suppressions" not in entry and "fail_under" not in entry
    passing = run("check", "--isolated", "--format", "json", "--fail-under", "0", judged)
    assert "fail_under" not in json.loads(passing.out)["files"][0]


def test_github_annotations_carry_them(run, judged):
    lines = run("check", "--format", "github", *_JUDGING, judged).out.splitlines()
    assert (
        "::warning file=a.txt,line=1,title=mtcheck/unused-suppression::"
        "unused suppression (mtcheck: ignore MT801) hides nothing"
    ) in lines
    failing = [line for line in lines if "fail-under" in line]
    assert len(failing) == 1
    assert failing[0].startswith("::error file=a.txt,title=mtcheck/fail-under::quality score ")


def test_sarif_carries_them_as_results_of_listed_rules(run, judged):
    import json

    log = json.loads(run("check", "--format", "sarif", *_JUDGING, judged).out)
    sarif_run = log["runs"][0]
    rules = [rule["id"] for rule in sarif_run["tool"]["driver"]["rules"]]
    by_rule = {r["ruleId"]: r for r in sarif_run["results"]}
    unused = by_rule["mtcheck/unused-suppression"]
    assert rules[unused["ruleIndex"]] == "mtcheck/unused-suppression"
    assert unused["message"]["text"].endswith("hides nothing")
    assert unused["locations"][0]["physicalLocation"]["region"] == {"startLine": 1}
    below = by_rule["mtcheck/fail-under"]
    assert rules[below["ruleIndex"]] == "mtcheck/fail-under" and below["level"] == "error"
    assert "below --fail-under 90" in below["message"]["text"]


def test_unused_suppressions_survive_the_baseline(run, judged):
    run("check", "--isolated", "--write-baseline", "b.json", judged)
    result = run(
        "check", "--isolated", "--baseline", "b.json", "--report-unused-suppressions", judged
    )
    assert "a.txt:1: unused suppression" in result.err and result.code == 1


def test_the_full_report_says_a_file_is_below_fail_under(run, judged):
    out = run("check", "--color", "never", *_JUDGING, judged).out
    assert out.startswith("a.txt  quality ") and ", below --fail-under 90" in out.splitlines()[0]


def test_a_long_path_is_not_broken_across_lines(run, tmp_path, monkeypatch):
    # Without a terminal rich falls back to 80 columns (COLUMNS where set): the failing
    # test in tests/hostile/test_filesystem.py came from a long temporary path.
    monkeypatch.setenv("COLUMNS", "80")
    folder = tmp_path / ("a-rather-long-folder-name-for-articles-" * 3)
    folder.mkdir()
    path = folder / "article.txt"
    path.write_text(GLUED, encoding="utf-8")
    assert str(path) in run("check", "--color", "never", str(path)).out.splitlines()[0]


# SARIF URIs -------------------------------------------------------------------------------


def _sarif_locations(log: dict) -> list[dict]:
    locations = []
    for result in log["runs"][0]["results"]:
        locations.append(result["locations"][0]["physicalLocation"]["artifactLocation"])
        for fix in result.get("fixes", []):
            locations += [change["artifactLocation"] for change in fix["artifactChanges"]]
    return locations


def test_sarif_uri_is_a_percent_encoded_relative_reference(run, tmp_path, monkeypatch):
    import json

    monkeypatch.chdir(tmp_path)
    folder = Path("notes 50%")
    folder.mkdir()
    (folder / "año #1.txt").write_text(GLUED, encoding="utf-8")
    log = json.loads(run("check", "--isolated", "--format", "sarif", "./notes 50%").out)
    locations = _sarif_locations(log)
    assert locations and all(
        loc == {"uri": "notes%2050%25/a%C3%B1o%20%231.txt", "uriBaseId": "%SRCROOT%"}
        for loc in locations
    )
    assert "%SRCROOT%" in log["runs"][0]["originalUriBaseIds"]


def test_sarif_uri_of_an_absolute_path_is_a_file_uri(run, tmp_path):
    import json

    path = tmp_path / "a b.txt"
    path.write_text(GLUED, encoding="utf-8")
    log = json.loads(run("check", "--isolated", "--format", "sarif", str(path)).out)
    locations = _sarif_locations(log)
    assert locations and all(loc == {"uri": path.as_uri()} for loc in locations)
    assert locations[0]["uri"].startswith("file:///") and "a%20b.txt" in locations[0]["uri"]


# Files meant to be kept get the usual mode -------------------------------------------------


@pytest.fixture
def umask_022():
    import os

    old = os.umask(0o022)
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    import stat

    return stat.S_IMODE(path.stat().st_mode)


def test_a_written_baseline_takes_the_umask(run, article, tmp_path, umask_022):
    baseline = tmp_path / "baseline.json"
    run("check", "--isolated", "--write-baseline", str(baseline), str(article))
    assert baseline.is_file() and _mode(baseline) == 0o644
    report = tmp_path / "report.json"
    run("check", "--isolated", "--format", "json", "-o", str(report), str(article))
    assert _mode(report) == 0o644


@pytest.mark.parametrize(("article_mode", "backup_mode"), [(0o664, 0o644), (0o600, 0o600)])
def test_a_review_backup_takes_the_umask_never_more_open_than_the_article(
    tmp_path, monkeypatch, umask_022, article_mode, backup_mode
):
    import io

    from mtcheck.cli import main

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    path = tmp_path / "a.txt"
    path.write_text(GLUED, encoding="utf-8")
    path.chmod(article_mode)
    monkeypatch.setattr("mtcheck.review.prompt.prefilled_input", lambda prompt, default: default)
    out = io.StringIO()
    argv = ["review", "--plain", "--isolated", "--color", "never", str(path)]
    code = main(argv, stdout=out, stderr=io.StringIO(), stdin=Terminal("y\ny\n"))
    assert code == 0, out.getvalue()
    backup = tmp_path / "a.txt.orig"
    assert backup.read_text(encoding="utf-8") == GLUED
    assert _mode(backup) == backup_mode
    assert _mode(path) == article_mode  # the article keeps its own


# mtcheck eval on folders without annotated or machine-translated articles ------------------


def test_eval_on_a_folder_without_annotated_articles_is_a_one_line_error(run, tmp_path):
    (tmp_path / "a.txt").write_text("Plain text, no annotations.\n", encoding="utf-8")
    result = run("eval", str(tmp_path))
    assert result.code == 2 and result.out == ""
    assert result.err.splitlines() == [
        f"mtcheck: error: {tmp_path}: no annotated articles (*.ann) under this folder; "
        "see corpus/README.md"
    ]


@pytest.mark.parametrize("output", ["table", "json", "html"])
def test_eval_on_clean_articles_only_does_not_crash(run, tmp_path, output):
    from tests.conftest import CORPUS

    for source in sorted((CORPUS / "clean").glob("*.ann"))[:3]:
        (tmp_path / source.name).write_bytes(source.read_bytes())
    result = run("eval", "--format", output, str(tmp_path))
    assert result.code == 0, result.err
    if output == "json":
        import json

        assert json.loads(result.out)["clean_articles"] == 3
    elif output == "table":
        assert "0 machine-translated and 3 clean articles" in result.out
        assert "no machine-translated articles to score" in result.out


# The configured cross-reference label in the messages ---------------------------------------


@pytest.mark.parametrize(
    ("setting", "advice", "replacement"),
    [
        ('crossref-label = "RELATED:"', "write “RELATED:”", "'RELATED:'"),
        ("remove-related-links = true", "remove the line (remove-related-links)", "''"),
    ],
)
def test_the_house_label_appears_in_the_message_not_only_in_the_fix(
    run, tmp_path, setting, advice, replacement
):
    (tmp_path / "mtcheck.toml").write_text(setting + "\n", encoding="utf-8")
    path = tmp_path / "a.txt"
    path.write_text(
        "The minister spoke on Monday.\n\nSIGHT: Russia announces naval exercises\n\n"
        "READ ALSO: Inflation falls in Mexico\n",
        encoding="utf-8",
    )
    lines = run("check", "--format", "concise", str(path)).out.splitlines()
    labels = [line for line in lines if "[crossref-label]" in line]
    assert len(labels) == 2
    for line in labels:
        assert advice in line and line.endswith(f"→ {replacement}")
        assert "SEE ALSO" not in line


# Quoted replacements and the last block of a Markdown file ---------------------------------


def test_no_stray_space_inside_a_quoted_replacement(run, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("The minister assisted to the summit in Lima on Monday.\n", encoding="utf-8")
    concise = run("check", "--isolated", "--format", "concise", str(path)).out
    assert "write “attended”" in concise and "“attended ”" not in concise
    full = run("check", "--isolated", "--color", "never", str(path)).out
    assert "“attended”" in full and "“attended ”" not in full
    fixed = run("fix", "--isolated", "--unsafe-fixes", "--stdout", str(path)).out
    assert fixed == "The minister attended the summit in Lima on Monday.\n"  # the edit keeps it


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_removing_the_last_block_of_markdown_keeps_the_final_newline(run, tmp_path, newline):
    lines = ["# Title", "", "The minister spoke on Monday in Lima.", "", "Share this article:", ""]
    path = tmp_path / "a.md"
    path.write_bytes(newline.join(lines).encode())
    assert run("fix", "--isolated", "--write", str(path)).code == 0
    assert path.read_bytes() == newline.join([*lines[:3], ""]).encode()


def test_removing_the_last_block_of_markdown_without_a_final_newline_adds_none(run, tmp_path):
    path = tmp_path / "a.md"
    path.write_text("The minister spoke on Monday in Lima.\n\nShare this article:", "utf-8")
    assert run("fix", "--isolated", "--write", str(path)).code == 0
    assert path.read_text(encoding="utf-8") == "The minister spoke on Monday in Lima."
