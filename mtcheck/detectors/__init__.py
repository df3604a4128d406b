"""Evidence-based detectors, named so that rule files can refer to them."""

from __future__ import annotations

from mtcheck.bilingual.checks import (
    detect_added_sentence,
    detect_glued_against_original,
    detect_number_mismatch,
    detect_omitted_number,
    detect_omitted_sentence,
    detect_quotation_mismatch,
    detect_translated_name,
    detect_untranslated_sentence,
)
from mtcheck.detectors.base import Detector, Hit
from mtcheck.detectors.casing import (
    detect_capitalised_pronoun,
    detect_lowercase_calendar,
    detect_lowercase_names,
)
from mtcheck.detectors.consistency import detect_inconsistent_names
from mtcheck.detectors.glued import detect_glued_words
from mtcheck.detectors.grammar import detect_personal_a
from mtcheck.detectors.spanish import detect_spanish

DETECTORS: dict[str, Detector] = {
    "glued-words": detect_glued_words,
    "lowercase-name": detect_lowercase_names,
    "lowercase-calendar": detect_lowercase_calendar,
    "capitalised-pronoun": detect_capitalised_pronoun,
    "personal-a": detect_personal_a,
    "inconsistent-name": detect_inconsistent_names,
    "spanish-sentence": detect_spanish,
    # Only with the Spanish original (mtcheck.bilingual):
    "number-mismatch": detect_number_mismatch,
    "omitted-number": detect_omitted_number,
    "translated-name": detect_translated_name,
    "omitted-sentence": detect_omitted_sentence,
    "added-sentence": detect_added_sentence,
    "untranslated-sentence": detect_untranslated_sentence,
    "quotation-mismatch": detect_quotation_mismatch,
    "glued-in-original": detect_glued_against_original,
}

COMPARING_DETECTORS = frozenset(
    {
        "number-mismatch",
        "omitted-number",
        "translated-name",
        "omitted-sentence",
        "added-sentence",
        "untranslated-sentence",
        "quotation-mismatch",
        "glued-in-original",
    }
)

__all__ = ["COMPARING_DETECTORS", "DETECTORS", "Detector", "Hit"]
