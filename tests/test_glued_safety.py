"""Glued words: a safe fix must never turn one real word into two."""

from __future__ import annotations

import pytest

from mtcheck import check_text, fix_text
from mtcheck.detectors.name_lexicons import camelcase_names
from mtcheck.model import Applicability
from mtcheck.resources import word_list


def _safe_glued(text: str) -> list[str]:
    return [
        f.matched
        for f in check_text(text)
        if f.category == "glued-words" and f.fix and f.fix.applicability == Applicability.SAFE
    ]


@pytest.mark.parametrize("brand", word_list("camelcase-names"))
def test_listed_camelcase_names_are_never_split(brand: str) -> None:
    text = f"Shares of {brand} rose on Monday, and {brand} said it would invest."
    assert not [f for f in check_text(text) if f.category == "glued-words"]


def test_camelcase_names_lexicon_is_lowercased_for_lookup() -> None:
    assert "gamestop" in camelcase_names()


@pytest.mark.parametrize(
    "text",
    [
        "Investors sold PagaPhone and CuentaFacil shares.",  # unknown brands: shape only
        "The NovaBanco results came after the QuickPay launch.",
    ],
)
def test_two_capitalised_halves_are_at_most_unsafe(text: str) -> None:
    assert _safe_glued(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Patrols covered Villamar, Altavista and Buenavista.",  # Spanish compound names
        "The inactions of the agency were criticised.",  # lexicon word with an ending
        "After monthslong talks, the citywide strike ended.",  # closed compounds
        "Visit latin-american.news or Time.news for more.",  # sites, not lost stops
        "var slot = adUnits.push({ mediaTypes: { banner: {} } });",  # code identifiers
        "The race took 90min 30sec over 12km.",  # figures with units
        "Defender Kendall Waston headed in the equaliser.",  # a surname: Was + ton
    ],
)
def test_real_words_and_shapes_are_not_split_safely(text: str) -> None:
    assert _safe_glued(text) == []


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        (
            "Talks ended. Lukashenkois said to be pleased.",
            "Talks ended. Lukashenko is said to be pleased.",
        ),
        (
            "The prosecutor, Ana Zapataconfirmed the charges. Zapata left.",
            "The prosecutor, Ana Zapata confirmed the charges. Zapata left.",
        ),
        (
            "It came aftera storm that hit ashort coast.",
            "It came after a storm that hit a short coast.",
        ),
        ("Inflation fell in 2023.This helped.", "Inflation fell in 2023. This helped."),
    ],
)
def test_telltale_joins_are_still_fixed(text: str, fixed: str) -> None:
    assert fix_text(text) == fixed


def test_a_name_glued_at_a_markdown_link_boundary_is_fixed(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from mtcheck.api import fix_document
    from mtcheck.document import load

    article = tmp_path / "a.md"
    article.write_text("Talks ended. [Arévalo](https://example.com/a)is pleased. Arévalo spoke.\n")
    fixed = fix_document(load(article)).text
    assert fixed == "Talks ended. [Arévalo](https://example.com/a) is pleased. Arévalo spoke.\n"


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("The pesoswhich were printed lost value.", "The pesos which were printed lost value."),
        ("Inflation reached 8.7%in September.", "Inflation reached 8.7% in September."),
        ("He said it on Monday.The rest followed.", "He said it on Monday. The rest followed."),
        (
            "He met [Vladimir Putin](https://example.com/p)visited Minsk.",
            "He met [Vladimir Putin](https://example.com/p) visited Minsk.",
        ),
        (
            "He thanked[Putin](https://example.com/p) for it.",
            "He thanked [Putin](https://example.com/p) for it.",
        ),
    ],
)
def test_joins_at_a_common_word_a_sign_a_stop_and_a_plain_text_link(text: str, fixed: str) -> None:
    assert fix_text(text) == fixed


