"""Regular expressions from rule packs, run so that no pattern can take unbounded time.

A rule pack is data anyone may edit, and a backtracking engine takes time
exponential in the text for patterns such as ``(a+)+$``. So each pattern is
translated to RE2 (``google-re2``: linear time, whatever the pattern) when it
uses only what RE2 means the same way; the translation is made from the parsed
pattern, so classes such as ``\\w``, ``\\d`` and ``\\s`` keep Python's Unicode
meaning. Patterns RE2 cannot express (lookarounds, backreferences, ``\\b``,
``$`` outside MULTILINE, atomic groups) run on Python's ``re`` under a time
budget per call: past ``BUDGET_SECONDS`` the search is interrupted and
``BudgetExceeded`` names the pattern. ``SafeRegex.engine`` says which.

The budget is a timer of the process's CPU time (ITIMER_PROF, SIGPROF), which
Python's matcher honours: CPU time, not wall time, so that a loaded machine does not
trip it; it needs the main thread (as the CLI and its worker processes run). Off the
main thread a budgeted pattern runs without one (see SECURITY.md).
"""

from __future__ import annotations

import _signal  # type: ignore[import-not-found]  # signal's C module: no enum conversions
import re
import threading
from collections.abc import Iterable
from typing import Any

from mtcheck.errors import MtcheckError

try:  # the parser behind ``re``
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser as P  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - other Pythons: every pattern is budgeted
    C = P = None

BUDGET_SECONDS = 1.0
RE2 = "re2"
BUDGET = "budget"

# Python's \s: str.isspace() characters.
_SPACE = r"\t\n\x0b\x0c\r\x1c-\x1f \x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}"
_SPACE += r"\x{202f}\x{205f}\x{3000}"
_CLASSES = {"DIGIT": r"\p{Nd}", "WORD": r"\p{L}\p{N}_", "SPACE": _SPACE}
_MAX_RE2_REPEAT = 1000


