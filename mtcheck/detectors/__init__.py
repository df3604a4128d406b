"""Evidence-based detectors, named so that rule files can refer to them."""

from __future__ import annotations

from collections.abc import Iterable

from mtcheck.analysis import Analysis
from mtcheck.detectors.base import Detector, Hit
from mtcheck.detectors.casing import (
    detect_capital_mid_sentence,
    detect_capitalised_pronoun,
    detect_lowercase_calendar,
    detect_lowercase_names,
    detect_title_case_acronym,
)
from mtcheck.detectors.chrome import detect_scraped_code, detect_site_chrome
from mtcheck.detectors.consistency import (
    detect_casing_variants,
    detect_dash_style,
    detect_inconsistent_names,
    detect_percent_style,
    detect_quote_punctuation_style,
)
from mtcheck.detectors.figures import detect_figure_word_groups
from mtcheck.detectors.glued import detect_glued_words
from mtcheck.detectors.grammar import (
    detect_acronym_without_article,
    detect_article_before_name,
    detect_article_before_word_acronym,
    detect_personal_a,
)
from mtcheck.detectors.names import detect_translated_person_names
from mtcheck.detectors.org_pronouns import detect_institution_pronoun, detect_team_pronoun
from mtcheck.detectors.possessives import detect_your_for_su
from mtcheck.detectors.pronouns import detect_pronoun_gender
from mtcheck.detectors.spanish import detect_spanish, detect_spanish_chrome
from mtcheck.detectors.stops import (
    detect_lowercase_after_stop,
    detect_stop_splitting_sentence,
    detect_stray_fragment,
)
from mtcheck.detectors.subjects import detect_pleonastic_pronoun
from mtcheck.detectors.translated_names import detect_translated_names
from mtcheck.document import Document

# Detectors that compare with the Spanish original (mtcheck.bilingual.checks), by name.
_COMPARING = {
    "number-mismatch": "detect_number_mismatch",
    "omitted-number": "detect_omitted_number",
    "translated-name": "detect_translated_name",
    "omitted-sentence": "detect_omitted_sentence",
    "added-sentence": "detect_added_sentence",
    "untranslated-sentence": "detect_untranslated_sentence",
    "quotation-mismatch": "detect_quotation_mismatch",
    "glued-in-original": "detect_glued_against_original",
}
COMPARING_DETECTORS = frozenset(_COMPARING)


def _comparing(function: str) -> Detector:
    """The comparison code is imported on first use: a check without an original,
    a pre-commit hook say, never pays for loading it."""

    def detect(document: Document, analysis: Analysis) -> Iterable[Hit]:
        from mtcheck.bilingual import checks

        detector: Detector = getattr(checks, function)
        return detector(document, analysis)

    return detect


DETECTORS: dict[str, Detector] = {
    "glued-words": detect_glued_words,
    "figure-word-groups": detect_figure_word_groups,
    "lowercase-name": detect_lowercase_names,
    "lowercase-calendar": detect_lowercase_calendar,
    "capitalised-pronoun": detect_capitalised_pronoun,
    "capital-mid-sentence": detect_capital_mid_sentence,
    "title-case-acronym": detect_title_case_acronym,
    "personal-a": detect_personal_a,
    "acronym-without-article": detect_acronym_without_article,
    "article-before-word-acronym": detect_article_before_word_acronym,
    "pronoun-gender": detect_pronoun_gender,
    "institution-pronoun": detect_institution_pronoun,
    "team-pronoun": detect_team_pronoun,
    "stray-fragment": detect_stray_fragment,
    "stop-splitting-sentence": detect_stop_splitting_sentence,
    "your-for-su": detect_your_for_su,
    "pleonastic-pronoun": detect_pleonastic_pronoun,
    "article-before-name": detect_article_before_name,
    "lowercase-after-stop": detect_lowercase_after_stop,
    "inconsistent-name": detect_inconsistent_names,
    "casing-variant": detect_casing_variants,
    "percent-style": detect_percent_style,
    "quote-style": detect_quote_punctuation_style,
    "dash-style": detect_dash_style,
    "spanish-sentence": detect_spanish,
    "spanish-chrome-line": detect_spanish_chrome,
    "translated-person-name": detect_translated_person_names,
    "translated-name-lexicon": detect_translated_names,
    "scraped-code": detect_scraped_code,
    "site-chrome": detect_site_chrome,
    **{name: _comparing(function) for name, function in _COMPARING.items()},
}

__all__ = ["COMPARING_DETECTORS", "DETECTORS", "Detector", "Hit"]
