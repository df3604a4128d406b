"""Names rendered word by word: the lexicon detector, its shapes, and the original's check."""

from __future__ import annotations

import re

import pytest

from mtcheck.api import check_text
from mtcheck.detectors.translated_names import lexicon, parse_lexicon
from mtcheck.model import Applicability


def _found(text: str, rule: str = "MT3300", original: str | None = None) -> list[str]:
    return [f.matched for f in check_text(text, original=original) if f.rule_id == rule]


FOOTBALL = "In the Apertura of the Liga MX, Toluca and Pumas drew; "


def test_lexicon_loads_every_section_with_a_known_register() -> None:
    table = lexicon()
    assert table.sections
    for section in table.sections:
        assert section.register in table.registers
        assert section.entries


@pytest.mark.parametrize(
    ("lines", "problem"),
    [
        (("[sport 2]", "Lion = León"), "unknown register"),
        (("@sport: goal", "Lion = León"), "in a section"),
        (("@sport: goal", "[sport two]"), "needs '[register N]'"),
        (("@sport", "[sport 2]"), "needs '@name: words'"),
        (("@sport: goal", "[sport 2]", "Lion León"), "needs 'English = Spanish'"),
    ],
)
def test_a_malformed_lexicon_line_is_named(lines: tuple[str, ...], problem: str) -> None:
    with pytest.raises(ValueError, match=re.escape(problem)) as error:
        parse_lexicon(lines, "names.txt")
    assert "names.txt" in str(error.value)


def test_a_one_word_club_counts_only_in_a_spanish_football_story() -> None:
    assert _found(FOOTBALL + "later Lion beat Tijuana.") == ["Lion"]
    assert _found("In the zoo of Leeds the keepers fed the Lion at noon.") == []


def test_a_match_inside_a_longer_name_is_another_name() -> None:
    story = FOOTBALL + "the New Orleans Saints and Blue Cross Blue Shield sponsor nothing."
    assert _found(story) == []
    assert _found(FOOTBALL + "then Saints lost to Atlas.") == ["Saints"]


def test_a_one_word_entry_never_counts_at_a_sentence_start() -> None:
    assert _found(FOOTBALL + "the match ended. Saints lost to Atlas.") == []


def test_credits_in_capitals_count_and_keep_capitals_in_the_fix() -> None:
    findings = [f for f in check_text("NEW LION. The governor spoke in Monterrey, Mexico.")]
    assert [f.matched for f in findings if f.rule_id == "MT3300"] == ["NEW LION"]
    found = next(f for f in findings if f.rule_id == "MT3300")
    assert found.fix is not None and found.fix.edits[0].replacement == "NUEVO LEÓN"


def test_a_club_shape_needs_a_word_english_does_not_know() -> None:
    assert _found(FOOTBALL + "Royal Betis and Athletic San Luis scored.") == [
        "Royal Betis",
        "Athletic San Luis",
    ]
    assert _found(FOOTBALL + "the Royal Mail and Athletic Bilbao paid.") == []
    assert _found(FOOTBALL + "Cucuta Sports lost; Claro Sports showed it.") == ["Cucuta Sports"]


def test_a_saint_place_needs_a_spanish_speaking_article() -> None:
    assert _found("The mayor of Saint Peter Sula met Honduran farmers.") == ["Saint Peter Sula"]
    assert _found("He prayed to Saint Francis of Assisi in Lima, Peru.") == []
    assert _found("In Minnesota, Saint Paul Minneapolis traffic was slow.") == []


def test_a_party_in_english_counts_only_beside_spanish_party_names() -> None:
    mixed = "Deputies of Freedom Advances and of Unión por la Patria met."
    assert _found(mixed) == ["Freedom Advances"]
    assert _found("Deputies of Freedom Advances and of Union for the Homeland met.") == []


def test_an_english_given_name_before_a_spanish_surname_needs_the_country() -> None:
    mexican = "In Mexico, at the Liga MX match in Guadalajara, Elijah Hernández came on."
    assert _found(mexican, "MT320") == ["Elijah"]
    assert _found("In Ohio, Elijah Hernández came on for the Columbus Crew.", "MT320") == []


def test_the_original_shows_a_name_its_capitalised_article_opens() -> None:
    original = "Ayer tocó la banda Los Amigos Invisibles en Caracas."
    translation = "Yesterday the band Invisible Friends played in Caracas."
    assert _found(translation, "MT952", original) == ["Invisible Friends"]
    # An institution writes its article in lower case, and English translates it.
    council = "Se reunió el Consejo Nacional Electoral."
    assert _found("The National Electoral Council met.", "MT952", council) == []
    # Names English has its own word for.
    assert _found("She flew to The Hague.", "MT952", "Ella voló a La Haya.") == []


