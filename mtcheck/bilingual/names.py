"""Spanish names of the original that the translation turned into English words.

A name of the original (a run of capitalised words, with ``de``/``del``/``la``
inside) that is missing from the aligned English sentence is looked for in
translated form, word by word through ``rules/lexicon/name-words.txt``:
``Pablo Iglesias`` as ``Paul Churches``, ``El Tiempo`` as ``The Time``. Only a
capitalised translation counts, since MT keeps the capitals of a name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from mtcheck.bilingual.segments import fold
from mtcheck.resources import word_list

_NAME_WORD = r"[A-ZÁÉÍÓÚÑÜ][a-záéíóúñü]+"
_CONNECTORS = {"de": ("of", "from"), "del": ("of the", "from the"), "la": ("the",), "y": ("and",)}
# Articles translate with the name they open, never as a name of their own.
_ARTICLES = {"el", "la", "los", "las"}
_TITLES = frozenset(
    "President Minister Senator Congressman Congresswoman General Judge Mayor Governor "
    "Deputy Former Vice Prosecutor Chancellor Dr Mr Mrs Ms Premier Secretary Ambassador".split()
)
_RUN = re.compile(rf"{_NAME_WORD}(?:\s+(?:(?:de|del|la|y)\s+)?{_NAME_WORD})*")


@dataclass(frozen=True)
class Glossary:
    translations: dict[str, tuple[str, ...]]  # folded Spanish word -> English words
    phrases: dict[str, tuple[str, ...]]  # folded whole name (El Tiempo) -> English forms
    usual: tuple[str, ...]  # folded names whose English translation is right


@cache
def glossary() -> Glossary:
    translations: dict[str, tuple[str, ...]] = {}
    phrases: dict[str, tuple[str, ...]] = {}
    usual = []
    for line in word_list("name-words"):
        if line.startswith("!"):
            usual.append(fold(line[1:].strip()))
            continue
        spanish, _, english = line.partition("=")
        forms = tuple(w.strip() for w in english.split(",") if w.strip())
        key = fold(spanish.strip())
        if forms:
            (phrases if " " in key else translations)[key] = forms
    return Glossary(translations, phrases, tuple(usual))


@dataclass(frozen=True)
class TranslatedName:
    start: int  # offsets into the English text
    end: int
    name: str  # as the original writes it


def _runs(source: str) -> Iterator[str]:
    """Names of the original; a lone capital at the start of a sentence is not one."""
    for match in _RUN.finditer(source):
        words = match.group().split()
        before = source[: match.start()].rstrip()
        sentence_start = not before or before[-1] in '.!?¿¡:"“«—'
        if sentence_start and len(words) == 1:
            continue
        yield match.group()


def _pattern(words: list[str], table: Glossary) -> tuple[str, bool]:
    """A regex for the run with each word as written or translated; whether any translates."""
    parts = []
    translatable = False
    for word in words:
        choices = [re.escape(word)]
        folded = fold(word)
        if word.islower():
            choices += [re.escape(w) for w in _CONNECTORS.get(folded, ())]
        elif folded in _ARTICLES:
            choices.append("The")
        else:
            extra = table.translations.get(folded, ())
            translatable |= bool(extra) and folded not in _ARTICLES
            choices += [re.escape(w) for w in extra]
        parts.append("(?:" + "|".join(choices) + ")")
    return r"\b" + r"\s+".join(parts) + r"\b", translatable


def translated_names(source: str, target: str) -> list[TranslatedName]:
    """Names of ``source`` that ``target`` shows in translation, longest first, no overlaps."""
    table = glossary()
    folded_target = fold(target)
    found: list[TranslatedName] = []
    for run in _runs(source):
        if fold(run) in folded_target or any(u in fold(run) for u in table.usual):
            continue
        hit = _whole_name_hit(run, target, table, found)
        if hit is not None:
            found.append(hit)
            continue
        words = run.split()
        # The whole name first, then ever shorter parts of it (the rest may be kept).
        for size in range(len(words), 0, -1):
            hit = _first_hit(words, size, target, table, found)
            if hit is not None:
                found.append(hit)
                break
    return found


def _whole_name_hit(
    run: str, target: str, table: Glossary, found: list[TranslatedName]
) -> TranslatedName | None:
    """A newspaper or building of the glossary named in the run, translated whole."""
    folded_run = fold(run)
    for phrase, forms in table.phrases.items():
        at = re.search(rf"\b{re.escape(phrase)}\b", folded_run)
        if at is None or phrase in fold(target):
            continue
        # Folding keeps one letter per letter, so the run's own spelling is at the same place.
        name = run[at.start() : at.end()] if len(folded_run) == len(run) else phrase
        words = run.split()
        for form in forms:
            for match in re.finditer(rf"\b{re.escape(form)}\b", target, re.IGNORECASE):
                if _acceptable(match, target, words, name.split(), found):
                    return TranslatedName(match.start(), match.end(), name)
    return None


def _first_hit(
    words: list[str], size: int, target: str, table: Glossary, found: list[TranslatedName]
) -> TranslatedName | None:
    for first in range(len(words) - size + 1):
        part = words[first : first + size]
        if part[0].islower() or part[-1].islower():
            continue
        if fold(" ".join(part)) in fold(target):
            continue
        # Spanish puts the adjective last: Casa Rosada is the Pink House.
        orders = [part, part[::-1]] if len(part) == 2 else [part]
        for order in orders:
            pattern, translatable = _pattern(order, table)
            if not translatable:
                continue
            for match in re.finditer(pattern, target, re.IGNORECASE):
                if _acceptable(match, target, words, part, found):
                    return TranslatedName(match.start(), match.end(), " ".join(part))
    return None


def _acceptable(
    match: re.Match[str], target: str, run: list[str], part: list[str], found: list[TranslatedName]
) -> bool:
    text = match.group()
    if fold(text) == fold(" ".join(part)):
        return False
    if not _capitalised_translation(text, part, _starts_sentence(target, match.start())):
        return False
    if any(f.start < match.end() and match.start() < f.end for f in found):
        return False
    # "House" inside "White House" belongs to another name: a capitalised
    # neighbour that is not part of this name rules the match out.
    known = {fold(w) for w in run}

    def in_name(word: str) -> bool:  # LibreMargot: a glued neighbour still holds the name
        folded = fold(word)
        return any(
            folded == k or (len(k) > 3 and (folded.endswith(k) or folded.startswith(k)))
            for k in known
        )

    before = re.search(r"([A-ZÁÉÍÓÚÑ][\w]*)\s+$", target[: match.start()])
    after = re.match(r"\s+([A-ZÁÉÍÓÚÑ][\w]*)", target[match.end() :])
    if len(text.split()) > 1:
        after = None  # a whole name matched; what follows it is another matter
    for neighbour in (before, after):
        if neighbour is not None and not in_name(neighbour.group(1)):
            if neighbour is before and (
                _starts_sentence(target, neighbour.start(1)) or neighbour.group(1) in _TITLES
            ):
                continue
            return False
    return True


def _starts_sentence(text: str, offset: int) -> bool:
    before = text[:offset].rstrip()
    return not before or before[-1] in '.!?:"“«—'


def _capitalised_translation(text: str, part: list[str], sentence_start: bool) -> bool:
    """Some word that differs from the original is capitalised, as MT leaves a name;
    the first word of a sentence is capitalised anyway and proves nothing."""
    kept = {fold(w) for w in part}
    words = text.split()
    if sentence_start and not (len(words) > 1 and all(w[0].isupper() for w in words)):
        words = words[1:]  # "Maximum Pacheco" is a name run all the same
    return any(w[0].isupper() and fold(w) not in kept for w in words)
