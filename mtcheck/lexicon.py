"""Word frequencies (Zipf scale) for English and Spanish, from wordfreq.

wordfreq builds a dict of 300,000 words in about 0.4 s, and even a stored copy of
the tables takes 0.1 s to load: too slow for a pre-commit hook run on every commit.
So the first run stores the words frequent enough to count as evidence in an SQLite
table in the user cache folder, and later runs look words up there one by one (a
few microseconds each, memoised), never loading the tables. Everything stays in the
installed package: nothing is fetched. The file holds data only; one that cannot be
read as the table is rebuilt.
"""

from __future__ import annotations

import contextlib
import importlib.util
import math
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

# Words rarer than this carry no evidence either way and only cost load time:
# the detectors ask whether an English word reaches 2.0 and a Spanish one 2.5.
_MIN_ZIPF = {"en": 2.0, "es": 2.5}
_LANGUAGES = ("en", "es")
_FORMAT = 4  # bump when the stored table changes shape


def cache_dir() -> Path:
    base = os.environ.get("MTCHECK_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME")
    root = Path(base) if base else Path.home() / ".cache"
    return root if os.environ.get("MTCHECK_CACHE_DIR") else root / "mtcheck"


def _entries() -> Iterator[tuple[str, str, float]]:
    from wordfreq import get_frequency_dict  # heavy: imported only when the cache is cold

    for lang in _LANGUAGES:
        for word, freq in get_frequency_dict(lang).items():
            # One decimal is all the thresholds need.
            zipf = round(math.log10(freq) + 9, 1)
            if zipf >= _MIN_ZIPF[lang]:
                yield lang, word, zipf


def _build(path: Path) -> None:
    """Write the table under a temporary name, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".lexicon-")
    os.close(fd)
    try:
        with contextlib.closing(sqlite3.connect(temporary)) as db:
            db.execute(
                "CREATE TABLE zipf (lang TEXT, word TEXT, value REAL, PRIMARY KEY (lang, word))"
                " WITHOUT ROWID"
            )
            db.executemany("INSERT OR REPLACE INTO zipf VALUES (?, ?, ?)", _entries())
            db.commit()
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


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


class _Table:
    """The SQLite table of one process (a connection is not shared across a fork)."""

    def __init__(self) -> None:
        self.pid = -1
        self.db: sqlite3.Connection | None = None
        self.memory: dict[tuple[str, str], float] | None = None  # when no file can be had

    def lookup(self, lang: str, word: str) -> float:
        if self.pid != os.getpid():
            self._open()
        if self.memory is not None:
            return self.memory.get((lang, word), 0.0)
        assert self.db is not None
        row = self.db.execute(
            "SELECT value FROM zipf WHERE lang = ? AND word = ?", (lang, word)
        ).fetchone()
        return float(row[0]) if row else 0.0

    def _open(self) -> None:
        self.pid, self.db, self.memory = os.getpid(), None, None
        path = cache_dir() / f"lexicon-v{_FORMAT}-{_source_stamp()}.sqlite"
        for _ in range(2):
            try:
                if not path.is_file() or path.is_symlink():
                    _build(path)
                db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
                db.execute("SELECT value FROM zipf LIMIT 1").fetchall()
                self.db = db
                return
            except (OSError, sqlite3.Error):
                with contextlib.suppress(OSError):
                    path.unlink()  # unreadable as the table: rebuilt once
        # A read-only home: keep the tables in memory for this run.
        self.memory = {(lang, word): value for lang, word, value in _entries()}


_TABLE = _Table()


def words_by_frequency(lang: str, at_least: float) -> list[tuple[str, float]]:
    """The words of a language at least this frequent, the most frequent first (for
    building the rule tables, not for checking: it reads the whole table)."""
    if _TABLE.pid != os.getpid():
        _TABLE._open()
    if _TABLE.memory is not None:
        rows = [(w, v) for (lng, w), v in _TABLE.memory.items() if lng == lang and v >= at_least]
    else:
        assert _TABLE.db is not None
        rows = _TABLE.db.execute(
            "SELECT word, value FROM zipf WHERE lang = ? AND value >= ?", (lang, at_least)
        ).fetchall()
    return sorted(rows, key=lambda row: (-row[1], row[0]))


@lru_cache(maxsize=1 << 18)
def zipf(word: str, lang: str = "en") -> float:
    """Zipf frequency (log10 of uses per billion words) of a word; 0.0 when rare or unknown."""
    return _TABLE.lookup(lang, word.lower().replace("’", "'"))
