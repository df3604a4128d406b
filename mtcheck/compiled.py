"""The rule set as far as it can be prepared ahead, kept on disk so a start does not redo it.

Two things are kept in the user cache folder (``mtcheck.lexicon.cache_dir``), as JSON:

- the parsed tables of a folder's rule files (``rules-KEY.json``), keyed on the mtcheck
  version, the code that reads them and the path and bytes of every file: reading TOML
  costs several times what reading the same tables as JSON does;
- what each rule derives from its regexes (``compiled-KEY.json``, one a folder of rule
  files): prefilter literals, anchors, reach and the RE2 translation of a pattern (or null:
  it runs on Python's re); deriving them parses every regex, and a start then compiles only
  the engine that runs it.

The newest eight of each kind are kept.

Data only: strings, numbers, lists, tables; a file that does not validate is ignored
(and rewritten) — the values are derived again, so nothing but speed depends on it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from mtcheck.automaton import Reach
from mtcheck.rule import Rule
from mtcheck.version import __version__

_FORMAT = 5  # 3: anchors chosen by word frequency, larger sets; 4: translations; 5: a floor
_TABLES_FORMAT = 2  # 2: anchors chosen by word frequency, larger sets
# The newest caches of each kind kept (rule tables; derived values, one a rule folder).
_KEEP = 8
# Cached per rule: the attribute, and how to read it back from JSON.
_FIELDS = ("literals", "_anchors", "companions", "reach", "re2_pattern")


def _key(rules: Sequence[Rule]) -> str:
    digest = hashlib.sha256(f"{__version__}-{_FORMAT}".encode())
    for path in sorted({rule.info.path for rule in rules}):
        digest.update(path.encode())
        try:
            digest.update(hashlib.sha256(Path(path).read_bytes()).digest())
        except OSError:
            digest.update(os.urandom(8))  # unreadable: never matches, never reused
    digest.update(" ".join(rule.info.id for rule in rules).encode())
    return digest.hexdigest()[:24]


def _strings(value: Any) -> frozenset[str] | None:
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError("expected a list of strings")
    return frozenset(value)


def _decode(name: str, value: Any) -> Any:
    if name in ("literals", "_anchors"):
        return _strings(value)
    if name == "re2_pattern":
        if value is not None and not isinstance(value, str):
            raise ValueError("a translation is a string or null")
        return value
    if name == "companions":
        if not isinstance(value, dict):
            raise ValueError("companions is a table")
        return {str(k): _strings(v) for k, v in value.items()}
    if not isinstance(value, list) or len(value) != 4:
        raise ValueError("reach is four numbers")
    before, width, newlines, spaces = value
    for number in (before, spaces, width, newlines):
        if number is not None and (not isinstance(number, int) or number < 0):
            raise ValueError("reach is four numbers")
    if before is None or spaces is None:
        raise ValueError("reach is four numbers")
    return Reach(before, width, newlines, spaces)


def _encode(name: str, value: Any) -> Any:
    if name == "re2_pattern":
        return value
    if name in ("literals", "_anchors"):
        return None if value is None else sorted(value)
    if name == "companions":
        return {k: None if v is None else sorted(v) for k, v in value.items()}
    return [value.before, value.width, value.newlines, value.spaces]


def _fields(rule: Rule) -> tuple[str, ...]:
    return tuple(f for f in _FIELDS if hasattr(type(rule), f) or f == "_anchors")


def prepare(rules: Sequence[Rule], folder: Path) -> None:
    """Give each rule its derived values, from the cache when it is valid, else derived
    now and written there.

    Each folder of rule files has its own cache entry, so a team's own rules (or an edit
    to them) never make the bundled catalogue's thousands of regexes be derived again."""
    groups: dict[str, list[Rule]] = {}
    for rule in rules:
        groups.setdefault(str(Path(rule.info.path).parent), []).append(rule)
    for group in groups.values():
        _prepare_group(group, folder)


