"""Finding the articles to check, and writing fixed ones back safely."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import secrets
import stat
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mtcheck.errors import InputError

# Articles are news: megabytes are archives, and the checks are not all linear.
DEFAULT_MAX_BYTES = 2 * 1024 * 1024
# Every temporary file mtcheck writes ends so; `mtcheck clean` removes stale ones.
TEMP_SUFFIX = ".mtcheck-tmp"

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


def _given_excluded(raw: str, exclude: Sequence[str], root: Path) -> bool:
    """Whether a path given explicitly matches an exclude (``--force-exclude``).

    Patterns are matched against the path relative to the project root when it
    lies inside it, else against the path as given, as ruff does.
    """
    if not exclude:
        return False
    import pathspec

    spec = pathspec.GitIgnoreSpec.from_lines(list(exclude))
    path = Path(raw)
    candidates = [path]
    with contextlib.suppress(OSError, ValueError):
        candidates.insert(0, path.resolve().relative_to(root.resolve()))
    for candidate in candidates:
        relative = candidate.as_posix().lstrip("/")
        if path.is_dir():
            relative += "/"
        if spec.match_file(relative):
            return True
    return False


def collect(
    paths: Iterable[str],
    exclude: Sequence[str] = (),
    skip: Callable[[Path], bool] | None = None,
    *,
    force_exclude: bool = False,
    root: Path | None = None,
) -> tuple[list[str], list[InputError]]:
    """Expand folders into their article files; missing paths become errors.

    Folders are walked recursively, skipping hidden folders, virtual
    environments, what the folder's ``.gitignore`` or ``exclude`` (gitignore
    patterns) name, and files ``skip`` rejects (Spanish originals beside their
    articles). Files named explicitly are always checked, unless
    ``force_exclude``: then ``exclude`` applies to them too (matched from ``root``,
    the project folder), as pre-commit passes every changed file by name.
    """
    found: list[str] = []
    errors: list[InputError] = []
    for raw in paths:
        if raw == STDIN:
            found.append(STDIN)
            continue
        path = Path(raw)
        if force_exclude and _given_excluded(raw, exclude, root or Path.cwd()):
            continue
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
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=TEMP_SUFFIX)
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


@dataclass(frozen=True)
class FileStamp:
    """What a file was when it was read: its identity, its size and time, its bytes' digest.

    A write goes ahead only if the file is still what was read.
    """

    real: str
    device: int
    inode: int
    size: int
    mtime_ns: int
    digest: str


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def inside(real: str, tree: Sequence[str]) -> bool:
    """Whether a real path lies in one of the tree's real roots (no tree: anywhere)."""
    if not tree:
        return True
    return any(real == root or real.startswith(root.rstrip(os.sep) + os.sep) for root in tree)


def tree_roots(paths: Iterable[str | Path]) -> tuple[str, ...]:
    """The real roots of a checked tree: folders as given, files by their folder."""
    roots = []
    for raw in paths:
        if str(raw) == STDIN:
            continue
        path = Path(raw)
        folder = path if path.is_dir() and not path.is_symlink() else path.absolute().parent
        roots.append(os.path.realpath(folder))
    return tuple(dict.fromkeys(roots))


_KINDS = (
    (stat.S_ISDIR, "is a directory"),
    (stat.S_ISFIFO, "is a FIFO (named pipe), not a regular file; not read"),
    (stat.S_ISCHR, "is a character device, not a regular file; not read"),
    (stat.S_ISBLK, "is a block device, not a regular file; not read"),
    (stat.S_ISSOCK, "is a socket, not a regular file; not read"),
)


def _refuse_kind(name: str, mode: int) -> None:
    for test, message in _KINDS:
        if test(mode):
            raise InputError(name, message)
    if not stat.S_ISREG(mode):
        raise InputError(name, "is not a regular file; not read")


