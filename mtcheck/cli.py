"""The command line: a thin layer of argparse over the library.

Exit status: 0 clean (or everything fixed), 1 findings remain, 2 usage,
rule or input error.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from mtcheck.exits import EXIT_ERROR, EXIT_INTERRUPTED
from mtcheck.version import __version__

if TYPE_CHECKING:
    from mtcheck.engine import RuleSet
    from mtcheck.options import (
        CheckOptions,
        EngineOptions,
        EvalOptions,
        FixOptions,
        InputOptions,
        ReviewOptions,
    )

# What a shell reports for a process killed by SIGPIPE (128 + 13).
EXIT_BROKEN_PIPE = 141

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


def _add_input(parser: argparse.ArgumentParser, stdin: bool = True) -> None:
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="article files or folders (.txt, .md, .html); "
        + ("- reads standard input" if stdin else "not standard input: the files are written back"),
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
        "--force-exclude",
        action="store_true",
        help="apply the excludes to files named explicitly too (as pre-commit passes them)",
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

    from mtcheck.reporters import FORMATS
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
        choices=FORMATS,
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
        "--verbose",
        "-v",
        action="store_true",
        help=(
            "list misses and false alarms, and the text of each line made worse "
            "(without it, only where)"
        ),
    )
    evaluation.add_argument(
        "--by-rule",
        action="store_true",
        help=(
            "a table per rule: findings on its category's artefacts, on others, on none "
            "and on clean text, and how many of its fixes write the post-edit exactly"
        ),
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
    _add_input(review, stdin=False)
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
            "Remove the result cache (.mtcheck_cache beside the config, or here) and the "
            "word-list cache (~/.cache/mtcheck or $MTCHECK_CACHE_DIR), and the temporary "
            "files a killed mtcheck left under PATH (default: the project)."
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
    try:
        return _with_output_file(args, out, err, stdin)
    except BrokenPipeError:
        return _pipe_closed(out)


def _pipe_closed(out: TextIO) -> int:
    """The reader went away (``mtcheck check … | head``): stop quietly, as a tool in a
    pipeline should, with the status a shell gives a process killed by SIGPIPE."""
    import os

    if out is sys.stdout:
        # Python flushes stdout once more on the way out; point it where that cannot fail.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return EXIT_BROKEN_PIPE


def _with_output_file(
    args: argparse.Namespace, out: TextIO, err: TextIO, stdin: TextIO | None
) -> int:
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
    from mtcheck.errors import MtcheckError
    from mtcheck.printable import one_line

    try:
        return _command(args, out, err, stdin)
    except MtcheckError as exc:
        err.write(f"mtcheck: error: {one_line(str(exc))}\n")
        return EXIT_ERROR
    except BrokenPipeError:
        raise
    except OSError as exc:
        # The last resort: a filesystem error outside any one file's processing.
        where = f"{exc.filename}: " if exc.filename else ""
        err.write(f"mtcheck: error: {one_line(where + (exc.strerror or str(exc)))}\n")
        return EXIT_ERROR
    except KeyboardInterrupt:
        err.write("mtcheck: interrupted\n")
        return EXIT_INTERRUPTED


def _ruleset(args: argparse.Namespace) -> RuleSet:
    """The config and the rules it and the options choose; unknown codes are usage errors."""
    from mtcheck.codes import known_codes, validate_codes
    from mtcheck.config import load as load_config
    from mtcheck.engine import build_ruleset, load_ruleset

    config = load_config(args.config, getattr(args, "paths", []), args.isolated)
    loaded = load_ruleset([*config.extra_rules, *args.extra_rules])
    known = known_codes(loaded)
    validate_codes(args.select, known, "--select")
    validate_codes(args.ignore, known, "--ignore")
    return build_ruleset(config, args.select, args.ignore, args.extra_rules, loaded=loaded)


def _command(args: argparse.Namespace, out: TextIO, err: TextIO, stdin: TextIO | None) -> int:
    from mtcheck import options as opts

    ruleset = _ruleset(args)
    if args.command == "rules":
        from mtcheck.commands.rules import run_rules

        rules = opts.RulesOptions(tuple(args.code), tuple(args.category), args.format)
        return run_rules(rules, ruleset, out)
    if args.command == "clean":
        from mtcheck.commands.clean import run_clean

        return run_clean(opts.CleanOptions(tuple(args.paths)), ruleset, out)
    if args.command == "eval":
        from mtcheck.commands.evaluation import run_eval

        return run_eval(_eval_options(args), ruleset, out, err)
    from mtcheck.console import Streams, make_console

    streams = Streams(
        make_console(out, args.color), make_console(err, args.color), stdin or sys.stdin
    )
    if args.command == "check":
        from mtcheck.commands.check import run_check

        return run_check(_check_options(args), ruleset, streams)
    if args.command == "review":
        from mtcheck.review.command import run_review

        return run_review(_review_options(args), ruleset, streams)
    from mtcheck.commands.fix import run_fix

    return run_fix(_fix_options(args), ruleset, streams)


def _input_options(args: argparse.Namespace) -> InputOptions:
    from mtcheck.options import InputOptions

    return InputOptions(
        paths=tuple(args.paths),
        encoding=args.encoding,
        syntax=args.syntax,
        exclude=tuple(args.exclude),
        force_exclude=args.force_exclude,
        max_file_size=args.max_file_size,
        source=args.source,
        source_dir=args.source_dir,
        no_source=args.no_source,
    )


def _check_options(args: argparse.Namespace) -> CheckOptions:
    from mtcheck.options import CheckOptions

    return CheckOptions(
        _input_options(args),
        format=args.format,
        exit_zero=args.exit_zero,
        report_unused_suppressions=args.report_unused_suppressions,
        fail_under=args.fail_under,
        statistics=args.statistics,
        write_baseline=args.write_baseline,
        baseline=args.baseline,
        prune_baseline=args.prune_baseline,
        cache=not args.no_cache,
        jobs=args.jobs,
        engine=_engine_options(args),
    )


def _engine_options(args: argparse.Namespace) -> EngineOptions:
    from mtcheck.errors import UsageError
    from mtcheck.options import EngineOptions

    folder = args.output_dir
    if folder is not None:
        if args.output_file is not None:
            raise UsageError("--output-file needs the whole report; it cannot go with --output-dir")
        if "://" not in folder:
            # A local folder: made absolute here, so workers started elsewhere agree.
            folder = str(Path(folder).resolve())
    return EngineOptions(
        name=args.engine,
        scheduler=args.scheduler,
        workers=args.workers or 0,
        partition_size=args.partition_size,
        output_dir=folder,
        output_format=args.output_format,
    )


def _fix_options(args: argparse.Namespace) -> FixOptions:
    from mtcheck.options import FixOptions

    return FixOptions(
        _input_options(args),
        diff=args.diff,
        write=args.write,
        stdout=args.stdout,
        unsafe_fixes=args.unsafe_fixes,
        exit_zero=args.exit_zero,
        format=args.format,
    )


def _review_options(args: argparse.Namespace) -> ReviewOptions:
    from mtcheck.options import ReviewOptions

    return ReviewOptions(
        _input_options(args),
        dry_run=args.dry_run,
        no_backup=args.no_backup,
        plain=args.plain,
        baseline=args.baseline,
        remember=args.remember,
        min_severity=args.min_severity,
    )


def _eval_options(args: argparse.Namespace) -> EvalOptions:
    from mtcheck.options import EvalOptions

    return EvalOptions(
        args.corpus,
        format=args.format,
        verbose=args.verbose,
        by_rule=args.by_rule,
        min_precision=args.min_precision,
        min_recall=args.min_recall,
        max_clean_rate=args.max_clean_rate,
        max_worse=args.max_worse,
    )


if __name__ == "__main__":
    sys.exit(main())
