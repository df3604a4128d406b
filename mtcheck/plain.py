"""Reports written to a file or a pipe, without loading rich.

A pre-commit hook or a CI job reads mtcheck's output from a pipe: there is no colour to
show and no width to wrap to, and importing rich would cost more than checking a short
article. ``PlainConsole`` writes what the reporters print (strings and styled text) as
plain lines, control characters escaped as ``SafeConsole`` escapes them, and hands
anything else (a table, a call only a real console answers) to a rich console made on
first use with the same settings.
"""

from __future__ import annotations

import os
from typing import Any, TextIO

from mtcheck.printable import printable

# Environment variables with which rich colours output that is not a terminal.
_FORCING = ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE")


def wants_plain(stream: TextIO, color: str) -> bool:
    """Whether rich would write nothing but plain text to ``stream``."""
    if color == "always":
        return False
    if color == "never":
        return True
    if any(os.environ.get(name) for name in _FORCING):
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return not (isatty is not None and isatty())
    except ValueError:  # a closed stream
        return True


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
            from mtcheck.console import SafeConsole

            self._rich = SafeConsole(
                file=self.file,
                force_terminal=False if self._color == "never" else None,
                no_color=True if self._color == "never" else None,
                highlight=False,
                soft_wrap=False,
            )
        return self._rich

    def __getattr__(self, name: str) -> Any:
        return getattr(self.rich, name)

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _OWN:
            object.__setattr__(self, name, value)
        else:  # console.width = 240, say: a setting of the rich console
            setattr(self.rich, name, value)


_OWN = frozenset({"file", "_color", "_rich"})
