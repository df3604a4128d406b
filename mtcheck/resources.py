"""Where the bundled rule packs and lexicons live, in a wheel or in a checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def rules_dir() -> Path:
    """The bundled ``rules/`` folder.

    An installed wheel carries it as ``mtcheck/rules``; an editable install or
    a checkout reads the top-level ``rules/`` beside the package.
    """
    for candidate in (_PACKAGE_DIR / "rules", _PACKAGE_DIR.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("the bundled rules/ folder is missing from this installation")


@cache
def word_list(name: str) -> tuple[str, ...]:
    """The entries of ``rules/lexicon/NAME.txt``, without comments and blank lines."""
    path = rules_dir() / "lexicon" / f"{name}.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(s for line in lines if (s := line.strip()) and not s.startswith("#"))