def test_a_spanish_given_name_before_an_everyday_english_word_is_a_translated_surname() -> None:
    assert _found("Coach Rosendo Hillside spoke to the press.", "MT320") == ["Hillside"]
    assert _found("He sat outside the San José Courthouse.", "MT320") == []
    assert _found("Carlos Slim and Juan Mata met Pedro Pascal.", "MT320") == []


def test_a_nickname_with_its_article_translated_counts_in_a_spanish_story() -> None:
    story = FOOTBALL + "in Guadalajara, Mexico, the goal was scored by The Pocho, "
    assert _found(story + "and The chicken hit the post.") == ["The Pocho", "The chicken"]
    assert _found(story.replace("The Pocho", "El Pocho") + "far from The Hague.") == []
    assert _found("In Leeds the goal was scored by The Pocho and The chicken.") == []


def test_winter_league_baseball_clubs_count_in_a_baseball_story() -> None:
    story = "Venezuelan baseball is back: Lions, Boaters and Sharks open the LVBP season."
    assert _found(story) == ["Boaters", "Sharks"]
    assert _found("The Detroit Lions and the San Jose Sharks won in the NHL and NFL.") == []


def test_a_singer_translated_counts_in_a_story_about_music() -> None:
    story = "The singer Featherweight sold out the tour, and his album topped Billboard."
    assert _found(story) == ["Featherweight"]
    assert _found("The boxer moved up from featherweight to lightweight.") == []


def test_a_nickname_after_a_possessive_is_not_part_of_the_owner_name() -> None:
    assert _found(FOOTBALL + "next they face Cruz Azul’s Machine.") == ["Machine"]


def test_a_saint_whose_english_name_differs_only_in_the_accent() -> None:
    assert _found("In Lima, the district of Saint Martin de Porres flooded.") == [
        "Saint Martin de Porres"
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # A paper's bare rendering counts only in a story about its country.
        ("In Santiago, Chile, Boric told the Third that Kast was wrong.", ["the Third"]),
        ("In Ohio, the fans saw the Third game of the series.", []),
        # An ordinary English phrase counts only beside the word newspaper.
        ("In Caracas, Venezuela, the daily Latest News quoted Maduro.", ["daily Latest News"]),
        ("In Caracas, Venezuela, the latest news from Maduro was grim.", []),
        # A rendering that names nothing else counts in any Spanish-language story.
        (
            "In Mexico, the anchor of Aztec Seven and Chain SER in Madrid spoke.",
            ["Aztec Seven", "Chain SER"],
        ),
        (
            "In Córdoba, Argentina, the Voice of the Interior ran the poll.",
            ["the Voice of the Interior"],
        ),
        # Mexican television: Today is the programme Hoy only beside Televisa's words.
        ("The Televisa host of the show Today, on Las Estrellas, cried.", ["show Today"]),
        ("The NBC host of the show Today cried.", []),
        # A nickname only in a Spanish-language football story, never at a sentence start.
        (FOOTBALL + "in the final, the Handymen beat Saprissa.", ["the Handymen"]),
        (FOOTBALL + "the match ended. The Handymen lost.", []),
        ("The handymen fixed the roof in Leeds.", []),
        # A winter-league club with its place is one name, not a bare nickname.
        (
            "In LVBP baseball, the pitcher of the Sailors of Magallanes threw 7 innings.",
            ["Sailors of Magallanes"],
        ),
        # A party named in English beside parties the article writes in Spanish.
        (
            "In Buenos Aires, Everyone's Front met Unión por la Patria and Fuerza Patria.",
            ["Everyone's Front"],
        ),
        ("Everyone's front door was open in Buenos Aires.", []),
    ],
)
def test_new_entries_count_only_in_their_register(text: str, found: list[str]) -> None:
    assert _found(text) == found


def test_a_new_safe_entry_rewrites_with_its_spanish_name() -> None:
    story = "In Santiago, Chile, Boric thanked Carabineros of Chile for the arrests."
    found = next(f for f in check_text(story) if f.rule_id == "MT3300")
    assert found.fix is not None and found.fix.edits[0].replacement == "Carabineros de Chile"
    assert found.fix.applicability == Applicability.SAFE
