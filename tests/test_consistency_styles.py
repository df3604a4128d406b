"""One article, one style: casing of an acronym, per cent, punctuation at a closing quote."""

from __future__ import annotations

from mtcheck import check_text, fix_text


def _rules(text: str, rule: str) -> list[str]:
    return [f.matched for f in check_text(text) if f.rule_id == rule]


def test_the_minority_casing_of_an_acronym_follows_the_majority() -> None:
    text = "COVID-19 cases rose.\nThe COVID-19 ward is full.\nCovid-19 deaths fell.\n"
    assert _rules(text, "MT805") == ["Covid"]
    assert fix_text(text).count("COVID-19") == 3


def test_datelines_and_definitions_in_capitals_are_not_a_casing_choice() -> None:
    text = (
        "CULIACAN, Mexico (AP) — Police in Culiacan said Culiacan was calm.\n"
        "The exchange system (DICOM) gave way to Dicom, and Dicom fell again.\n"
    )
    assert _rules(text, "MT805") == []


def test_per_cent_follows_the_article_majority() -> None:
    text = "Prices rose 7.62%, food 7.76% and fuel 0.65%, while transport rose 8.11 percent.\n"
    assert _rules(text, "MT806") == ["8.11 percent"]
    assert "8.11%" in fix_text(text)


def test_one_of_each_per_cent_style_is_left_alone() -> None:
    assert _rules("Prices rose 7.62% and food 8.11 percent.\n", "MT806") == []


def _unsafe_only(text: str, rule: str) -> list[str]:
    """What the rule flags, having checked that its safe fixes leave the text as it is."""
    assert fix_text(text) == text
    return _rules(text, rule)


def test_a_stop_outside_the_quote_is_moved_in_only_where_the_article_puts_it_inside() -> None:
    us = "“We won,” he said. He added that “the peace effort must resume with vigor in Colombia”.\n"
    assert fix_text(us).endswith("with vigor in Colombia.”\n")
    # No style shown either way: a reported clause is left, a short phrase offered.
    unknown = "He added that “the peace effort must resume in Colombia”.\n"
    assert _rules(unknown, "MT614") == []
    assert _unsafe_only("Fans call the team the “sacred flock”.\n", "MT614") == ["k”."]
    british = "He added that “the peace effort must resume in the centre of Bogotá”.\n"
    assert _rules(british, "MT614") == []


def test_a_quoted_phrase_is_not_a_clause() -> None:
    text = "“We won,” he said with vigor. The talks would address “an aggression on the ground”.\n"
    assert _unsafe_only(text, "MT614") == ["d”."]
    long = "The talks would address “an aggression on the ground and in the air and at sea”.\n"
    assert _rules(long, "MT614") == []


def test_a_scare_quote_of_one_word_is_left_alone() -> None:
    assert _rules("“We won,” he said with vigor. He called it a “scam”.\n", "MT614") == []


def test_british_spelling_keeps_logical_punctuation() -> None:
    british = "“We won,” he said. He called the labour of peace “a task for all of Colombia”.\n"
    assert _rules(british, "MT614") == []


def test_a_partial_quotation_closed_inside_tells_american_style() -> None:
    text = "He called it “a step forward,” and added that “the peace effort must resume soon”.\n"
    assert _rules(text, "MT614") == ["n”."]


def test_straight_quotation_marks_are_read_as_pairs_on_their_line() -> None:
    text = 'She came back because "I feel safe and at home", and the show called her.\n'
    assert _unsafe_only(text, "MT614") == ['e",']
    assert fix_text(text, unsafe=True) == text.replace('home",', 'home,"')
    # An odd number of marks on a line: which one opens is unknown, so nothing is read.
    odd = 'The 6" pipe and "the best in town", the ad said "loud.\n'
    assert _rules(odd, "MT614") == []


def test_a_title_in_quotes_keeps_the_house_punctuation() -> None:
    text = 'She won for her role in "Something Is About to Happen", while he won best actor.\n'
    assert _rules(text, "MT614") == []
