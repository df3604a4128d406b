"""Rule codes as users type them (``--select``, ``--ignore``, config tables): checked, and
the nearest known code suggested when one is mistyped.

A typo in ``--select`` must not switch the tool off in CI, so an unknown code is an
error, never an empty selection. A code is known when it is a rule id, an id prefix
(``MT1`` selects MT100-MT199), a rule name, a category, or ``ALL``.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Sequence

from mtcheck.errors import MtcheckError, UsageError

ALL = "ALL"
_ID = re.compile(r"[A-Z]+[0-9]+")


def known_codes(ruleset: Iterable[object]) -> list[str]:
    """Every code that selects something in ``ruleset``: ids, names, categories and ALL.

    ``ruleset`` yields rules (with ``.info``) or RuleInfo records.
    """
    codes: dict[str, None] = {ALL: None}
    for item in ruleset:
        info = getattr(item, "info", item)
        for code in (info.id, info.name, info.category):  # type: ignore[attr-defined]
            codes[code] = None
    return list(codes)


def is_known(code: str, known: Sequence[str]) -> bool:
    """A known code, or the prefix of a known rule id (``MT1``, ``MT10``)."""
    if code in known:
        return True
    return bool(code) and any(_ID.fullmatch(k) and k.startswith(code) for k in known)


def suggest_code(code: str, known: Sequence[str]) -> str | None:
    """The known code nearest to ``code`` (case aside), or None when none is near."""
    if not code or not known:
        return None
    wanted = code.strip().casefold()
    return _same_but_case(wanted, known) or _near_id(wanted, known) or _nearest(wanted, known)


def _same_but_case(wanted: str, known: Sequence[str]) -> str | None:
    """``mt801`` → MT801: the case was the only mistake."""
    return next((k for k in known if k.casefold() == wanted), None)


def _near_id(wanted: str, known: Sequence[str]) -> str | None:
    """For an id: the first id it is a prefix of (``mt1`` → MT100), else the longest id
    it starts with (``MT8011`` → MT801: a character too many)."""
    if not _ID.fullmatch(wanted.upper()):
        return None
    ids = [k for k in known if _ID.fullmatch(k)]
    prefixed = [k for k in ids if k.casefold().startswith(wanted)]
    if prefixed:
        return min(prefixed)
    within = [k for k in ids if wanted.startswith(k.casefold())]
    return max(within, key=len) if within else None


def _nearest(wanted: str, known: Sequence[str]) -> str | None:
    """The first of the most similar codes, if similar enough (difflib's 0.6 cutoff)."""
    best, best_score = None, 0.6
    for candidate in known:  # the first of equally near codes wins: ids in catalogue order
        matcher = difflib.SequenceMatcher(None, wanted, candidate.casefold())
        if matcher.real_quick_ratio() > best_score and matcher.ratio() > best_score:
            best, best_score = candidate, matcher.ratio()
    return best


def validate_codes(
    codes: Iterable[str],
    known: Sequence[str],
    where: str,
    error: Callable[[str], MtcheckError] = UsageError,
) -> None:
    """Raise ``error`` (a usage error by default) for the first unknown code in ``codes``.

    ``where`` names the option or config key (``--select``, ``[tool.mtcheck] ignore``);
    the message suggests the nearest known code when there is one.
    """
    for code in codes:
        if is_known(code, known):
            continue
        message = f"{where}: unknown rule code {code!r}"
        suggestion = suggest_code(code, known)
        if suggestion is not None:
            message += f"; did you mean {suggestion!r}?"
        else:
            message += " (see `mtcheck rules`)"
        raise error(message)
