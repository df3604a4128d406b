"""Word frequencies (Zipf scale) for English and Spanish, from wordfreq.

wordfreq builds a dict of 300,000 words in about 0.4 s, too slow for a
pre-commit hook run on every commit, so the first run stores the two tables
(only the words frequent enough to count as evidence) with ``marshal`` in the
user cache folder, and later runs load that in a few milliseconds. Everything
stays in the installed package: nothing is fetched.
"""

from __future__ import annotations

import contextlib
import importlib.util
import marshal
import math
import os
import tempfile
from functools import cache, lru_cache
from pathlib import Path

# Words rarer than this carry no evidence either way and only cost load time:
# the detectors ask whether an English word reaches 2.0 and a Spanish one 2.5.
_MIN_ZIPF = {"en": 2.0, "es": 2.5}
_LANGUAGES = ("en", "es")
_FORMAT = 3  # bump when the cached tables change shape


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
            # One decimal is all the thresholds need, and equal floats are stored once.
            zipf = round(math.log10(freq) + 9, 1)
            if zipf >= _MIN_ZIPF[lang]:
                table[word] = zipf
        tables[lang] = table
    return tables


def _store(path: Path, tables: dict[str, dict[str, float]]) -> None:
    # A read-only home only costs speed.
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".lexicon-")
        with os.fdopen(fd, "wb") as handle:
            marshal.dump(tables, handle)
        os.replace(tmp, path)


def _source_stamp() -> str:
    """Identifies the installed word lists without importing wordfreq (0.1 s)."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return "missing"
    data = Path(next(iter(spec.submodule_search_locations))) / "data"
    stamps = []
    for lang in _LANGUAGES:
        with contextlib.suppress(OSError):
            info = (data / f"large_{lang}.msgpack.gz").stat()
            stamps.append(f"{lang}{info.st_size}-{int(info.st_mtime)}")
    return "-".join(stamps) or "unknown"


@cache
def _tables() -> dict[str, dict[str, float]]:
    path = cache_dir() / f"lexicon-v{_FORMAT}-{_source_stamp()}.marshal"
    try:
        tables = marshal.loads(path.read_bytes())
        if isinstance(tables, dict) and set(tables) == set(_LANGUAGES):
            return tables
    except (OSError, EOFError, ValueError, TypeError):
        pass
    tables = _build()
    _store(path, tables)
    return tables


@lru_cache(maxsize=1 << 18)
def zipf(word: str, lang: str = "en") -> float:
    """Zipf frequency (log10 of uses per billion words) of a word; 0.0 when rare or unknown."""
    return _tables()[lang].get(word.lower().replace("’", "'"), 0.0)
