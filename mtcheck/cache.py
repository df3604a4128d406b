"""A result cache, so an unchanged archive re-checks in a moment.

One JSON file (``.mtcheck_cache/results-v2.json``) maps the hash of each article's
text (with its syntax and original) to its findings and unused suppressions, under a
fingerprint of the mtcheck version and the effective rule set (code, rule files,
selection, configuration, word lists): any change to one of them starts it afresh.
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

from mtcheck.document import Document
from mtcheck.engine import RuleSet
from mtcheck.model import Applicability, Edit, Finding, Fix, Severity, Span
from mtcheck.suppressions import Suppression
from mtcheck.version import __version__

CACHE_DIR = ".mtcheck_cache"
_INDEX = "results-v2.json"
_FORMAT = 2

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
    paths = sorted({rule.info.path for rule in ruleset})
    digest.update(" ".join(rule.info.id for rule in ruleset).encode())
    for path in paths:
        with contextlib.suppress(OSError):
            digest.update(hashlib.sha256(Path(path).read_bytes()).digest())
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
    """The index of one cache folder, read once; new entries are written by ``save``."""

    folder: Path
    fingerprint: str
    entries: dict[str, Any] = field(default_factory=dict)
    added: dict[str, Any] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)
    usable: bool = True

    @classmethod
    def open(cls, folder: Path, ruleset: RuleSet) -> ResultCache:
        cache = cls(folder, ruleset_fingerprint(ruleset))
        index = folder / _INDEX
        if _refused(folder) or _refused(index):
            cache.usable = False
            cache.notices.append(f"{folder}: a symbolic link; the result cache is not used")
            return cache
        try:
            data = json.loads(index.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cache
        except (OSError, UnicodeDecodeError, ValueError):
            cache.notices.append(f"{index}: not a result cache; ignored (checked afresh)")
            return cache
        valid = (
            isinstance(data, dict)
            and data.get("format") == _FORMAT
            and isinstance(data.get("entries"), dict)
        )
        if not valid:
            cache.notices.append(f"{index}: not a result cache; ignored (checked afresh)")
        elif data.get("fingerprint") == cache.fingerprint:
            cache.entries = data["entries"]
        return cache

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
            return entry_from_data(data)
        except InvalidEntry as exc:
            self.notices.append(f"{self.folder / _INDEX}: invalid entry ignored ({exc})")
            del self.entries[key]
            return None

    def store(self, key: str, entry: Entry) -> None:
        """Remember an entry; ``save`` writes it."""
        if self.usable and key not in self.entries:
            self.added[key] = entry_to_data(entry)

    def save(self) -> None:
        """Write the index atomically (a temporary name, then a rename); a read-only
        folder only costs speed."""
        if not self.usable or not self.added or _refused(self.folder):
            return
        entries = {**self.entries, **self.added}
        data = {"format": _FORMAT, "fingerprint": self.fingerprint, "entries": entries}
        with contextlib.suppress(OSError):
            self.folder.mkdir(parents=True, exist_ok=True)
            ignore = self.folder / ".gitignore"
            if not ignore.exists() and not _refused(ignore):
                ignore.write_text("*\n", encoding="utf-8")
            temporary = self.folder / f".{_INDEX}.{os.getpid()}.tmp"
            temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            os.replace(temporary, self.folder / _INDEX)
            self.entries, self.added = entries, {}


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
