"""The data the HTML report shows for each article, as plain JSON-ready values.

The page renders this data with ``textContent`` only, so nothing of an article
ever becomes markup. Markdown and HTML articles are shown as their prose (what
the rules read), with every finding's source range mapped to the prose.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mtcheck import quality
from mtcheck.diff import word_ops
from mtcheck.document import Document
from mtcheck.model import Finding, Severity
from mtcheck.records import finding_to_dict
from mtcheck.results import FileResult
from mtcheck.rule import RuleInfo

# Words either side of a proposed change, so its diff reads in context.
_CONTEXT_CHARS = 40
_BLANK_LINES = re.compile(r"\n(?:[ \t]*\n){2,}")
_SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)


@dataclass
class DisplayText:
    """The text an article is shown as, and the map from source offsets to it."""

    text: str
    # For marked-up articles: the source start and end of each prose character
    # that came from the source, in prose order, with its prose offset.
    sources: list[int] | None = None
    source_ends: list[int] | None = None
    prose_offsets: list[int] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The displayed range of a source range; empty where it holds no prose."""
        if self.sources is None:
            return start, end
        assert self.source_ends is not None and self.prose_offsets is not None
        first = bisect.bisect_left(self.sources, start)
        last = bisect.bisect_right(self.source_ends, end) - 1
        if first >= len(self.sources):
            return len(self.text), len(self.text)
        begin = self.prose_offsets[first]
        if last < first:
            return begin, begin
        return begin, self.prose_offsets[last] + 1


def display_text(document: Document) -> DisplayText:
    if document.syntax == "txt":
        return DisplayText(document.text)
    from mtcheck.formats import extract

    prose_map = extract(document.text, document.syntax)
    # Markup leaves runs of empty lines between blocks; one blank line reads better.
    kept = [True] * len(prose_map.prose)
    for run in _BLANK_LINES.finditer(prose_map.prose):
        for i in range(run.start() + 1, run.end() - 1):
            kept[i] = False
    new_offset = list(itertools.accumulate(kept, initial=0))
    text = "".join(c for c, keep in zip(prose_map.prose, kept, strict=True) if keep)
    real = [i for i, start in enumerate(prose_map.starts) if start >= 0 and kept[i]]
    return DisplayText(
        text,
        sources=[prose_map.starts[i] for i in real],
        source_ends=[prose_map.ends[i] for i in real],
        prose_offsets=[new_offset[i] for i in real],
    )


def _spanish_lookup(document: Document, shown: str) -> Any:
    """A function from a displayed offset to the aligned sentence of the original."""
    if document.original is None:
        return lambda offset: None
    from mtcheck.bilingual.align import align_document

    alignment = align_document(Document(shown, path=document.path, original=document.original))
    starts = alignment.target_starts

    def spanish(offset: int) -> str | None:
        index = bisect.bisect_right(starts, offset) - 1
        pair = alignment.pair_of_target.get(index) if index >= 0 else None
        if pair is None or not pair.source:
            return None
        return alignment.source_text(pair)

    return spanish


def proposed_change(text: str, finding: Finding) -> list[list[str]] | None:
    """The fix as a word diff of its stretch of the file, with a little context."""
    if finding.fix is None:
        return None
    span = finding.fix.span
    before = text[max(0, span.start - _CONTEXT_CHARS) : span.start]
    before = before[before.rfind("\n") + 1 :]
    if span.start - len(before) > 0 and " " in before:  # begin on a whole word
        before = before[before.find(" ") + 1 :]
    after = text[span.end : span.end + _CONTEXT_CHARS]
    after = after[: after.find("\n")] if "\n" in after else after
    if span.end + len(after) < len(text) and " " in after:  # end on a whole word
        after = after[: after.rfind(" ")]
    changed = []
    cursor = span.start
    for edit in sorted(finding.fix.edits, key=lambda e: e.span.start):
        changed.append(text[cursor : edit.span.start])
        changed.append(edit.replacement)
        cursor = edit.span.end
    changed.append(text[cursor : span.end])
    old = before + text[span.start : span.end] + after
    new = before + "".join(changed) + after
    return [[op, piece] for op, piece in word_ops(old, new)]


def finding_data(
    finding: Finding, result: FileResult, shown: DisplayText, spanish: Any
) -> dict[str, Any]:
    assert result.document is not None
    start, end = shown.span(finding.span.start, finding.span.end)
    # The JSON report's fields, with offsets into the text as shown and the fix's
    # safety alone (the page shows the change as a word diff instead of edits).
    return {
        **finding_to_dict(finding, result),
        "start": start,
        "end": end,
        "fix": finding.fix.applicability.label if finding.fix is not None else None,
        "change": proposed_change(result.document.text, finding),
        "spanish": spanish(start),
    }


def article_data(result: FileResult) -> dict[str, Any]:
    """Everything the article view needs, for a file that was read."""
    document = result.document
    assert document is not None
    shown = display_text(document)
    spanish = _spanish_lookup(document, shown.text)
    return {
        "path": result.path,
        "syntax": document.syntax,
        "source": document.original.path if document.original is not None else None,
        "words": quality.words(result),
        "score": quality.score(result),
        "text": shown.text,
        "findings": [finding_data(f, result, shown, spanish) for f in result.findings],
    }


def index_entry(number: int, result: FileResult, categories: Sequence[str]) -> dict[str, Any]:
    """One row of the index: the counts the filters and sorting need, no text."""
    by_category = Counter(f.category for f in result.findings)
    by_severity = Counter(f.severity for f in result.findings)
    return {
        "n": number,
        "path": result.path,
        "error": result.error.message if result.error is not None else None,
        "score": quality.score(result) if result.document is not None else None,
        "words": quality.words(result),
        "total": len(result.findings),
        "counts": [by_category.get(c, 0) for c in categories],
        "severities": [by_severity.get(s, 0) for s in _SEVERITIES],
        "rules": sorted({f.rule_id for f in result.findings}),
        "matched": " ".join(sorted({f.matched.strip().lower() for f in result.findings}))[:2000],
    }


def rule_data(info: RuleInfo) -> dict[str, Any]:
    """What the report says of a rule: its description and an example as evidence."""
    example = info.examples[0] if info.examples else None
    shown: list[list[str]] | None = None
    if example is not None:
        fixed = example.fixed if example.fixed is not None else example.text
        shown = [[op, piece] for op, piece in word_ops(example.text, fixed)]
    where = Path(info.path)
    return {
        "name": info.name,
        "description": info.description,
        "example": shown,
        "defined": f"{where.parent.name}/{where.name}" + (f":{info.line}" if info.line else ""),
        "field": _field_evidence(info),
    }


def _field_evidence(info: RuleInfo) -> str | None:
    """What the field study saw, as one line; the addresses as text, never as links."""
    evidence = getattr(info, "evidence", None)
    if evidence is None:
        return None
    seen = f"seen on {evidence.pages} page{'s' if evidence.pages != 1 else ''}"
    parts = [seen, evidence.note, ", ".join(evidence.urls)]
    return "; ".join(part for part in parts if part)


def categories_of(results: Sequence[FileResult], known: Sequence[str]) -> list[str]:
    """The known categories in their order, then any others the rules used."""
    used = {f.category for r in results for f in r.findings}
    return [*known, *sorted(used - set(known))]
