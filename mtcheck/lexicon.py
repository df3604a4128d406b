"""Word frequencies (Zipf scale) for English and Spanish, from wordfreq.

wordfreq builds a dict of 300,000 words in about 0.4 s, too slow for a
pre-commit hook run on every commit, so the first run stores the two tables
as a pickle in the user cache folder and later runs load that in a few
milliseconds. Everything stays in the installed package: nothing is fetched.
"""

from __future__ import annotations

import contextlib
import math
import os
import pickle
import tempfile
from functools import cache
from importlib import metadata
from pathlib import Path

# Words rarer than this carry no evidence either way and only cost memory.
_MIN_ZIPF = 1.0
_LANGUAGES = ("en", "es")


def cache_dir() -> Path:
    base = os.environ.get("MTCHECK_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME")
    root = Path(base) if base else Path.home() / ".cache"
    return root if os.environ.get("MTCHECK_CACHE_DIR") else root / "mtcheck"


def _build() -> dict[str, dict[str, float]]:
    from wordfreq import get_frequency_dict  # heavy: imported only when the cache is cold

    tables: dict[str, dict[str, float]] = {}
    for lang in _LANGUAGES:
        table = {}
        for word, freq in get_frequency_dict(lang).items():
            zipf = round(math.log10(freq) + 9, 2)
            if zipf >= _MIN_ZIPF:
                table[word] = zipf
        tables[lang] = table
    return tables


def _store(path: Path, tables: dict[str, dict[str, float]]) -> None:
    # A read-only home only costs speed.
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".lexicon-")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(tables, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)


@cache
def _tables() -> dict[str, dict[str, float]]:
    version = metadata.version("wordfreq")
    path = cache_dir() / f"lexicon-wordfreq-{version}.pickle"
    try:
        with path.open("rb") as handle:
            tables = pickle.load(handle)
        if isinstance(tables, dict) and set(tables) == set(_LANGUAGES):
            return tables
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    tables = _build()
    _store(path, tables)
    return tables


def zipf(word: str, lang: str = "en") -> float:
    """Zipf frequency (log10 of uses per billion words) of a word; 0.0 when unknown."""
    return _tables()[lang].get(word.lower().replace("’", "'"), 0.0)
