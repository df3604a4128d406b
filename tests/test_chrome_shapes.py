"""Site chrome and scraped code recognised by their shape."""

from __future__ import annotations

from mtcheck import check_text, fix_text

_SCRIPT = (
    "The vote is on Monday.\n\n"
    "slots.push({\ncode: 'politics_inner',\nmediaTypes: {\nbanner: {\n"
    "sizes: (navigator.userAgent.match(/iPhone/i)) ? [[300, 250]] : [[728, 90]]\n}\n},\n"
    "bids: [{\nbidder: 'acme',\nparams: {\nplacementId: '1234'\n}\n}]\n});\n\n"
    "Congress met on Tuesday.\n"
)


def test_scraped_code_is_one_finding_with_nothing_inside() -> None:
    findings = check_text(_SCRIPT)
    assert [f.rule_id for f in findings] == ["MT026"]
    assert fix_text(_SCRIPT) == "The vote is on Monday.\n\nCongress met on Tuesday.\n"


def test_prose_with_brackets_is_not_code() -> None:
    text = "The law (article 5) sets a cap [of 10%]; the court agreed.\nIt said: fine.\nIt ended.\n"
    assert not [f for f in check_text(text) if f.rule_id == "MT026"]


def test_a_capital_word_the_article_uses_again_is_a_subheading() -> None:
    text = "Miners invest.\n\nGLENCORE\n\nGlencore said output rose.\n\nBRIEFCASE\n"
    flagged = [f.matched for f in check_text(text) if f.rule_id == "MT027"]
    assert flagged == ["BRIEFCASE"]


def test_a_named_byline_and_a_live_blog_time_stay() -> None:
    text = "By Ana Ruiz\n\n10:05 a.m.\n\nThe storm hit the coast.\n"
    assert not [f for f in check_text(text) if f.rule_id == "MT027"]


def test_a_lone_word_among_short_lines_is_a_table_cell_or_menu_item() -> None:
    text = "The vote passed after a long debate.\n\nBench\n\nFuerza Popular 21\n\nIt ended late.\n"
    assert not [f for f in check_text(text) if f.rule_id == "MT027"]
