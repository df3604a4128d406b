"""Shapes native English news writes that the detectors once took for MT artefacts.

Each guard is tested both ways: the native shape is left alone (or not fixed
safely), and the artefact the detector exists for is still reported. The
sentences are our own.
"""

from __future__ import annotations

import pytest

from mtcheck import check_text, fix_text
from mtcheck.model import Applicability


def _findings(text: str, rule: str) -> list[str]:
    return [f.matched for f in check_text(text) if f.rule_id == rule]


def _safe(text: str, rule: str) -> list[str]:
    return [
        f.matched
        for f in check_text(text)
        if f.rule_id == rule and f.fix is not None and f.fix.applicability == Applicability.SAFE
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The prize went to a first-time winner; the prizewinner thanked the jury.",
        "The title went to the titleholder, a former title contender.",
        "The match went to the matchmaker's favourite; the match was close.",
    ],
)
def test_a_compound_ending_in_an_agent_noun_is_one_word(text: str) -> None:
    assert _findings(text, "MT801") == []


def test_a_name_glued_to_an_agent_noun_is_still_split() -> None:
    text = "The novelist Sergio Ramirezwinner of the prize, spoke. Ramirez thanked the jury."
    assert "Ramirezwinner" in _findings(text, "MT801")


@pytest.mark.parametrize(
    "text",
    [
        "Lorenzo won by 1.654 seconds at Jerez.",
        "His fastest lap was a 1’38.051 on the final tour.",
        "The euro bought 0.8747 dollars on Friday.",
    ],
)
def test_timings_and_figures_below_one_are_not_spanish_thousands(text: str) -> None:
    assert _findings(text, "MT501") == []


def test_a_spanish_thousands_figure_is_still_reported() -> None:
    assert _findings(text := "The march drew 15.432 people.", "MT501") == ["15.432"], text


def test_an_accent_dropped_once_in_a_bare_name_is_not_an_inconsistency() -> None:
    text = (
        "Telefónica agreed to sell the unit. Analysts said Telefonica would keep "
        "its Brazilian arm, and Telefónica shares rose."
    )
    assert _findings(text, "MT831") == []


def test_a_full_name_written_with_and_without_its_accent_is_still_reported() -> None:
    text = (
        "Mayor Ernesto Cázares opened the bridge. Residents thanked Ernesto Cazares "
        "and Ernesto Cázares thanked them."
    )
    assert _findings(text, "MT831") == ["Cazares"]


def test_an_english_word_in_a_quoted_title_is_not_a_translated_surname() -> None:
    text = (
        "The bullfighter Andrés Roca Rey won a prize. The jury also praised "
        "“Songs, Dust & Rock ‘n’ Roll” by another director."
    )
    assert _findings(text, "MT320") == []
    assert "Rock ‘n’ Roll" in fix_text(text)


def test_a_surname_rendered_after_the_spanish_name_is_still_reported() -> None:
    text = "Pablo Iglesias spoke first. Later, Churches said he would stay."
    assert _findings(text, "MT320") == ["Churches"]


def test_a_capital_after_a_noun_may_be_a_lost_full_stop() -> None:
    text = "The police ended the operations There are 18 members in custody."
    assert _findings(text, "MT814") == ["There"]
    assert _safe(text, "MT814") == []


@pytest.mark.parametrize(
    "text",
    [
        "The minister said that It will be approved.",
        "During the hearing, There were protests outside.",
        "Sixty men were taken into custody After attacking the hospital.",
    ],
)
def test_a_capital_where_no_sentence_can_end_is_still_fixed(text: str) -> None:
    assert len(_safe(text, "MT814")) == 1


def test_a_spanish_title_keeps_its_inverted_mark() -> None:
    text = "The hosts of ¡De Viernes! return tonight."
    assert fix_text(text) == text


def test_a_date_closing_the_article_is_not_removed_safely() -> None:
    text = "The season opens in Caracas on Tuesday.\n\nNovember 25, 2019\n"
    assert _findings(text, "MT027") == ["November 25, 2019"]
    assert fix_text(text) == text


def test_a_date_above_the_article_is_still_removed() -> None:
    text = "Tuesday, March 5, 2024\n\nThe minister resigned on Monday.\n"
    assert fix_text(text) == "The minister resigned on Monday.\n"


@pytest.mark.parametrize(
    "text",
    [
        "He was left without life insurance after the crash.",
        "Bullet impacts scarred the facade of the bank.",
        "The imputed rent of homeowners rose again.",
        "Analysts warned of the death cross on the peso chart.",
        "Thailand won the King's Cup in Chiang Mai.",
        "He still has no tax file number.",
        "The court set a new maximum sentence for fraud.",
        "The elected president was overthrown in 2009.",
        "Barcelona 1 - 2 Real Madrid - a result that settled the title.",
        "The shop opens at 9.30am on Sundays.",
    ],
)
def test_safe_fixes_leave_native_english_as_it_is(text: str) -> None:
    assert fix_text(text) == text


@pytest.mark.parametrize("brand", ["FanDuel", "AirPods", "DraftKings", "FirstEnergy", "LatinNews"])
def test_an_unlisted_brand_in_camel_case_is_not_glued(brand: str) -> None:
    text = f"Shares of {brand} rose on Monday after the {brand} results."
    assert _findings(text, "MT801") == []


