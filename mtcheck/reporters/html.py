"""The HTML report: one self-contained page per run (see mtcheck.html_report)."""

from __future__ import annotations

from collections.abc import Sequence

from mtcheck.reporters.base import CollectingReporter
from mtcheck.results import FileResult


class HtmlReporter(CollectingReporter):
    """An index of the files by score, and each article with its findings marked."""

    def render(self, results: Sequence[FileResult]) -> None:
        from mtcheck.html_report import check_page  # Jinja2 loads only for this format

        self.write(check_page(results, self.context.catalogue))
