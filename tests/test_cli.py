"""The command line, driven in-process with recorded streams."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from mtcheck.version import __version__

ARTICLE = "Vladimir Putinvisited belarus on Monday. Putin spoke.\n\nSIGHT: Other news\n"


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_check_reports_findings_and_exits_one(run, article: Path) -> None:
    result = run("check", "--color", "never", str(article))
    assert result.code == 1
    assert "1:10" in result.out and "MT801" in result.out and "[glued-words]" in result.out
    assert "“Putin visited”" in result.out
    assert "Found 3 findings in 1 of 1 file; 3 fixable with mtcheck fix" in result.out


def test_check_clean_file_exits_zero(run, tmp_path: Path) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text("Pedro Castillo spoke in Lima on December 19.\n", encoding="utf-8")
    result = run("check", "--color", "never", str(clean))
    assert result.code == 0
    assert "All clean: 1 file checked" in result.out


def test_exit_zero(run, article: Path) -> None:
    assert run("check", "--exit-zero", str(article)).code == 0


def test_json_report_follows_the_contract(run, article: Path) -> None:
    result = run("check", "--format", "json", str(article))
    assert result.code == 1
    report = json.loads(result.out)
    assert report["version"] == __version__
    (file_entry,) = report["files"]
    assert file_entry["path"] == str(article)
    first = file_entry["findings"][0]
    assert set(first) == {
        "rule", "name", "category", "severity", "message", "start", "end",
        "line", "column", "matched", "fix", "suggestions",
    }  # fmt: skip
    assert first["rule"] == "MT801" and first["name"] == "glued-words"
    assert first["category"] == "glued-words" and first["severity"] == "warning"
    assert ARTICLE[first["start"] : first["end"]] == first["matched"] == "Putinvisited"
    assert (first["line"], first["column"]) == (1, 10)
    assert first["fix"] == {
        "applicability": "safe",
        "edits": [{"start": 9, "end": 21, "replacement": "Putin visited"}],
    }
    assert first["suggestions"] == ["Putin visited"]


def test_json_fix_is_null_without_a_fix(run, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("The people is tired of the crisis.\n", encoding="utf-8")
    finding = json.loads(run("check", "--format", "json", str(path)).out)["files"][0]["findings"][0]
    assert finding["rule"] == "MT705" and finding["fix"] is None


def test_concise_format(run, article: Path) -> None:
    lines = run("check", "--format", "concise", str(article)).out.splitlines()
    assert lines[0].startswith(f"{article}:1:10: MT801 [glued-words] ")
    assert len(lines) == 3


def test_fix_diff_shows_words_and_does_not_write(run, article: Path) -> None:
    result = run("fix", "--diff", "--color", "never", str(article))
    assert result.code == 1
    assert "[-Putinvisited belarus-]{+Putin visited Belarus+}" in result.out
    assert "[-SIGHT-]{+SEE ALSO+}" in result.out
    assert article.read_text(encoding="utf-8") == ARTICLE


def test_fix_diff_in_colour(run, article: Path) -> None:
    out = run("fix", "--diff", "--color", "always", str(article)).out
    assert "\x1b[" in out and "Putin visited Belarus" in out and "[-" not in out


def test_fix_write_rewrites_atomically(run, article: Path) -> None:
    result = run("fix", "--write", "--color", "never", str(article))
    assert result.code == 0
    assert article.read_text(encoding="utf-8") == (
        "Vladimir Putin visited Belarus on Monday. Putin spoke.\n\nSEE ALSO: Other news\n"
    )
    assert [p.name for p in article.parent.iterdir()] == ["article.txt"]  # no temporary left


def test_fix_stdout_from_stdin(run) -> None:
    result = run("fix", "--stdout", "-", stdin=ARTICLE)
    assert result.out == (
        "Vladimir Putin visited Belarus on Monday. Putin spoke.\n\nSEE ALSO: Other news\n"
    )
    assert "Fixed 3 findings" in result.err


def test_unsafe_fixes_opt_in(run, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("The overall maximum of the army spoke.\n", encoding="utf-8")
    assert run("fix", "--stdout", str(path)).out == "The overall maximum of the army spoke.\n"
    unsafe = run("fix", "--stdout", "--unsafe-fixes", str(path)).out
    assert unsafe == "The commander-in-chief of the army spoke.\n"


def test_display_only_is_never_applied(run, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    text = "Alexander Lukashenko met Putin. Alexandr Lukashenko and Alexander Lukashenko spoke.\n"
    path.write_text(text, encoding="utf-8")
    assert run("fix", "--stdout", "--unsafe-fixes", str(path)).out == text


def test_select_and_ignore(run, article: Path) -> None:
    only_casing = run("check", "--format", "concise", "--select", "casing", str(article))
    assert [line.split()[1] for line in only_casing.out.splitlines()] == ["MT811"]
    no_glue = run("check", "--format", "concise", "--ignore", "MT8", str(article))
    assert [line.split()[1] for line in no_glue.out.splitlines()] == ["MT001"]
    # The longest prefix wins: ignore MT8 but select MT801 again.
    both = run("check", "--format", "concise", "--ignore", "MT8", "--select", "MT801", str(article))
    assert [line.split()[1] for line in both.out.splitlines()] == ["MT801"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file or directory"),
        (b"", "empty file"),
        (b"abc\x00def", "binary file"),
        (b"caf\xe9 ok\nline two \xff\n", "invalid UTF-8"),
    ],
)
def test_bad_input_is_one_line_and_exit_two(run, tmp_path: Path, content, message, article) -> None:
    bad = tmp_path / "bad.txt"
    if content is not None:
        bad.write_bytes(content)
    result = run("check", "--format", "concise", str(bad), str(article))
    assert result.code == 2
    errors = result.err.strip().splitlines()
    assert len(errors) == 1 and str(bad) in errors[0] and message in errors[0]
    assert f"{article}:1:10: MT801" in result.out  # the other file is still checked


def test_invalid_utf8_names_the_line(run, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"first line\nsecond \xff line\n")
    assert f"{bad}:2: invalid UTF-8" in run("check", str(bad)).err


def test_directory_without_articles(run, tmp_path: Path) -> None:
    (tmp_path / "notes.bin").write_bytes(b"x")
    result = run("check", str(tmp_path))
    assert result.code == 2 and "directory has no article files" in result.err


def test_directory_is_walked(run, tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Clean text about Lima.\n", encoding="utf-8")
    result = run("check", "--format", "json", str(tmp_path))
    paths = [f["path"] for f in json.loads(result.out)["files"]]
    assert paths == [str(tmp_path / "b.txt"), str(tmp_path / "sub" / "a.md")]


def test_usage_error_exits_two(run) -> None:
    assert run("check").code == 2
    assert run("frobnicate").code == 2


def test_rules_catalogue(run) -> None:
    rows = json.loads(run("rules", "--format", "json").out)
    assert {r["category"] for r in rows} >= {"glued-words", "casing", "boilerplate", "calque"}
    assert len({r["id"] for r in rows}) == len(rows)
    calques = json.loads(run("rules", "--format", "json", "--category", "calque").out)
    assert calques and all(r["category"] == "calque" for r in calques)
    table = run("rules", "--category", "crossref-label").out
    assert "MT001" in table and "crossref-sight" in table


def test_bad_extra_rules_name_file_and_line(run, tmp_path: Path, article: Path) -> None:
    rules = tmp_path / "house"
    rules.mkdir()
    (rules / "house.toml").write_text(
        '[[rule]]\nid = "HS001"\nname = "bad"\ncategory = "calque"\nkind = "phrase"\n'
        'message = "m"\nmatch = ["x"]\nfix = "sometimes"\n',
        encoding="utf-8",
    )
    result = run("check", "--extra-rules", str(rules), str(article))
    assert result.code == 2
    assert f"{rules / 'house.toml'}:8: unknown fix applicability 'sometimes'" in result.err


def test_version_and_help() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "mtcheck", "--version"], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == f"mtcheck {__version__}"
    for command in ("check", "fix", "rules"):
        help_text = subprocess.run(
            [sys.executable, "-m", "mtcheck", command, "--help"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert f"usage: mtcheck {command}" in help_text


def test_parallel_output_equals_serial(run, tmp_path: Path) -> None:
    from mtcheck.parallel import MIN_FILES_FOR_POOL

    for index in range(MIN_FILES_FOR_POOL + 6):
        text = ARTICLE if index % 3 else "Clean text about Lima.\n"
        (tmp_path / f"a{index:03d}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "a999.txt").write_bytes(b"\x00binary")
    serial = run("check", "--format", "json", "--jobs", "1", str(tmp_path))
    parallel = run("check", "--format", "json", "--jobs", "2", str(tmp_path))
    assert serial.code == parallel.code == 2
    assert serial.out == parallel.out
    assert serial.err == parallel.err and "binary file" in serial.err


def test_walk_honours_gitignore_and_exclude(run, tmp_path: Path) -> None:
    for relative in ("a.md", "drafts/b.md", "build/c.txt", "keep/d.html", ".hidden/e.txt"):
        target = tmp_path / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("Clean text about Lima.\n", encoding="utf-8")
    (tmp_path / ".gitignore").write_text("build/\n", encoding="utf-8")
    result = run("check", "--format", "json", "--exclude", "drafts/", str(tmp_path))
    paths = [
        Path(f["path"]).relative_to(tmp_path).as_posix() for f in json.loads(result.out)["files"]
    ]
    assert paths == ["a.md", "keep/d.html"]
    explicit = run(
        "check", "--format", "json", "--exclude", "drafts/", str(tmp_path / "drafts/b.md")
    )
    assert len(json.loads(explicit.out)["files"]) == 1  # a file named explicitly is checked


def test_long_line_and_crlf_are_handled(run, tmp_path: Path) -> None:
    long_line = tmp_path / "long.txt"
    long_line.write_text("Putinvisited belarus. Putin spoke. " + "x" * 1_000_000 + "\n")
    result = run("check", "--format", "concise", str(long_line))
    assert f"{long_line}:1:1: MT801" in result.out
    crlf = tmp_path / "crlf.md"
    crlf.write_bytes(b"# Title\r\n\r\nVladimir **Putin**visited Minsk.\rPutin spoke.\r\n")
    assert run("fix", "--write", str(crlf)).code in (0, 1)
    assert (
        crlf.read_bytes() == b"# Title\r\n\r\nVladimir **Putin** visited Minsk.\rPutin spoke.\r\n"
    )
