"""Random hostile cases: rule packs, articles, encodings and syntaxes, and their checks.

``run_case`` builds a project tree for one seed (an article, maybe an original,
a rule pack written by an attacker, and a secret outside the tree that a
symlink in the tree points to), runs ``mtcheck fix --write`` on it in-process
and returns what must hold: no traceback, an exit status of 0, 1 or 2, the
article's bytes either untouched or exactly the encoding of the fixed text,
and the secret never quoted. ``tests/hostile/test_fuzz.py`` runs a few hundred;
``bench/hostile.py`` runs ten thousand and more, under strace if asked.
"""

from __future__ import annotations

import codecs
import functools
import io
import random
import re
import time
from dataclasses import dataclass
from pathlib import Path

WORDS = (
    "Putinvisited belarus kyiv the president said on Monday EE.UU. officials SIGHT: "
    "colour color 200.000 3,5% millones assisted to Minsk capital ʻokina café niño "
    "overall maximum The Country Skip to content"
).split()
HOSTILE = [
    "{0}", "{x.y}", "{matched.__class__.__mro__}", "{matched:>50000000}", "{", "}", "{{",
    "\x1b]0;pwned\x07", "\x1b[2J", "\u202e", "\x00", "\r", "\x85", "%0A::error::x", "<!--",
    "-->", "**", "*", "_", "`", "> ", "# ", "<script>", "&amp;", "\ufeff", "\ud7ff", "🙂",
]  # fmt: skip
PATTERNS = [
    r"(a+)+$", r"(\w+\s?)+$", r"(a|aa)+b", r"foo", r"colou?r", r"\bkyiv\b", r"(?<=\s)the",
    r"[A-Z]\w+", r"(?P<flag>\d+)\.(\d{3})", r"(?i)minsk", r"x*y", r"(?m)^\w+:", r"(.*)*z",
    r"[^\W\d]+ed\b", r"\s{2,}", r"(?:ab|a)*c", r"É\w*",
]  # fmt: skip
REPLACEMENTS = [r"\g<0>\g<0>", "", r"\1", "X", "color", "colour", "{matched}", r"\\", "“q”"]
MESSAGES = ["flagged {matched}", "use {replacement}", "plain", "{{literal}} {matched}"]
# Malformed packs are load errors (exit 2 before any file): a few, so most cases check text.
BAD_MESSAGES = ["{matched:>9}", "unbalanced {", "{nope}", "{matched.__class__}"]
ENCODINGS = [("utf-8", False), ("utf-8", True), ("utf-16-le", True), ("utf-16-be", True),
             ("latin-1", False)]  # fmt: skip
BOMS = {
    "utf-8": codecs.BOM_UTF8,
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
}
SUFFIXES = [".txt", ".md", ".html"]
SECRET = "SECRET-OUTSIDE-THE-TREE"


@dataclass
class Outcome:
    seed: int
    code: int
    seconds: float
    problems: list[str]


def _text(rng: random.Random, words: int) -> str:
    pieces = []
    for _ in range(words):
        pieces.append(rng.choice(HOSTILE) if rng.random() < 0.15 else rng.choice(WORDS))
        pieces.append(rng.choice([" ", " ", " ", "\n", "\n\n", "", ". ", ", "]))
    return "".join(pieces) + "\n"


def _toml_string(text: str) -> str:
    return '"' + "".join(c if c.isprintable() and c not in '"\\' else f"\\u{ord(c):04x}"
                         for c in text) + '"'  # fmt: skip


def _message(rng: random.Random) -> str:
    return rng.choice(BAD_MESSAGES if rng.random() < 0.03 else MESSAGES)


def _pack(rng: random.Random) -> str:
    rules = []
    for number in range(rng.randint(0, 4)):
        kind = rng.choice(["pattern", "pattern", "line", "phrase"])
        lines = [
            "[[rule]]",
            f"id = 'ZZ{number + 1:03d}'",
            f"name = 'fuzz-{number + 1}'",
            "category = 'calque'",
            f"kind = '{kind}'",
            f"message = {_toml_string(_message(rng))}",
            f"fix = '{rng.choice(['safe', 'unsafe', 'display-only'])}'",
        ]
        if kind == "phrase":
            lines.append(f"match = [{_toml_string(rng.choice(WORDS))}]")
            lines.append(f"replace = [{_toml_string(rng.choice(REPLACEMENTS))}]")
        else:
            pattern = rng.choice(PATTERNS)
            lines.append(f"pattern = {_toml_string(pattern)}")
            if kind == "line":
                lines.append(f"action = '{rng.choice(['remove', 'replace'])}'")
            choices = REPLACEMENTS if re.compile(pattern).groups or rng.random() < 0.05 else [
                r for r in REPLACEMENTS if r != r"\1"
            ]  # fmt: skip
            lines.append(f"replace = [{_toml_string(rng.choice(choices))}]")
        rules.append("\n".join(lines))
    return "\n\n".join(rules) + "\n"


