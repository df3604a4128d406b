"""The review loop, driven by scripted answers and a recording console."""

from __future__ import annotations

import io
import os
import shutil
import sys
from pathlib import Path

import pytest
from rich.console import Console

from mtcheck.document import Document
from mtcheck.engine import default_ruleset
from mtcheck.review import Review, finish
from mtcheck.review.line import PROMPT

TEXT = """Vladimir Putinvisited belarus on Monday. Putin spoke.

The overall maximum of the army said no.

SIGHT: Other news
"""


def _session(answers: list[str], text: str = TEXT, width: int = 80):  # type: ignore[no-untyped-def]
    """Keys and typed lines come from one script, in order."""
    out = io.StringIO()
    console = Console(file=out, width=width, color_system=None, highlight=False)
    queue = iter(answers)

    def ask(prompt: str, default: str) -> str:
        answer = next(queue)
        console.print(prompt + answer, markup=False)
        return answer or default

    def read_key(prompt: str) -> str:
        key = next(queue)
        console.print(prompt + key, markup=False)
        return key

    review = Review.of(Document(text, path="a.txt"), default_ruleset(), console, read_key, ask)
    return review, console, out, read_key


def test_transcript_accept_reject_choose() -> None:
    review, _, out, _ = _session(["y", "n", "2", "y"])
    outcome = review.run()
    # Progress first; positions are where the text is on disk (belarus is at 1:23 in the
    # file, though the accepted split moved it to 1:24 in the buffer).
    assert out.getvalue() == (
        "[1/4] a.txt:1:10  MT801 [glued-words] “Putinvisited” looks like two words glued \n"
        "where markup was stripped: “Putin visited”\n"
        "  Vladimir [-Putinvisited-]{+Putin visited+} belarus on Monday. Putin spoke.\n"
        "  1) “Putin visited”\n"
        f"{PROMPT}y\n"
        "[2/4] a.txt:1:23  MT811 [casing] “belarus” is a proper noun: write “Belarus”\n"
        "  Vladimir Putin visited [-belarus-]{+Belarus+} on Monday. Putin spoke.\n"
        "  1) “Belarus”\n"
        f"{PROMPT}n\n"
        "[3/4] a.txt:3:5  MT101 [calque] “overall maximum” is a calque of Spanish “jefe \n"
        "máximo”; write “commander-in-chief”\n"
        "  The [-overall maximum-]{+commander-in-chief+} of the army said no.\n"
        "  1) “commander-in-chief”\n"
        "  2) “head”\n"
        f"{PROMPT}2\n"
        "[4/4] a.txt:5:1  MT001 [crossref-label] “SIGHT:” is Spanish “VEA:” \n"
        "mistranslated; write “SEE ALSO:”\n"
        "  [-SIGHT-]{+SEE ALSO+}: Other news\n"
        "  1) “SEE ALSO:”\n"
        f"{PROMPT}y\n"
    )
    assert outcome.text == (
        "Vladimir Putin visited belarus on Monday. Putin spoke.\n\n"
        "The head of the army said no.\n\nSEE ALSO: Other news\n"
    )
    assert [d.kind for d in outcome.decisions] == ["accepted", "rejected", "accepted", "accepted"]


def test_edit_undo_help_and_quit() -> None:
    review, _, out, _ = _session(["e", "Putin travelled to", "u", "?", "y", "x", "q"])
    outcome = review.run()
    transcript = out.getvalue()
    assert "Replacement: Putin travelled to" in transcript
    assert "Undone." in transcript and "accept all remaining of this rule" in transcript
    assert "Unknown key 'x'; ? for help." in transcript
    assert outcome.quit
    assert outcome.text.startswith("Vladimir Putin visited belarus")  # the edit was undone


def test_accept_all_of_a_rule() -> None:
    text = "belarus and kyiv met in lima. The overall maximum spoke.\n"
    review, _, _, _ = _session(["a", "n"], text=text)
    outcome = review.run()
    assert outcome.text == "Belarus and Kyiv met in Lima. The overall maximum spoke.\n"


def test_line_removal_skip_and_next_file() -> None:
    text = "Skip to content\n\nTitle here\n\nSIGHT: More\n\nShare this article:\n"
    review, _, _, _ = _session(["y", "s", "y"], text=text)
    outcome = review.run()  # s skips one finding; the next is still asked
    assert outcome.text == "Title here\n\nSIGHT: More\n"
    assert [d.kind for d in outcome.decisions] == ["accepted", "skipped", "accepted"]
    review, _, out, _ = _session(["]"], text=text)
    outcome = review.run()  # ] leaves the rest of the file as it is
    assert outcome.text == text and not outcome.quit and out.getvalue().count(PROMPT) == 1


def test_finish_shows_summary_diff_and_asks(tmp_path: Path) -> None:
    review, console, out, ask = _session(["y", "n", "y", "y", "y"])
    outcome = review.run()
    document = Document(TEXT, path="a.txt")
    assert finish(console, document, outcome.text, outcome.decisions, ask, dry_run=False)
    transcript = out.getvalue()
    assert "Review summary" in transcript and "glued-words" in transcript
    assert "--- a.txt" in transcript and "Write the changes to a.txt? [y/n] > y" in transcript
    review, console, out, ask = _session(["y", "q"])
    outcome = review.run()
    assert not finish(console, document, outcome.text, outcome.decisions, ask, dry_run=True)


