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

from rapidfuzz.fuzz import ratio

from mtcheck.folding import fold
from mtcheck.lexicon import zipf
from mtcheck.person_names import person_names
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
    for key, forms in person_names().renderings.items():
        translations[key] = tuple(dict.fromkeys((*translations.get(key, ()), *forms)))
    return Glossary(translations, phrases, tuple(usual))


@dataclass(frozen=True)
class TranslatedName:
    start: int  # offsets into the English text
    end: int
    name: str  # as the original writes it
    safe: bool = True  # False where the name was found by its shape alone


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
        else:
            hit = _changed_name(words, target, source, found)
            if hit is not None:
                found.append(hit)
    found.extend(_article_names(source, target, found))
    return found


# A capitalised article inside a Spanish sentence belongs to the name it opens:
# newspapers, bands, programmes, buildings (Los Amigos Invisibles, La Moneda).
# Institutions write theirs in lower case (el Consejo Nacional), and those
# English translates: only the capitalised article shows a name kept as it is.
_ARTICLE_NAME = re.compile(
    rf"(?<=[\wáéíóúñ,;] )(?:El|La|Los|Las)\s+{_NAME_WORD}"
    rf"(?:\s+(?:(?:de|del|la|los|las|y)\s+)?{_NAME_WORD})*"
)
_ENGLISH_RUN = re.compile(
    rf"(?:(?:The|the)\s+)?{_NAME_WORD}(?:\s+(?:of\s+(?:the\s+)?|and\s+)?{_NAME_WORD})*"
)


def _article_names(
    source: str, target: str, found: list[TranslatedName]
) -> Iterator[TranslatedName]:
    """A name the original opens with a capitalised article, missing from the
    translation, where the translation has instead a run of as many capitalised
    everyday English words that the original does not write: ``Los Amigos
    Invisibles`` as ``Invisible Friends``, though no lexicon knows the band."""
    folded_source, folded_target = fold(source), fold(target)
    usual = glossary().usual
    taken = list(found)
    for match in _ARTICLE_NAME.finditer(source):
        name = match.group()
        if any(u in fold(name) for u in usual) or any(fold(f.name) in fold(name) for f in found):
            continue
        words = [w for w in name.split()[1:] if not w.islower()]
        if fold(" ".join(name.split()[1:])) in folded_target or not words:
            continue
        for candidate in _ENGLISH_RUN.finditer(target):
            english = [w for w in candidate.group().split() if not w.islower() and w != "The"]
            if len(english) != len(words) or any(
                re.search(rf"\b{re.escape(fold(w))}\b", folded_source) for w in english
            ):
                continue
            if any(zipf(w) < _COMMON_ENGLISH for w in english):
                continue
            # One word is a name only with the article the original had (El País, The Country).
            if len(english) == 1 and not candidate.group().lower().startswith("the "):
                continue
            start, end = candidate.span()
            if any(f.start < end and start < f.end for f in taken):
                continue
            hit = TranslatedName(start, end, name, safe=False)
            taken.append(hit)
            yield hit
            break


# A word of the original and the English word MT made of it look alike
# (Ezequiel/Ezekiel, Montaña/Mountain) or the English one is a common word.
_ALIKE = 70.0
_COMMON_ENGLISH = 3.0
_KEPT_BESIDE = 2.0
_MISSPELT = 88.0


def _is_person(first_word: str) -> bool:
    """Institutions translate their names (Consejo Nacional, National Council); people
    do not: only a run that opens with a Spanish given name is a person's name."""
    names = person_names()
    key = fold(first_word)
    return key in names.given or key in names.given_shared


_NAME_RUN = re.compile(rf"{_NAME_WORD}(?:\s+{_NAME_WORD})+")


def _changed_name(
    words: list[str], target: str, source: str, found: list[TranslatedName]
) -> TranslatedName | None:
    """A person's name of the original that the translation writes changed, though no
    lexicon knows its words: ``Ezequiel Montaña`` as ``Ezekiel Mountain``.

    The English run must have as many words, each one the original's own, one that
    looks like it, or a capitalised common English word; at least one must differ,
    and none may be a word the original itself writes elsewhere.
    """
    names = [w for w in words if not w.islower()]
    if len(names) < 2 or len(names) > 4 or not _is_person(names[0]):
        return None
    folded_source = fold(source)
    for start, end, candidate in _windows(target, len(names)):
        if fold(" ".join(candidate)) in folded_source:
            continue
        if any(f.start < end and start < f.end for f in found):
            continue
        pairs = list(zip(names, candidate, strict=True))
        kept = sum(1 for original, english in pairs if fold(original) == fold(english))
        # Beside a word kept as it was, a rarer English word is evidence enough.
        common = _KEPT_BESIDE if kept else _COMMON_ENGLISH
        changed = 0
        for original, english in pairs:
            if fold(original) == fold(english):
                continue
            if re.search(rf"\b{re.escape(fold(english))}\b", folded_source):
                break  # a word the original has: another name, not this one changed
            likeness = ratio(fold(original), fold(english))
            if likeness >= _MISSPELT:
                break  # Sheimbaum for Sheinbaum: a misspelling, not a translation
            if likeness < _ALIKE and zipf(english) < common:
                break
            changed += 1
        else:
            if changed:
                return TranslatedName(start, end, " ".join(names))
    return None


def _windows(text: str, size: int) -> Iterator[tuple[int, int, list[str]]]:
    """Every run of ``size`` capitalised words side by side (a title may precede a name)."""
    for match in _NAME_RUN.finditer(text):
        spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", match.group())]
        words = match.group().split()
        for first in range(len(words) - size + 1):
            start = match.start() + spans[first][0]
            end = match.start() + spans[first + size - 1][1]
            yield start, end, words[first : first + size]


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
