"""What the original settles about the monolingual findings.

A monolingual rule guesses; the original can confirm the guess. A finding is
confirmed when a check against the original flags the same text with the same
fix, when the name its fix writes stands in the aligned original sentence
(``belarus`` → ``Belarus`` where the original has ``Belarús``), or when a line
it deletes as site chrome has no counterpart in the original, or one that is
chrome there too. A confirmed unsafe fix becomes safe. Where the original
contradicts a fix, the original's fix wins; a "glued" word that the original
writes as one word as well is no finding.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace

from mtcheck.bilingual.align import Alignment
from mtcheck.bilingual.checks import is_source_chrome
from mtcheck.folding import fold
from mtcheck.model import Applicability, Finding, Fix

CONFIRMED = "the original confirms it"
_NAME_EVIDENCE = {"casing", "glued-words", "translated-name", "consistency"}
_CHROME = {"boilerplate", "crossref-label"}
# Rules of these categories name the Spanish they come from: “asistir a”, “en el marco de”.
_SPANISH_CUES = {"calque", "false-friend"}
_QUOTED = re.compile(r"“([^”]+)”")
_SPANISH_WORDS = frozenset("de del el la los las en que se un una por con y a al".split())
_CAPITALISED = re.compile(r"[A-ZÁÉÍÓÚÑ][\w’']+")
_WORD = re.compile(r"\w+")


def _apply(text: str, fix: Fix) -> str:
    for edit in sorted(fix.edits, key=lambda e: e.span.start, reverse=True):
        text = text[: edit.span.start] + edit.replacement + text[edit.span.end :]
    return text


def _overlap(a: Finding, b: Finding) -> bool:
    return a.span.start < b.span.end and b.span.start < a.span.end


def _confirmed(finding: Finding) -> Finding:
    fix = finding.fix
    if fix is not None and fix.applicability == Applicability.UNSAFE:
        fix = Fix(Applicability.SAFE, fix.edits)
    return replace(finding, fix=fix, message=f"{finding.message} ({CONFIRMED})")


def merge(
    text: str,
    monolingual: Sequence[Finding],
    bilingual: Sequence[Finding],
    alignment: Alignment,
) -> list[Finding]:
    """Both kinds of findings, with the original's verdict on the monolingual ones."""
    kept_bilingual = list(bilingual)
    result: list[Finding] = []
    original_words = {fold(w) for w in _WORD.findall(" ".join(s.text for s in alignment.source))}
    for finding in monolingual:
        if finding.category == "glued-words" and fold(finding.matched.strip()) in original_words:
            continue  # the original writes it as one word too (Petroecuador): no markup lost
        twin = next(
            (b for b in kept_bilingual if b.category == finding.category and _overlap(b, finding)),
            None,
        )
        if twin is None:
            evidence = _evidence(text, finding, alignment)
            result.append(_confirmed(finding) if evidence else finding)
            continue
        if twin.fix is None or (
            finding.fix is not None and _apply(text, finding.fix) == _apply(text, twin.fix)
        ):
            kept_bilingual.remove(twin)
            result.append(_confirmed(finding))
        # Otherwise the original contradicts the guess: only the original's fix stays.
    return result + without_chrome_additions(kept_bilingual, result)


def without_chrome_additions(
    bilingual: Sequence[Finding], monolingual: Sequence[Finding]
) -> list[Finding]:
    """An added line that a monolingual rule deletes as site chrome is reported once, as chrome."""
    chrome = [f for f in monolingual if f.category in _CHROME]
    return [
        b
        for b in bilingual
        if not (b.category == "addition" and any(_overlap(b, c) for c in chrome))
    ]


def _evidence(text: str, finding: Finding, alignment: Alignment) -> bool:
    if finding.fix is None:
        return False
    source = _aligned_source(alignment, finding.span.start)
    if finding.category in _CHROME:
        return source is not None and (source == "" or _chrome(source))
    if finding.category in _SPANISH_CUES and source:
        return _cue_in(finding, source)
    if finding.category not in _NAME_EVIDENCE or not source:
        return False
    fixed = _apply(text, finding.fix)
    start = finding.span.start
    end = finding.span.end + len(fixed) - len(text)
    written = set(_CAPITALISED.findall(fixed[max(0, start - 1) : end + 1]))
    before = set(_CAPITALISED.findall(finding.matched))
    names = {fold(w) for w in _CAPITALISED.findall(source)}
    return any(fold(w) in names for w in written - before)


def _cue_in(finding: Finding, source: str) -> bool:
    """Whether the Spanish phrase the finding's message names stands in the original sentence
    (by four-letter prefixes, so asistió matches “asistir a”)."""
    source_prefixes = {w[:4] for w in fold(source).split()}
    replacements = {fold(s) for s in finding.suggestions}
    for phrase in _QUOTED.findall(finding.message):
        words = fold(phrase).split()
        spanish = any(w in _SPANISH_WORDS for w in words) or _accented(phrase)
        if not spanish or fold(phrase) in replacements or fold(phrase) == fold(finding.matched):
            continue
        content = [w for w in words if len(w) >= 4]
        if content and all(w[:4] in source_prefixes for w in content):
            return True
    return False


def _accented(text: str) -> bool:
    return any(unicodedata.combining(c) for c in unicodedata.normalize("NFKD", text))


def _chrome(source: str) -> bool:
    from mtcheck.bilingual.segments import Sentence

    return is_source_chrome(Sentence(0, len(source), source, 0))


def _aligned_source(alignment: Alignment, offset: int) -> str | None:
    """The original's text aligned with the sentence at ``offset``: '' when it has none,
    None when the offset is in no sentence."""
    index = bisect.bisect_right(alignment.target_starts, offset) - 1
    if index < 0 or offset > alignment.target[index].end:
        return None
    pair = alignment.pair_of_target.get(index)
    return alignment.source_text(pair) if pair is not None else None
