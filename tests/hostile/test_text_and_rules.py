"""Hostile text and rule packs: no format strings, no raw escapes, bounded regexes and fixes."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from mtcheck.config import Config
from mtcheck.engine import build_ruleset

GLUED = "Vladimir Putinvisited Belarus on Monday with his ministers.\n"
ESCAPES = "\x1b]0;pwned\x07 and \x1b[2J Putinvisited Belarus.\n"


def _pack(folder: Path, body: str) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "pack.toml").write_text(body, encoding="utf-8")
    return folder


def _rule(pattern: str, message: str = "flagged {matched}", extra: str = "") -> str:
    return (
        "[[rule]]\nid = 'XX001'\nname = 'hostile'\ncategory = 'calque'\nkind = 'pattern'\n"
        f"pattern = '''{pattern}'''\nmessage = '''{message}'''\n{extra}"
    )


@pytest.mark.parametrize(
    "original",
    ["Frase con {0} dentro.", "Frase con {x.y} dentro.", "{matched.__class__.__mro__}",
     "{matched:>50000000} y más texto aquí."],
)  # fmt: skip
def test_input_text_is_never_a_format_string(run, tmp_path, original):
    article = tmp_path / "a.txt"
    article.write_text("The president spoke today.\nA second sentence here.\n", "utf-8")
    source = tmp_path / "a.es.txt"
    source.write_text(f"El presidente habló hoy.\n{original}\n", "utf-8")
    result = run("check", "--format", "concise", str(article))
    assert result.code in (0, 1), result.err
    assert "class" not in result.out or "__mro__" in result.out
    assert len(result.out) < 10_000


@pytest.mark.parametrize("message", ["broken { brace", "stray } brace", "{matched:>9}", "{nope}"])
def test_a_bad_message_template_is_a_load_error_at_file_line(run, tmp_path, message):
    pack = _pack(tmp_path / "rules", _rule("Putin", message))
    article = tmp_path / "a.txt"
    article.write_text(GLUED, "utf-8")
    result = run("check", "--extra-rules", str(pack), str(article))
    assert result.code == 2 and "pack.toml:7: message:" in result.err


def test_message_braces_can_be_escaped(run, tmp_path):
    pack = _pack(tmp_path / "rules", _rule("Putinvisited", "{{literal}} {matched}"))
    article = tmp_path / "a.txt"
    article.write_text(GLUED, "utf-8")
    result = run("check", "--format", "concise", "--select", "XX", "--extra-rules", str(pack),
                 str(article))  # fmt: skip
    assert "{literal} Putinvisited" in result.out


@pytest.mark.parametrize("fmt", ["full", "concise"])
def test_terminal_escapes_in_text_and_names_are_not_printed_raw(run, tmp_path, fmt):
    article = tmp_path / "evil\x1b[31m\nname.txt"
    article.write_text(ESCAPES, "utf-8")
    result = run("check", "--format", fmt, "--color", "always", str(article))
    # Our own colour codes are ESC [ digits m; the article's are shown escaped.
    import re

    raw = re.sub(r"\x1b\[[0-9;]*m", "", result.out)
    assert "\x1b" not in raw and "\x07" not in raw and "\\x1b" in result.out
    if fmt == "concise":
        assert all(line.startswith(str(tmp_path)) for line in result.out.splitlines())


def test_fix_diff_escapes_control_characters(run, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ESCAPES, "utf-8")
    result = run("fix", "--diff", "--color", "never", str(article))
    assert "\x1b" not in result.out and "\x07" not in result.out
    assert "\\x1b]0;pwned" in result.out


def test_junit_is_valid_xml_with_control_characters(run, tmp_path):
    article = tmp_path / "a\x02.txt"
    article.write_text("He said \x01\x1b Putinvisited belarus.\n", "utf-8")
    result = run("check", "--format", "junit", str(article))
    root = ElementTree.fromstring(result.out.split("\n", 1)[1])
    assert "\\x02" in root.find("testsuite/testcase").get("name")


def test_github_annotations_cannot_inject_commands(run, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Putinvisited Belarus\n::error::injected\n", "utf-8")
    result = run("check", "--format", "github", str(article))
    assert all(line.startswith("::") for line in result.out.splitlines())
    assert "\n::error::injected" not in result.out


@pytest.mark.parametrize("pattern", [r"(a+)+$", r"(\w+\s?)+$", r"(a|aa)+b", r"(?<=x)(a+)+c"])
def test_catastrophic_patterns_are_bounded(run, tmp_path, pattern):
    import time

    pack = _pack(tmp_path / "rules", _rule(pattern))
    article = tmp_path / "a.txt"
    article.write_text(
        "a" * 40 + "!\n" + "word " * 30 + "!\n" + "xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n"
    )
    start = time.monotonic()
    result = run("check", "--select", "XX", "--extra-rules", str(pack), str(article))
    assert time.monotonic() - start < 30
    assert result.code in (0, 1) or "time budget" in result.err
    if result.code == 2:
        assert "rule XX001" in result.err and "pack.toml" in result.err


def test_one_timer_for_a_document_still_stops_a_runaway_call_and_restores_the_handler():
    import signal
    import time

    from mtcheck import safe_regex

    runaway = safe_regex.compile(r"(?<=x)(a+)+c")
    assert runaway.engine == "budget"
    before = signal.getsignal(signal.SIGPROF)
    started = time.process_time()
    with pytest.raises(safe_regex.BudgetExceeded), safe_regex.watching():
        assert runaway.search("xaa") is None  # a quick call inside the watch is unharmed
        runaway.search("x" + "a" * 40)
    spent = time.process_time() - started
    assert safe_regex.BUDGET_SECONDS * 0.9 <= spent < safe_regex.BUDGET_SECONDS * 5, spent
    assert signal.getsignal(signal.SIGPROF) == before
    assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)


def test_the_loader_says_which_engine_runs_a_pattern(run, tmp_path):
    import json

    pack = _pack(
        tmp_path / "rules",
        _rule(r"caf\w+ (\d+)") + "\n" + _rule(r"(?<=x)y").replace("XX001", "XX002"),
    )
    rows = json.loads(run("rules", "--format", "json", "--select", "XX", "--extra-rules",
                          str(pack)).out)  # fmt: skip
    assert {r["id"]: r["regex_engine"] for r in rows} == {"XX001": "re2", "XX002": "budget"}


def test_re2_keeps_pythons_unicode_classes():
    from mtcheck import safe_regex

    regex = safe_regex.compile(r"(?P<flag>caf\w+)\s(\d+)")
    assert regex.engine == "re2"
    match = regex.finditer("un café 12 très")[0]
    assert match.span("flag") == (3, 7) and match.expand(r"\g<flag>-\2") == "café-12"


def test_a_pattern_matching_the_empty_string_is_refused(run, tmp_path):
    body = _rule("x*").replace("kind = 'pattern'", "kind = 'line'") + "action = 'replace'\n"
    body += "replace = ['PREFIX ']\n"
    pack = _pack(tmp_path / "rules", body)
    article = tmp_path / "a.txt"
    article.write_text(GLUED, "utf-8")
    result = run("check", "--extra-rules", str(pack), str(article))
    assert result.code == 2 and "matches the empty string" in result.err


def _fixing(tmp_path: Path, *rules: tuple[str, str]) -> Path:
    body = ""
    for number, (pattern, replacement) in enumerate(rules, 1):
        body += (
            _rule(pattern, extra=f"replace = ['{replacement}']\nfix = 'safe'\n")
            .replace("XX001", f"XX00{number}")
            .replace("'hostile'", f"'hostile-{number}'")
            + "\n"
        )
    return _pack(tmp_path / "rules", body)


def test_a_fix_that_copies_itself_stops_with_a_notice(run, tmp_path):
    pack = _fixing(tmp_path, ("foo", "foofoo"))
    article = tmp_path / "a.txt"
    article.write_text("foo " * 1024 + "\n", "utf-8")
    result = run("fix", "--write", "--select", "XX", "--extra-rules", str(pack), str(article))
    assert article.stat().st_size < 5000
    assert "XX001" in result.out and "not applied" in result.out


def test_fixes_that_undo_each_other_are_set_aside(run, tmp_path):
    pack = _fixing(tmp_path, ("colour", "color"), ("color", "colour"))
    article = tmp_path / "a.txt"
    article.write_text("The colour of the sky.\n", "utf-8")
    result = run("fix", "--write", "--select", "XX", "--extra-rules", str(pack), str(article))
    assert "undo each other" in result.out
    assert "Fixed 10 findings in 0 files" not in result.out
    assert article.read_text("utf-8") in ("The colour of the sky.\n", "The color of the sky.\n")
    again = run("fix", "--write", "--select", "XX", "--extra-rules", str(pack), str(article))
    assert "Fixed 0 findings" in again.out or "undo each other" in again.out


def test_the_okina_gets_no_endless_no_op_fix():
    from mtcheck import fix_text
    from mtcheck.api import fix_document
    from mtcheck.document import Document

    text = "Visitors to ʻohana gatherings in hawaii met ʻokina speakers.\n"
    result = fix_document(Document(text))
    assert result.converged and not result.notices
    assert fix_text(fix_text(text)) == fix_text(text)


def test_jobs_are_capped_to_useful_workers():
    from mtcheck.parallel import default_jobs, useful_jobs

    assert useful_jobs(30, 80) <= min(default_jobs(), 5)
    assert useful_jobs(30, 3) == 1


def test_markdown_fix_next_to_emphasis_is_withheld(run, tmp_path):
    article = tmp_path / "a.md"
    article.write_text("Putin visited Minsk *, the capital,* on Monday.\n", "utf-8")
    run("fix", "--write", "--unsafe-fixes", str(article))
    assert article.read_text("utf-8") == "Putin visited Minsk *, the capital,* on Monday.\n"


def test_markdown_literal_asterisks_do_not_become_bold(tmp_path):
    from mtcheck.api import fix_document
    from mtcheck.document import Document
    from mtcheck.formats.guard import skeleton

    text = "Said **EE.UU.**officials and \\*\\*EE.UU.\\*\\* on Monday.\n"
    result = fix_document(Document(text, syntax="md"))
    assert skeleton(result.text, "md") == skeleton(text, "md")


@pytest.mark.parametrize("nested", [">" * 100 + " belarus is here\n", "* " * 100 + "belarus\n"])
def test_markdown_nested_past_the_limit_is_an_error_not_clean(run, tmp_path, nested):
    article = tmp_path / "a.md"
    article.write_text(nested, "utf-8")
    result = run("check", str(article))
    assert result.code == 2 and "nested deeper" in result.err and "All clean" not in result.out


def test_html_unclosed_comment_is_not_prose(run, tmp_path):
    article = tmp_path / "a.html"
    article.write_text("<p>Fine text.</p>\n<!-- Putinvisited belarus\n", "utf-8")
    result = run("check", "--format", "concise", str(article))
    assert "Putinvisited" not in result.out
    run("fix", "--write", str(article))
    assert "Putinvisited belarus" in article.read_text("utf-8")


def test_bundled_rules_still_load_with_their_messages():
    assert len(build_ruleset(Config())) > 100
