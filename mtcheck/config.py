"""Configuration from ``[tool.mtcheck]`` in pyproject.toml, mtcheck.toml or .mtcheck.toml.

The file is found by walking up from the checked paths (as ruff does), or
given with ``--config``; ``--isolated`` ignores it. Unknown keys and bad values
are errors naming the file and the key.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mtcheck.errors import LocatedError, MtcheckError
from mtcheck.files import DEFAULT_MAX_BYTES, read_regular
from mtcheck.model import Severity
from mtcheck.sources import DEFAULT_PATTERN, check_pattern

CONFIG_FILES = (".mtcheck.toml", "mtcheck.toml", "pyproject.toml")


class ConfigError(LocatedError):
    """A configuration file with an unknown key or a bad value."""


@dataclass(frozen=True)
class HouseStyle:
    crossref_label: str = "SEE ALSO:"
    remove_related_links: bool = False
    date_style: str = "us"  # us: December 19; uk: 19 December


@dataclass(frozen=True)
class Config:
    path: Path | None = None
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    exclude: tuple[str, ...] = ()
    extend_exclude: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    fail_on: Severity = Severity.INFO
    extend_safe_fixes: tuple[str, ...] = ()
    extend_unsafe_fixes: tuple[str, ...] = ()
    extra_rules: tuple[Path, ...] = ()
    jobs: int = 0
    house: HouseStyle = field(default_factory=HouseStyle)
    source_pattern: str = DEFAULT_PATTERN
    source_dir: Path | None = None
    max_file_size: int | None = DEFAULT_MAX_BYTES

    @property
    def root(self) -> Path:
        return self.path.parent if self.path is not None else Path.cwd()


def _strings(value: Any, fail: Any, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    fail(key, "must be a list of strings")
    raise AssertionError("unreachable")


def parse(table: dict[str, Any], path: Path) -> Config:
    """A Config from the ``[tool.mtcheck]`` table of ``path``."""

    def fail(key: str, message: str) -> None:
        raise ConfigError(str(path), f"[tool.mtcheck] {key}: {message}")

    known = {
        "select", "extend-select", "ignore", "per-file-ignores", "exclude", "extend-exclude",
        "severity", "fail-on", "extend-safe-fixes", "extend-unsafe-fixes", "extra-rules",
        "jobs", "crossref-label", "remove-related-links", "date-style", "source-pattern",
        "source-dir", "max-file-size",
    }  # fmt: skip
    for key in table:
        if key not in known:
            fail(key, f"unknown key (known: {', '.join(sorted(known))})")
    values: dict[str, Any] = {"path": path}
    for key in ("select", "extend-select", "ignore", "exclude", "extend-exclude"):
        if key in table:
            values[key.replace("-", "_")] = _strings(table[key], fail, key)
    for key in ("extend-safe-fixes", "extend-unsafe-fixes"):
        if key in table:
            values[key.replace("-", "_")] = _strings(table[key], fail, key)
    if "per-file-ignores" in table:
        entries = table["per-file-ignores"]
        if not isinstance(entries, dict):
            fail("per-file-ignores", "must be a table of glob = [codes]")
        values["per_file_ignores"] = tuple(
            (glob, _strings(codes, fail, f"per-file-ignores.{glob}"))
            for glob, codes in entries.items()
        )
    if "severity" in table:
        entries = table["severity"]
        if not isinstance(entries, dict):
            fail("severity", "must be a table of code = level")
        parsed = []
        for code, level in entries.items():
            try:
                parsed.append((code, Severity.parse(str(level))))
            except ValueError as exc:
                fail(f"severity.{code}", str(exc))
        values["severity"] = tuple(parsed)
    if "fail-on" in table:
        try:
            values["fail_on"] = Severity.parse(str(table["fail-on"]))
        except ValueError as exc:
            fail("fail-on", str(exc))
    if "extra-rules" in table:
        folders = _strings(table["extra-rules"], fail, "extra-rules")
        values["extra_rules"] = tuple(_inside(path, f, fail, "extra-rules") for f in folders)
    if "jobs" in table:
        if not isinstance(table["jobs"], int) or table["jobs"] < 0:
            fail("jobs", "must be a whole number (0: all cores)")
        values["jobs"] = table["jobs"]
    if "source-pattern" in table:
        pattern = table["source-pattern"]
        problem = "must be a string" if not isinstance(pattern, str) else check_pattern(pattern)
        if problem:
            fail("source-pattern", problem)
        values["source_pattern"] = pattern
    if "source-dir" in table:
        if not isinstance(table["source-dir"], str) or not table["source-dir"]:
            fail("source-dir", "must be a folder name")
        values["source_dir"] = _inside(path, table["source-dir"], fail, "source-dir")
    if "max-file-size" in table:
        size = table["max-file-size"]
        if isinstance(size, str):
            size = parse_size(size)
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            fail("max-file-size", "must be a size in bytes (2000000, '2MB'; 0: no limit)")
        values["max_file_size"] = size or None
    values["house"] = _house(table, fail)
    return Config(**{k: v for k, v in values.items()})


def _inside(config: Path, folder: str, fail: Any, key: str) -> Path:
    """A folder named by the config, which must lie inside the project (the config's
    folder): a config in a pull request must not send mtcheck reading elsewhere."""
    project = config.parent.resolve()
    resolved = (project / folder).resolve()
    if not resolved.is_relative_to(project):
        fail(key, f"{folder!r} lies outside the project ({project}); name a folder inside it")
    return resolved


_UNITS = {"": 1, "b": 1, "k": 1000, "kb": 1000, "kib": 1024, "m": 10**6, "mb": 10**6}
_UNITS |= {"mib": 1024**2, "g": 10**9, "gb": 10**9, "gib": 1024**3}


def parse_size(text: str) -> int | None:
    """Bytes from '2000000', '2MB', '512 KiB'; None when it is not a size."""
    match = re.fullmatch(r"\s*(\d+)\s*([a-zA-Z]*)\s*", text)
    if match is None or match.group(2).lower() not in _UNITS:
        return None
    return int(match.group(1)) * _UNITS[match.group(2).lower()]


def _house(table: dict[str, Any], fail: Any) -> HouseStyle:
    label = table.get("crossref-label", HouseStyle.crossref_label)
    if not isinstance(label, str) or not label.strip():
        fail("crossref-label", "must be a non-empty string")
    remove = table.get("remove-related-links", False)
    if not isinstance(remove, bool):
        fail("remove-related-links", "must be true or false")
    style = table.get("date-style", "us")
    if style not in ("us", "uk"):
        fail("date-style", "must be 'us' (December 19) or 'uk' (19 December)")
    return HouseStyle(label, remove, style)


def _table(path: Path) -> dict[str, Any] | None:
    """The mtcheck table of a config file; None when a pyproject.toml has none."""
    from mtcheck.errors import InputError

    try:
        data = tomllib.loads(read_regular(path)[0].decode("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(path), f"invalid TOML: {exc}") from None
    except InputError as exc:
        raise ConfigError(str(path), f"cannot read: {exc.message}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(str(path), f"cannot read: {exc}") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("mtcheck")
        return table if isinstance(table, dict) else None
    return data.get("tool", {}).get("mtcheck", data)


def _code_lists(config: Config) -> list[tuple[str, tuple[str, ...]]]:
    """Every place the config names rule codes, as (key, codes)."""
    places = [
        ("select", config.select),
        ("extend-select", config.extend_select),
        ("ignore", config.ignore),
        ("extend-safe-fixes", config.extend_safe_fixes),
        ("extend-unsafe-fixes", config.extend_unsafe_fixes),
        ("severity", tuple(code for code, _ in config.severity)),
    ]
    places += [(f"per-file-ignores.{glob}", codes) for glob, codes in config.per_file_ignores]
    return places


def check_codes(config: Config, known: Sequence[str]) -> None:
    """Raise ConfigError, naming the file, the key and the line, for the first rule code
    the config names that selects nothing (a typo would silently switch a rule off)."""
    from mtcheck.codes import validate_codes

    if config.path is None:
        return
    path = config.path
    for key, codes in _code_lists(config):
        for code in codes:

            def error(message: str, code: str = code) -> ConfigError:
                return ConfigError(str(path), message, _line_of(path, code))

            validate_codes([code], known, f"[tool.mtcheck] {key}", error)


def _line_of(path: Path, code: str) -> int | None:
    """The first line of the config that names ``code`` as a string or a key; None when
    the file cannot be read again or does not spell it so."""
    try:
        text = read_regular(path)[0].decode("utf-8")
    except (MtcheckError, UnicodeDecodeError):
        return None
    quoted = re.compile(rf"""(["']){re.escape(code)}\1|(?:^|[{{,\s]){re.escape(code)}\s*=""")
    for number, line in enumerate(text.splitlines(), start=1):
        if quoted.search(line.split("#", 1)[0]):
            return number
    return None


def find(start: Path) -> Path | None:
    """The nearest config file at or above ``start``."""
    folder = start if start.is_dir() else start.parent
    for candidate_folder in (folder.resolve(), *folder.resolve().parents):
        for name in CONFIG_FILES:
            candidate = candidate_folder / name
            if candidate.is_file() and _table(candidate) is not None:
                return candidate
    return None


def load(explicit: Path | None, paths: list[str], isolated: bool) -> Config:
    """The configuration in force: ``--config``, else the nearest file, else defaults."""
    if isolated:
        return Config()
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(str(explicit), "config file not found")
        table = _table(explicit)
        return parse(table or {}, explicit)
    anchors = [Path(p) for p in paths if p != "-"] or [Path.cwd()]
    found = find(anchors[0])
    if found is None:
        return Config()
    return parse(_table(found) or {}, found)
