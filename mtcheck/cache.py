"""A result cache, so an unchanged archive re-checks in a moment.

Entries are keyed on the article's text and syntax, the mtcheck version and
the effective rule set (rule files, selection, configuration, word lists), so
any change to one of them misses. Each entry is a small pickle written
atomically; a run reads only the entries of the files it checks, so a
pre-commit hook on one file stays fast in a large archive.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import shutil
from dataclasses import dataclass
from pathlib import Path

from mtcheck.document import Document
from mtcheck.engine import RuleSet
from mtcheck.model import Finding
from mtcheck.suppressions import Suppression
from mtcheck.version import __version__

CACHE_DIR = ".mtcheck_cache"
_VERSION_DIR = "results-v1"

Entry = tuple[tuple[Finding, ...], tuple[Suppression, ...]]


def ruleset_fingerprint(ruleset: RuleSet) -> str:
    """Changes whenever anything that decides the findings changes."""
    from mtcheck.lexicon import _source_stamp

    digest = hashlib.sha256(__version__.encode())
    # The code too, by size and time: an edited checkout never reads stale results.
    for source in sorted(Path(__file__).parent.rglob("*.py")):
        with contextlib.suppress(OSError):
            info = source.stat()
            digest.update(f"{source.name}{info.st_size}{info.st_mtime_ns}".encode())
    for rule in ruleset:
        digest.update(rule.info.id.encode())
        with contextlib.suppress(OSError):
            digest.update(hashlib.sha256(Path(rule.info.path).read_bytes()).digest())
    digest.update(repr(ruleset.config).encode())
    digest.update(_source_stamp().encode())
    return digest.hexdigest()


@dataclass
class ResultCache:
    """One small file per entry, so a run reads only the entries of the files it checks."""

    folder: Path
    fingerprint: str

    @classmethod
    def open(cls, folder: Path, ruleset: RuleSet) -> ResultCache:
        return cls(folder / _VERSION_DIR, ruleset_fingerprint(ruleset))

    def key(self, document: Document) -> str:
        digest = hashlib.sha256(self.fingerprint.encode())
        digest.update(document.syntax.encode())
        digest.update(document.text.encode("utf-8", "surrogatepass"))
        if document.original is not None:  # the findings depend on the original too
            digest.update(b"\0original\0" + document.original.syntax.encode())
            digest.update(document.original.text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key[2:]}.pickle"

    def get(self, key: str) -> Entry | None:
        try:
            entry = pickle.loads(self._path(key).read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
            return None
        return entry if isinstance(entry, tuple) and len(entry) == 2 else None

    def store(self, key: str, entry: Entry) -> None:
        """Write one entry atomically (a temporary name, then a rename), without waiting
        for the disk: thousands of entries are written per run, and a lost one only misses."""
        path = self._path(key)
        with contextlib.suppress(OSError):
            if path.parent not in _made:
                path.parent.mkdir(parents=True, exist_ok=True)
                ignore = self.folder.parent / ".gitignore"
                if not ignore.exists():
                    ignore.write_text("*\n", encoding="utf-8")
                _made.add(path.parent)
            temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            temporary.write_bytes(pickle.dumps(entry, pickle.HIGHEST_PROTOCOL))
            os.replace(temporary, path)


# Folders this process has made already: one mkdir each, not one per entry.
_made: set[Path] = set()


def clean(folder: Path) -> bool:
    """Remove a cache folder; True if there was one."""
    if folder.is_dir():
        shutil.rmtree(folder)
        return True
    return False
