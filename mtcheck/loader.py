"""Read rule files (TOML) into Rule objects; every error names ``file:line``.

A rule file holds an optional ``[defaults]`` table, whose keys every rule of
the file inherits, and any number of ``[[rule]]`` tables. See
``docs/rule-format.md`` for the keys.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from mtcheck.errors import InputError, RuleError
from mtcheck.files import read_regular
from mtcheck.kinds import KINDS
from mtcheck.kinds.pattern import as_group_references
from mtcheck.model import CATEGORIES, Applicability, Severity
from mtcheck.rule import Evidence, Example, Rule, RuleInfo, template_problem

COMMON_KEYS = frozenset(
    {
        "id",
        "name",
        "category",
        "kind",
        "severity",
        "message",
        "description",
        "fix",
        "examples",
        "counterexamples",
        "evidence",
    }
)
_ID = re.compile(r"^[A-Z]{2,4}\d{3,4}$")
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_TOML_POSITION = re.compile(r"\(at line (\d+), column \d+\)")
_RULE_HEADER = re.compile(r"^\s*\[\[\s*rule\s*\]\]\s*(?:#.*)?$")


class _Locator:
    """Maps the n-th ``[[rule]]`` table (and a key inside it) to a line of the file."""

    def __init__(self, source: str) -> None:
        self.lines = source.splitlines()
        self.headers = [i for i, line in enumerate(self.lines, 1) if _RULE_HEADER.match(line)]

    def line(self, index: int, key: str | None = None) -> int | None:
        if index >= len(self.headers):
            return None
        start = self.headers[index]
        stop = self.headers[index + 1] if index + 1 < len(self.headers) else len(self.lines) + 1
        if key is not None:
            key_line = re.compile(rf"^\s*{re.escape(key)}\s*[=.]")
            for number in range(start + 1, stop):
                if key_line.match(self.lines[number - 1]):
                    return number
        return start


def _examples(value: Any, fail: Any, key: str = "examples") -> tuple[Example, ...]:
    """Examples (or counterexamples): strings, or tables of text, fixed and source."""
    allowed = {"text", "fixed", "source"} if key == "examples" else {"text", "source"}
    if not isinstance(value, list):
        fail(f"{key} must be a list of strings or tables with {' and '.join(allowed)}", key)
    examples = []
    for item in value:
        if isinstance(item, str):
            examples.append(Example(item))
        elif isinstance(item, dict) and isinstance(item.get("text"), str):
            unknown = set(item) - allowed
            if unknown:
                fail(f"unknown {key} key(s): {', '.join(sorted(unknown))}", key)
            for optional in ("fixed", "source"):
                if item.get(optional) is not None and not isinstance(item[optional], str):
                    fail(f"{key} '{optional}' must be a string", key)
            examples.append(Example(item["text"], item.get("fixed"), item.get("source")))
        else:
            fail(f"each of {key} is a string or a table with a 'text' string", key)
    return tuple(examples)


def _evidence(value: Any, fail: Any) -> Evidence | None:
    """``evidence = { pages = 3, urls = ["https://…"], note = "…" }``: the field study's count."""
    if value is None:
        return None
    if not isinstance(value, dict):
        fail("evidence must be a table with 'pages' and 'urls'", "evidence")
    unknown = set(value) - {"pages", "urls", "note"}
    if unknown:
        fail(f"unknown evidence key(s): {', '.join(sorted(unknown))}", "evidence")
    pages, urls, note = value.get("pages"), value.get("urls", []), value.get("note", "")
    if not isinstance(pages, int) or isinstance(pages, bool) or pages < 1:
        fail("evidence 'pages' must be a whole number of at least 1", "evidence")
    if not isinstance(urls, list) or not all(
        isinstance(url, str) and url.startswith(("https://", "http://")) for url in urls
    ):
        fail("evidence 'urls' must be a list of http(s) URLs", "evidence")
    if not isinstance(note, str):
        fail("evidence 'note' must be a string", "evidence")
    return Evidence(pages, tuple(urls), note)


