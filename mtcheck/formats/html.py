"""HTML to prose with a source map, using the standard library's parser.

``html.parser`` reports where each piece starts; with ``convert_charrefs``
off, text arrives verbatim and each entity separately, so every prose
character maps to its exact source range. Block elements separate words,
inline ones (``<a>``, ``<strong>``, ``<span>``) do not; ``<script>``,
``<style>``, ``<code>``, ``<pre>`` and attributes are not prose.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

from mtcheck.formats.markdown import CODE_PLACEHOLDER
from mtcheck.formats.prose import CLOSE, OPEN, Block, ProseBuilder, ProseMap

BLOCK_TAGS = frozenset(
    """address article aside blockquote body br caption dd details div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p section
    summary table tbody td tfoot th thead title tr ul""".split()
)
SKIPPED_TAGS = frozenset({"script", "style", "code", "pre", "noscript", "template", "svg"})
VOID_TAGS = frozenset({"br", "hr", "img", "input", "meta", "link", "source", "wbr"})
# Block elements whose whole source may go when all their prose is deleted.
_REMOVABLE = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "div", "figcaption"})


class _Extractor(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.builder = ProseBuilder()
        self.skipping = 0
        self.line_starts = [0] + [i + 1 for i, c in enumerate(source) if c == "\n"]
        self.open_blocks: list[tuple[str, int, int]] = []  # tag, source start, prose start

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED_TAGS:
            if self.skipping == 0:
                self.builder.synthetic(CODE_PLACEHOLDER)
            self.skipping += 1
        elif tag == "img":
            self.builder.synthetic(CODE_PLACEHOLDER)
        elif tag in BLOCK_TAGS:
            self.builder.block_break()
            if tag in _REMOVABLE and tag not in VOID_TAGS:
                self.open_blocks.append((tag, self._offset(), len(self.builder.chars)))
        else:
            self.builder.inline_markup(OPEN)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK_TAGS:
            self.builder.block_break()
        elif tag == "img":
            self.builder.synthetic(CODE_PLACEHOLDER)

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in BLOCK_TAGS:
            self._close_block(tag)
            self.builder.block_break()
        else:
            self.builder.inline_markup(CLOSE)

    def _close_block(self, tag: str) -> None:
        if not self.open_blocks or self.open_blocks[-1][0] != tag:
            return
        _, source_start, prose_start = self.open_blocks.pop()
        end = self.source.find(">", self._offset()) + 1
        if end > 0 and not any(b[0] == tag for b in self.open_blocks):
            block = Block(prose_start, len(self.builder.chars), source_start, end)
            self.builder.block(block)

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.builder.text(data, self._offset())

    def _reference(self, text: str) -> None:
        if self.skipping:
            return
        start = self._offset()
        end = start + len(text)
        if self.source.startswith(text + ";", start):
            end += 1
        for char in html.unescape(self.source[start:end]):
            self.builder.char(char, start, end)

    def handle_entityref(self, name: str) -> None:
        self._reference(f"&{name}")

    def handle_charref(self, name: str) -> None:
        self._reference(f"&#{name}")


def _unclosed_comment(source: str) -> int:
    """Where a comment that never closes begins (browsers hide the rest), else the end."""
    position = 0
    while (start := source.find("<!--", position)) >= 0:
        end = source.find("-->", start + 4)
        if end < 0:
            return start
        position = end + 3
    return len(source)


def extract_html(source: str) -> ProseMap:
    extractor = _Extractor(source)
    extractor.feed(source[: _unclosed_comment(source)])
    extractor.close()
    return extractor.builder.build()
