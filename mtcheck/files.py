"""Finding the articles to check, and writing fixed ones back safely."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from mtcheck.errors import InputError

ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm"})
STDIN = "-"


def collect(paths: Iterable[str]) -> tuple[list[str], list[InputError]]:
    """Expand folders into their article files; missing paths become errors."""
    found: list[str] = []
    errors: list[InputError] = []
    for raw in paths:
        if raw == STDIN:
            found.append(STDIN)
            continue
        path = Path(raw)
        if path.is_dir():
            articles = sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in ARTICLE_SUFFIXES
                and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not articles:
                suffixes = ", ".join(sorted(ARTICLE_SUFFIXES))
                errors.append(InputError(raw, f"directory has no article files ({suffixes})"))
            found.extend(str(p) for p in articles)
        elif path.exists() or path.is_symlink():
            found.append(raw)
        else:
            errors.append(InputError(raw, "no such file or directory"))
    return found, errors


def write_atomically(path: Path, data: bytes) -> None:
    """Replace a file's content all at once: a crash leaves the old file or the new one."""
    target = path.resolve()
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
