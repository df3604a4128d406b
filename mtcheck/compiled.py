"""What the rule set derives from its regexes, kept on disk so a start does not redo it.

Deriving each rule's prefilter literals, anchors and reach parses every regex (most of
the cost of loading the rules). The first run writes them as JSON to the user cache
folder (``mtcheck.lexicon.cache_dir``), keyed on the mtcheck version and the bytes of
every rule file; later runs with the same files read them back. Data only: strings,
numbers, lists; a file that does not validate is ignored (and rewritten) — the values
are derived again, so nothing but speed depends on it.
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

_FORMAT = 1
# Cached per rule: the attribute, and how to read it back from JSON.
_FIELDS = ("literals", "_anchors", "companions", "reach")


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
    if name in ("literals", "_anchors"):
        return None if value is None else sorted(value)
    if name == "companions":
        return {k: None if v is None else sorted(v) for k, v in value.items()}
    return [value.before, value.width, value.newlines, value.spaces]


def _fields(rule: Rule) -> tuple[str, ...]:
    return tuple(f for f in _FIELDS if hasattr(type(rule), f) or f == "_anchors")


def prepare(rules: Sequence[Rule], folder: Path) -> None:
    """Give each rule its derived values, from the cache when it is valid, else derived
    now and written there."""
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
    for rule in rules:
        rule.__dict__.update(decoded[rule.info.id])


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
