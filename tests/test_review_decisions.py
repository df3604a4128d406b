"""The decisions engine under both reviewers, without a terminal."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtcheck.document import Document
from mtcheck.engine import default_ruleset
from mtcheck.review.context import context
from mtcheck.review.decisions import Change, Decisions, apply_batch, shift_keys, unmap
from mtcheck.review.session import checker

ARTICLE = (Path(__file__).parent / "review_article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def ruleset():  # type: ignore[no-untyped-def]
    return default_ruleset()


def _engine(ruleset, text: str = ARTICLE) -> Decisions:  # type: ignore[no-untyped-def]
    document = Document(text, path="a.txt")
    return Decisions(document, checker(document, ruleset))


def _matched(engine: Decisions) -> str:
    current = engine.current()
    assert current is not None
    return current.finding.matched


def test_first_finding_progress_and_on_disk_position(ruleset) -> None:  # type: ignore[no-untyped-def]
    engine = _engine(ruleset)
    current = engine.current()
    assert current is not None
    assert (current.finding.rule_id, current.number, current.total) == ("MT011", 1, 8)
    assert (current.line, current.column) == (1, 1)
    assert engine.counts() == {"boilerplate": 2, "glued-words": 2, "casing": 2, "calque": 1,
                               "crossref-label": 1}  # fmt: skip


def test_positions_stay_on_disk_after_lines_are_removed(ruleset) -> None:  # type: ignore[no-untyped-def]
    engine = _engine(ruleset)
    assert engine.accept()  # Skip to content: two lines fewer in the buffer
    current = engine.current()
    assert current is not None and current.finding.matched == "Madurovisited"
    assert engine.document.with_text(engine.text).position(current.finding.span.start)[0] == 3
    assert (current.line, current.column) == (5, 35)  # where it is in the file
    assert (current.number, current.total) == (2, 8)


def test_reject_accept_alternative_and_skip(ruleset) -> None:  # type: ignore[no-untyped-def]
    engine = _engine(ruleset)
    engine.reject()  # Skip to content stays
    assert _matched(engine) == "Madurovisited"
    engine.accept()
    assert _matched(engine) == "peru"
    engine.skip()
    assert _matched(engine) == "lima"
    engine.accept()
    engine.move(1)  # past madurowhose
    assert _matched(engine) == "overall maximum"
    engine.accept(1)
    assert "The head of the armed forces" in engine.text
    assert "Maduro visited peru" in engine.text and "doubts in Lima" in engine.text
    assert engine.text.startswith("Skip to content\n")
    kinds = [d.kind for d in engine.state.decisions]
    assert kinds == ["rejected", "accepted", "skipped", "accepted", "accepted"]
    assert engine.rejected() == [("MT011", 0, 15)]


def test_follow_up_of_an_accepted_change_comes_next(ruleset) -> None:  # type: ignore[no-untyped-def]
    engine = _engine(ruleset)
    while _matched(engine) != "madurowhose":
        engine.skip()
    engine.accept()
    current = engine.current()
    assert current is not None
    assert current.follow_up and current.finding.matched == "maduro"
    assert current.options == ("Maduro",)
    assert (current.line, current.column) == (7, 1)
    engine.accept()
    assert "\nMaduro whose ministers" in engine.text
    assert engine.current() is not None and not engine.current().follow_up  # type: ignore[union-attr]


def test_undo_goes_back_any_number_of_steps(ruleset) -> None:  # type: ignore[no-untyped-def]
    engine = _engine(ruleset)
    engine.accept()
    engine.reject()
    engine.accept()
    engine.edit("Lima, the capital,")
    assert engine.text != ARTICLE
    for _ in range(4):
        assert engine.undo()
    assert not engine.undo()
    assert engine.text == ARTICLE and engine.state.decisions == ()
    assert _matched(engine) == "Skip to content"


def test_accept_all_of_a_rule_applies_them_at_once(ruleset) -> None:  # type: ignore[no-untyped-def]
    engine = _engine(ruleset)
    engine.skip()
    engine.skip()
    assert _matched(engine) == "peru"
    assert engine.accept_rule() == 2  # peru and lima, in one step
    assert "Madurovisited Peru" in engine.text and "doubts in Lima" in engine.text
    assert len(engine.history) == 3
    engine.undo()
    assert "Madurovisited peru" in engine.text and "doubts in lima" in engine.text


def test_accept_all_leaves_rejected_findings_of_the_rule(ruleset) -> None:  # type: ignore[no-untyped-def]
    engine = _engine(ruleset, "peru and chile met in lima on Monday.\n")
    engine.reject()  # peru
    engine.accept_rule()
    assert engine.text == "peru and Chile met in Lima on Monday.\n"


def test_rejections_follow_the_text_through_later_edits(ruleset) -> None:  # type: ignore[no-untyped-def]
    engine = _engine(ruleset)
    engine.accept()  # removes the first line
    engine.reject()  # Madurovisited, now at another offset
    ((rule, start, end),) = engine.rejected()
    assert rule == "MT801"
    assert engine.text[start:end] == "Madurovisited"
    engine.accept()  # peru → Peru, after it: no shift
    engine.skip()
    assert _matched(engine) == "madurowhose"
    engine.undo()
    engine.undo()
    engine.undo()
    engine.accept()  # Madurovisited → Maduro visited: the rejection goes with the text it named
    assert engine.rejected() == []


def test_notes_cannot_be_accepted_but_can_be_edited(ruleset) -> None:  # type: ignore[no-untyped-def]
    english = "Congress approved the law. The rule takes effect in January.\n"
    spanish = (
        "El Congreso aprobó la ley. La oposición votó en contra y anunció un recurso "
        "ante el Tribunal Constitucional. La norma entra en vigor en enero.\n"
    )
    document = Document(english, path="a.txt", original=Document(spanish))
    engine = Decisions(document, checker(document, ruleset))
    current = engine.current()
    assert current is not None and current.finding.rule_id == "MT953" and current.options == ()
    assert not engine.accept() and engine.accept_rule() == 0
    assert engine.edit(current.finding.matched + " The opposition voted against it.")
    assert "The opposition voted against it." in engine.text


def test_filter_by_category_or_rule(ruleset) -> None:  # type: ignore[no-untyped-def]
    engine = _engine(ruleset)
    engine.set_filter(["casing"])
    assert [f.matched for f in engine.open()] == ["peru", "lima"]
    engine.set_filter(["MT1"])
    assert _matched(engine) == "overall maximum"
    engine.set_filter([])
    assert len(engine.open()) == 8


def test_move_wraps_around(ruleset) -> None:  # type: ignore[no-untyped-def]
    engine = _engine(ruleset)
    engine.move(-1)
    assert _matched(engine) == "Share this article:"
    engine.move(1)
    assert _matched(engine) == "Skip to content"


def test_shift_and_unmap_are_inverse_outside_the_changes() -> None:
    text = "one two three four five"
    batch = (Change(4, 7, "TWO!"), Change(14, 14, "and "), Change(19, 23, ""))
    assert apply_batch(text, batch) == "one TWO! three and four "
    assert shift_keys(frozenset({("R", 8, 13), ("R", 5, 6), ("R", 14, 18)}), batch) == {
        ("R", 9, 14),  # "three" moved by one
        ("R", 19, 23),  # "four", after the insertion at its start
    }
    new = apply_batch(text, batch)
    for word in ("one", "three", "four"):
        assert unmap(new.index(word), [batch]) == text.index(word)
    assert unmap(new.index("TWO!") + 2, [batch]) == 4  # inside inserted text: where it began
    assert unmap(len(new), [batch]) == len(text)  # the end of the text stays its end


def test_context_is_cut_at_word_boundaries() -> None:
    line = "The Russian President visited his defense and foreign ministers today, said one."
    start = line.index("visited")
    before, after = context(line, start, start + len("visited"), width=12)
    assert before == "…President "
    assert after == " his defense…"
    short_before, short_after = context("Putin spoke.\nHe left.", 0, 5)
    assert (short_before, short_after) == ("", " spoke.")
    assert context("x " + "y" * 30 + " z", 33, 34, width=10) == ("…", "")
