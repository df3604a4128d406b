"""A baseline of known findings, so CI reports only new ones in an old archive.

Entries are matched by rule, file, the matched text and a little of the text
around it on the same line — not by line number — so an edit elsewhere in the
article does not bring old findings back. A finding whose surroundings changed
(a neighbour was fixed) still matches an entry with the same rule, file and
text that nothing else matched. Identical entries are counted, so a second
copy of the same artefact in the same file is new.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from mtcheck.errors import InputError
from mtcheck.files import read_regular, write_new
from mtcheck.model import Finding
from mtcheck.results import FileResult

FORMAT = 1
_CONTEXT = 24
_SPACE = re.compile(r"\s+")

Key = tuple[str, str, str, str]  # rule, path, matched, context


def finding_key(path: str, text: str, finding: Finding) -> Key:
    """What identifies a finding across edits elsewhere in the file."""
    before = text[max(0, finding.span.start - _CONTEXT) : finding.span.start]
    after = text[finding.span.end : finding.span.end + _CONTEXT]
    before = re.split(r"[\r\n]", before)[-1]  # the line only: other lines may move
    after = re.split(r"[\r\n]", after)[0]
    context = _SPACE.sub(" ", f"{before}\u2016{after}").strip()
    return finding.rule_id, Path(path).as_posix(), finding.matched, context


@dataclass
class Baseline:
    counts: Counter[Key] = field(default_factory=Counter)

    @classmethod
    def load(cls, path: Path) -> Baseline:
        if not path.exists() and not path.is_symlink():
            message = "baseline file not found (create it with --write-baseline)"
            raise InputError(str(path), message)
        # A baseline is linear to read, so it has no size limit; but only a regular file.
        raw = read_regular(path, max_bytes=None)[0]
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InputError(str(path), f"cannot read baseline: {exc}") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise InputError(str(path), f"not an mtcheck baseline (format {FORMAT})")
        counts: Counter[Key] = Counter()
        for entry in data.get("entries", []):
            try:
                key = (entry["rule"], entry["path"], entry["matched"], entry["context"])
                counts[key] += int(entry.get("count", 1))
            except (KeyError, TypeError, ValueError):
                raise InputError(str(path), f"bad baseline entry: {entry!r}") from None
        return cls(counts)

    @classmethod
    def from_results(cls, results: Iterable[FileResult]) -> Baseline:
        counts: Counter[Key] = Counter()
        for result in results:
            if result.document is None:
                continue
            for finding in result.findings:
                counts[finding_key(result.path, result.document.text, finding)] += 1
        return cls(counts)

    def add(self, key: Key) -> None:
        self.counts[key] += 1

    def save(self, path: Path) -> None:
        entries = [
            {"rule": r, "path": p, "matched": m, "context": c, "count": n}
            for (r, p, m, c), n in sorted(self.counts.items())
            if n > 0
        ]
        text = json.dumps({"format": FORMAT, "entries": entries}, ensure_ascii=False, indent=1)
        write_new(path, (text + "\n").encode("utf-8"))

    def filter(self, results: Sequence[FileResult]) -> tuple[list[FileResult], Counter[Key]]:
        """Results without the baselined findings, and the entries nothing matched (stale)."""
        from mtcheck.warm import materialize

        results = [materialize(r) for r in results]  # filtered by replace(): real results
        remaining = Counter(self.counts)
        keyed = [
            [(f, finding_key(r.path, r.document.text, f)) for f in r.findings]
            if r.document is not None
            else []
            for r in results
        ]
        known: set[int] = set()
        for pairs in keyed:  # first pass: exact matches, context included
            for finding, key in pairs:
                if remaining[key] > 0:
                    remaining[key] -= 1
                    known.add(id(finding))
        by_loose: dict[tuple[str, str, str], list[Key]] = {}
        for key in remaining:
            by_loose.setdefault(key[:3], []).append(key)
        for pairs in keyed:  # second pass: same rule, file and text, surroundings changed
            for finding, key in pairs:
                if id(finding) in known:
                    continue
                spare = next((k for k in by_loose.get(key[:3], ()) if remaining[k] > 0), None)
                if spare is not None:
                    remaining[spare] -= 1
                    known.add(id(finding))
        # replace(): what else the result carries (unused suppressions) stays.
        filtered = [
            replace(r, findings=tuple(f for f in r.findings if id(f) not in known)) for r in results
        ]
        checked = {Path(r.path).as_posix() for r in results if r.document is not None}
        stale = Counter({k: n for k, n in remaining.items() if n > 0 and k[1] in checked})
        return filtered, stale

    def without(self, stale: Counter[Key]) -> Baseline:
        return Baseline(self.counts - stale)

    def knows(self, path: str, text: str, finding: Finding) -> bool:
        return self.counts[finding_key(path, text, finding)] > 0
