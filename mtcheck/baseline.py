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
        baseline = cls()
        for result in results:
            baseline.add_result(result)
        return baseline

    def add(self, key: Key) -> None:
        self.counts[key] += 1

    def add_result(self, result: FileResult) -> None:
        """Record every finding of one file (nothing for a file that could not be read)."""
        if result.document is None:
            return
        for finding in result.findings:
            self.counts[finding_key(result.path, result.document.text, finding)] += 1

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
        sieve = BaselineFilter(self)
        filtered = [sieve.apply(result) for result in results]
        return filtered, sieve.stale()

    def without(self, stale: Counter[Key]) -> Baseline:
        return Baseline(self.counts - stale)

    def knows(self, path: str, text: str, finding: Finding) -> bool:
        return self.counts[finding_key(path, text, finding)] > 0


class BaselineFilter:
    """Drops baselined findings from results as they stream past, one file at a time.

    Every key names its file, so matching file by file is the same as matching the
    whole run at once: exact matches (context included) first, then findings whose
    surroundings changed (same rule, file and text).
    """

    def __init__(self, baseline: Baseline) -> None:
        self.remaining = Counter(baseline.counts)
        self.by_loose: dict[tuple[str, str, str], list[Key]] = {}
        for key in self.remaining:
            self.by_loose.setdefault(key[:3], []).append(key)
        self.checked: set[str] = set()

    def apply(self, result: FileResult) -> FileResult:
        """The result without the findings the baseline knows."""
        if result.document is None:
            return result
        self.checked.add(Path(result.path).as_posix())
        text = result.document.text
        pairs = [(f, finding_key(result.path, text, f)) for f in result.findings]
        known: set[int] = set()
        for index, (_, key) in enumerate(pairs):
            if self.remaining[key] > 0:
                self.remaining[key] -= 1
                known.add(index)
        for index, (_, key) in enumerate(pairs):
            if index in known:
                continue
            spare = next((k for k in self.by_loose.get(key[:3], ()) if self.remaining[k] > 0), None)
            if spare is not None:
                self.remaining[spare] -= 1
                known.add(index)
        if not known:
            return result
        kept = tuple(f for index, (f, _) in enumerate(pairs) if index not in known)
        return replace(result, findings=kept)

    def stale(self) -> Counter[Key]:
        """The entries of the files seen that matched nothing (fixed since?)."""
        return Counter({k: n for k, n in self.remaining.items() if n > 0 and k[1] in self.checked})
