"""The command line: a thin layer of argparse over the library.

Exit status: 0 clean (or everything fixed), 1 findings remain, 2 usage,
rule or input error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from rich.console import Console

from mtcheck.version import __version__

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2

_DESCRIPTION = """\
Check English news machine-translated from Spanish for the artefacts MT leaves:
glued words, lower-cased names, mistranslated labels (SIGHT:), calques, false
friends, translated names, Spanish numbers, site boilerplate. Propose fixes,
apply the safe ones, and show them as a colour diff."""

_EPILOG = """\
examples:
  mtcheck check article.md              findings, grouped by file
  mtcheck check --format json corpus/   the JSON report (docs/json-report.md)
  mtcheck check --engine dask --output-dir out/ archive/
                                        an archive on Dask, findings as partitions
  mtcheck fix --diff article.txt        what the safe fixes would change
  mtcheck fix --write article.txt       apply them (atomically)
  mtcheck review article.md             decide each finding in the terminal
  mtcheck rules --category calque       the rule catalogue
  mtcheck eval corpus/                  precision, recall, false alarms, fix quality

exit status: 0 clean or all fixed, 1 findings remain, 2 usage or input error"""


def _add_selection(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("rule selection and configuration")
    group.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="use this config file (default: nearest pyproject.toml/mtcheck.toml above the paths)",
    )
    group.add_argument("--isolated", action="store_true", help="ignore every config file")
    group.add_argument(
        "--select",
        action="append",
        default=[],
        metavar="CODE",
        help="only these rules: id prefix (MT1), rule name or category; repeatable",
    )
    group.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="CODE",
        help="skip these rules: id prefix, rule name or category; repeatable",
    )
    group.add_argument(
        "--extra-rules",
        action="append",
        default=[],
        type=Path,
        metavar="DIR",
        help="a folder of your own *.toml rule files, added to the bundled ones",
    )


def _add_input(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="article files or folders (.txt, .md, .html); - reads standard input",
    )
    parser.add_argument(
        "--encoding", metavar="NAME", help="decode input with this encoding (default: UTF-8/16)"
    )
    parser.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="PATTERN",
        help="skip files under folders that match (gitignore syntax; .gitignore is read too)",
    )
    parser.add_argument(
        "--syntax",
        choices=("txt", "md", "html"),
        help="read every input as this format (default: by extension; - is txt)",
    )
    parser.add_argument(
        "--max-file-size",
        type=_size,
        metavar="SIZE",
        help="skip larger files with an error (bytes, or 2MB, 512KiB; 0: no limit; default 2MiB)",
    )
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour output (default: auto; NO_COLOR is honoured)",
    )


def _size(text: str) -> int:
    from mtcheck.config import parse_size

    size = parse_size(text)
    if size is None:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (bytes, or 2MB, 512KiB)")
    return size


def _add_originals(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(
        "Spanish original (compare the translation with it: numbers, names, omissions)"
    )
    group.add_argument(
        "--source", type=Path, metavar="FILE", help="the Spanish original of the one article given"
    )
    group.add_argument(
        "--source-dir",
        type=Path,
        metavar="DIR",
        help="a folder of originals with the articles' names (or their source-pattern names)",
    )
    group.add_argument(
        "--no-source",
        action="store_true",
        help="do not use originals found beside the articles (NAME.es.EXT by default)",
    )


def _add_output_file(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--output-file",
        "-o",
        type=Path,
        metavar="FILE",
        help="write the report to FILE instead of standard output (any --format; "
        "written atomically)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mtcheck",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"mtcheck {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    from mtcheck.reporters import REPORTERS
    from mtcheck.scale.options import add_engine_arguments

    check = commands.add_parser(
        "check",
        help="report findings",
        description="Report the artefacts found in articles.",
    )
    _add_input(check)
    _add_selection(check)
    _add_originals(check)
    check.add_argument(
        "--format",
        choices=sorted(REPORTERS),
        default="full",
        help="report format (default: full; html: a self-contained page, see --output-file)",
    )
    _add_output_file(check)
    add_engine_arguments(check)
    check.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when there are findings"
    )
    check.add_argument(
        "--report-unused-suppressions",
        action="store_true",
        help="report <!-- mtcheck: ignore --> comments that hide nothing",
    )
    check.add_argument(
        "--fail-under",
        type=float,
        metavar="SCORE",
        help="exit 1 if any file's quality score (0-100, MQM-style) is below SCORE",
    )
    check.add_argument(
        "--statistics", action="store_true", help="after the report, count findings by rule"
    )
    baseline = check.add_argument_group("baseline (report only new findings in an archive)")
    baseline.add_argument(
        "--write-baseline", type=Path, metavar="FILE", help="record today's findings in FILE"
    )
    baseline.add_argument(
        "--baseline", type=Path, metavar="FILE", help="report only findings not in FILE"
    )
    baseline.add_argument(
        "--prune-baseline",
        action="store_true",
        help="with --baseline: drop entries that no longer match anything",
    )
    check.add_argument(
        "--no-cache", action="store_true", help="neither read nor write the result cache"
    )
    check.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=0,
        metavar="N",
        help="check files on N processes (default: all cores; output order is the same)",
    )

    fix = commands.add_parser(
        "fix",
        help="apply fixes, show them as a diff",
        description=(
            "Apply the safe fixes (and unsafe ones with --unsafe-fixes) until the text is "
            "stable. Display-only suggestions are never applied. Without --write or --stdout, "
            "shows the diff."
        ),
    )
    _add_input(fix)
    _add_selection(fix)
    _add_originals(fix)
    fix.add_argument("--diff", action="store_true", help="show a word-level colour diff")
    fix.add_argument("--write", action="store_true", help="rewrite the files (atomically)")
    fix.add_argument("--stdout", action="store_true", help="print the fixed text")
    fix.add_argument("--unsafe-fixes", action="store_true", help="also apply unsafe fixes")
    fix.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings remain")
    fix.add_argument(
        "--format",
        choices=("text", "html"),
        default="text",
        help="the diff as terminal text (default) or as a self-contained HTML page",
    )
    _add_output_file(fix)

    evaluation = commands.add_parser(
        "eval",
        help="measure detection, false alarms and fix quality on an annotated corpus",
        description=(
            "Measure mtcheck on annotated articles (*.ann, see corpus/README.md): precision, "
            "recall and F0.5 per category, findings per 1,000 words on clean articles, and "
            "BLEU/chrF/TER of the raw and fixed text against the human post-edit."
        ),
    )
    evaluation.add_argument(
        "corpus", nargs="?", default="corpus", type=Path, help="default: corpus"
    )
    evaluation.add_argument(
        "--format",
        choices=("table", "json", "html"),
        default="table",
        help="tables (default), JSON, or a self-contained HTML page of charts",
    )
    _add_output_file(evaluation)
    evaluation.add_argument(
        "--verbose", "-v", action="store_true", help="list misses and false alarms"
    )
    evaluation.add_argument(
        "--min-precision", type=float, metavar="P", help="exit 1 below this overall precision"
    )
    evaluation.add_argument(
        "--min-recall", type=float, metavar="R", help="exit 1 below this overall recall"
    )
    evaluation.add_argument(
        "--max-clean-rate",
        type=float,
        metavar="N",
        help="exit 1 above N findings per 1,000 clean words",
    )
    evaluation.add_argument(
        "--max-worse", type=int, metavar="N", help="exit 1 if fixes make more than N lines worse"
    )
    _add_selection(evaluation)

    review = commands.add_parser(
        "review",
        help="go through the findings one by one in the terminal",
        description=(
            "Review each finding, one keystroke a decision: y accept, n reject, 1-9 pick "
            "an alternative, e edit, a accept all of this rule at once, s skip, u undo, "
            "? help, q quit. On a terminal the reviewer is full-screen (the article in view, "
            "j/k to move, / to filter, [ and ] for the previous and next file); --plain, "
            "TERM=dumb and other streams get the line mode. Each file is written once at "
            "the end, atomically, after a confirmation."
        ),
    )
    _add_input(review)
    _add_selection(review)
    _add_originals(review)
    review.add_argument("--dry-run", action="store_true", help="show the diff, write nothing")
    review.add_argument("--no-backup", action="store_true", help="do not keep FILE.orig")
    review.add_argument(
        "--plain", action="store_true", help="the line mode, not the full-screen reviewer"
    )
    review.add_argument(
        "--baseline",
        type=Path,
        metavar="FILE",
        help="skip findings recorded in FILE (default with --remember: .mtcheck-baseline.json)",
    )
    review.add_argument(
        "--remember",
        action="store_true",
        help="record rejected findings in the baseline so CI and later reviews skip them",
    )
    review.add_argument(
        "--min-severity",
        choices=("info", "warning", "error"),
        default="info",
        help="review only findings at least this severe",
    )

    clean = commands.add_parser(
        "clean",
        help="remove the result cache (.mtcheck_cache) and the word-list cache",
        description=(
            "Remove .mtcheck_cache beside the config (or here) and the lexicon cache, and "
            "the temporary files a killed mtcheck left under PATH (default: the project)."
        ),
    )
    clean.add_argument("paths", nargs="*", metavar="PATH", help="folders to sweep")
    _add_selection(clean)

    rules = commands.add_parser(
        "rules",
        help="list the rule catalogue, or explain one rule",
        description=(
            "List the rules, sorted by id: id, name, category, severity, fix, how many real "
            "pages the field study saw the artefact on, and description. With CODE (an id or "
            "a name), explain that rule: its examples, counterexamples and evidence."
        ),
    )
    rules.add_argument("code", nargs="*", metavar="CODE", help="explain these rules (id or name)")
    rules.add_argument("--category", action="append", default=[], help="only this category")
    rules.add_argument("--format", choices=("table", "json"), default="table")
    _add_selection(rules)
    return parser


def _terminate_as_exit() -> None:
    """SIGTERM unwinds like an interrupt, so temporary files are removed on the way out."""
    import signal
    import threading

    if threading.current_thread() is threading.main_thread():

        def stop(signum: int, frame: object) -> None:
            raise KeyboardInterrupt

        signal.signal(signal.SIGTERM, stop)


def make_console(stream: TextIO, color: str = "auto") -> Console:
    """A console that escapes control characters in whatever it prints (see printable)."""
    from mtcheck.printable import SafeConsole

    force = {"always": True, "never": False}.get(color)
    return SafeConsole(
        file=stream,
        force_terminal=force,
        no_color=True if color == "never" else None,
        highlight=False,
        soft_wrap=False,
    )


def main(
    argv: Sequence[str] | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    stdin: TextIO | None = None,
) -> int:
    """Run mtcheck; return the exit status."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    _terminate_as_exit()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code) if isinstance(exc.code, int) else EXIT_ERROR
    output_file: Path | None = getattr(args, "output_file", None)
    if output_file is None:
        return _run(args, out, err, stdin)
    import io

    report = io.StringIO()
    status = _run(args, report, err, stdin)
    if report.getvalue() or status != EXIT_ERROR:
        try:
            _write_report(output_file, report.getvalue())
        except OSError as exc:
            err.write(f"mtcheck: error: {output_file}: cannot write: {exc.strerror or exc}\n")
            return EXIT_ERROR
    return status


