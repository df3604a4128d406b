"""The prose of a marked-up file and an exact map back to source offsets.

Rules see only the prose: ``**Putin**visited`` reads ``Putinvisited``, so the
glued word is found. Every prose character remembers the source range it came
from (one character, or an entity such as ``&amp;``); characters the extractor
adds to separate blocks or stand in for code are *synthetic* and cannot be
edited. Between two prose characters the map also knows whether inline markup
opens or closes there, so an inserted space lands outside the markup:
``**Putin** visited``, ``said **Putin**``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

OPEN, CLOSE = "open", "close"


@dataclass(frozen=True)
class Block:
    """A block of prose (a paragraph, heading, list item) and its whole source range.

    Deleting every prose character of a block deletes the block in the source,
    markup and line break included (a scraped ``**Share this article:**`` line).
    """

    prose_start: int
    prose_end: int
    source_start: int
    source_end: int


@dataclass
class ProseMap:
    prose: str
    starts: list[int]  # source start of each prose character (-1: synthetic)
    ends: list[int]  # source end of each prose character
    markup: dict[int, set[str]] = field(default_factory=dict)  # prose gap -> OPEN/CLOSE
    blocks: list[Block] = field(default_factory=list)

    def finding_span(self, start: int, end: int) -> tuple[int, int] | None:
        """Source range of a flagged prose range; None if it is all synthetic."""
        real = [i for i in range(start, end) if not self.synthetic(i)]
        if start == end:
            point = self.insertion_point(start)
            return None if point is None else (point, point)
        if not real:
            return None
        return self.starts[real[0]], self.ends[real[-1]]

    def map_edit(
        self, source: str, start: int, end: int, replacement: str
    ) -> tuple[int, int, str] | None:
        """The source edit for a prose edit, or None where it would break the markup."""
        old = self.prose[start:end]
        prefix = 0
        while prefix < min(len(old), len(replacement)) and old[prefix] == replacement[prefix]:
            prefix += 1
        suffix = 0
        while (
            suffix < min(len(old), len(replacement)) - prefix
            and old[-1 - suffix] == replacement[-1 - suffix]
        ):
            suffix += 1
        start, end = start + prefix, end - suffix
        replacement = replacement[prefix : len(replacement) - suffix]
        if start == end:
            point = self.insertion_point(start)
            return None if point is None else (point, point, replacement)
        if not replacement:
            deleted = self._deleted_blocks(source, start, end)
            if deleted is not None:
                return deleted
        if any(self.synthetic(i) for i in range(start, end)):
            return None
        if any(self.ends[i] != self.starts[i + 1] for i in range(start, end - 1)):
            return None  # markup inside the range would be lost
        return self.starts[start], self.ends[end - 1], replacement

    def _deleted_blocks(self, source: str, start: int, end: int) -> tuple[int, int, str] | None:
        inside = [b for b in self.blocks if start <= b.prose_start and b.prose_end <= end]
        if not inside:
            return None
        covered = {i for b in inside for i in range(b.prose_start, b.prose_end)}
        if any(
            i not in covered and not self.synthetic(i) and not self.prose[i].isspace()
            for i in range(start, end)
        ):
            return None  # the deletion reaches into text outside the blocks
        lo, hi = inside[0].source_start, inside[-1].source_end
        return (*_with_blank_line(source, lo, hi), "")

    def synthetic(self, index: int) -> bool:
        return self.starts[index] < 0

    def insertion_point(self, gap: int) -> int | None:
        """Where text inserted between prose[gap-1] and prose[gap] goes in the source."""
        before = gap - 1 if gap > 0 and not self.synthetic(gap - 1) else None
        after = gap if gap < len(self.prose) and not self.synthetic(gap) else None
        kinds = self.markup.get(gap, set())
        if before is None and after is None:
            return None
        if after is None:
            return self.ends[before]  # type: ignore[index]
        if before is None:
            return self.starts[after]
        if OPEN in kinds and CLOSE not in kinds:
            return self.ends[before]  # before the opening markup: said **Putin**
        return self.starts[after]  # after closing markup: **Putin** visited


def _with_blank_line(source: str, start: int, end: int) -> tuple[int, int]:
    """Widen a deleted block by one neighbouring blank line, keeping the spacing."""
    after = end
    while after < len(source) and source[after] in " \t":
        after += 1
    if after < len(source) and source[after] in "\r\n":
        newline = 2 if source.startswith("\r\n", after) else 1
        return start, after + newline
    before = start
    while before > 0 and source[before - 1] in " \t\r\n":
        before -= 1
    if before < start and end > start and source[end - 1] in "\r\n":
        # The block ended the file with its line break: the line now last keeps its own,
        # so the file still ends with a newline.
        before += 2 if source.startswith("\r\n", before) else int(source[before] in "\r\n")
    return before, end


class ProseBuilder:
    """Accumulates prose characters with their source ranges."""

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.markup: dict[int, set[str]] = {}
        self.blocks: list[Block] = []

    def block(self, block: Block) -> None:
        if block.prose_end > block.prose_start:
            self.blocks.append(block)

    def text(self, text: str, source_start: int) -> None:
        """Prose copied verbatim from the source at ``source_start``."""
        self.chars.extend(text)
        self.starts.extend(range(source_start, source_start + len(text)))
        self.ends.extend(range(source_start + 1, source_start + len(text) + 1))

    def char(self, char: str, source_start: int, source_end: int) -> None:
        """One prose character standing for a source range (an entity, an escape)."""
        self.chars.append(char)
        self.starts.append(source_start)
        self.ends.append(source_end)

    def synthetic(self, text: str) -> None:
        """Separators that exist only in the prose (block breaks, code placeholders)."""
        self.chars.extend(text)
        self.starts.extend([-1] * len(text))
        self.ends.extend([-1] * len(text))

    def block_break(self) -> None:
        if self.chars and self.chars[-1] != "\n":
            self.synthetic("\n\n")
        elif self.chars and (len(self.chars) < 2 or self.chars[-2] != "\n"):
            self.synthetic("\n")

    def inline_markup(self, kind: str) -> None:
        self.markup.setdefault(len(self.chars), set()).add(kind)

    def build(self) -> ProseMap:
        return ProseMap("".join(self.chars), self.starts, self.ends, self.markup, self.blocks)
