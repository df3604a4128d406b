"""Text from articles, originals, rule packs and file names, made safe to show.

Anything mtcheck prints for a person passes through ``printable``: control
characters (C0, DEL, C1) and the bidirectional overrides that reorder a
terminal line are shown as escapes (``\\x1b``, ``\\u202e``), so an article can
neither move the cursor, retitle the window, clear the screen nor hide text.
XML reports use ``xml_safe``: XML 1.0 cannot hold most control characters at all.
"""

from __future__ import annotations

import errno
import re
from collections.abc import Iterable

from rich.console import Console
from rich.segment import Segment

# C0 controls, DEL, C1 controls; bidi embeddings, overrides and isolates.
_UNSAFE = "\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
_PATTERNS: dict[str, re.Pattern[str]] = {}
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    if match.group() in _NAMED:
        return _NAMED[match.group()]
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, keep: str = "") -> str:
    """``text`` with every control character except those in ``keep`` escaped."""
    pattern = _PATTERNS.get(keep)
    if pattern is None:
        allowed = "".join(f"\\x{ord(c):02x}" for c in keep)
        body = f"[{_UNSAFE}]" if not allowed else f"(?![{allowed}])[{_UNSAFE}]"
        pattern = _PATTERNS[keep] = re.compile(body)
    return pattern.sub(_escape, text)


def one_line(text: str) -> str:
    """A file name or message on one line: line breaks and tabs escaped too."""
    return printable(text)


def plural(count: int, noun: str, many: str | None = None) -> str:
    """``1 finding``, ``2 findings``: the count with its noun, singular or plural."""
    return f"{count} {noun if count == 1 else (many or noun + 's')}"


def xml_safe(text: str) -> str:
    """Characters XML 1.0 forbids written as visible escapes (tab, LF and CR stay)."""
    return _XML_ILLEGAL.sub(_escape, text)


class SafeConsole(Console):
    """A rich Console that escapes control characters in everything it prints.

    Rich's own colour and cursor codes are control segments and pass; text
    segments, whatever they came from, are made printable (line breaks and tabs
    kept), so no report, diff, prompt or notice can carry a raw escape.
    """

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        safe = (
            segment if segment.control else Segment(printable(segment.text, "\n\t"), segment.style)
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
