"""Finding the articles to check, and writing fixed ones back safely."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from mtcheck.errors import InputError

ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm"})
SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__", "venv", "site-packages"})
STDIN = "-"


def _exclusions(folder: Path, exclude: Sequence[str]) -> Any:
    """The folder's .gitignore and the --exclude patterns, in gitignore syntax."""
    import pathspec

    lines = list(exclude)
    ignore_file = folder / ".gitignore"
    if ignore_file.is_file():
        with contextlib.suppress(OSError, UnicodeDecodeError):
            lines = ignore_file.read_text(encoding="utf-8").splitlines() + lines
    return pathspec.GitIgnoreSpec.from_lines(lines)


def _walk(
    folder: Path, exclude: Sequence[str], skip: Callable[[Path], bool] | None = None
) -> list[Path]:
    spec = _exclusions(folder, exclude)
    found = []
    for root, dirs, files in os.walk(folder):  # does not follow symlinked folders: no loops
        relative_root = Path(root).relative_to(folder)
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".")
            and d not in SKIPPED_FOLDERS
            and not spec.match_file(f"{(relative_root / d).as_posix()}/")
        )
        for name in files:
            relative = relative_root / name
            if (
                Path(name).suffix.lower() in ARTICLE_SUFFIXES
                and not name.startswith(".")
                and not spec.match_file(relative.as_posix())
                and not (skip is not None and skip(folder / relative))
            ):
                found.append(folder / relative)
    return sorted(found)


def collect(
    paths: Iterable[str],
    exclude: Sequence[str] = (),
    skip: Callable[[Path], bool] | None = None,
) -> tuple[list[str], list[InputError]]:
    """Expand folders into their article files; missing paths become errors.

    Folders are walked recursively, skipping hidden folders, virtual
    environments, what the folder's ``.gitignore`` or ``exclude`` (gitignore
    patterns) name, and files ``skip`` rejects (Spanish originals beside their
    articles). Files named explicitly are always checked.
    """
    found: list[str] = []
    errors: list[InputError] = []
    for raw in paths:
        if raw == STDIN:
            found.append(STDIN)
            continue
        path = Path(raw)
        if path.is_dir():
            articles = _walk(path, exclude, skip)
            if not articles:
                suffixes = ", ".join(sorted(ARTICLE_SUFFIXES))
                errors.append(InputError(raw, f"directory has no article files ({suffixes})"))
            found.extend(str(p) for p in articles)
        elif path.exists() or path.is_symlink():
            found.append(raw)
        else:
            errors.append(InputError(raw, "no such file or directory"))
    return found, errors


def write_atomically(path: Path, data: bytes, durable: bool = True) -> None:
    """Replace a file's content all at once: a crash leaves the old file or the new one.

    ``durable`` also waits for the disk (articles); caches skip that wait.
    """
    target = path.resolve()
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        with contextlib.suppress(OSError):
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