def read_regular(
    path: Path, tree: Sequence[str] = (), max_bytes: int | None = DEFAULT_MAX_BYTES
) -> tuple[bytes, FileStamp]:
    """The bytes of a regular file inside the tree, or an InputError naming it.

    Only regular files are opened (a FIFO or device would block or never end);
    a symlink is followed only when its target lies inside the tree; a file
    over ``max_bytes`` is refused before it is read.
    """
    name = str(path)
    real = os.path.realpath(path)
    if not inside(real, tree):
        raise InputError(name, "is a symlink to a file outside the checked tree; not read")
    try:
        before = os.stat(real)
        _refuse_kind(name, before.st_mode)
        # O_NONBLOCK: should a FIFO be swapped in after the stat, opening it does not wait.
        fd = os.open(real, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except OSError as exc:
        raise InputError(name, exc.strerror or str(exc)) from None
    try:
        status = os.fstat(fd)
        _refuse_kind(name, status.st_mode)
        if (status.st_dev, status.st_ino) != (before.st_dev, before.st_ino):
            raise InputError(name, "changed while it was opened; not read")
        if max_bytes and status.st_size > max_bytes:
            raise InputError(name, _too_big(status.st_size, max_bytes))
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(max_bytes + 1) if max_bytes else handle.read()
        if max_bytes and len(data) > max_bytes:
            raise InputError(name, _too_big(len(data), max_bytes))
    except OSError as exc:
        raise InputError(name, exc.strerror or str(exc)) from None
    finally:
        os.close(fd)
    stamp = FileStamp(
        real, status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns, digest(data)
    )
    return data, stamp


def _too_big(size: int, limit: int) -> str:
    return (
        f"file is {size:,} bytes, over the {limit:,}-byte limit; not checked "
        "(raise it with --max-file-size or max-file-size in the config)"
    )


def _writable(real: str, status: os.stat_result) -> bool:
    # root may write anything; a file nobody may write is still read-only to mtcheck.
    if os.geteuid() == 0:
        return bool(status.st_mode & 0o222)
    return os.access(real, os.W_OK)


def _unchanged(name: str, real: str, stamp: FileStamp) -> None:
    """Raise unless the file is still the one read: same inode, size, time and bytes."""
    try:
        status = os.stat(real)
    except FileNotFoundError:
        raise InputError(name, "was removed since it was read; not written") from None
    same = (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns) == (
        stamp.device,
        stamp.inode,
        stamp.size,
        stamp.mtime_ns,
    )
    if not same or read_regular(Path(real), max_bytes=None)[1].digest != stamp.digest:
        raise InputError(name, "changed since it was read; not overwritten (run mtcheck again)")


def _temp_beside(real: str) -> tuple[int, str]:
    folder, base = os.path.split(real)
    while True:
        tmp = os.path.join(folder, f".{base}.{secrets.token_hex(4)}{TEMP_SUFFIX}")
        try:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC | os.O_NOFOLLOW
            return os.open(tmp, flags, 0o666), tmp  # the umask applies, as to any new file
        except FileExistsError:
            continue


def _copy_metadata(fd: int, real: str, status: os.stat_result) -> bool:
    """Give the new file the old one's owner, mode and extended attributes;
    False when one of them cannot be reproduced (then the file is written in place)."""
    try:
        own = os.fstat(fd)
        if (own.st_uid, own.st_gid) != (status.st_uid, status.st_gid):
            os.fchown(fd, status.st_uid, status.st_gid)
        os.fchmod(fd, stat.S_IMODE(status.st_mode))  # after chown, which clears setuid bits
        if hasattr(os, "listxattr"):
            for attribute in os.listxattr(real):
                os.setxattr(fd, attribute, os.getxattr(real, attribute))
    except OSError:
        return False
    return True


def _write_in_place(real: str, data: bytes) -> None:
    """Rewrite the file's own inode: owner, mode, hard links and attributes stay by construction."""
    fd = os.open(real, os.O_WRONLY | os.O_CLOEXEC | os.O_NOFOLLOW)
    try:
        _write_all(fd, data)
        os.ftruncate(fd, len(data))
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _sync_folder(folder: str) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def replace_contents(name: str, data: bytes, stamp: FileStamp, tree: Sequence[str] = ()) -> None:
    """Write a file read earlier, as a whole and only if it is still what was read.

    A read-only file is refused; a file that changed since it was read is not
    overwritten. The new content goes to a temporary file beside the old one,
    takes its owner, mode and extended attributes, and replaces it atomically;
    a hard-linked file (or one whose owner or attributes cannot be copied) is
    rewritten in place instead, so its links and metadata stay.
    """
    real = os.path.realpath(name)
    if real != stamp.real:
        raise InputError(name, "points elsewhere than when it was read; not written")
    if not inside(real, tree):
        raise InputError(name, "is a symlink to a file outside the checked tree; not written")
    try:
        status = os.stat(real)
    except FileNotFoundError:
        raise InputError(name, "was removed since it was read; not written") from None
    _refuse_kind(name, status.st_mode)
    if not _writable(real, status):
        raise InputError(name, "is read-only; not written (make it writable to apply fixes)")
    _unchanged(name, real, stamp)
    try:
        if status.st_nlink > 1:
            _write_in_place(real, data)
            return
        fd, tmp = _temp_beside(real)
        try:
            with os.fdopen(fd, "wb") as handle:
                _write_all(handle.fileno(), data)
                copied = _copy_metadata(handle.fileno(), real, status)
                os.fsync(handle.fileno())
            if not copied:
                os.unlink(tmp)
                _unchanged(name, real, stamp)
                _write_in_place(real, data)
                return
            _unchanged(name, real, stamp)
            os.replace(tmp, real)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        _sync_folder(os.path.dirname(real))
    except OSError as exc:
        raise InputError(name, f"cannot write: {exc.strerror or exc}") from None


def _mode_for(fd: int, like: os.stat_result | None, existing: os.stat_result | None) -> int | None:
    """The mode for a file write_new creates (None: as created, the umask's)."""
    if existing is not None and not stat.S_ISLNK(existing.st_mode):
        return stat.S_IMODE(existing.st_mode)
    if like is not None:
        as_created = stat.S_IMODE(os.fstat(fd).st_mode)  # 0o666 less the umask
        return stat.S_IMODE(like.st_mode) & as_created
    return None


def write_new(
    path: Path, data: bytes, *, like: os.stat_result | None = None, tree: Sequence[str] = ()
) -> None:
    """Create or replace a file mtcheck owns (a backup, a baseline), atomically.

    A symlink in its place is replaced, never followed; the folder must lie in
    the tree. A new file gets the umask's mode (0644 under umask 022: it is meant to be
    kept or committed), narrowed to ``like``'s (a backup is never more open than its
    article); a file replaced keeps its mode.
    """
    name = str(path)
    folder = os.path.realpath(path.parent)
    if not inside(folder, tree):
        raise InputError(name, "lies outside the checked tree; not written")
    target = os.path.join(folder, path.name)
    try:
        existing = os.lstat(target)
    except FileNotFoundError:
        existing = None
    if existing is not None and not stat.S_ISLNK(existing.st_mode):
        _refuse_kind(name, existing.st_mode)
        if not _writable(target, existing):
            raise InputError(name, "is read-only; not written")
    try:
        fd, tmp = _temp_beside(target)
        try:
            with os.fdopen(fd, "wb") as handle:
                _write_all(handle.fileno(), data)
                mode = _mode_for(handle.fileno(), like, existing)
                if mode is not None:
                    with contextlib.suppress(OSError):
                        os.fchmod(handle.fileno(), mode)
                os.fsync(handle.fileno())
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError as exc:
        raise InputError(name, f"cannot write: {exc.strerror or exc}") from None
    _sync_folder(folder)


# mtcheck's temporary files, and those of versions that named them .NAME.<random>.tmp.
_TEMP_NAME = re.compile(
    r"^\..+\.(?:[0-9a-f]{8}\.mtcheck-tmp|[a-z0-9_]{8}\.tmp|[a-z0-9_]{8}\.mtcheck-tmp)$"
)
STALE_SECONDS = 60


def stale_temporaries(folder: Path, now: float) -> list[Path]:
    """mtcheck's temporary files under a folder left by a killed run (older than a minute)."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if d not in SKIPPED_FOLDERS and d != ".git"]
        for name in files:
            if _TEMP_NAME.match(name):
                path = Path(root) / name
                with contextlib.suppress(OSError):
                    status = os.lstat(path)
                    if stat.S_ISREG(status.st_mode) and now - status.st_mtime > STALE_SECONDS:
                        found.append(path)
    return sorted(found)
