"""Lexicons of names that several detectors weigh: given names with their usual
gender, and names written with a capital inside (brands) that are never split."""

from __future__ import annotations

from functools import cache

from mtcheck.resources import word_list


@cache
def given_names() -> dict[str, str]:
    """Given name -> "f" or "m", from rules/lexicon/given-names.txt."""
    genders: dict[str, str] = {}
    for entry in word_list("given-names"):
        name, _, gender = (part.strip() for part in entry.partition("="))
        if gender not in ("f", "m"):
            raise ValueError(f"given-names.txt: {entry!r} needs '= f' or '= m'")
        genders[name] = gender
    return genders


def is_given_name(word: str) -> bool:
    return word[:1].upper() + word[1:].lower() in given_names()


@cache
def camelcase_names() -> frozenset[str]:
    """Names with an inner capital (GameStop, BancoEstado), lower-cased for look-up."""
    return frozenset(entry.lower() for entry in word_list("camelcase-names"))
