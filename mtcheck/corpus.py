"""The annotated corpus: one file per article with inline edits.

``[[wrong -> right | category]]`` marks an artefact: the raw MT text holds
``wrong``, the human post-edit (reference) holds ``right``, and the gold span
is where ``wrong`` sits in the raw text. ``[[text -> text | ok]]`` marks a hard
negative: text that must not be flagged. An annotation whose ``right`` is empty
deletes: a line that is nothing but such an annotation disappears from the
reference with its line break. See corpus/README.md.

Run ``python -m mtcheck.corpus export CORPUS OUT`` to write the raw texts.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, replace
from pathlib import Path

from mtcheck.document import Document, load
from mtcheck.errors import InputError
from mtcheck.model import CATEGORIES
from mtcheck.sources import Originals

HARD_NEGATIVE = "ok"
_ANNOTATION = re.compile(r"\[\[(?P<body>.*?)\]\]", re.DOTALL)
_BODY = re.compile(
    r"^(?P<wrong>.*?) ?-> ?(?P<right>.*?) ?\| ?(?P<category>[a-z-]+)(?:, ?(?P<tag>source))?$",
    re.DOTALL,
)
# Categories only a comparison with the original can find.
SOURCE_ONLY = frozenset({"omission", "addition"})


@dataclass(frozen=True)
class GoldSpan:
    start: int
    end: int
    category: str
    wrong: str
    right: str
    settled_by_source: bool = False  # tagged ", source": the original settles it

    @property
    def is_negative(self) -> bool:
        return self.category == HARD_NEGATIVE

    @property
    def for_bilingual(self) -> bool:
        """Whether the checks against the original are expected to find this artefact."""
        return self.settled_by_source or self.category in SOURCE_ONLY


@dataclass(frozen=True)
class Article:
    path: str
    raw: str
    reference: str
    spans: tuple[GoldSpan, ...]
    original: Document | None = None  # the Spanish original, when the corpus has it

    @property
    def syntax(self) -> str:
        """NAME.md.ann and NAME.html.ann hold Markdown and HTML; the rest is plain text."""
        from mtcheck.formats import syntax_for

        return syntax_for(Path(self.path).with_suffix(""))

    def document(self) -> Document:
        """The raw MT text, as mtcheck would read it from the exported file."""
        return Document(self.raw, path=self.path, syntax=self.syntax, original=self.original)

    def without_original(self) -> Document:
        return Document(self.raw, path=self.path, syntax=self.syntax)

    @property
    def artefacts(self) -> tuple[GoldSpan, ...]:
        return tuple(s for s in self.spans if not s.is_negative)

    @property
    def negatives(self) -> tuple[GoldSpan, ...]:
        return tuple(s for s in self.spans if s.is_negative)


def parse(text: str, path: str = "<annotated>") -> Article:
    """Split an annotated article into raw text, reference and gold spans."""
    raw: list[str] = []
    reference: list[str] = []
    spans: list[GoldSpan] = []
    raw_length = 0
    cursor = 0
    for match in _ANNOTATION.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        body = _BODY.match(match.group("body"))
        if body is None:
            raise InputError(path, "annotation must read [[wrong -> right | category]]", line)
        wrong, right, category = body.group("wrong"), body.group("right"), body.group("category")
        if category not in CATEGORIES and category != HARD_NEGATIVE:
            raise InputError(path, f"unknown category {category!r} in annotation", line)
        if category == HARD_NEGATIVE and wrong != right:
            raise InputError(
                path, "a hard negative ([[x -> x | ok]]) must not change the text", line
            )
        if not wrong:
            raise InputError(path, "annotation has no wrong text to mark", line)
        before = text[cursor : match.start()]
        raw.append(before)
        reference.append(before)
        raw_length += len(before)
        tagged = body.group("tag") is not None
        if tagged and category == HARD_NEGATIVE:
            raise InputError(path, "a hard negative cannot be tagged ', source'", line)
        spans.append(GoldSpan(raw_length, raw_length + len(wrong), category, wrong, right, tagged))
        raw.append(wrong)
        raw_length += len(wrong)
        cursor = match.end()
        if not right:
            cursor = _drop_deleted_gap(text, match, reference, raw, cursor)
            raw_length = sum(map(len, raw))
        else:
            reference.append(right)
    raw.append(text[cursor:])
    reference.append(text[cursor:])
    if "[[" in "".join(raw) or "]]" in "".join(raw):
        raise InputError(path, "unbalanced [[ or ]] outside an annotation")
    return Article(path, "".join(raw), "".join(reference), tuple(spans))


def _drop_deleted_gap(
    text: str, match: re.Match[str], reference: list[str], raw: list[str], cursor: int
) -> int:
    """After a deletion, drop the line break (or one space) the reference no longer needs."""
    at_line_start = match.start() == 0 or text[match.start() - 1] == "\n"
    after = text[cursor : cursor + 1]
    if at_line_start and after == "\n":
        raw.append("\n")
        return cursor + 1
    if after == " " and reference and reference[-1].endswith(" "):
        raw.append(" ")
        return cursor + 1
    return cursor


def original_path(path: Path) -> Path:
    """Where the original of NAME.ann (NAME.es.txt) or NAME.md.ann (NAME.es.md) lives."""
    article = path.with_suffix("")
    if not article.suffix:
        article = article.with_suffix(".txt")
    return article.with_name(Originals().name_for(article))


def load_article(path: Path) -> Article:
    article = parse(path.read_text(encoding="utf-8"), str(path))
    original = original_path(path)
    if not original.is_file():
        return article
    return replace(article, original=load(original))


def corpus_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.ann"))


def export(folder: Path, out: Path) -> list[Path]:
    """Write the raw MT text of every annotated article as NAME.txt under ``out``,
    with its Spanish original beside it (NAME.es.txt) where the corpus has one."""
    written = []
    for path in corpus_files(folder):
        relative = path.relative_to(folder).with_suffix("")
        target = out / (relative if relative.suffix else relative.with_suffix(".txt"))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(load_article(path).raw, encoding="utf-8")
        written.append(target)
        original = original_path(path)
        if original.is_file():
            copy = target.with_name(Originals().name_for(target))
            copy.write_bytes(original.read_bytes())
            written.append(copy)
    return written


def recombined(folder: Path, count: int, seed: int) -> list[str]:
    """``count`` articles made by sampling and recombining the corpus's paragraphs (raw MT
    and clean text): the same list for the same corpus and seed, for benchmarks and for
    tests that compare two ways of checking on many articles."""
    import random

    paragraphs: list[str] = []
    headlines: list[str] = []
    for path in corpus_files(folder):
        blocks = [b for b in load_article(path).raw.split("\n\n") if b.strip()]
        headlines.append(blocks[0])
        paragraphs.extend(blocks[1:])
    rng = random.Random(seed)
    articles = []
    for _ in range(count):
        body = rng.sample(paragraphs, rng.randint(2, 14))
        articles.append("\n\n".join([rng.choice(headlines), *body]) + "\n")
    return articles


def _main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[0] != "export":
        sys.stderr.write("usage: python -m mtcheck.corpus export CORPUS_DIR OUT_DIR\n")
        return 2
    try:
        for path in export(Path(argv[1]), Path(argv[2])):
            sys.stdout.write(f"{path}\n")
    except InputError as exc:
        sys.stderr.write(f"mtcheck: error: {exc}\n")
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
