"""Finding the Spanish original of each article.

Three ways, first match wins: ``--source FILE`` for a single article;
``--source-dir DIR``, a parallel tree of originals; and by default a file
named by ``source-pattern`` beside the article (``NAME.es.md`` beside
``NAME.md``). Originals found beside their articles are not checked as
articles themselves when a folder is walked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from mtcheck.document import Document, ReadOptions, read
from mtcheck.errors import InputError
from mtcheck.rule import fill, template_problem

DEFAULT_PATTERN = "{stem}.es{suffix}"
_FIELDS = {"stem": r"(?P<stem>.+?)", "suffix": r"(?P<suffix>\.[^.]+)", "name": r"(?P<name>.+)"}


def check_pattern(pattern: str) -> str | None:
    """Why a source pattern is unusable, or None when it is fine."""
    problem = template_problem(pattern, frozenset(_FIELDS))
    if problem:
        return problem
    fields = set(re.findall(r"\{(\w+)\}", pattern))
    if not fields & {"stem", "name"}:
        return "must contain {stem} or {name} (e.g. '{stem}.es{suffix}')"
    unknown = fields - set(_FIELDS)
    if unknown:
        return f"unknown field(s) {', '.join(sorted(unknown))} (known: stem, suffix, name)"
    if "/" in pattern or "\\" in pattern:
        return "names a file beside the article; use source-dir for another folder"
    if fill(pattern, {"stem": "a", "suffix": ".md", "name": "a.md"}) == "a.md":
        return "would name the article itself"
    return None


@dataclass(frozen=True)
class Originals:
    """Where the originals are; picklable, so worker processes can look them up."""

    explicit: Path | None = None
    folder: Path | None = None
    pattern: str = DEFAULT_PATTERN
    beside: bool = True

    def name_for(self, article: Path) -> str:
        fields = {"stem": article.stem, "suffix": article.suffix, "name": article.name}
        return fill(self.pattern, fields)

    def locate(self, article: str) -> Path | None:
        """The original of an article, or None when it has none."""
        if self.explicit is not None:
            return self.explicit
        path = Path(article)
        if self.folder is not None:
            # es/politics/x.md for en/politics/x.md, else politics/x.md, else x.md.
            parts = path.parts[1:] if path.is_absolute() else path.parts
            for first in range(len(parts)):
                relative = Path(*parts[first:])
                for candidate in (relative, relative.with_name(self.name_for(relative))):
                    if (self.folder / candidate).is_file():
                        return self.folder / candidate
        if self.beside and article != "-":
            candidate = path.with_name(self.name_for(path))
            if candidate != path and candidate.is_file():
                return candidate
        return None

    @cached_property
    def _original_name(self) -> re.Pattern[str]:
        parts = re.split(r"(\{\w+\})", self.pattern)
        regex = "".join(_FIELDS[p[1:-1]] if p[1:-1] in _FIELDS else re.escape(p) for p in parts)
        return re.compile(regex)

    def is_original(self, path: Path) -> bool:
        """Whether a file is the original of an article beside it (and so not an article)."""
        if not self.beside:
            return False
        match = self._original_name.fullmatch(path.name)
        if match is None:
            return False
        fields = match.groupdict()
        if "name" in fields:
            names = [fields["name"]]
        elif "suffix" in fields:
            names = [fields["stem"] + fields["suffix"]]
        else:  # the pattern fixes the original's extension; the article's may be any
            from mtcheck.files import ARTICLE_SUFFIXES

            names = [fields["stem"] + suffix for suffix in sorted(ARTICLE_SUFFIXES)]
        return any(n != path.name and path.with_name(n).is_file() for n in names)

    def attach(self, document: Document, options: ReadOptions) -> Document:
        """The document with its original, read like an article; InputError names a bad one."""
        location = self.locate(document.path)
        if location is None:
            return document
        original = read(location, replace(options, syntax=None))
        if original.path == document.path:
            raise InputError(document.path, "an article cannot be its own original")
        return replace(document, original=original)
