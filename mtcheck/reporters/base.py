"""The reporter interface: the core never prints, reporters do."""

from __future__ import annotations

import abc
from collections.abc import Sequence
from typing import TYPE_CHECKING

from mtcheck.results import FileResult

if TYPE_CHECKING:
    from rich.console import Console


class Reporter(abc.ABC):
    """Renders results on an injected console (so tests can record it)."""

    def __init__(self, console: Console) -> None:
        self.console = console

    @abc.abstractmethod
    def report(self, results: Sequence[FileResult]) -> None:
        """Write the report of all files."""

    def write(self, text: str) -> None:
        """Plain text, untouched by rich markup, wrapping or highlighting."""
        self.console.file.write(text)