def _string_list(table: dict[str, Any], key: str, fail: Any) -> None:
    value = table.get(key)
    if value is None:
        return
    if isinstance(value, str):
        table[key] = [value]
    elif not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
        fail(f"{key} must be a string or a list of strings", key)


class _KnownLines:
    """The lines of a file's rules as the cache recorded them (the file parsed before)."""

    def __init__(self, lines: Sequence[int | None]) -> None:
        self.lines = lines

    def line(self, index: int, key: str | None = None) -> int | None:
        return self.lines[index] if index < len(self.lines) else None


def _build_rule(
    table: dict[str, Any],
    path: str,
    index: int,
    locator: _Locator | _KnownLines,
    *,
    verified: bool = False,
) -> Rule:
    """One rule from its table. ``verified``: the table comes from the rule cache, where
    only files whose every rule was built and checked are written, so the checks that
    need its regex compiled are not repeated (regexes compile on first use)."""

    def fail(message: str, key: str | None = None) -> None:
        raise RuleError(path, message, locator.line(index, key))

    for key in ("id", "name", "category", "kind", "message"):
        if not isinstance(table.get(key), str) or not table[key]:
            fail(f"rule needs a non-empty string '{key}'", key if key in table else None)
    rule_id, name, kind = table["id"], table["name"], table["kind"]
    if not _ID.match(rule_id):
        fail(f"rule id {rule_id!r} must look like MT123", "id")
    if not _NAME.match(name):
        fail(f"rule name {name!r} must be kebab-case", "name")
    if table["category"] not in CATEGORIES:
        fail(f"unknown category {table['category']!r}", "category")
    if kind not in KINDS:
        fail(f"unknown kind {kind!r} (expected one of: {', '.join(sorted(KINDS))})", "kind")
    rule_class = KINDS[kind]
    unknown = set(table) - COMMON_KEYS - rule_class.keys
    if unknown:
        fail(f"unknown key(s) for kind {kind!r}: {', '.join(sorted(unknown))}", sorted(unknown)[0])
    for key in ("match", "replace"):
        _string_list(table, key, fail)
    try:
        severity = Severity.parse(table.get("severity", "warning"))
    except ValueError as exc:
        fail(str(exc), "severity")
    fix = None
    if "fix" in table:
        try:
            fix = Applicability.parse(table["fix"])
        except ValueError as exc:
            fail(str(exc), "fix")
    problem = template_problem(table["message"])
    if problem:
        fail(f"message: {problem}", "message")
    examples = _examples(table.get("examples", []), fail)
    counter = _examples(table.get("counterexamples", []), fail, "counterexamples")
    info = RuleInfo(
        id=rule_id,
        name=name,
        category=table["category"],
        kind=kind,
        severity=severity,
        message=table["message"],
        description=table.get("description", table["message"]),
        fix=fix,
        path=path,
        line=locator.line(index),
        examples=examples,
        counterexamples=counter,
        evidence=_evidence(table.get("evidence"), fail),
    )
    kind_table = {k: v for k, v in table.items() if k in rule_class.keys}
    required = {"pattern": "pattern", "line": "pattern", "detector": "detector"}
    if kind in required and required[kind] not in kind_table:
        fail(f"kind {kind!r} needs '{required[kind]}'")
    try:
        rule = rule_class(info, kind_table)  # type: ignore[call-arg]
        if verified:
            return rule
        rule.validate()
        regex = getattr(rule, "regex", None)
        if regex is not None:
            if kind in ("pattern", "line") and regex.python.match(""):
                fail(
                    "pattern matches the empty string: it would flag (and fix) every line",
                    "pattern",
                )
            for template in getattr(rule, "templates", ()):
                try:  # parses the template against the pattern's groups, as every match will
                    regex.python.sub(as_group_references(template), "")
                except re.error as exc:
                    fail(f"bad replacement template {template!r}: {exc}", "replace")
        return rule
    except re.error as exc:
        fail(f"bad regular expression: {exc}", "pattern")
    except (ValueError, TypeError, KeyError) as exc:
        fail(str(exc))
    raise AssertionError("unreachable")


