"""The bilingual lexicon of Spanish person names that are also Spanish words.

``rules/lexicon/person-names.txt`` pairs each Spanish given name and surname
with the English words machine translation turns it into (``Campos`` →
``Fields``). Both the monolingual detector and the checks against the original
read it; this module keeps no state beyond a cached parse.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

# The same folding the checks against the original compare names by.
from mtcheck.folding import fold
from mtcheck.resources import word_list

__all__ = ["PersonNames", "fold", "person_names"]


@dataclass(frozen=True)
class PersonNames:
    #: folded Spanish given name -> its Spanish spelling (Spanish-only names)
    given: dict[str, str]
    #: folded given names that are everyday English names too (Victoria, Gloria)
    given_shared: dict[str, str]
    #: folded Spanish surname -> its Spanish spelling
    surnames: dict[str, str]
    #: folded English rendering -> the Spanish given names it renders (John -> Juan)
    given_from_english: dict[str, tuple[str, ...]]
    #: folded English rendering -> the Spanish surnames it renders (Fields -> Campos)
    surname_from_english: dict[str, tuple[str, ...]]
    #: folded Spanish name word -> its English renderings, for the original's checks
    renderings: dict[str, tuple[str, ...]]


@cache
def person_names() -> PersonNames:
    given: dict[str, str] = {}
    shared: dict[str, str] = {}
    surnames: dict[str, str] = {}
    given_en: defaultdict[str, list[str]] = defaultdict(list)
    surname_en: defaultdict[str, list[str]] = defaultdict(list)
    renderings: dict[str, tuple[str, ...]] = {}
    for line in word_list("person-names"):
        kind, _, pair = line.partition(" ")
        spanish, _, english = pair.partition("=")
        spanish = spanish.strip()
        forms = tuple(
            w.strip() for w in english.split(",") if w.strip() and fold(w.strip()) != fold(spanish)
        )
        key = fold(spanish)
        if kind == "surname":
            surnames[key] = spanish
            target = surname_en
        elif kind in ("given", "given*"):
            (shared if kind == "given*" else given)[key] = spanish
            target = given_en
        else:
            raise ValueError(f"person-names.txt: unknown kind {kind!r} in {line!r}")
        for form in forms:
            target[fold(form)].append(spanish)
        if forms:
            renderings[key] = forms
    return PersonNames(
        given=given,
        given_shared=shared,
        surnames=surnames,
        given_from_english={k: tuple(v) for k, v in given_en.items()},
        surname_from_english={k: tuple(v) for k, v in surname_en.items()},
        renderings=renderings,
    )
