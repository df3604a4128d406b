"""langdetect's language profiles looked up n-gram by n-gram, never loaded whole.

langdetect reads its 55 profiles (2.2 MB of JSON) and builds a table of every n-gram's
probability in every language before it can guess the language of one sentence: about
half a second, paid by any article with a sentence that looks Spanish. The guess itself
only looks up the n-grams of that sentence. So the first run stores langdetect's own
table (as its own code builds it, in its own language order) in SQLite in the user
cache folder, and later runs hand langdetect's ``Detector`` a mapping that reads the
n-grams it asks for from there: the same numbers, so the same guesses. Data only
(n-grams, language names, numbers); a file that cannot be read as the table is
rebuilt; without a writable cache folder the profiles are loaded as langdetect does.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

_FORMAT = 1


def _profiles_directory() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("langdetect")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("langdetect is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "profiles"


def _stamp(profiles: Path) -> str:
    """Identifies the installed profiles without importing langdetect."""
    try:
        names = sorted(os.listdir(profiles))
        size = sum((profiles / name).stat().st_size for name in names)
        newest = max(int((profiles / name).stat().st_mtime) for name in names)
    except (OSError, ValueError):
        return "unknown"
    return f"{len(names)}-{size}-{newest}"


class _Vectors:
    """n-gram -> its probability in each language, read on demand (memoised): what
    langdetect's Detector asks of ``word_lang_prob_map`` (``in`` and ``[]``)."""

    def __init__(self, db: sqlite3.Connection, languages: int) -> None:
        self._db = db
        self._languages = languages
        self._known: dict[str, list[float] | None] = {}

    def _get(self, ngram: str) -> list[float] | None:
        if ngram in self._known:
            return self._known[ngram]
        vector = None
        try:
            row = self._db.execute("SELECT probs FROM ngram WHERE text = ?", (ngram,)).fetchone()
            if row is not None:
                vector = [0.0] * self._languages
                for index, probability in json.loads(row[0]):
                    vector[index] = float(probability)
        except (sqlite3.Error, ValueError, TypeError, IndexError):
            vector = None  # a damaged row reads as an n-gram no language has
        self._known[ngram] = vector
        return vector

    def __contains__(self, ngram: object) -> bool:
        return isinstance(ngram, str) and self._get(ngram) is not None

    def __getitem__(self, ngram: str) -> list[float]:
        vector = self._get(ngram)
        if vector is None:
            raise KeyError(ngram)
        return vector


def _rows(table: dict[str, list[float]]) -> Iterator[tuple[str, str]]:
    for ngram, vector in table.items():
        # JSON writes each double so that it reads back exactly the same number.
        sparse = [[index, p] for index, p in enumerate(vector) if p != 0.0]
        yield ngram, json.dumps(sparse)


def _build(path: Path, profiles: Path) -> None:
    """langdetect's own table, written under a temporary name, then renamed into place."""
    from langdetect.detector_factory import DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(str(profiles))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".langprofiles-")
    os.close(fd)
    try:
        with contextlib.closing(sqlite3.connect(temporary)) as db:
            db.execute("CREATE TABLE ngram (text TEXT PRIMARY KEY, probs TEXT) WITHOUT ROWID")
            db.execute("CREATE TABLE languages (position INTEGER PRIMARY KEY, name TEXT)")
            db.executemany("INSERT INTO ngram VALUES (?, ?)", _rows(factory.word_lang_prob_map))
            db.executemany("INSERT INTO languages VALUES (?, ?)", enumerate(factory.langlist))
            db.commit()
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def _open(path: Path) -> tuple[sqlite3.Connection, list[str]]:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    rows = db.execute("SELECT position, name FROM languages ORDER BY position").fetchall()
    languages = [str(name) for _, name in rows]
    if [position for position, _ in rows] != list(range(len(languages))) or len(languages) < 2:
        raise sqlite3.DatabaseError("not the profile table")
    db.execute("SELECT probs FROM ngram LIMIT 1").fetchall()
    return db, languages


@cache
def factory() -> Any:
    """A langdetect DetectorFactory (seeded: the same guess every run) whose n-gram table
    is read from the stored copy."""
    from langdetect.detector_factory import DetectorFactory

    from mtcheck.lexicon import cache_dir

    made = DetectorFactory()
    made.seed = 0  # deterministic guesses
    profiles = _profiles_directory()
    path = cache_dir() / f"langprofiles-v{_FORMAT}-{_stamp(profiles)}.sqlite"
    for _ in range(2):
        try:
            if not path.is_file() or path.is_symlink():
                _build(path, profiles)
            db, languages = _open(path)
            made.langlist = languages
            made.word_lang_prob_map = _Vectors(db, len(languages))
            return made
        except (OSError, sqlite3.Error, ValueError):
            with contextlib.suppress(OSError):
                path.unlink()  # unreadable as the table: rebuilt once
    made.load_profile(str(profiles))  # no cache folder to be had: as langdetect does it
    return made
