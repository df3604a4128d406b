"""Casing recognised by its shape: carried capitals, names that lost theirs."""

from __future__ import annotations

from mtcheck import check_text, fix_text


def _flagged(text: str, rule: str) -> list[str]:
    return [f.matched for f in check_text(text) if f.rule_id == rule]


def test_an_opener_after_a_semicolon_loses_its_capital() -> None:
    text = "The shops were shut; However, they opened later.\n"
    assert fix_text(text) == "The shops were shut; however, they opened later.\n"


def test_a_pronoun_after_a_noun_may_follow_a_lost_stop_and_is_not_lowercased() -> None:
    text = "Police ran raids in the city operations There are six held.\n"
    assert "MT615" in {f.rule_id for f in check_text(text)}
    assert fix_text(text) == text


def test_a_name_english_knows_is_not_a_carried_capital() -> None:
    text = "Paris was hot on Monday, while Rome roasted and the Army sent water.\n"
    assert _flagged(text, "MT814") == []


def test_a_surname_that_lost_its_accent_takes_the_article_spelling() -> None:
    text = "Luisa Gómez spoke first. Later Luisa gomez left the studio.\n"
    assert fix_text(text) == "Luisa Gómez spoke first. Later Luisa Gómez left the studio.\n"


def test_a_spanish_name_in_lower_case_is_an_unsafe_fix() -> None:
    text = "The lawyer of juan campos spoke.\n"
    assert _flagged(text, "MT811") == ["juan", "campos"]
    assert fix_text(text) == text
    assert fix_text(text, unsafe=True) == "The lawyer of Juan Campos spoke.\n"


def test_a_common_word_inside_a_longer_name_stays_lower_elsewhere() -> None:
    text = "The National Meteorological Service said the meteorological report was late.\n"
    assert _flagged(text, "MT811") == []


def test_a_short_name_copied_in_lower_case_is_ordinary_english() -> None:
    text = "The Central Bank of Chile met. The central bank said rates would rise.\n"
    assert _flagged(text, "MT811") == []


def test_a_title_case_acronym_is_matched_to_its_name_in_any_order() -> None:
    text = "The Venezuelan Professional Baseball League (Lvbp) met. The Lvbp agreed.\n"
    assert fix_text(text) == (
        "The Venezuelan Professional Baseball League (LVBP) met. The LVBP agreed.\n"
    )
    assert _flagged("The talks were held in the capital (Lima).\n", "MT819") == []


def test_a_paragraph_opening_in_lower_case_but_not_a_wrapped_line() -> None:
    text = "The police came.\n\nthere was a fire in the area and two houses burned.\n"
    assert _flagged(text, "MT815") == ["there"]
    wrapped = "The vote was close\nbut the motion passed in the end after a debate.\n"
    assert _flagged(wrapped, "MT815") == []


def test_two_casing_rules_on_one_word_are_one_finding_with_both_fixes() -> None:
    findings = check_text("Marta Olmedo She said the court would meet on Monday.")
    on_she = [f for f in findings if f.matched == "She"]
    assert len(on_she) == 1
    assert on_she[0].suggestions[:2] == ("", "she")  # drop it, or lower-case it


def test_a_place_of_several_words_is_recapitalised_word_by_word() -> None:
    from mtcheck import check_text, fix_text

    text = "She toured the united States, then buenos aires and Castilla y león.\n"
    assert fix_text(text) == (
        "She toured the United States, then Buenos Aires and Castilla y León.\n"
    )
    written = "She toured the United States and San Juan; see buenos-aires.example.org.\n"
    assert not [f for f in check_text(written) if f.rule_id == "MT811"]


def test_a_common_noun_in_the_possessive_stays_beside_the_name_that_holds_it() -> None:
    text = (
        "The office of the Prosecutor’s Office was quiet. The judge refused the "
        "prosecutor’s request. Later sheinbaum’s team met Sheinbaum’s aides.\n"
    )
    flagged = [f.matched for f in check_text(text) if f.category == "casing"]
    assert flagged == ["sheinbaum’s"]


def test_a_preposition_capitalised_before_a_figure_is_carried() -> None:
    text = "The bonds sold in the tender of June Between 4,500 and 5,500 euros each.\n"
    assert _flagged(text, "MT814") == ["Between"]


def test_a_name_before_a_figure_keeps_its_capital() -> None:
    text = "The crew of Apollo 11 and users of Windows 11 met on June 5 at Terminal 2.\n"
    assert _flagged(text, "MT814") == []


def test_a_preposition_capitalised_after_a_semicolon_before_a_name() -> None:
    text = "Fifteen couples take part; On Thursdays the show runs late.\n"
    assert fix_text(text) == "Fifteen couples take part; on Thursdays the show runs late.\n"
    # An article there may open a name (The Hague), and a capital mid-sentence before
    # another one is a name of several words.
    assert _flagged("The court sat; The Hague was quiet. They met in Puerto Rico.\n", "MT814") == []
