"""``--statistics``: counts by rule (with its category), most frequent first, as ruff has them."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from mtcheck.console import notice
from mtcheck.reporters.base import ReportContext, Reporter
from mtcheck.results import FileResult

if TYPE_CHECKING:
    from rich.console import Console


class StatisticsReporter(Reporter):
    def __init__(self, console: Console, context: ReportContext | None = None) -> None:
        super().__init__(console, context)
        self.counts: Counter[tuple[str, str, str]] = Counter()

    def add(self, result: FileResult) -> None:
        self.counts.update((f.rule_id, f.name, f.category) for f in result.findings)

    def finish(self) -> None:
        counts = self.counts
        for (rule_id, name, category), count in sorted(counts.items(), key=lambda i: (-i[1], i[0])):
            notice(self.console, f"{count:>6}  {rule_id:<7} {name:<32} [{category}]")
        by_category: Counter[str] = Counter()
        for (_, _, category), count in counts.items():
            by_category[category] += count
        summary = ", ".join(f"{c} {n}" for c, n in by_category.most_common())
        notice(self.console, f"by category: {summary or 'none'}")
