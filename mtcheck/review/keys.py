"""Single keystrokes for the line-mode reviewer: no Enter needed on a terminal.

On a real terminal the key is read in cbreak mode (Ctrl-C still interrupts);
from any other stream one character at a time. Line breaks are not keys, so
answers typed with Enter (or piped in with newlines) read the same.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from typing import TextIO

from rich.console import Console

KeyReader = Callable[[str], str]
_END_OF_INPUT = "\x04"  # Ctrl-D


def key_reader(stream: TextIO, console: Console) -> KeyReader:
    """Show the prompt, read one key, and echo it so the transcript reads as typed."""
    read = _terminal_key(stream) or _stream_key(stream)

    def read_key(prompt: str) -> str:
        console.print(prompt, end="", markup=False, highlight=False)
        console.file.flush()
        key = read()
        console.print(key if key.isprintable() else "", markup=False, highlight=False)
        return key

    return read_key


def _stream_key(stream: TextIO) -> Callable[[], str]:
    def read() -> str:
        while True:
            char = stream.read(1)
            if not char or char == _END_OF_INPUT:
                raise EOFError
            if char not in "\r\n":
                return char

    return read


def _terminal_key(stream: TextIO) -> Callable[[], str] | None:
    try:
        import termios
        import tty

        descriptor = stream.fileno()
        if not os.isatty(descriptor):
            return None
        termios.tcgetattr(descriptor)
    except (ImportError, OSError, io.UnsupportedOperation, ValueError):
        return None

    def read() -> str:
        saved = termios.tcgetattr(descriptor)
        try:
            tty.setcbreak(descriptor)
            while True:
                byte = os.read(descriptor, 1)
                if not byte or byte == _END_OF_INPUT.encode():
                    raise EOFError
                if byte == b"\x1b":
                    _drain(descriptor)  # an arrow or function key: not a decision
                    continue
                if byte not in b"\r\n":
                    return _complete(descriptor, byte)
        finally:
            termios.tcsetattr(descriptor, termios.TCSADRAIN, saved)

    return read


def _drain(descriptor: int) -> None:
    """Read the rest of an escape sequence, which arrives at once."""
    import select

    while select.select([descriptor], [], [], 0.02)[0]:
        os.read(descriptor, 1)


def _complete(descriptor: int, first: bytes) -> str:
    """One character, however many bytes UTF-8 gives it."""
    data = first
    while True:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            if len(data) >= 4:
                return data.decode("utf-8", "replace")
            data += os.read(descriptor, 1)
