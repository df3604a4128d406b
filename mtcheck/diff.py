"""A word-level colour diff of a text before and after fixing.

Lines are matched first (with a line of context), then the words inside each
changed block, so a one-word fix shows as one coloured word in its line.
Without colour, deletions read ``[-old-]`` and insertions ``{+new+}`` as in
``git diff --word-diff``.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text

from mtcheck.printable import one_line

if TYPE_CHECKING:
    from rich.console import Console

_TOKEN = re.compile(r"\s+|[^\W_]+|[^\s]", re.UNICODE)
DELETED = "bold red strike"
INSERTED = "bold green"
CONTEXT = "dim"


def word_ops(old: str, new: str) -> list[tuple[str, str]]:
    """The word diff as ("equal" | "delete" | "insert", text) pieces, in reading order.

    Line breaks inside a change are shown as ⏎, not performed.
    """
    old_tokens, new_tokens = _TOKEN.findall(old), _TOKEN.findall(new)
    matcher = difflib.SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    ops: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in _merge_across_spaces(matcher.get_opcodes(), old_tokens):
        if op == "equal":
            ops.append(("equal", "".join(old_tokens[i1:i2])))
            continue
        if i2 > i1:
            ops.append(("delete", _visible("".join(old_tokens[i1:i2]))))
        if j2 > j1:
            ops.append(("insert", _visible("".join(new_tokens[j1:j2]))))
    return ops


def word_diff(old: str, new: str, markers: bool) -> Text:
    text = Text()
    for op, piece in word_ops(old, new):
        if op == "equal":
            text.append(piece)
        elif op == "delete":
            text.append(f"[-{piece}-]" if markers else piece, style=DELETED)
        else:
            text.append(f"{{+{piece}+}}" if markers else piece, style=INSERTED)
    return text


Opcode = tuple[str, int, int, int, int]


def _merge_across_spaces(opcodes: Sequence[Opcode], old_tokens: list[str]) -> list[Opcode]:
    """Join two changes separated only by a space into one, so it reads as a phrase."""
    merged: list[Opcode] = []
    for opcode in opcodes:
        if (
            len(merged) >= 2
            and opcode[0] != "equal"
            and merged[-1][0] == "equal"
            and merged[-2][0] != "equal"
            and "".join(old_tokens[merged[-1][1] : merged[-1][2]]).isspace()
        ):
            merged.pop()
            first = merged.pop()
            opcode = ("replace", first[1], opcode[2], first[3], opcode[4])
        merged.append(opcode)
    return merged


# A line pairs with a changed one when they are at least this similar.
_PAIR_RATIO = 0.5
# Blocks larger than this many line pairs are paired greedily, in one pass.
_MAX_PAIRINGS = 2500


def pair_lines(old_block: list[str], new_block: list[str]) -> list[tuple[int | None, int | None]]:
    """Align the lines of a changed block: similar lines pair up, the rest stand alone.

    The most similar pairs are taken first (without crossing), so a line that was edited
    and moved up, the chrome above it deleted, pairs with its own new line rather than a
    headline that merely shares some words with it."""
    if len(old_block) * len(new_block) > _MAX_PAIRINGS:
        return _pair_greedily(old_block, new_block)
    scored = []
    for i, old in enumerate(old_block):
        for k, new in enumerate(new_block):
            matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
            if matcher.real_quick_ratio() > _PAIR_RATIO and matcher.quick_ratio() > _PAIR_RATIO:
                ratio = matcher.ratio()
                if ratio > _PAIR_RATIO:
                    scored.append((-ratio, i, k))
    chosen: dict[int, int] = {}
    for _, i, k in sorted(scored):
        if i in chosen or k in chosen.values():
            continue
        if any((other_i < i) != (other_k < k) for other_i, other_k in chosen.items()):
            continue  # pairs keep the order of both blocks
        chosen[i] = k
    return _in_order(chosen, len(old_block), len(new_block))


def _in_order(
    chosen: dict[int, int], old_count: int, new_count: int
) -> list[tuple[int | None, int | None]]:
    pairs: list[tuple[int | None, int | None]] = []
    j = 0
    for i in range(old_count):
        k = chosen.get(i)
        if k is None:
            pairs.append((i, None))
            continue
        pairs.extend((None, other) for other in range(j, k))
        pairs.append((i, k))
        j = k + 1
    pairs.extend((None, other) for other in range(j, new_count))
    return pairs


def _pair_greedily(
    old_block: list[str], new_block: list[str]
) -> list[tuple[int | None, int | None]]:
    chosen: dict[int, int] = {}
    j = 0
    for i, line in enumerate(old_block):
        best, best_ratio = None, _PAIR_RATIO
        for k in range(j, len(new_block)):
            ratio = difflib.SequenceMatcher(None, line, new_block[k], autojunk=False).ratio()
            if ratio > best_ratio:
                best, best_ratio = k, ratio
        if best is not None:
            chosen[i] = best
            j = best + 1
    return _in_order(chosen, len(old_block), len(new_block))


def _visible(fragment: str) -> str:
    """Line breaks inside a change are shown, not performed."""
    return fragment.replace("\r\n", "⏎").replace("\n", "⏎").replace("\r", "⏎")


def render_diff(
    old: str, new: str, path: str, console: Console, context: int = 1, markers: bool | None = None
) -> bool:
    """Print the diff of ``old`` and ``new``; return whether there was any change."""
    if old == new:
        return False
    if markers is None:
        markers = console.color_system is None or console.no_color
    old_lines = old.splitlines(keepends=True)
    new_lines = new.splitlines(keepends=True)
    width = len(str(max(len(old_lines), 1)))
    shown = one_line(path)
    console.print(Text(f"--- {shown}", style="bold red"))
    console.print(Text(f"+++ {shown} (fixed)", style="bold green"))
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for group in matcher.get_grouped_opcodes(context):
        first = group[0][1] + 1
        console.print(Text(f"@@ line {first} @@", style="cyan"))
        for op, i1, i2, j1, j2 in group:
            if op == "equal":
                for number in range(i1, i2):
                    _print_line(
                        console, number + 1, width, " ", Text(_strip(old_lines[number]), CONTEXT)
                    )
            elif op == "delete":
                for number in range(i1, i2):
                    body = Text(_strip(old_lines[number]) or "⏎", DELETED)
                    _print_line(console, number + 1, width, "-", body)
            elif op == "insert":
                for number in range(j1, j2):
                    _print_line(
                        console, None, width, "+", Text(_strip(new_lines[number]), INSERTED)
                    )
            else:
                for pair in pair_lines(old_lines[i1:i2], new_lines[j1:j2]):
                    _print_pair(console, pair, i1, j1, old_lines, new_lines, width, markers)
    return True


def _print_pair(
    console: Console,
    pair: tuple[int | None, int | None],
    i1: int,
    j1: int,
    old_lines: list[str],
    new_lines: list[str],
    width: int,
    markers: bool,
) -> None:
    old_index, new_index = pair
    if new_index is None:
        assert old_index is not None
        body = Text(_strip(old_lines[i1 + old_index]) or "⏎", DELETED)
        _print_line(console, i1 + old_index + 1, width, "-", body)
    elif old_index is None:
        body = Text(_strip(new_lines[j1 + new_index]), INSERTED)
        _print_line(console, None, width, "+", body)
    else:
        old_line = _strip(old_lines[i1 + old_index])
        new_line = _strip(new_lines[j1 + new_index])
        _print_line(console, i1 + old_index + 1, width, "~", word_diff(old_line, new_line, markers))


def _strip(line: str) -> str:
    return line.rstrip("\r\n")


def _print_line(console: Console, number: int | None, width: int, mark: str, body: Text) -> None:
    line = Text()
    line.append(f"{number if number is not None else '':>{width}} {mark} │ ", style="dim")
    line.append_text(body)
    console.print(line, soft_wrap=True)
