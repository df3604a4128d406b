"""The field study's per-artefact records: ``rules/evidence/*.tsv``.

Each row is one artefact as machine translation writes it, with its category,
the post-editor's form, the Spanish behind it, on how many real pages the field
study saw it, one or two of those pages, and the rule that covers it (or
``out-of-reach``, explained in ``docs/field-study.md``). Rows are facts about
pages, never their text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from mtcheck.errors import RuleError
from mtcheck.resources import rules_dir

COLUMNS = ("artefact", "category", "correct", "spanish", "pages", "urls", "covered_by", "probe")
OUT_OF_REACH = "out-of-reach"


@dataclass(frozen=True)
class Record:
    artefact: str
    category: str
    correct: str
    spanish: str
    pages: int
    urls: tuple[str, ...]
    covered_by: str  # a rule id, or OUT_OF_REACH
    probe: str  # our own sentence holding the artefact, when it needs context to be flagged
    path: str
    line: int

    @property
    def text_to_check(self) -> str:
        # A probe spans paragraphs with a written "\n": a TSV cell holds no line break.
        return self.probe.replace("\\n", "\n") or self.artefact


def read_records(path: Path) -> Iterator[Record]:
    """The rows of one evidence file; a malformed row stops with ``file:line``."""
    name = str(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(name, f"cannot read evidence file: {exc}") from None
    header_seen = False
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            if tuple(cells) != COLUMNS:
                raise RuleError(name, f"the header must be: {' '.join(COLUMNS)}", number)
            header_seen = True
            continue
        if len(cells) != len(COLUMNS):
            raise RuleError(name, f"expected {len(COLUMNS)} tab-separated cells", number)
        artefact, category, correct, spanish, pages, urls, covered_by, probe = cells
        if not pages.isdigit() or int(pages) < 1:
            raise RuleError(name, f"pages must be a whole number ≥ 1, not {pages!r}", number)
        yield Record(
            artefact=artefact,
            category=category,
            correct=correct,
            spanish=spanish,
            pages=int(pages),
            urls=tuple(u for u in urls.split() if u),
            covered_by=covered_by,
            probe=probe,
            path=name,
            line=number,
        )


def evidence_files(folder: Path | None = None) -> list[Path]:
    root = (folder or rules_dir()) / "evidence"
    return sorted(root.glob("*.tsv")) if root.is_dir() else []


@cache
def bundled_records() -> tuple[Record, ...]:
    return tuple(record for path in evidence_files() for record in read_records(path))


def records_for(rule_id: str, records: Iterable[Record] | None = None) -> list[Record]:
    """The artefacts a rule covers, most often seen first."""
    chosen = [r for r in (bundled_records() if records is None else records)]
    return sorted(
        (r for r in chosen if r.covered_by == rule_id), key=lambda r: (-r.pages, r.artefact)
    )