def cache_bundled_rules() -> None:
    """Parse the bundled rule files once: they are trusted and the same in every case
    (the attacker's pack is still loaded fresh each time)."""
    from mtcheck import loader
    from mtcheck.resources import rules_dir

    bundled = Path(rules_dir()).resolve()
    original = getattr(loader.load_file, "__wrapped__", loader.load_file)
    cached = functools.cache(original)

    def load_file(path: Path) -> list:
        return cached(path) if Path(path).resolve().parent == bundled else original(path)

    load_file.__wrapped__ = original  # type: ignore[attr-defined]
    loader.load_file = load_file  # type: ignore[assignment]


def run_case(seed: int, root: Path, words: int = 60) -> Outcome:
    """One hostile case in a fresh folder under ``root``."""
    from mtcheck.cli import main
    from mtcheck.document import Document

    rng = random.Random(seed)
    case = root / f"case{seed}"
    project = case / "project"
    (project / "articles").mkdir(parents=True)
    (project / "rules").mkdir()
    (project / "mtcheck.toml").write_text("extra-rules = ['rules']\n", encoding="utf-8")
    outside = case / "outside.txt"
    outside.write_text(f"{SECRET} Putinvisited belarus\n", encoding="utf-8")
    untouched = outside.stat()  # compared, not reread: strace must see no open of it
    (project / "rules" / "pack.toml").write_text(_pack(rng), encoding="utf-8")
    encoding, bom = rng.choice(ENCODINGS)
    text = _text(rng, rng.randint(1, words))
    if encoding == "latin-1":
        text = text.encode("latin-1", "replace").decode("latin-1")
    else:
        text = text.encode(encoding, "replace").decode(encoding).replace("\x00", "")
    suffix = rng.choice(SUFFIXES)
    article = project / "articles" / f"a{suffix}"
    raw = (BOMS[encoding] if bom else b"") + text.encode(encoding)
    article.write_bytes(raw)
    if rng.random() < 0.5:
        (project / "articles" / f"link{suffix}").symlink_to(outside)
    if rng.random() < 0.3:
        (project / "articles" / f"a.es{suffix}").write_text(_text(rng, 20), encoding="utf-8")
    argv = ["fix", "--write", "--color", "always", str(project / "articles")]
    if rng.random() < 0.5:
        argv.insert(2, "--unsafe-fixes")
    if encoding == "latin-1":
        argv[2:2] = ["--encoding", "latin-1"]
    out, err = io.StringIO(), io.StringIO()
    problems = []
    start = time.monotonic()
    try:
        code = main(argv, stdout=out, stderr=err, stdin=io.StringIO(""))
    except KeyboardInterrupt:  # the bench itself interrupted (SIGINT, or SIGTERM via main)
        raise
    except BaseException as exc:
        code = -1
        problems.append(f"traceback: {type(exc).__name__}: {exc}")
    seconds = time.monotonic() - start
    if code not in (0, 1, 2):
        problems.append(f"exit status {code}")
    if "Traceback" in err.getvalue():
        problems.append("traceback printed")
    if SECRET in out.getvalue() + err.getvalue():
        problems.append("the secret outside the tree was quoted")
    now = outside.stat()
    if (now.st_ino, now.st_size, now.st_mtime_ns) != (
        untouched.st_ino,
        untouched.st_size,
        untouched.st_mtime_ns,
    ):
        problems.append("the file outside the tree was written")
    after = article.read_bytes()
    if after != raw:
        # Changed: it must be exactly the encoding of some text, in the same encoding and BOM.
        prefix = BOMS[encoding] if bom else b""
        if not after.startswith(prefix) or any(
            after.startswith(b) != raw.startswith(b) for b in BOMS.values()
        ):
            problems.append(f"BOM changed ({encoding}, {bom})")
        else:
            try:
                fixed = after[len(prefix) :].decode(encoding)
                if Document(fixed, encoding=encoding, bom=bom).encode() != after:
                    problems.append("bytes do not round-trip")
            except UnicodeDecodeError:
                problems.append("written bytes do not decode")
    for line in err.getvalue().splitlines():
        if "\x1b" in line.replace("\x1b[", "") and "\x1b]" in line:
            problems.append("raw terminal escape on stderr")
    leftovers = [p.name for p in (project / "articles").iterdir() if p.name.endswith("-tmp")]
    if leftovers:
        problems.append(f"temporary files left: {leftovers}")
    return Outcome(seed, code, seconds, problems)
