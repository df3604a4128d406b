"""Console helpers for the commands, in one place: the consoles, notices and error lines.

Everything shown passes through ``printable`` (see ``SafeConsole``). Output that
is not a terminal is never wrapped: a CI log or a pipe gets whole lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

from mtcheck.printable import one_line

if TYPE_CHECKING:
    from rich.console import Console

    from mtcheck.errors import InputError

# A width no line reaches: rich wraps tables and long text at the console width,
# which for a pipe would be its guess of 80 columns.
UNWRAPPED_WIDTH = 10_000


def make_console(stream: TextIO, color: str = "auto") -> Console:
    """A console that escapes control characters in whatever it prints (see printable);
    on a pipe or file its lines are never wrapped."""
    from mtcheck.printable import SafeConsole

    force = {"always": True, "never": False}.get(color)
    terminal = _is_terminal(stream)
    return SafeConsole(
        file=stream,
        force_terminal=force,
        no_color=True if color == "never" else None,
        highlight=False,
        soft_wrap=False,
        width=None if terminal else UNWRAPPED_WIDTH,
    )


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or unusual stream
        return False


def notice(console: Console, text: str) -> None:
    """One line for the editor: never wrapped, never read as markup."""
    console.print(one_line(text), markup=False, highlight=False, soft_wrap=True)


def report_error(errors: Console, error: InputError) -> None:
    """``mtcheck: error: path:line: message`` in red, on one line."""
    from rich.text import Text

    errors.print(Text(f"mtcheck: error: {one_line(str(error))}", style="red"), soft_wrap=True)


def warn(console: Console, text: str) -> None:
    """A yellow line (a fix skipped, a notice about one file)."""
    from rich.text import Text

    console.print(Text(one_line(text), style="yellow"), soft_wrap=True)


@dataclass(frozen=True)
class Streams:
    """Where a command writes and reads: the report, the notices, the input."""

    out: Console
    errors: Console
    stdin: TextIO
