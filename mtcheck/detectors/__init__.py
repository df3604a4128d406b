"""Evidence-based detectors, named so that rule files can refer to them."""

from __future__ import annotations

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
}

__all__ = ["DETECTORS", "Detector", "Hit"]
