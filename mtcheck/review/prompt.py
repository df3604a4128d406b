"""Asking the editor for a line (an edited replacement) in the line-mode reviewer."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from mtcheck.printable import printable

if TYPE_CHECKING:
    from rich.console import Console


def line_reader(stream: TextIO, console: Console) -> Callable[[str, str], str]:
    """Ask for a line on ``stream``; in a terminal the default is prefilled for editing."""
    interactive = stream.isatty()

    def ask(prompt: str, default: str) -> str:
        prompt = printable(prompt, "\n")  # input() writes it raw to the terminal
        if interactive and default:
            return prefilled_input(prompt, default)
        shown = f"{prompt}[{default}] " if default else prompt
        console.print(shown, end="", markup=False, highlight=False)
        console.file.flush()
        line = stream.readline()
        if not line:
            raise EOFError
        answer = line.rstrip("\r\n")
        if not interactive:
            console.print(answer, markup=False, highlight=False)  # the transcript shows it
        return answer or default

    return ask


def prefilled_input(prompt: str, default: str) -> str:
    try:
        import readline
    except ImportError:  # pragma: no cover - platforms without readline
        return input(f"{prompt}[{default}] ") or default
    readline.set_startup_hook(lambda: readline.insert_text(default))
    try:
        return input(prompt)
    finally:
        readline.set_startup_hook()
