"""A result cache, so an unchanged archive re-checks in a moment.

One JSON file (``.mtcheck_cache/results-v3.json``) maps the hash of each article's
text (with its syntax and original) to its findings and unused suppressions, under a
fingerprint of the mtcheck version and the effective rule set (code, rule files,
selection, configuration, word lists): any change to one of them starts it afresh.
Beside them it keeps, for each file checked without an original, what the file was
(device, inode, size, modification and change times) with the hash of its text and
its part of the report in the formats asked for: a file that has not changed since is
neither read nor hashed, and its report is written as it was (see ``mtcheck.warm``).
It holds data only — strings, numbers and lists, never pickles — and every entry is
validated when read: a malformed file or entry is ignored, with a notice, and the
article is checked again. A symlinked cache folder or file is never read, written or
followed: the cache is left unused (``mtcheck clean`` removes only the link).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mtcheck.document import Document, ReadOptions
from mtcheck.engine import RuleSet
from mtcheck.files import FileStamp
from mtcheck.model import Applicability, Edit, Finding, Fix, Severity, Span
from mtcheck.suppressions import Suppression
from mtcheck.version import __version__

CACHE_DIR = ".mtcheck_cache"
_INDEX = "results-v3.json"
_FILES = "files-v3.json"
_FORMAT = 3

Entry = tuple[tuple[Finding, ...], tuple[Suppression, ...]]


def ruleset_fingerprint(ruleset: RuleSet) -> str:
    """Changes whenever anything that decides the findings changes."""
    from mtcheck.lexicon import _source_stamp
    from mtcheck.resources import rules_dir

    digest = hashlib.sha256(__version__.encode())
    # The code too, by size and time: an edited checkout never reads stale results.
    for source in sorted(Path(__file__).parent.rglob("*.py")):
        with contextlib.suppress(OSError):
            info = source.stat()
            digest.update(f"{source.name}{info.st_size}{info.st_mtime_ns}".encode())
    paths = sorted({rule.info.path for rule in ruleset})
    digest.update(" ".join(rule.info.id for rule in ruleset).encode())
    for path in paths:
        with contextlib.suppress(OSError):
            digest.update(hashlib.sha256(Path(path).read_bytes()).digest())
    # The word lists decide findings as much as the rule files (a given name added to the
    # gender lexicon changes the pronoun detector's findings).
    for word_list in sorted((rules_dir() / "lexicon").glob("*.txt")):
        with contextlib.suppress(OSError):
            digest.update(word_list.name.encode())
            digest.update(hashlib.sha256(word_list.read_bytes()).digest())
    digest.update(repr(ruleset.config).encode())
    digest.update(_source_stamp().encode())
    return digest.hexdigest()


class InvalidEntry(ValueError):
    """A cache entry that is not what this version writes."""


def _finding_to_data(finding: Finding) -> list[Any]:
    fix = None
    if finding.fix is not None:
        edits = [[e.span.start, e.span.end, e.replacement] for e in finding.fix.edits]
        fix = [finding.fix.applicability.label, edits]
    return [
        finding.rule_id,
        finding.name,
        finding.category,
        finding.severity.label,
        finding.message,
        finding.span.start,
        finding.span.end,
        finding.matched,
        fix,
        list(finding.suggestions),
    ]


def _strings(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InvalidEntry("expected a list of strings")
    return tuple(value)


def _offset(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise InvalidEntry("expected an offset")
    return value


def _string(value: Any) -> str:
    if not isinstance(value, str):
        raise InvalidEntry("expected a string")
    return value


def _finding_from_data(data: Any) -> Finding:
    if not isinstance(data, list) or len(data) != 10:
        raise InvalidEntry("a finding is a list of ten fields")
    rule_id, name, category, severity, message, start, end, matched, fix, suggestions = data
    parsed_fix = None
    if fix is not None:
        if not isinstance(fix, list) or len(fix) != 2 or not isinstance(fix[1], list):
            raise InvalidEntry("a fix is [applicability, edits]")
        edits = []
        for edit in fix[1]:
            if not isinstance(edit, list) or len(edit) != 3:
                raise InvalidEntry("an edit is [start, end, replacement]")
            edits.append(Edit(Span(_offset(edit[0]), _offset(edit[1])), _string(edit[2])))
        parsed_fix = Fix(Applicability.parse(_string(fix[0])), tuple(edits))
    return Finding(
        rule_id=_string(rule_id),
        name=_string(name),
        category=_string(category),
        severity=Severity.parse(_string(severity)),
        message=_string(message),
        span=Span(_offset(start), _offset(end)),
        matched=_string(matched),
        fix=parsed_fix,
        suggestions=_strings(suggestions),
    )


def _suppression_to_data(suppression: Suppression) -> list[Any]:
    s = suppression
    return [s.kind, list(s.codes), s.line, s.start, s.end, s.used]


def _suppression_from_data(data: Any) -> Suppression:
    if not isinstance(data, list) or len(data) != 6 or not isinstance(data[5], bool):
        raise InvalidEntry("a suppression is a list of six fields")
    kind, codes, line, start, end, used = data
    return Suppression(
        _string(kind), _strings(codes), _offset(line), _offset(start), _offset(end), used
    )


def entry_to_data(entry: Entry) -> list[Any]:
    findings, unused = entry
    return [[_finding_to_data(f) for f in findings], [_suppression_to_data(s) for s in unused]]


def entry_from_data(data: Any) -> Entry:
    """The entry, or InvalidEntry when it is not exactly what ``entry_to_data`` writes."""
    if not isinstance(data, list) or len(data) != 2:
        raise InvalidEntry("an entry is [findings, suppressions]")
    findings, unused = data
    if not isinstance(findings, list) or not isinstance(unused, list):
        raise InvalidEntry("an entry is [findings, suppressions]")
    try:
        return (
            tuple(_finding_from_data(f) for f in findings),
            tuple(_suppression_from_data(s) for s in unused),
        )
    except ValueError as exc:  # bad spans, severities, applicabilities
        raise InvalidEntry(str(exc)) from None


def _refused(path: Path) -> bool:
    """A symlink is never followed: it could point anywhere."""
    return path.is_symlink()


@dataclass
class ResultCache:
    """The index of one cache folder, read once; new entries are written by ``save``.

    The entries (findings by text) are read when first needed: a re-run of an unchanged
    archive needs only the file records (``files-v3.json``)."""

    folder: Path
    fingerprint: str
    added: dict[str, Any] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)
    usable: bool = True
    # File (path and read options) -> [device, inode, size, mtime_ns, ctime_ns, key,
    # findings, unused suppressions, {report format: [text, findings, fixable]},
    # the highest severity of its findings (0: none)].
    files: dict[str, Any] = field(default_factory=dict)
    files_changed: bool = False
    # The report formats whose per-file fragments are kept: name -> renderer.
    fragments: dict[str, Any] = field(default_factory=dict)
    _entries: dict[str, Any] | None = None

    @classmethod
    def open(cls, folder: Path, ruleset: RuleSet) -> ResultCache:
        cache = cls(folder, ruleset_fingerprint(ruleset))
        if any(_refused(path) for path in (folder, folder / _INDEX, folder / _FILES)):
            cache.usable = False
            cache.notices.append(f"{folder}: a symbolic link; the result cache is not used")
            cache._entries = {}
            return cache
        cache.files = cache._read(_FILES, "files")
        return cache

    def _read(self, name: str, table: str) -> dict[str, Any]:
        """One table of one index file, when the file is this version's for this rule set."""
        path = self.folder / name
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, UnicodeDecodeError, ValueError):
            self.notices.append(f"{path}: not a result cache; ignored (checked afresh)")
            return {}
        valid = (
            isinstance(data, dict)
            and data.get("format") == _FORMAT
            and isinstance(data.get(table), dict)
        )
        if not valid:
            self.notices.append(f"{path}: not a result cache; ignored (checked afresh)")
            return {}
        return data[table] if data.get("fingerprint") == self.fingerprint else {}

    @property
    def entries(self) -> dict[str, Any]:
        if self._entries is None:
            self._entries = self._read(_INDEX, "entries")
        return self._entries

    def key(self, document: Document) -> str:
        digest = hashlib.sha256(self.fingerprint.encode())
        digest.update(document.syntax.encode())
        digest.update(document.text.encode("utf-8", "surrogatepass"))
        if document.original is not None:  # the findings depend on the original too
            digest.update(b"\0original\0" + document.original.syntax.encode())
            digest.update(document.original.text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def get(self, key: str) -> Entry | None:
        data = self.entries.get(key)
        if data is None:
            return None
        try:
            # Kept as JSON text: an index of 20,000 articles reads in a moment, and only
            # the entries asked for are decoded.
            if not isinstance(data, str):
                raise InvalidEntry("an entry is JSON text")
            try:
                decoded = json.loads(data)
            except ValueError:
                raise InvalidEntry("an entry is JSON text") from None
            return entry_from_data(decoded)
        except InvalidEntry as exc:
            self.notices.append(f"{self.folder / _INDEX}: invalid entry ignored ({exc})")
            del self.entries[key]
            return None

    def store(self, key: str, entry: Entry) -> None:
        """Remember an entry; ``save`` writes it."""
        if self.usable and key not in self.entries:
            self.added[key] = json.dumps(entry_to_data(entry), ensure_ascii=False)

    @staticmethod
    def file_key(path: str, options: ReadOptions) -> str:
        return f"{path}\0{options.encoding or ''}\0{options.syntax or ''}"

    def unchanged(self, path: str, options: ReadOptions) -> list[Any] | None:
        """What was kept of a file that has not changed since (the same device, inode,
        size and times), or None. Its text is not read."""
        kept = self.files.get(self.file_key(path, options))
        if not isinstance(kept, list) or len(kept) != 10:
            return None
        try:
            info = os.stat(path)
        except (OSError, ValueError):
            return None
        now = [info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns]
        if kept[:5] != now or not isinstance(kept[5], str):
            return None
        if not all(isinstance(kept[i], int) and kept[i] >= 0 for i in (6, 7, 9)):
            return None
        if not isinstance(kept[8], dict):
            return None
        return kept

    def remember_file(
        self, path: str, options: ReadOptions, stamp: FileStamp, key: str, entry: Entry
    ) -> list[Any] | None:
        """Keep what a file is, to know next time that it has not changed; the record,
        whose fragments ``remember_fragment`` fills."""
        if not self.usable:
            return None
        try:  # stamp's times are from before the read; ctime is not in the stamp
            info = os.stat(path)
        except (OSError, ValueError):
            return None
        identity = [stamp.device, stamp.inode, stamp.size, stamp.mtime_ns]
        if [info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns] != identity:
            return None  # changed since it was read: not remembered
        file_key = self.file_key(path, options)
        worst = max((int(finding.severity) for finding in entry[0]), default=0)
        record = [*identity, info.st_ctime_ns, key, len(entry[0]), len(entry[1]), {}, worst]
        old = self.files.get(file_key)
        if isinstance(old, list) and len(old) == 10 and old[:8] == record[:8]:
            return old
        self.files[file_key] = record
        self.files_changed = True
        return record

    def remember_fragment(self, record: list[Any], name: str, fragment: Any) -> None:
        if record[8].get(name) != list(fragment):
            record[8][name] = list(fragment)
            self.files_changed = True

    def save(self) -> None:
        """Write the index files atomically (a temporary name, then a rename); a read-only
        folder only costs speed."""
        if not self.usable or not (self.added or self.files_changed) or _refused(self.folder):
            return
        with contextlib.suppress(OSError):
            self.folder.mkdir(parents=True, exist_ok=True)
            ignore = self.folder / ".gitignore"
            if not ignore.exists() and not _refused(ignore):
                ignore.write_text("*\n", encoding="utf-8")
            if self.added:
                entries = {**self.entries, **self.added}
                self._write(_INDEX, "entries", entries)
                self._entries, self.added = entries, {}
            if self.files_changed:
                self._write(_FILES, "files", self.files)
                self.files_changed = False
            with contextlib.suppress(OSError):
                (self.folder / "results-v2.json").unlink()  # the format before this one

    def _write(self, name: str, table: str, value: dict[str, Any]) -> None:
        data = {"format": _FORMAT, "fingerprint": self.fingerprint, table: value}
        temporary = self.folder / f".{name}.{os.getpid()}.tmp"
        temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, self.folder / name)


def clean(folder: Path) -> str | None:
    """Remove a cache folder; what was removed ("folder", "link"), or None if nothing.

    A symlink is removed as a link: what it points to is left alone."""
    if folder.is_symlink():
        folder.unlink()
        return "link"
    if folder.is_dir():
        shutil.rmtree(folder)
        return "folder"
    return None