class BudgetExceeded(MtcheckError):
    """A budgeted pattern ran past its time on one text."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        super().__init__(f"pattern {pattern[:60]!r} ran past its {BUDGET_SECONDS:g} s time budget")

    def __reduce__(self) -> tuple[type, tuple[str]]:
        return (type(self), (self.pattern,))

    def naming(self, rules: Iterable[Any]) -> str:
        """The message, naming the rule whose pattern it was."""
        for rule in rules:
            if getattr(getattr(rule, "regex", None), "pattern", None) == self.pattern:
                return (
                    f"rule {rule.info.id} ({rule.info.source}) ran past its "
                    f"{BUDGET_SECONDS:g} s time budget on this file; file not checked"
                )
        return f"{self}; file not checked"


class _Untranslatable(Exception):
    pass


def _char(code: int) -> str:
    return chr(code) if chr(code).isalnum() and code < 128 else f"\\x{{{code:x}}}"


def _category(name: str) -> tuple[str, bool]:
    """The RE2 class body of a category and whether it is negated."""
    negated = name.startswith("CATEGORY_NOT_")
    key = name.removeprefix("CATEGORY_NOT_").removeprefix("CATEGORY_")
    if key not in _CLASSES:
        raise _Untranslatable(name)
    return _CLASSES[key], negated


def _in(items: list[tuple[Any, Any]]) -> str:
    negate = False
    parts = []
    for op, value in items:
        name = str(op)
        if name == "NEGATE":
            negate = True
        elif name == "LITERAL":
            parts.append(_char(value))
        elif name == "RANGE":
            parts.append(f"{_char(value[0])}-{_char(value[1])}")
        elif name == "CATEGORY":
            body, negated = _category(str(value))
            if negated:
                if len(items) != 1:
                    raise _Untranslatable("a negated class among others")
                negate = True
            parts.append(body)
        else:
            raise _Untranslatable(name)
    return f"[{'^' if negate else ''}{''.join(parts)}]"


def _emit(parsed: Any, multiline: bool) -> str:
    out = []
    for op, value in parsed:
        name = str(op)
        if name == "LITERAL":
            out.append(_char(value))
        elif name == "NOT_LITERAL":
            out.append(f"[^{_char(value)}]")
        elif name == "ANY":
            out.append(".")
        elif name == "IN":
            out.append(_in(value))
        elif name in ("MAX_REPEAT", "MIN_REPEAT"):
            low, high, item = value
            if (high != C.MAXREPEAT and high > _MAX_RE2_REPEAT) or low > _MAX_RE2_REPEAT:
                raise _Untranslatable("repeat count")
            bound = f"{{{low},}}" if high == C.MAXREPEAT else f"{{{low},{high}}}"
            lazy = "?" if name == "MIN_REPEAT" else ""
            out.append(f"(?:{_emit(item, multiline)}){bound}{lazy}")
        elif name == "SUBPATTERN":
            group, add, remove, item = value
            if (add | remove) & ~(re.IGNORECASE | re.DOTALL | re.MULTILINE | re.VERBOSE):
                raise _Untranslatable("flags")
            inner_multiline = (multiline or bool(add & re.MULTILINE)) and not remove & re.MULTILINE
            flags = _flag_letters(add) + ("-" + _flag_letters(remove) if remove else "")
            body = _emit(item, inner_multiline)
            if flags.strip("-"):
                body = f"(?{flags}:{body})"
            if group is None:
                out.append(f"(?:{body})")
            else:
                out.append(f"({body})")
        elif name == "BRANCH":
            out.append("(?:" + "|".join(_emit(alt, multiline) for alt in value[1]) + ")")
        elif name == "AT":
            at = str(value)
            if at == "AT_BEGINNING":
                out.append("^")
            elif at == "AT_BEGINNING_STRING":
                out.append(r"\A")
            elif at == "AT_END_STRING":
                out.append(r"\z")
            elif at == "AT_END" and multiline:
                out.append("$")
            else:  # \b, \B, and $ (which Python lets match before a final newline)
                raise _Untranslatable(at)
        else:  # lookarounds, backreferences, conditionals, atomic and possessive
            raise _Untranslatable(name)
    return "".join(out)


def _flag_letters(flags: int) -> str:
    return "".join(
        letter
        for flag, letter in ((re.IGNORECASE, "i"), (re.MULTILINE, "m"), (re.DOTALL, "s"))
        if flags & flag
    )


def translate(pattern: str, flags: int = 0) -> str | None:
    """The pattern in RE2 syntax with Python's meaning, or None when RE2 cannot say it."""
    if P is None or flags & (re.ASCII | re.LOCALE):
        return None
    try:
        parsed = P.parse(pattern, flags)
        body = _emit(parsed, bool(parsed.state.flags & re.MULTILINE))
    except (_Untranslatable, re.error, RecursionError):
        return None
    global_flags = _flag_letters(parsed.state.flags)
    names = {index: name for name, index in parsed.state.groupdict.items()}
    if names:  # the emitter writes plain groups; name them back in order
        body = _rename_groups(body, names)
    return (f"(?{global_flags})" if global_flags else "") + body


def _rename_groups(body: str, names: dict[int, str]) -> str:
    out = []
    index = 0
    i = 0
    while i < len(body):
        char = body[i]
        if char == "\\":
            out.append(body[i : i + 2])
            i += 2
            continue
        if char == "[":  # a class: copy it through its closing bracket
            end = i + 1
            while body[end] != "]":
                end += 2 if body[end] == "\\" else 1
            out.append(body[i : end + 1])
            i = end + 1
            continue
        if char == "(" and not body.startswith("(?", i):
            index += 1
            out.append(f"(?P<{names[index]}>" if index in names else "(")
            i += 1
            continue
        out.append(char)
        i += 1
    return "".join(out)


_MAIN_THREAD = threading.main_thread().ident
# Inside ``watching``: a CPU-time tick this often; a call that sees more ticks than
# _TICKS has run past its budget.
_TICK_SECONDS = 0.05
_TICKS = round(BUDGET_SECONDS / _TICK_SECONDS)


class _Watch:
    """The state ``watching`` shares with its signal handler (one per process: the main
    thread's). ``calls`` counts budgeted calls so that a tick knows a new one began."""

    depth = 0
    current: SafeRegex | None = None
    calls = 0
    seen = 0
    ticks = 0


def _tick(signum: int, frame: object) -> None:
    regex = _Watch.current
    if regex is None:
        return
    if _Watch.seen != _Watch.calls:
        _Watch.seen, _Watch.ticks = _Watch.calls, 0
    _Watch.ticks += 1
    if _Watch.ticks > _TICKS:
        _Watch.current = None
        raise BudgetExceeded(regex.pattern)