@pytest.mark.parametrize(
    "text",
    [
        "He declared an emergency, instating a curfew.",  # in + stating is one word
        "Nine ships used the NeoPanamax locks.",  # a prefix and a name
        "The 2nd round and the 3D film, a 4x4 truck.",
    ],
)
def test_prefixes_and_short_endings_are_not_glued(text: str) -> None:
    assert [f for f in check_text(text) if f.category == "glued-words"] == []


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("Government officialssaid the plan works.", "Government officials said the plan works."),
        ("Gustavo Petro’sadministration said no.", "Gustavo Petro’s administration said no."),
    ],
)
def test_a_reporting_verb_or_a_possessive_glued_to_its_neighbour(text: str, fixed: str) -> None:
    assert fix_text(text) == fixed


def test_a_possessive_before_a_word_beginning_with_s_is_left() -> None:
    assert [f for f in check_text("Peru’sixty ministers met.") if f.category == "glued-words"] == []


def test_a_relative_clause_after_a_name_gets_its_comma_back() -> None:
    # Real post-edits restore the comma the stripped link took: Jamaica, where.
    fixed = fix_text("The team flew to Jamaicawhere it will play on Sunday.")
    assert fixed == "The team flew to Jamaica, where it will play on Sunday."


def test_of_two_readings_as_a_name_and_a_word_the_longer_word_wins() -> None:
    found = [f for f in check_text("Rain fell in the Balearicsalthough Murcia stayed dry.")]
    glued = [f for f in found if f.rule_id == "MT801"]
    assert glued and glued[0].fix is not None
    assert glued[0].fix.edits[0].replacement == "Balearics, although"


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("“I live in Costa RicaI think,” he said.", "“I live in Costa Rica I think,” he said."),
        ("“The problem isI’m tired,” he said.", "“The problem is I’m tired,” he said."),
        (
            "A cloudy day (Reference image)Photo: Archive.",
            "A cloudy day (Reference image) Photo: Archive.",
        ),
    ],
)
def test_a_pronoun_or_a_word_after_a_parenthesis_glued_is_split(text: str, fixed: str) -> None:
    assert fix_text(text) == fixed


def test_roman_numerals_and_capitals_are_not_a_glued_pronoun() -> None:
    assert _safe_glued("Henry VIII and the WWI veterans met in MIAMI today.") == []


def test_a_common_word_glued_to_he_is_split_but_not_safely() -> None:
    # MT writes "he" for Spanish "el" as well: inflationhe 48.7% is "inflation, the 48.7%".
    found = [
        f for f in check_text("Prices rose with inflationhe said in Lima.") if f.rule_id == "MT801"
    ]
    assert found and found[0].fix is not None and found[0].fix.applicability.label == "unsafe"


def _unsafe_glued(text: str) -> list[tuple[str, str]]:
    return [
        (f.matched, f.fix.edits[0].replacement)
        for f in check_text(text)
        if f.category == "glued-words" and f.fix and f.fix.applicability == Applicability.UNSAFE
    ]


@pytest.mark.parametrize(
    ("text", "matched", "written"),
    [
        ("Oil closed at $75.92It was the lowest in weeks.", "$75.92It", "$75.92. It"),
        ("Shares rose 3%The bank said so.", "3%The", "3%. The"),
        ("The tax cut hit incomebecause wages fell.", "incomebecause", "income because"),
        ("The strikes on Israelall drew a reply.", "Israelall", "Israel all"),
    ],
)
def test_a_figure_or_a_word_glued_to_an_opener_or_a_conjunction_is_split_unsafely(
    text: str, matched: str, written: str
) -> None:
    assert _unsafe_glued(text) == [(matched, written)]


@pytest.mark.parametrize(
    "text",
    [
        "The 3G and 5G networks cover 95% of Lima.",
        "She sold 4.5M shares in the 2024 Games.",
        "The Randall and Tyndall families met at 10.30 in Oakland.",
    ],
)
def test_units_models_and_names_ending_in_all_are_not_split(text: str) -> None:
    assert [f.matched for f in check_text(text) if f.category == "glued-words"] == []
