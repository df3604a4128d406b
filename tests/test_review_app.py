"""The full-screen reviewer, headless (Textual's Pilot), with snapshots of its screens.

The snapshots are the screens as text (tests/golden/review/*.txt); after a
deliberate change of the layout, regenerate them with
``MTCHECK_UPDATE_SNAPSHOTS=1 pytest tests/test_review_app.py`` and read the diff.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("textual", reason="textual is a dependency of mtcheck")

from mtcheck.document import Document
from mtcheck.engine import default_ruleset
from mtcheck.review.app import ReviewApp
from mtcheck.review.decisions import Decisions
from mtcheck.review.session import checker

HERE = Path(__file__).parent
ARTICLE = (HERE / "review_article.txt").read_text(encoding="utf-8")
SNAPSHOTS = HERE / "golden" / "review"
SIZE = (100, 32)


@pytest.fixture(scope="module")
def ruleset():  # type: ignore[no-untyped-def]
    return default_ruleset()


def _engine(ruleset, text: str = ARTICLE, path: str = "article.txt") -> Decisions:  # type: ignore[no-untyped-def]
    document = Document(text, path=path)
    return Decisions(document, checker(document, ruleset))


def _screen(app: ReviewApp) -> str:
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text.rstrip() for strip in strips).rstrip() + "\n"


def _matches_snapshot(name: str, screen: str) -> None:
    path = SNAPSHOTS / f"{name}.txt"
    if os.environ.get("MTCHECK_UPDATE_SNAPSHOTS"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(screen, encoding="utf-8")
    assert screen == path.read_text(encoding="utf-8"), f"screen {name} differs from {path}"


def _drive(app: ReviewApp, steps: list[tuple[str, str | None]]) -> dict[str, str]:
    """Press keys; after a step with a name, keep the screen under that name."""
    screens: dict[str, str] = {}

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            for keys, name in steps:
                if keys:
                    await pilot.press(*keys.split())
                    await pilot.pause()
                if name:
                    screens[name] = _screen(app)

    asyncio.run(run())
    return screens


def test_screens_of_a_session(ruleset) -> None:  # type: ignore[no-untyped-def]
    engine = _engine(ruleset)
    # Without the rule set the panel leaves out the rules' evidence, which grows with the
    # field study; the next test shows it.
    app = ReviewApp([engine], None)
    screens = _drive(
        app,
        [
            ("", "first"),
            ("question_mark", "help"),
            ("x", None),  # any key closes the help
            ("y n s", None),  # accept Skip to content, reject Madurovisited, skip peru
            ("y", None),  # lima
            ("y", "follow-up"),  # madurowhose → maduro whose: Maduro comes next
            ("y q", "save"),
            ("y", None),
        ],
    )
    for name, screen in screens.items():
        _matches_snapshot(name, screen)
    first = screens["first"]
    assert " 1/8  article.txt " in first and "MT011 skip-link [boilerplate]" in first
    assert "boilerplate 2 calque 1 casing 2 crossref-label 1 glued-words 2" in first
    assert "accept all remaining of this rule" in screens["help"]
    follow = screens["follow-up"]
    assert "↳ follow-up of your change" in follow and "[-maduro-]{+Maduro+}" in follow
    assert "line 7, column 1" in follow  # on disk, though the buffer lost two lines
    assert "Save the changes to article.txt?" in screens["save"]
    assert app.return_value == [True]
    assert engine.text == (
        ARTICLE.replace("Skip to content\n\n", "")
        .replace("doubts in lima", "doubts in Lima")
        .replace("\nmadurowhose", "\nMaduro whose")
    )


def test_undo_accept_all_and_filter(ruleset) -> None:  # type: ignore[no-untyped-def]
    engine = _engine(ruleset)
    app = ReviewApp([engine], ruleset)
    screens = _drive(
        app,
        [
            ("", "first"),
            ("slash", None),
            ("ctrl+u c a s i n g enter", "filtered"),  # only casing
            ("a", "all-of-rule"),  # peru and lima at once
            ("u", "undone"),
            ("slash ctrl+u enter", None),  # the filter cleared
            ("e", None),
            ("ctrl+u S k i p enter", "edited"),
            ("q n", None),  # quit without saving
        ],
    )
    evidence = ruleset.by_id("MT011").info.evidence
    assert evidence is not None and f"evidence: seen on {evidence.pages} page" in screens["first"]
    assert "MT811" in screens["filtered"] and "/casing" in screens["filtered"]
    assert "Accepted 2 of MT811 at once." in screens["all-of-rule"]
    assert "Undone." in screens["undone"] and "[-peru-]{+Peru+}" in screens["undone"]
    assert engine.text.startswith("Skip\n\nMaduro arrives")
    assert app.return_value == [False]


def test_several_files_and_nothing_changed_quits_at_once(ruleset) -> None:  # type: ignore[no-untyped-def]
    first = _engine(ruleset, "The envoy visited peru.\n", "one.txt")
    second = _engine(ruleset, "SIGHT: More news\n", "two.txt")
    app = ReviewApp([first, second], ruleset)
    screens = _drive(app, [("", "one"), ("y", "two"), ("n", None), ("q", "save"), ("y", None)])
    assert "file 1/2 one.txt" in screens["one"]
    assert "file 2/2 two.txt" in screens["two"] and "Next file: two.txt" in screens["two"]
    assert "Save the changes to one.txt?" in screens["save"]
    assert app.return_value == [True, False]
    assert first.text == "The envoy visited Peru.\n" and second.rejected() == [("MT001", 0, 6)]
    untouched = ReviewApp([_engine(ruleset)], ruleset)
    _drive(untouched, [("q", None)])
    assert untouched.return_value == [False]


def test_check_and_fix_never_import_the_reviewer(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("The envoy visited peru.\n", encoding="utf-8")
    probe = (
        "import sys\n"
        "from mtcheck.cli import main\n"
        f"main(['check', '--exit-zero', {str(article)!r}])\n"
        f"main(['fix', '--diff', '--exit-zero', {str(article)!r}])\n"
        "loaded = [m for m in sys.modules if m == 'textual' or m.startswith(('textual.',"
        " 'mtcheck.review'))]\n"
        "print('LOADED', loaded)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    assert "LOADED []" in result.stdout, result.stdout