def _prepare_group(rules: Sequence[Rule], folder: Path) -> None:
    path = folder / f"compiled-{_key(rules)}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or set(data) != {rule.info.id for rule in rules}:
            raise ValueError("not this rule set")
        decoded = {
            rule.info.id: {name: _decode(name, data[rule.info.id][name]) for name in _fields(rule)}
            for rule in rules
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        _derive_and_store(rules, path)
        return
    with contextlib.suppress(OSError):  # in use: the last to be pruned
        os.utime(path)
    for rule in rules:
        values = decoded[rule.info.id]
        if "re2_pattern" in values:  # the regex's, not the rule's: it compiles the engine
            rule.regex.translation = values.pop("re2_pattern")  # type: ignore[attr-defined]
        rule.__dict__.update(values)


def _derive_and_store(rules: Sequence[Rule], path: Path) -> None:
    data = {}
    for rule in rules:
        rule.anchors()  # derives and keeps the anchors
        data[rule.info.id] = {name: _encode(name, getattr(rule, name)) for name in _fields(rule)}
    with contextlib.suppress(OSError):  # a read-only home only costs speed
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".compiled-")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle)
        os.replace(temporary, path)
        _prune(path.parent, "compiled-*.json")


def _prune(folder: Path, pattern: str) -> None:
    """Keep the newest caches of one kind: rules being edited leave one a version."""
    older = sorted(folder.glob(pattern), key=_modified, reverse=True)
    for stale in older[_KEEP:]:
        with contextlib.suppress(OSError):
            stale.unlink()


def _tables_key(files: Sequence[Path]) -> str:
    """The version, the code that turns tables into rules, and each file's path and bytes."""
    digest = hashlib.sha256(f"{__version__}-{_TABLES_FORMAT}".encode())
    package = Path(__file__).parent
    for source in (package / "loader.py", package / "rule.py", *sorted(package.glob("kinds/*.py"))):
        with contextlib.suppress(OSError):
            info = source.stat()
            digest.update(f"{source.name}{info.st_size}{info.st_mtime_ns}".encode())
    for path in files:
        digest.update(str(path).encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:24]


# One rule file as the cache holds it: its path, each rule's line, each rule's table.
CachedFile = tuple[str, list[int | None], list[dict[str, Any]]]


def _valid_file(entry: Any, path: Path) -> CachedFile:
    if not isinstance(entry, list) or len(entry) != 3:
        raise ValueError("a file is [path, lines, tables]")
    name, lines, tables = entry
    if name != str(path) or not isinstance(lines, list) or not isinstance(tables, list):
        raise ValueError("not this file")
    if len(lines) != len(tables) or not all(isinstance(t, dict) for t in tables):
        raise ValueError("a table for each line")
    if not all(line is None or (isinstance(line, int) and line > 0) for line in lines):
        raise ValueError("lines are numbers")
    return name, lines, tables


def _tables_path(files: Sequence[Path]) -> Path | None:
    from mtcheck.lexicon import cache_dir

    try:
        return cache_dir() / f"rules-{_tables_key(files)}.json"
    except OSError:  # a rule file unreadable now: parsing it will say so
        return None


def cached_tables(files: Sequence[Path]) -> list[CachedFile] | None:
    """The parsed tables of these rule files as a previous run stored them, or None."""
    path = _tables_path(files)
    if path is None or path.is_symlink():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, list) or len(data) != len(files):
            raise ValueError("not these files")
        return [_valid_file(entry, file) for entry, file in zip(data, files, strict=True)]
    except (OSError, UnicodeDecodeError, ValueError):
        return None


def store_tables(files: Sequence[Path], parsed: Sequence[CachedFile]) -> None:
    """Keep the tables of rule files that have just been parsed and built without an error.

    Tables that JSON cannot hold (a TOML date, say) are not kept: nothing else is lost."""
    path = _tables_path(files)
    if path is None:
        return
    try:
        text = json.dumps([list(entry) for entry in parsed], ensure_ascii=False)
    except (TypeError, ValueError):
        return
    with contextlib.suppress(OSError):  # a read-only home only costs speed
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_symlink():
            return
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".rules-")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temporary, path)
        _prune(path.parent, "rules-*.json")


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
