"""A result cache, so an unchanged archive re-checks in a moment.

Entries are keyed on the article's text and syntax, the mtcheck version and
the effective rule set (rule files, selection, configuration, word lists), so
any change to one of them misses. One pickle holds the whole cache; it is
read once and written atomically at the end of a run.
"""

from __future__ import annotations

import contextlib
import hashlib
import pickle
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from mtcheck.document import Document
from mtcheck.engine import RuleSet
from mtcheck.files import write_atomically
from mtcheck.model import Finding
from mtcheck.suppressions import Suppression
from mtcheck.version import __version__

CACHE_DIR = ".mtcheck_cache"
_FILE = "results-v1.pickle"
_MAX_ENTRIES = 200_000

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
    folder: Path
    fingerprint: str
    entries: dict[str, Entry] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    changed: bool = False

    @classmethod
    def open(cls, folder: Path, ruleset: RuleSet) -> ResultCache:
        cache = cls(folder, ruleset_fingerprint(ruleset))
        with contextlib.suppress(OSError, pickle.UnpicklingError, EOFError, AttributeError):
            loaded = pickle.loads((folder / _FILE).read_bytes())
            if isinstance(loaded, dict):
                cache.entries = loaded
        return cache

    def key(self, document: Document) -> str:
        digest = hashlib.sha256(self.fingerprint.encode())
        digest.update(document.syntax.encode())
        digest.update(document.text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def get(self, key: str) -> Entry | None:
        entry = self.entries.get(key)
        if entry is not None:
            self.used.add(key)
        return entry

    def put(self, key: str, entry: Entry) -> None:
        self.entries[key] = entry
        self.used.add(key)
        self.changed = True

    def save(self) -> None:
        if not self.changed:
            return
        keep = dict(self.entries)
        if len(keep) > _MAX_ENTRIES:  # keep what this run used, then the rest up to the cap
            keep = {k: v for k, v in keep.items() if k in self.used}
        with contextlib.suppress(OSError):
            self.folder.mkdir(parents=True, exist_ok=True)
            (self.folder / ".gitignore").write_text("*\n", encoding="utf-8")
            write_atomically(self.folder / _FILE, pickle.dumps(keep, pickle.HIGHEST_PROTOCOL))


def clean(folder: Path) -> bool:
    """Remove a cache folder; True if there was one."""
    if folder.is_dir():
        shutil.rmtree(folder)
        return True
    return False
