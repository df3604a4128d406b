"""Markdown (CommonMark with tables, YAML front matter) to prose with a source map.

markdown-it-py gives the block structure with line maps; its inline tokens
carry no offsets, so each inline token's text is aligned with its source
lines in order: delimiters (``**``, ``_``, ``[``, ``](url)``) are skipped,
escapes and entities map one prose character to several source characters.
Code spans and blocks, link targets, images and HTML are not prose.
"""

from __future__ import annotations

import html
import re
from functools import cache
from typing import TYPE_CHECKING, Any

from mtcheck.errors import InputError
from mtcheck.formats.prose import CLOSE, OPEN, Block, ProseBuilder, ProseMap

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_FRONT_MATTER_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
_FRONT_MATTER_FIELD = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]*(?P<value>.*?)[ \t]*$")
# Front-matter keys whose values are prose; the rest (dates, slugs, tags) are not.
PROSE_KEYS = frozenset(
    {"title", "subtitle", "description", "summary", "excerpt", "headline", "lead", "caption"}
)
# Code placeholder: not a letter and not a space, so it separates words without
# looking like the end of a sentence or a lost space.
CODE_PLACEHOLDER = "\u2060"
_OPENING = {"strong_open", "em_open", "s_open", "link_open"}
_CLOSING = {"strong_close", "em_close", "s_close", "link_close"}
_MAX_SKIP = 200


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table").enable("strikethrough")


def _line_starts(text: str, base: int) -> list[int]:
    return [base] + [base + m.end() for m in _LINE_BREAK.finditer(text)]


def front_matter_end(source: str) -> int:
    """Offset where the Markdown body starts (after YAML front matter, if any)."""
    first = _LINE_BREAK.search(source)
    if first is None or source[: first.start()].rstrip() != "---":
        return 0
    position = first.end()
    for match in _LINE_BREAK.finditer(source, position):
        if _FRONT_MATTER_FENCE.match(source[position : match.start()]):
            return match.end()
        position = match.end()
    return 0  # an unclosed fence is not front matter


def _front_matter(source: str, end: int, builder: ProseBuilder) -> None:
    position = 0
    for match in _LINE_BREAK.finditer(source, 0, end):
        line = source[position : match.start()]
        field = _FRONT_MATTER_FIELD.match(line)
        if field and field.group("key").lower() in PROSE_KEYS and field.group("value"):
            value_start = position + field.start("value")
            value = field.group("value")
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value, value_start = value[1:-1], value_start + 1
            builder.block_break()
            start = len(builder.chars)
            builder.text(value, value_start)
            builder.block(Block(start, len(builder.chars), position, match.end()))
        position = match.end()


class _Aligner:
    """Walks the source forward while the inline tokens of a block are read."""

    def __init__(self, source: str, builder: ProseBuilder) -> None:
        self.source = source
        self.builder = builder
        self.cursor = 0

    def text(self, text: str, limit: int) -> None:
        source = self.source
        if source.startswith(text, self.cursor):
            self.builder.text(text, self.cursor)
            self.cursor += len(text)
            return
        for char in text:
            self._char(char, limit)

    def _char(self, char: str, limit: int) -> None:
        source, start = self.source, self.cursor
        position = start
        while position < limit and position - start <= _MAX_SKIP:
            current = source[position]
            if current == char:
                self.builder.char(char, position, position + 1)
                self.cursor = position + 1
                return
            if current == "\\" and position + 1 < limit and source[position + 1] == char:
                self.builder.char(char, position, position + 2)
                self.cursor = position + 2
                return
            if current == "&":
                entity = _ENTITY.match(source, position)
                if entity and html.unescape(entity.group()) == char:
                    self.builder.char(char, position, entity.end())
                    self.cursor = entity.end()
                    return
            position += 1
        # Not found where expected (markdown-it normalised it): keep it, unmapped.
        self.builder.synthetic(char)

    def skip_past(self, fragment: str, limit: int) -> None:
        found = self.source.find(fragment, self.cursor, limit)
        if found >= 0:
            self.cursor = found + len(fragment)

    def skip_link_target(self, limit: int) -> None:
        """After a link's text: skip ``](url "title")``, ``][ref]`` or ``]``."""
        source = self.source
        if source.startswith("](", self.cursor):
            depth, position = 0, self.cursor + 1
            while position < limit:
                if source[position] == "(":
                    depth += 1
                elif source[position] == ")":
                    depth -= 1
                    if depth == 0:
                        self.cursor = position + 1
                        return
                position += 1
        elif source.startswith("][", self.cursor):
            self.skip_past("]", limit)
            self.skip_past("]", limit)
        elif source.startswith("]", self.cursor):
            self.cursor += 1

    def line_break(self, limit: int) -> None:
        match = _LINE_BREAK.search(self.source, self.cursor, limit)
        if match is None:
            self.builder.synthetic("\n")
            return
        self.builder.char("\n", match.start(), match.end())
        self.cursor = match.end()