def test_review_in_a_script_is_refused(run, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = run("review", str(path))
    assert result.code == 2 and "review needs a terminal" in result.err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_review_command_writes_file_and_backup(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from mtcheck.cli import main

    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    # Answers: accept, reject, pick 2, accept, then confirm the write.
    monkeypatch.setattr("mtcheck.review.prompt.prefilled_input", lambda prompt, default: default)
    stdin = _Terminal("y\nn\n2\ny\ny\n")
    out = io.StringIO()
    code = main(
        ["review", "--color", "never", str(path)], stdout=out, stderr=io.StringIO(), stdin=stdin
    )
    assert code == 0
    assert path.read_text(encoding="utf-8") == (
        "Vladimir Putin visited belarus on Monday. Putin spoke.\n\n"
        "The head of the army said no.\n\nSEE ALSO: Other news\n"
    )
    assert (tmp_path / "a.txt.orig").read_text(encoding="utf-8") == TEXT
    assert "Wrote" in out.getvalue()


SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "article.txt"


@pytest.mark.skipif(not SEED.is_file(), reason="the seed article is not beside the checkout")
def test_review_seed_in_a_real_terminal(tmp_path: Path) -> None:
    pexpect = pytest.importorskip("pexpect", reason="pexpect is installed by make test")
    article = tmp_path / "seed.txt"
    shutil.copyfile(SEED, article)  # the seed is read-only; the copy need not be
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "80", "TERM": "xterm"}
    child = pexpect.spawn(
        sys.executable,
        ["-m", "mtcheck", "review", "--plain", "--no-backup", str(article)],
        env=env,
        encoding="utf-8",
        timeout=30,
        dimensions=(40, 80),
    )
    # One key a decision, no Enter. Skip to content: accept; Putinvisited: accept;
    # belarus: reject; at kyiv, undo the rejection, then accept belarus and kyiv; then
    # putinwhose, and its follow-up Putin, which the split creates; then quit and save.
    child.expect(r"\[1/\d+\].*Skip to content.*> ")
    child.send("y")
    child.expect(r"\[2/\d+\].*Putinvisited.*> ")
    child.send("y")
    child.expect(r"belarus.*> ")
    child.send("n")
    child.expect(r"kyiv.*> ")
    child.send("u")
    child.expect("Undone.")
    child.expect(r"belarus.*> ")
    child.send("y")
    child.expect(r"kyiv.*> ")
    child.send("y")
    child.expect(r"putinwhose.*> ")
    child.send("y")
    child.expect(r"a follow-up of your change[\s\S]*Putin[\s\S]*> ")
    child.send("y")
    child.expect(r"> ")
    child.send("q")
    child.expect(r"Write the changes to[\s\S]*\[y/n\] >")
    child.send("y")
    child.expect(pexpect.EOF)
    saved = article.read_text(encoding="utf-8")
    original = SEED.read_text(encoding="utf-8")
    expected = (
        original.replace("Skip to content\n\n", "", 1)
        .replace("Putinvisited belarus", "Putin visited Belarus", 1)
        .replace("fears in kyiv", "fears in Kyiv", 1)
        .replace("\nputinwhose", "\nPutin whose", 1)
    )
    assert saved == expected


def test_remembered_rejections_leave_ci_and_the_next_review(
    tmp_path: Path, monkeypatch, run
) -> None:  # type: ignore[no-untyped-def]
    from mtcheck.cli import main

    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    monkeypatch.chdir(tmp_path)
    # Reject everything (4 findings), nothing changes, so nothing to write.
    stdin = _Terminal("n\nn\nn\nn\n")
    args = ["review", "--remember", "--baseline", str(baseline), "--color", "never", str(path)]
    assert main(args, stdout=io.StringIO(), stderr=io.StringIO(), stdin=stdin) == 0
    assert baseline.is_file()
    again = io.StringIO()
    main(args, stdout=again, stderr=io.StringIO(), stdin=_Terminal(""))
    assert "[y/n" not in again.getvalue()  # nothing left to ask
    result = run("check", "--format", "concise", "--baseline", str(baseline), str(path))
    # Only findings without a replacement (not reviewable) can remain.
    assert "MT801" not in result.out and "MT001" not in result.out


def test_notes_without_a_fix_are_shown_and_can_be_edited() -> None:
    """With the original, an omission is a note: y cannot accept it, e writes the text."""
    english = "Congress approved the law. The rule takes effect in January.\n"
    spanish = (
        "El Congreso aprobó la ley. La oposición votó en contra y anunció un recurso "
        "ante el Tribunal Constitucional. La norma entra en vigor en enero.\n"
    )
    out = io.StringIO()
    console = Console(file=out, width=200, color_system=None, highlight=False)
    answers = iter(["y", "e", "Congress approved the law. The opposition voted against it."])

    def ask(prompt: str, default: str) -> str:
        answer = next(answers)
        console.print(prompt + answer, markup=False)
        return answer or default

    document = Document(english, path="a.txt", original=Document(spanish))
    outcome = Review.of(
        document, default_ruleset(), console, lambda prompt: ask(prompt, ""), ask
    ).run()
    shown = out.getvalue()
    assert "MT953 [omission]" in shown and "(no fix: e to edit the text, n to go on)" in shown
    assert "Nothing to accept here" in shown
    assert outcome.text == (
        "Congress approved the law. The opposition voted against it. "
        "The rule takes effect in January.\n"
    )


def test_full_screen_only_on_the_process_terminal(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from mtcheck.options import InputOptions, ReviewOptions
    from mtcheck.review.command import full_screen_wanted

    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    assert full_screen_wanted(None, sys.stdin, sys.stdout)
    assert not full_screen_wanted(
        ReviewOptions(InputOptions(("a.md",)), plain=True), sys.stdin, sys.stdout
    )
    assert not full_screen_wanted(None, _Terminal(""), sys.stdout)
    monkeypatch.setenv("TERM", "dumb")
    assert not full_screen_wanted(None, sys.stdin, sys.stdout)
