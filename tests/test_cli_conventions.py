"""The command-line conventions users of ruff and Vale rely on, each through main(argv)."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from mtcheck.cli import EXIT_BROKEN_PIPE, build_parser, main
from mtcheck.corpus import recombined
from mtcheck.engine import default_ruleset
from mtcheck.reporters import FORMATS

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = "Vladimir Putinvisited belarus on Monday.\n"


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("option", "code", "suggested"),
    [
        ("--select", "MT999", None),
        ("--select", "MT8011", "MT801"),
        ("--ignore", "mt801", "MT801"),
        ("--select", "glued-word", "glued-words"),
        ("--ignore", "calques", "calque"),
    ],
)
def test_an_unknown_code_is_an_error_with_the_nearest_one(run, article, option, code, suggested):  # type: ignore[no-untyped-def]
    result = run("check", option, code, str(article))
    assert result.code == 2 and result.out == ""
    assert f"{option}: unknown rule code {code!r}" in result.err
    if suggested is not None:
        assert f"did you mean {suggested!r}?" in result.err
    assert result.err.count("\n") == 1  # one line, no traceback


def test_known_codes_prefixes_names_and_categories_still_select(run, article) -> None:  # type: ignore[no-untyped-def]
    for code in ("MT8", "MT801", "glued-words", "ALL"):
        result = run("check", "--format", "concise", "--select", code, str(article))
        assert result.code == 1, (code, result.err)
        assert "MT801" in result.out
    assert run("fix", "--select", "MT999", str(article)).code == 2
    assert run("rules", "--ignore", "MT999").code == 2


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--jobs", "-3"], "--jobs must be 1 or more (0: every core), not -3"),
        (["--fail-under", "200"], "--fail-under takes a quality score from 0 to 100, not 200"),
        (["--fail-under", "-1"], "--fail-under takes a quality score from 0 to 100, not -1"),
        (["--prune-baseline"], "--prune-baseline needs --baseline FILE"),
    ],
)
def test_nonsense_values_are_rejected(run, article, argv, message) -> None:  # type: ignore[no-untyped-def]
    result = run("check", *argv, str(article))
    assert result.code == 2 and result.err == f"mtcheck: error: {message}\n"


def test_eval_thresholds_must_make_sense(run) -> None:  # type: ignore[no-untyped-def]
    result = run("eval", "--min-precision", "1.5", str(ROOT / "corpus"))
    assert result.code == 2 and "--min-precision takes a fraction from 0 to 1" in result.err


class _ClosedPipe(io.StringIO):
    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_closed_pipe_stops_quietly(article: Path) -> None:
    err = io.StringIO()
    stdin = io.TextIOWrapper(io.BytesIO(b""))
    code = main(
        ["check", "--no-cache", str(article)], stdout=_ClosedPipe(), stderr=err, stdin=stdin
    )
    assert code == EXIT_BROKEN_PIPE and err.getvalue() == ""


def test_check_piped_into_head_prints_no_traceback(tmp_path: Path) -> None:
    for n, text in enumerate(recombined(ROOT / "corpus", 40, 5)):
        (tmp_path / f"a{n:02d}.txt").write_text(text, encoding="utf-8")
    env = {**os.environ, "MTCHECK_CACHE_DIR": str(tmp_path / "cache")}
    command = f"{sys.executable} -m mtcheck check --no-cache --format concise {tmp_path} | head -1"
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command], capture_output=True, text=True, env=env
    )
    assert done.stdout.count("\n") == 1 and ": MT" in done.stdout
    assert "Traceback" not in done.stderr and "BrokenPipeError" not in done.stderr
    assert done.stderr == ""


def test_output_that_is_no_terminal_is_not_wrapped(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / ("a-folder-with-a-long-name-" * 4)
    folder.mkdir()
    article = folder / "an-article-whose-name-is-long-too.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = run("check", "--no-cache", str(article))
    assert f"{article}  quality" in result.out  # the path on one line, though over 80
    assert any(len(line) > 80 and "MT801" in line for line in result.out.splitlines())
    table = run("rules").out.splitlines()
    for rule in default_ruleset():
        rows = [line for line in table if line.startswith(f"│ {rule.info.id} ")]
        assert len(rows) == 1 and rule.info.description[:60] in rows[0], rule.info.id


def test_rules_lists_sorted_and_explains_one_rule(run) -> None:  # type: ignore[no-untyped-def]
    listed = re.findall(r"^│ (\w+)\s", run("rules").out, re.MULTILINE)
    assert listed and listed == sorted(listed)
    rule = default_ruleset().by_id("MT801")
    shown = run("rules", "MT801").out
    assert "MT801 glued-words" in shown.replace(rule.info.name, "glued-words")
    assert rule.info.examples and rule.info.examples[0].text.strip()[:30] in shown
    mistyped = run("rules", "MT8011")
    assert mistyped.code == 2 and "did you mean 'MT801'?" in mistyped.err


def test_output_file_takes_the_report(run, article: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report = tmp_path / "out" / "report.json"
    report.parent.mkdir()
    result = run("check", "--format", "json", "--output-file", str(report), str(article))
    assert result.code == 1 and result.out == ""
    assert json.loads(report.read_text(encoding="utf-8"))["files"][0]["findings"]


def test_write_baseline_writes_and_exits_zero(run, article: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    baseline = tmp_path / "base.json"
    result = run("check", "--write-baseline", str(baseline), str(article))
    assert result.code == 0 and baseline.is_file() and result.out == ""
    assert run("check", "--baseline", str(baseline), str(article)).code == 0


def test_force_exclude_applies_excludes_to_paths_given(run, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    given = ["drafts/a.txt", "b.txt"]
    plain = run("check", "--format", "json", "--exclude", "drafts/", *given)
    assert [f["path"] for f in json.loads(plain.out)["files"]] == given  # named: checked
    forced = run("check", "--format", "json", "--exclude", "drafts/", "--force-exclude", *given)
    assert [f["path"] for f in json.loads(forced.out)["files"]] == ["b.txt"]
    absolute = run("check", "--format", "json", "--exclude", "drafts", "--force-exclude",
                   str(drafts / "a.txt"))  # fmt: skip
    assert json.loads(absolute.out)["files"] == [] and absolute.code == 0
    folder = run("check", "--format", "json", "--exclude", "drafts/", "--force-exclude", "drafts")
    assert json.loads(folder.out)["files"] == []


def _fixable(check_out: str) -> int:
    found = re.search(r"; (\d+) fixable with mtcheck fix", check_out)
    return int(found.group(1)) if found else 0


def _would_fix(fix_out: str) -> int:
    return int(re.search(r"Would fix (\d+) findings?", fix_out).group(1))  # type: ignore[union-attr]


def test_check_counts_what_fix_will_fix_its_second_round_too(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # Petro ecuador, unglued, is then a name to capitalise: two rounds, two fixes.
    two_rounds = tmp_path / "two.txt"
    two_rounds.write_text("Output fell, according to Petroecuador, in October.\n")
    check = run("check", "--no-cache", str(two_rounds))
    fix = run("fix", str(two_rounds))
    first_round = check.out.count("(safe fix)")
    assert _fixable(check.out) == _would_fix(fix.err + fix.out)
    assert _would_fix(fix.out) >= first_round
    folder = tmp_path / "many"
    folder.mkdir()
    for n, text in enumerate(recombined(ROOT / "corpus", 12, 8)):
        (folder / f"a{n:02d}.txt").write_text(text, encoding="utf-8")
    check, fix = run("check", "--no-cache", str(folder)), run("fix", str(folder))
    assert _fixable(check.out) == _would_fix(fix.out) > 0


def test_counts_are_singular_and_plural_right(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    one = tmp_path / "one.txt"
    one.write_text("They met in lima.\n", encoding="utf-8")
    check = run("check", "--no-cache", str(one))
    assert "Found 1 finding in 1 of 1 file; 1 fixable" in check.out
    fix = run("fix", str(one))
    assert "Would fix 1 finding in 1 file" in fix.out
    clean = tmp_path / "clean.txt"
    clean.write_text("They met in Lima.\n", encoding="utf-8")
    assert "All clean: 1 file checked" in run("check", "--no-cache", str(clean)).out


def _long_options(parser) -> set[str]:  # type: ignore[no-untyped-def]
    return {
        option
        for action in parser._actions
        for option in action.option_strings
        if option.startswith("--") and option not in ("--help", "--version")
    }


def test_readme_and_help_agree_on_every_option_and_format() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for name, command in commands.items():
        assert f"mtcheck {name}" in readme, name
        missing = sorted(
            o for o in _long_options(command) if not re.search(rf"(?<![\w-]){o}(?![\w-])", readme)
        )
        assert missing == [], f"{name}: {missing} not in README.md"
    formats = re.search(r"Report\s+formats:(.*?)\.\s", readme, re.DOTALL)
    assert formats is not None
    assert sorted(re.findall(r"`([a-z][a-z-]*)`", formats.group(1))) == sorted(FORMATS)
    help_text = commands["check"].format_help()
    for name in FORMATS:
        assert name in help_text


def test_help_and_readme_say_what_clean_and_review_take() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    clean_help = " ".join(commands["clean"].format_help().split())
    assert "word-list cache" in clean_help and "word-list cache" in readme
    review_help = " ".join(commands["review"].format_help().split())
    assert "- reads standard input" not in review_help  # review needs files to write back
    assert "not standard input" in review_help and "`review -`" not in readme


def test_a_teams_own_rules_reach_sarif_with_their_metadata(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    house = tmp_path / "house"
    house.mkdir()
    (house / "house.toml").write_text(
        '[[rule]]\nid = "HS001"\nname = "house-breaking"\ncategory = "calque"\n'
        'kind = "phrase"\nmessage = "house style: write “news”"\n'
        'description = "Our desk writes news, not breaking news."\n'
        'match = ["breaking news"]\nreplace = "news"\nfix = "safe"\n'
        'examples = ["It was breaking news."]\n',
        encoding="utf-8",
    )
    article = tmp_path / "a.txt"
    article.write_text("It was breaking news on Monday.\n", encoding="utf-8")
    result = run("check", "--format", "sarif", "--extra-rules", str(house), str(article))
    assert result.code == 1, result.err
    rules = json.loads(result.out)["runs"][0]["tool"]["driver"]["rules"]
    ours = next(r for r in rules if r["id"] == "HS001")
    assert ours["name"] == "house-breaking"
    assert ours["shortDescription"]["text"] == "Our desk writes news, not breaking news."