def load_file(path: Path) -> list[Rule]:
    """Load the rules of one TOML file."""
    name = str(path)
    tables, locator = _read_tables(path)
    return [_build_rule(table, name, index, locator) for index, table in enumerate(tables)]


def _read_tables(path: Path) -> tuple[list[dict[str, Any]], _Locator]:
    """The rule tables of one TOML file, each over the file's defaults."""
    name = str(path)
    try:
        source = read_regular(path)[0].decode("utf-8")
    except InputError as exc:
        raise RuleError(name, f"cannot read rule file: {exc.message}") from None
    except UnicodeDecodeError as exc:
        raise RuleError(name, f"cannot read rule file: {exc}") from None
    import tomllib  # only when the rule cache does not hold the file

    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        position = _TOML_POSITION.search(str(exc))
        message = _TOML_POSITION.sub("", str(exc)).strip()
        raise RuleError(name, message, int(position.group(1)) if position else None) from None
    locator = _Locator(source)
    unknown = set(data) - {"defaults", "rule"}
    if unknown:
        raise RuleError(name, f"unknown top-level key(s): {', '.join(sorted(unknown))}")
    defaults = data.get("defaults", {})
    tables = data.get("rule", [])
    if not isinstance(defaults, dict) or not isinstance(tables, list):
        raise RuleError(name, "expected a [defaults] table and [[rule]] tables")
    all_keys = COMMON_KEYS.union(*(kind.keys for kind in KINDS.values()))
    unknown_defaults = set(defaults) - all_keys
    if unknown_defaults:
        raise RuleError(
            name, f"unknown key(s) in [defaults]: {', '.join(sorted(unknown_defaults))}"
        )
    if not all(isinstance(table, dict) for table in tables):
        raise RuleError(name, "expected a [defaults] table and [[rule]] tables")
    return [_inherit(defaults, table) for table in tables], locator


def _inherit(defaults: dict[str, Any], table: dict[str, Any]) -> dict[str, Any]:
    """A rule's table over the file defaults that its kind understands."""
    kind = KINDS.get(table.get("kind", defaults.get("kind", "")))
    accepted = COMMON_KEYS | (kind.keys if kind else frozenset())
    return {**{k: v for k, v in defaults.items() if k in accepted}, **table}


def rule_files(folders: Iterable[Path]) -> list[Path]:
    """The ``*.toml`` rule files of some folders, in a stable order."""
    files: list[Path] = []
    for folder in folders:
        if not folder.is_dir():
            raise RuleError(str(folder), "rules folder does not exist")
        files.extend(sorted(folder.glob("*.toml")))
    return files


def _load_folder(folder: Path) -> list[Rule]:
    """The rules of one folder: from the rule cache when it holds these very files,
    else parsed (and then cached for the next run)."""
    from mtcheck import compiled

    files = rule_files([folder])
    cached = compiled.cached_tables(files)
    if cached is not None:
        try:
            return [
                _build_rule(table, path, index, _KnownLines(lines), verified=True)
                for path, lines, tables in cached
                for index, table in enumerate(tables)
            ]
        except RuleError:
            pass  # not what this version wrote: parse the files themselves
    rules: list[Rule] = []
    parsed = []
    for path in files:
        tables, locator = _read_tables(path)
        rules.extend(
            _build_rule(table, str(path), index, locator) for index, table in enumerate(tables)
        )
        lines = [locator.line(index) for index in range(len(tables))]
        parsed.append((str(path), lines, tables))
    compiled.store_tables(files, parsed)
    return rules


def load_rules(folders: Sequence[Path]) -> list[Rule]:
    """Load every rule of the given folders; ids must be unique across them all."""
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for folder in folders:
        if not folder.is_dir():
            raise RuleError(str(folder), "rules folder does not exist")
    for rule in (rule for folder in folders for rule in _load_folder(folder)):
        if rule.info.id in seen:
            first = seen[rule.info.id]
            message = f"duplicate rule id {rule.info.id} (first in {first})"
            raise RuleError(rule.info.path, message, rule.info.line)
        seen[rule.info.id] = rule.info.source
        rules.append(rule)
    return rules