class watching:
    """Budget every regex call inside with one timer: armed once (a tick of CPU time every
    _TICK_SECONDS, SIGPROF), not once per call. A check of one document makes hundreds of
    calls, and arming a timer costs two system calls and a handler swap each; here a call
    costs two assignments. The previous handler is restored on leaving."""

    __slots__ = ("outermost", "previous")

    def __enter__(self) -> None:
        self.outermost = threading.get_ident() == _MAIN_THREAD and not _Watch.depth
        if self.outermost:
            self.previous = _signal.signal(_signal.SIGPROF, _tick)
            _signal.setitimer(_signal.ITIMER_PROF, _TICK_SECONDS, _TICK_SECONDS)
            _Watch.depth = 1

    def __exit__(self, *exc: object) -> None:
        if self.outermost:
            _signal.setitimer(_signal.ITIMER_PROF, 0)
            _signal.signal(_signal.SIGPROF, self.previous)
            _Watch.depth = 0
            _Watch.current = None


class _budget:
    """Python's ``re`` under a time budget: SIGPROF after BUDGET_SECONDS of CPU raises
    BudgetExceeded naming the pattern; the previous handler is restored afterwards.

    For a call outside ``watching`` (the engine watches each document it checks): _signal's
    own functions, without the enum conversions of the signal module's wrappers, and no
    generator-based context manager."""

    __slots__ = ("armed", "previous", "regex")

    def __init__(self, regex: SafeRegex) -> None:
        self.regex = regex
        self.armed = threading.get_ident() == _MAIN_THREAD

    def __enter__(self) -> None:
        if self.armed:
            self.previous = _signal.signal(_signal.SIGPROF, self._expire)
            _signal.setitimer(_signal.ITIMER_PROF, BUDGET_SECONDS)

    def __exit__(self, *exc: object) -> None:
        if self.armed:
            _signal.setitimer(_signal.ITIMER_PROF, 0)
            _signal.signal(_signal.SIGPROF, self.previous)

    def _expire(self, signum: int, frame: object) -> None:
        raise BudgetExceeded(self.regex.pattern)


class _Re2Match:
    """An RE2 match that answers like ``re.Match`` for what the rule kinds ask."""

    def __init__(self, match: Any, regex: SafeRegex, shift: int = 0) -> None:
        self._match = match
        self._index = regex.groupindex
        self._regex = regex  # its Python pattern compiles only if a template is expanded
        self._shift = shift

    def _group(self, group: int | str) -> int:
        return self._index[group] if isinstance(group, str) else group

    def span(self, group: int | str = 0) -> tuple[int, int]:
        start, end = self._match.span(self._group(group))
        return (start + self._shift, end + self._shift) if start >= 0 else (start, end)

    def start(self, group: int | str = 0) -> int:
        return self.span(group)[0]

    def end(self, group: int | str = 0) -> int:
        return self.span(group)[1]

    def group(self, group: int | str = 0) -> str | None:
        return self._match.group(self._group(group))

    def groups(self) -> tuple[str | None, ...]:
        return tuple(self.group(i) for i in range(1, self._regex.groups + 1))

    def expand(self, template: str) -> str:
        # Python's own template rules, fed this match's groups.
        return _expand(self._regex.python, template, self)


def _expand(python: re.Pattern[str], template: str, match: _Re2Match) -> str:
    """``template`` expanded by Python's own rules (escapes, \\g<name>, \\1) with RE2's groups."""
    if hasattr(re, "_compile_template"):  # 3.12+: literal, group, literal, ..., literal
        parts = re._compile_template(python, template)
        return "".join(
            part if position % 2 == 0 else (match.group(part) or "")
            for position, part in enumerate(parts)
        )
    groups, literals = re._compile_repl(template, python)  # type: ignore[attr-defined]
    pieces = list(literals)
    for index, group in groups:
        pieces[index] = match.group(group) or ""
    return "".join(piece or "" for piece in pieces)


# What compiling the pattern gives a SafeRegex: Python's pattern, and the engine that runs it.
_PYTHON = frozenset({"python", "flags"})
_ENGINE = frozenset({"groupindex", "groups", "_re2", "engine"})
_UNKNOWN = object()