def _inline(children: list[Any], aligner: _Aligner, limit: int) -> None:
    builder = aligner.builder
    for child in children:
        kind = child.type
        if kind == "text":
            aligner.text(child.content, limit)
        elif kind in ("softbreak", "hardbreak"):
            aligner.line_break(limit)
        elif kind == "code_inline":
            aligner.skip_past(child.content, limit)
            while aligner.cursor < limit and aligner.source[aligner.cursor] == "`":
                aligner.cursor += 1
            builder.synthetic(CODE_PLACEHOLDER)
        elif kind in _OPENING:
            builder.inline_markup(OPEN)
        elif kind in _CLOSING:
            builder.inline_markup(CLOSE)
            if kind == "link_close":
                aligner.skip_link_target(limit)
        elif kind == "image":
            aligner.skip_past("](", limit)
            aligner.skip_past(")", limit)
            builder.synthetic(CODE_PLACEHOLDER)
        elif kind == "html_inline":
            aligner.skip_past(child.content, limit)
            builder.inline_markup(CLOSE if child.content.startswith("</") else OPEN)


def _refuse_too_deep(tokens: list[Any], limit: int, line_offset: int) -> None:
    """markdown-it stops parsing past its nesting limit and drops what is deeper:
    such a file is refused rather than reported clean unread."""
    for token in tokens:
        if token.level >= limit - 1:
            line = token.map[0] + 1 + line_offset if token.map else None
            message = f"Markdown nested deeper than {limit} levels; not checked"
            raise InputError("<markdown>", message, line=line)


def extract_markdown(source: str) -> ProseMap:
    builder = ProseBuilder()
    body_start = front_matter_end(source)
    if body_start:
        _front_matter(source, body_start, builder)
    body = source[body_start:]
    line_starts = _line_starts(body, body_start)
    line_starts.append(len(source))
    parser = _parser()
    tokens = parser.parse(body)
    _refuse_too_deep(tokens, parser.options.maxNesting, source[:body_start].count("\n"))
    shared_lines: dict[tuple[int, int], int] = {}
    for token in tokens:
        if token.type == "inline" and token.map:
            key = (token.map[0], token.map[1])
            shared_lines[key] = shared_lines.get(key, 0) + 1
    aligner = _Aligner(source, builder)
    for token in tokens:
        if token.type != "inline" or not token.map:
            if token.block and token.nesting >= 0:
                builder.block_break()
            continue
        first, last = token.map
        block_start = line_starts[first]
        limit = line_starts[min(last, len(line_starts) - 1)]
        aligner.cursor = max(aligner.cursor, block_start)
        builder.block_break()
        prose_start = len(builder.chars)
        _inline(token.children or [], aligner, limit)
        if shared_lines[(first, last)] == 1:
            builder.block(Block(prose_start, len(builder.chars), block_start, limit))
    return builder.build()