def _write_report(path: Path, text: str) -> None:
    """Atomically; a new file gets the usual permissions, not a temporary file's 0600."""
    import os

    from mtcheck.files import write_atomically

    existed = path.exists()
    write_atomically(path, text.encode("utf-8"), durable=False)
    if not existed:
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(path, 0o666 & ~mask)


def _run(args: argparse.Namespace, out: TextIO, err: TextIO, stdin: TextIO | None) -> int:

    from mtcheck.commands import run_check, run_fix
    from mtcheck.config import load as load_config
    from mtcheck.engine import build_ruleset
    from mtcheck.errors import MtcheckError
    from mtcheck.printable import one_line

    try:
        config = load_config(args.config, getattr(args, "paths", []), args.isolated)
        ruleset = build_ruleset(config, args.select, args.ignore, args.extra_rules)
        if args.command == "rules":
            return _list_rules(ruleset, args, out)
        if args.command == "clean":
            from mtcheck.commands import run_clean

            return run_clean(ruleset, out, args.paths)
        if args.command == "eval":
            from mtcheck.commands import run_eval

            return run_eval(args, ruleset, out)
        console = make_console(out, args.color)
        errors = make_console(err, args.color)
        input_stream = stdin or sys.stdin
        if args.command == "check":
            from mtcheck.parallel import default_jobs
            from mtcheck.scale.options import engine_options

            if (engine := engine_options(args, default_jobs())) is not None:
                from mtcheck.scale.command import run_check_on_dask

                return run_check_on_dask(args, engine, ruleset, console, errors, input_stream)
            return run_check(args, ruleset, console, errors, input_stream)
        if args.command == "review":
            from mtcheck.commands import run_review

            return run_review(args, ruleset, console, errors, input_stream)
        return run_fix(args, ruleset, console, errors, input_stream)
    except MtcheckError as exc:
        err.write(f"mtcheck: error: {one_line(str(exc))}\n")
        return EXIT_ERROR
    except OSError as exc:
        # The last resort: a filesystem error outside any one file's processing.
        where = f"{exc.filename}: " if exc.filename else ""
        err.write(f"mtcheck: error: {one_line(where + (exc.strerror or str(exc)))}\n")
        return EXIT_ERROR
    except KeyboardInterrupt:
        err.write("mtcheck: interrupted\n")
        return 130


def _list_rules(ruleset, args: argparse.Namespace, out: TextIO) -> int:  # type: ignore[no-untyped-def]
    from mtcheck import catalogue

    rules = catalogue.choose(ruleset, args.category, args.code)
    if args.format == "json":
        out.write(catalogue.as_json(rules))
    elif args.code:
        for rule in rules:
            catalogue.explain(rule, make_console(out))
    else:
        catalogue.print_table(rules, make_console(out))
    return EXIT_CLEAN


if __name__ == "__main__":
    sys.exit(main())