@pytest.mark.parametrize(
    ("text", "glued"),
    [
        ("The clinic is in the region. HealthcareThe director spoke.", "HealthcareThe"),
        ("Floods hit the north. InCantabria the rivers rose.", "InCantabria"),
        ("Fans met at the FanZonea few hours before the match.", "FanZonea"),
    ],
)
def test_a_clause_opener_or_a_word_after_a_brand_is_still_glued(text: str, glued: str) -> None:
    assert _findings(text, "MT801") == [glued]


def test_a_spanish_plural_beside_its_english_one_is_no_misspelling() -> None:
    text = "The Caribes beat the Tigres. Fans of the Caribs cheered in Puerto La Cruz."
    assert _findings(text, "MT831") == []


def test_two_clubs_named_by_one_spanish_word_in_two_genders_are_two_names() -> None:
    text = (
        "Liga Deportiva Alajuelense beat Deportivo Saprissa. Deportivo Saprissa lost again, "
        "and Deportivo Saprissa fans left early."
    )
    assert _findings(text, "MT831") == []


def test_a_word_glued_to_a_reporting_participle_is_split_unsafely() -> None:
    text = "The ministry could not manage, it wrote, and could not managestating the cost."
    assert _findings(text, "MT801") == ["managestating"]
    assert _safe(text, "MT801") == []


@pytest.mark.parametrize("word", ["raceday", "pricetag", "shotstopper", "dealmaking"])
def test_two_content_words_closed_up_are_an_english_compound(word: str) -> None:
    text = f"The {word} was the story. The race, the day, the price, the tag, the shot, the deal."
    assert _findings(text, "MT801") == []


def test_a_common_word_glued_to_a_closed_class_word_is_still_split() -> None:
    text = "It was their duty, they said: a dutyamong friends."
    assert _findings(text, "MT801") == ["dutyamong"]


def test_a_surname_made_of_two_words_is_not_glued() -> None:
    assert _findings("On Monday Trippier said the plan was fine.", "MT801") == []


# Guards of the seventh real-text pass (2026-12-04); the sentences are our own.


def test_an_inflected_english_word_opening_a_headline_is_no_name() -> None:
    text = (
        "Vaccinating children is a duty in Costa Rica\n\nIn Heredia, vaccinating children is free."
    )
    assert _findings(text, "MT811") == []


def test_a_rare_name_at_a_sentence_start_still_shows_its_capital() -> None:
    text = "Demichelis spoke first.\n\nThe coach, demichelis, left."
    assert _findings(text, "MT811") == ["demichelis"]


def test_a_country_in_capitals_in_a_dateline_is_house_style() -> None:
    text = (
        "TEGUCIGALPA, HONDURAS. The bank of Honduras said the remittances to Honduras grew, "
        "and Honduras will publish the figures for Honduras on Monday."
    )
    assert _findings(text, "MT805") == []


def test_a_country_acronym_as_a_modifier_takes_no_article() -> None:
    text = "The US said the sanctions stand. US companies in Caracas will wind down."
    assert _findings(text, "MT730") == []


def test_an_acronym_said_as_a_word_goes_bare_even_beside_a_modifier_use() -> None:
    text = (
        "The figures come from the PAHO update. In Lima, PAHO said cases rose, and in Quito "
        "PAHO said they fell.\nPAHO reported 300 deaths."
    )
    assert _findings(text, "MT730") == []


def test_an_acronym_the_article_gives_an_article_still_needs_it_at_a_sentence_start() -> None:
    text = "The rate set by the BCV rose. The BCV said so on Monday.\nBCV reported a fall."
    assert _findings(text, "MT730") == ["BCV"]


def test_a_list_of_the_readers_rights_addresses_the_reader() -> None:
    text = "Detainees have rights:\n• to know the cause of your detention and the officer's name.\n"
    assert _findings(text, "MT723") == []


def test_a_long_english_word_the_table_lacks_is_not_split() -> None:
    text = "The office signed a deal with the Superintendency of Insurance on Monday."
    assert _findings(text, "MT801") == []


def test_a_company_after_a_brand_prefix_is_not_split() -> None:
    text = "Chevron and PdV run the PetroBoscan joint venture in Zulia."
    assert _findings(text, "MT801") == []


def test_an_institution_in_lower_case_inside_a_quotation_is_not_fixed_safely() -> None:
    text = (
        "Pensions will rise on March 10 when the new Retirement Mobility Index is presented.\n\n"
        "The minister said: “The retirement mobility index is going to be announced,” he added.\n"
    )
    assert _findings(text, "MT811") == ["retirement mobility index"]
    assert _safe(text, "MT811") == []


def test_tickers_in_capitals_are_not_one_name_spelled_two_ways() -> None:
    text = "The General Share Price Index (IGPA or SPCLXIGPA) rose, and the IGPA closed higher.\n"
    assert _findings(text, "MT831") == []


def test_a_figure_after_a_comma_still_gets_its_thousands_separator() -> None:
    assert fix_text("The rains damaged 2,044 homes, 5177 families were affected in Cali.\n") == (
        "The rains damaged 2,044 homes, 5,177 families were affected in Cali.\n"
    )
