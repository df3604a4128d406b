"""The consoles the commands write to, and their notices and error lines, in one place.

Everything shown passes through ``printable``. A terminal gets a rich console
(``SafeConsole``: control characters escaped in every text segment). A pipe or a
file gets a ``PlainConsole``: a pre-commit hook or a CI job has no colour to show
and no width to wrap to, and importing rich would cost more than checking a short
article; it writes what the reporters print (strings and styled text) as whole,
unwrapped lines and hands anything else (a table) to a rich console made on first
use with the same settings, also unwrapped.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

from mtcheck.printable import one_line, printable
from mtcheck.styled import Text

if TYPE_CHECKING:
    from rich.console import Console

    from mtcheck.errors import InputError

# A width no line reaches: rich wraps tables and long text at the console width,
# which for a pipe would be its guess of 80 columns.
UNWRAPPED_WIDTH = 10_000
# Environment variables with which rich colours output that is not a terminal.
_FORCING = ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE")


def make_console(stream: TextIO, color: str = "auto") -> Console:
    """A console that escapes control characters in whatever it prints; off a
    terminal a plain writer that never loads rich, its lines never wrapped."""
    if wants_plain(stream, color):
        return PlainConsole(stream, color)  # type: ignore[return-value]  # see PlainConsole
    return rich_console(stream, color, terminal=_is_terminal(stream))


def rich_console(stream: TextIO, color: str, *, terminal: bool) -> Console:
    """A ``SafeConsole`` on ``stream`` (rich imported here, not before)."""
    force = {"always": True, "never": False}.get(color)
    return _safe_console_class()(
        file=stream,
        force_terminal=force,
        no_color=True if color == "never" else None,
        highlight=False,
        soft_wrap=False,
        width=None if terminal else UNWRAPPED_WIDTH,
    )


def wants_plain(stream: TextIO, color: str) -> bool:
    """Whether rich would write nothing but plain text to ``stream``."""
    if color == "always":
        return False
    if color == "never":
        return True
    if any(os.environ.get(name) for name in _FORCING):
        return False
    return not _is_terminal(stream)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or unusual stream
        return False


_SAFE_CONSOLE: type[Console] | None = None


def _safe_console_class() -> type[Console]:
    """``SafeConsole``, defined on first use: its base class is rich's Console."""
    global _SAFE_CONSOLE
    if _SAFE_CONSOLE is not None:
        return _SAFE_CONSOLE
    from rich.console import Console
    from rich.segment import Segment

    class SafeConsole(Console):
        """A rich Console that escapes control characters in everything it prints.

        Rich's own colour and cursor codes are control segments and pass; text
        segments, whatever they came from, are made printable (line breaks and tabs
        kept), so no report, diff, prompt or notice can carry a raw escape.
        """

        def _render_buffer(self, buffer: Iterable[Segment]) -> str:
            safe = (
                segment
                if segment.control
                else Segment(printable(segment.text, "\n\t"), segment.style)
                for segment in buffer
            )
            return super()._render_buffer(safe)

        def on_broken_pipe(self) -> None:
            """The reader of the output went away (``mtcheck check … | head``).

            Rich would exit the process from inside a library call, and point the real
            standard output at /dev/null whatever this console writes to; the command
            line decides instead (``cli.main``), so the error goes up as it is.
            """
            self.quiet = True
            raise BrokenPipeError(errno.EPIPE, "Broken pipe")

    _SAFE_CONSOLE = SafeConsole
    return SafeConsole


class PlainConsole:
    """The part of a rich Console that reports use, for a stream that is no terminal."""

    is_terminal = False

    def __init__(self, file: TextIO, color: str = "auto") -> None:
        self.file = file
        self._color = color
        self._rich: Any = None

    def print(
        self,
        *objects: Any,
        sep: str = " ",
        end: str = "\n",
        markup: bool | None = None,
        emoji: bool | None = None,
        **options: Any,
    ) -> None:
        parts = []
        for item in objects:
            plain = getattr(item, "plain", None)
            if isinstance(plain, str):
                parts.append(plain)
            elif (
                isinstance(item, str)
                # Rich would read [bold] as markup and :smile: as an emoji code.
                and (markup is False or "[" not in item)
                and (emoji is False or ":" not in item)
            ):
                parts.append(item)
            else:
                self.rich.print(*objects, sep=sep, end=end, markup=markup, emoji=emoji, **options)
                return
        self.file.write(printable(sep.join(parts), "\n\t") + end)

    @property
    def rich(self) -> Any:
        """A rich console on the same stream, for what only rich can draw."""
        if self._rich is None:
            color = "never" if self._color == "never" else "auto"
            self._rich = rich_console(self.file, color, terminal=False)
        return self._rich

    def __getattr__(self, name: str) -> Any:
        return getattr(self.rich, name)

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _OWN:
            object.__setattr__(self, name, value)
        else:  # console.width = 240, say: a setting of the rich console
            setattr(self.rich, name, value)


_OWN = frozenset({"file", "_color", "_rich"})


def notice(console: Console, text: str) -> None:
    """One line for the editor: never wrapped, never read as markup."""
    console.print(one_line(text), markup=False, highlight=False, soft_wrap=True)


def report_error(errors: Console, error: InputError) -> None:
    """``mtcheck: error: path:line: message`` in red, on one line."""
    errors.print(Text(f"mtcheck: error: {one_line(str(error))}", style="red"), soft_wrap=True)


def warn(console: Console, text: str) -> None:
    """A yellow line (a fix skipped, a notice about one file)."""
    console.print(Text(one_line(text), style="yellow"), soft_wrap=True)


@dataclass(frozen=True)
class Streams:
    """Where a command writes and reads: the report, the notices, the input."""

    out: Console
    errors: Console
    stdin: TextIO