class SafeRegex:
    """A compiled rule pattern: ``finditer`` and ``match`` as ``re`` has them, bounded in time."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        # Compiled on first use (see __getattr__): a start reads a few hundred rules and
        # most articles hold the anchors of only a few of them.
        self.pattern = pattern
        self._given_flags = flags

    def __getattr__(self, name: str) -> Any:
        if "pattern" in self.__dict__:
            if name in _PYTHON:
                self.python = re.compile(self.pattern, self._given_flags)
                self.flags = self.python.flags
                return self.__dict__[name]
            if name in _ENGINE:
                self._compile_engine()
                return self.__dict__[name]
        raise AttributeError(name)

    def __getstate__(self) -> tuple[str, int, Any]:  # worker processes compile their own
        return self.pattern, self._given_flags, self.__dict__.get("translation", _UNKNOWN)

    def __setstate__(self, state: tuple[str, int, Any]) -> None:
        self.pattern, self._given_flags, translation = state
        if translation is not _UNKNOWN:
            self.translation = translation

    def _compile_engine(self) -> None:
        """RE2 when the pattern translates and RE2 takes it with the same groups, else Python.

        ``translation`` (the RE2 pattern, or None for Python's re), when the compiled cache
        gave it, was so checked when it was stored: then neither the pattern is parsed
        again nor, for RE2, compiled by Python (until a template is expanded)."""
        known = self.__dict__.get("translation", _UNKNOWN)
        translated = translate(self.pattern, self._given_flags) if known is _UNKNOWN else known
        self._re2: Any = None
        if translated is not None:
            try:
                import re2

                options = re2.Options()
                options.max_mem = 64 << 20
                compiled = re2.compile(translated, options)
                if known is not _UNKNOWN or (
                    compiled.groups == self.python.groups
                    and dict(compiled.groupindex) == dict(self.python.groupindex)
                ):
                    self._re2 = compiled
            except Exception:
                self._re2 = None
        runs = self._re2 if self._re2 is not None else self.python
        self.groupindex = dict(runs.groupindex)
        self.groups = runs.groups
        self.engine = RE2 if self._re2 is not None else BUDGET
        self.translation = translated if self._re2 is not None else None

    def checked_translation(self) -> str | None:
        """The RE2 pattern this regex runs as, or None when it runs on Python's re."""
        if "engine" not in self.__dict__:
            self._compile_engine()
        translation: str | None = self.__dict__["translation"]
        return translation

    def finditer(self, text: str) -> list[Any]:
        if self._re2 is not None:
            return [_Re2Match(m, self) for m in self._re2.finditer(text)]
        if _Watch.depth and threading.get_ident() == _MAIN_THREAD:
            _Watch.current = self
            _Watch.calls += 1
            try:
                return list(self.python.finditer(text))
            finally:
                _Watch.current = None
        with _budget(self):
            return list(self.python.finditer(text))

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        end = len(text) if endpos is None else endpos
        if self._re2 is not None:
            # Only the range is handed over (the wrapper re-encodes what it is given), with the
            # character before it, so that ^ and \A mean there what they mean to Python.
            before = 1 if pos > 0 else 0
            found = self._re2.match(text[pos - before : end], before)
            if found is None:
                return None
            return _Re2Match(found, self, pos - before)
        if _Watch.depth and threading.get_ident() == _MAIN_THREAD:
            _Watch.current = self
            _Watch.calls += 1
            try:
                return self.python.match(text, pos, end)
            finally:
                _Watch.current = None
        with _budget(self):
            return self.python.match(text, pos, end)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        end = len(text) if endpos is None else endpos
        if self._re2 is not None:
            before = 1 if pos > 0 else 0  # as in match: ^ and \A keep Python's meaning
            found = self._re2.search(text[pos - before : end], before)
            if found is None:
                return None
            return _Re2Match(found, self, pos - before)
        if _Watch.depth and threading.get_ident() == _MAIN_THREAD:
            _Watch.current = self
            _Watch.calls += 1
            try:
                return self.python.search(text, pos, end)
            finally:
                _Watch.current = None
        with _budget(self):
            return self.python.search(text, pos, end)

    def fullmatch(self, text: str) -> Any:
        with _budget(self):
            return self.python.fullmatch(text)

    def __repr__(self) -> str:
        return f"SafeRegex({self.pattern!r}, engine={self.engine})"


def compile(pattern: str, flags: int = 0) -> SafeRegex:
    return SafeRegex(pattern, flags)
