"""The check and fix commands, between argument parsing and the library."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TextIO

from rich.console import Console
from rich.text import Text

from mtcheck.api import fix_document
from mtcheck.baseline import Baseline
from mtcheck.cache import CACHE_DIR, ResultCache
from mtcheck.config import Config
from mtcheck.diff import render_diff
from mtcheck.document import Document, ReadOptions, decode, read
from mtcheck.engine import RuleSet, check_with_suppressions
from mtcheck.errors import InputError, LocatedError, MtcheckError, UsageError
from mtcheck.files import STDIN, collect, digest, replace_contents, tree_roots
from mtcheck.model import Applicability
from mtcheck.parallel import check_paths, default_jobs
from mtcheck.printable import one_line, printable
from mtcheck.reporters import REPORTERS
from mtcheck.results import FileResult
from mtcheck.safe_regex import BudgetExceeded
from mtcheck.sources import Originals
from mtcheck.verdicts import failing, judge_all, notices

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
STDIN_NAME = "<stdin>"


def _documents(
    args: argparse.Namespace, ruleset: RuleSet, stdin: TextIO
) -> Iterator[Document | InputError]:
    originals = originals_for(args, ruleset)
    paths, missing = collect(args.paths, _excludes(args, ruleset), originals.is_original)
    options = _read_options(args, ruleset.config)
    yield from missing
    for path in paths:
        try:
            document = _read_stdin(stdin, options) if path == STDIN else read(Path(path), options)
            yield originals.attach(document, options)
        except InputError as exc:
            yield exc


def originals_for(args: argparse.Namespace, ruleset: RuleSet) -> Originals:
    """Where the Spanish originals are, from the options and the config."""
    config = ruleset.config
    if args.source is not None and len(args.paths) != 1:
        raise UsageError("--source names the original of one article; use --source-dir for more")
    folder = args.source_dir or config.source_dir
    if folder is not None and not folder.is_dir():
        raise InputError(str(folder), "source folder (--source-dir) does not exist")
    return Originals(
        explicit=args.source,
        folder=folder,
        pattern=config.source_pattern,
        beside=not args.no_source,
    )


def _print_statistics(results: list[FileResult], console: Console) -> None:
    """Counts by rule (with its category), most frequent first, as ruff prints them."""
    counts: Counter[tuple[str, str, str]] = Counter(
        (f.rule_id, f.name, f.category) for r in results for f in r.findings
    )
    for (rule_id, name, category), count in sorted(counts.items(), key=lambda i: (-i[1], i[0])):
        _notice(console, f"{count:>6}  {rule_id:<7} {name:<32} [{category}]")
    by_category: Counter[str] = Counter()
    for (_, _, category), count in counts.items():
        by_category[category] += count
    summary = ", ".join(f"{c} {n}" for c, n in by_category.most_common())
    _notice(console, f"by category: {summary or 'none'}")


def _apply_baseline(
    args: argparse.Namespace, results: list[FileResult], errors: Console
) -> list[FileResult]:
    baseline = Baseline.load(args.baseline)
    filtered, stale = baseline.filter(results)
    if stale:
        total = sum(stale.values())
        if args.prune_baseline:
            baseline.without(stale).save(args.baseline)
            _notice(errors, f"Pruned {total} stale entries from {args.baseline}.")
        else:
            _notice(
                errors,
                f"{args.baseline}: {total} entries match nothing any more "
                "(fixed?); --prune-baseline removes them",
            )
    return filtered


def _check_stdin(
    args: argparse.Namespace, ruleset: RuleSet, stdin: TextIO, originals: Originals
) -> FileResult:
    try:
        options = _read_options(args, ruleset.config)
        document = originals.attach(_read_stdin(stdin, options), options)
    except InputError as error:
        return FileResult(STDIN_NAME, error=error)
    try:
        findings, unused = check_with_suppressions(document, ruleset)
    except BudgetExceeded as exceeded:
        return FileResult(STDIN_NAME, error=InputError(STDIN_NAME, exceeded.naming(ruleset)))
    except InputError as error:
        return FileResult(STDIN_NAME, error=InputError(STDIN_NAME, error.message, error.line))
    return FileResult(STDIN_NAME, document, tuple(findings), unused_suppressions=tuple(unused))


def cache_folder(ruleset: RuleSet) -> Path:
    """Beside the config file, as ruff keeps .ruff_cache; else in the current folder."""
    return ruleset.config.root / CACHE_DIR


def _excludes(args: argparse.Namespace, ruleset: RuleSet) -> list[str]:
    config = ruleset.config
    return [*config.exclude, *config.extend_exclude, *args.exclude]


def _read_options(args: argparse.Namespace, config: Config) -> ReadOptions:
    """How to read: the forced encoding and syntax, the checked tree and the size limit.

    The tree is the project (the config's folder, else the current one), the
    folders given and the folders of the files given, and the originals' folder:
    symlinks are followed only into it.
    """
    trusted = [config.root, *args.paths]
    if args.source is not None:
        trusted.append(args.source)
    folder = args.source_dir or config.source_dir
    if folder is not None:
        trusted.append(folder)
    limit = config.max_file_size
    if args.max_file_size is not None:
        limit = args.max_file_size or None
    return ReadOptions(args.encoding, args.syntax, tree_roots(trusted), limit)


def _read_stdin(stdin: TextIO, options: ReadOptions) -> Document:
    limit = options.max_bytes
    size = limit + 1 if limit else -1
    raw = stdin.buffer.read(size) if hasattr(stdin, "buffer") else stdin.read(size).encode()
    if limit and len(raw) > limit:
        raise InputError(STDIN_NAME, f"input is over the {limit:,}-byte limit (--max-file-size)")
    if not raw.strip():
        raise InputError(STDIN_NAME, "empty input; nothing to check")
    return decode(raw, STDIN_NAME, options.encoding, options.syntax or "txt")


def _notice(console: Console, text: str) -> None:
    """One line for the editor: never wrapped, never read as markup."""
    console.print(one_line(text), markup=False, highlight=False, soft_wrap=True)


def _report_error(errors: Console, error: InputError) -> None:
    errors.print(Text(f"mtcheck: error: {one_line(str(error))}", style="red"), soft_wrap=True)


def run_check(
    args: argparse.Namespace,
    ruleset: RuleSet,
    console: Console,
    errors: Console,
    stdin: TextIO,
    checker: Callable[..., Iterable[FileResult]] = check_paths,
) -> int:
    """The check command; ``checker`` checks the files (``parallel.check_paths``'s
    signature: on this machine, or on Dask with --engine dask)."""
    originals = originals_for(args, ruleset)
    paths, missing = collect(args.paths, _excludes(args, ruleset), originals.is_original)
    results: list[FileResult] = [FileResult(error.path, error=error) for error in missing]
    files = [p for p in paths if p != STDIN]
    if STDIN in paths:
        results.append(_check_stdin(args, ruleset, stdin, originals))
    jobs = args.jobs or ruleset.config.jobs or default_jobs()
    cache = None if args.no_cache else ResultCache.open(cache_folder(ruleset), ruleset)
    results += checker(
        files,
        ruleset,
        jobs=jobs,
        options=_read_options(args, ruleset.config),
        cache=cache,
        originals=originals,
    )
    if cache is not None:
        cache.save()
        for notice in dict.fromkeys(cache.notices):
            _notice(errors, f"mtcheck: {notice}")
    if originals.folder is not None:
        _report_unpaired(results, originals.folder, errors)
    failed = False
    for result in results:
        if result.error is not None:
            _report_error(errors, result.error)
            failed = True
    if args.write_baseline:
        Baseline.from_results(results).save(args.write_baseline)
        _notice(errors, f"Baseline written to {args.write_baseline}.")
    if args.baseline:
        results = _apply_baseline(args, results, errors)
    results = judge_all(
        results, fail_under=args.fail_under, report_unused=args.report_unused_suppressions
    )
    REPORTERS[args.format](console).report(results)
    for line in (line for result in results for line in notices(result)):
        _notice(errors, line)  # the reports carry these too; stderr is the log's copy
    if args.statistics:
        _print_statistics(results, errors if args.format not in ("full", "concise") else console)
    if failed:
        return EXIT_ERROR
    fail_on = ruleset.config.fail_on
    severe = any(f.severity >= fail_on for r in results for f in r.findings)
    found = severe or failing(results)
    return EXIT_FINDINGS if found and not args.exit_zero else EXIT_CLEAN


def _report_unpaired(results: list[FileResult], folder: Path, errors: Console) -> None:
    """With --source-dir, say how many articles were checked without an original."""
    read = [r for r in results if r.document is not None]
    alone = sum(1 for r in read if r.document is not None and r.document.original is None)
    if alone:
        _notice(
            errors,
            f"mtcheck: {alone} of {len(read)} articles have no original in {folder}; "
            "checked without one",
        )


def run_fix(
    args: argparse.Namespace, ruleset: RuleSet, console: Console, errors: Console, stdin: TextIO
) -> int:
    level = Applicability.UNSAFE if args.unsafe_fixes else Applicability.SAFE
    show_diff = args.diff or not (args.write or args.stdout)
    html = args.format == "html"
    if html and args.stdout:
        raise UsageError("--format html writes a page of the diff; it cannot go with --stdout")
    pages: list[dict[str, object]] = []
    # The fixed text (--stdout) or the HTML page owns standard output; the summary
    # then goes to stderr.
    summary = errors if args.stdout or html else console
    failed = False
    applied_total = remaining_total = changed_files = 0
    tree = _read_options(args, ruleset.config).tree
    for item in _documents(args, ruleset, stdin):
        if isinstance(item, InputError):
            _report_error(errors, item)
            failed = True
            continue
        try:
            result = fix_document(item, ruleset, level)
        except BudgetExceeded as exceeded:
            _report_error(errors, InputError(item.path, exceeded.naming(ruleset)))
            failed = True
            continue
        except LocatedError as error:
            _report_error(errors, InputError(item.path, error.message, error.line))
            failed = True
            continue
        except MtcheckError as error:
            _report_error(errors, _as_input_error(item.path, error))
            failed = True
            continue
        for notice in result.notices:
            summary.print(Text(one_line(f"{item.path}: {notice}"), style="yellow"), soft_wrap=True)
        applied_total += len(result.applied)
        remaining_total += len(result.remaining)
        if result.text != item.text:
            changed_files += 1
        if show_diff and html:
            from mtcheck.html_report.fixes import file_entry

            pages.append(file_entry(item.path, item.text, result))
        elif show_diff:
            render_diff(item.text, result.text, item.path, summary)
        if args.write and result.text != item.text:
            if item.path == STDIN_NAME:
                raise InputError(STDIN_NAME, "cannot --write standard input; use --stdout")
            try:
                write_back(item, result.text, tree)
            except InputError as error:
                _report_error(errors, error)
                failed = True
        if args.stdout:
            console.file.write(result.text)
        for skipped in result.skipped:
            summary.print(
                Text(
                    f"{item.path}: skipped {skipped.rule_id} “{skipped.matched}”: "
                    "it overlaps another fix",
                    style="yellow",
                ),
                soft_wrap=True,
            )
    if html and show_diff:
        from mtcheck.html_report import fix_page

        console.file.write(fix_page(pages))
    verb = "Fixed" if args.write or args.stdout else "Would fix"
    line = f"{verb} {applied_total} finding{'s' if applied_total != 1 else ''}"
    line += f" in {changed_files} file{'s' if changed_files != 1 else ''}"
    if remaining_total:
        line += f"; {remaining_total} remain (unsafe or display-only: see mtcheck check)"
    summary.print(Text(line, style="bold"))
    if failed:
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_CLEAN
    if args.write or args.stdout:
        return EXIT_FINDINGS if remaining_total else EXIT_CLEAN
    return EXIT_FINDINGS if (applied_total or remaining_total) else EXIT_CLEAN


def encoded(document: Document, text: str) -> bytes:
    """The bytes of the fixed text in the file's own encoding, BOM and byte order.

    InputError when the file would not come back byte for byte (its decoding
    does not round-trip) or a fix wrote a character its encoding lacks.
    """
    stamp = document.stamp
    try:
        if stamp is not None and digest(document.encode()) != stamp.digest:
            raise InputError(
                document.path,
                f"would not be written back byte for byte as {document.encoding}; not written",
            )
        if text.startswith("\ufeff") and not document.bom:
            # Written as it stands, the next read would take it for a byte-order mark.
            raise InputError(
                document.path, "a fix would start the file with U+FEFF (a BOM); not written"
            )
        return document.with_text(text).encode()
    except UnicodeEncodeError as exc:
        char = str(exc.object[exc.start])
        line = text.count("\n", 0, exc.start) + 1
        message = (
            f"a fix writes {char!r} (U+{ord(char):04X}), which {document.encoding} cannot "
            "encode; not written (use --encoding utf-8, or --ignore the rule)"
        )
        raise InputError(document.path, message, line=line) from None


def write_back(
    document: Document, text: str, tree: tuple[str, ...], data: bytes | None = None
) -> None:
    """Replace a file read earlier with its fixed text (see files.replace_contents)."""
    if document.stamp is None:
        raise InputError(document.path, "was not read from a file; not written")
    payload = data if data is not None else encoded(document, text)
    replace_contents(document.path, payload, document.stamp, tree)


def _as_input_error(path: str, error: Exception) -> InputError:
    if isinstance(error, InputError):
        return error
    if isinstance(error, LocatedError) and error.path != path:
        return InputError(path, str(error))
    if isinstance(error, OSError):
        return InputError(error.filename or path, error.strerror or str(error))
    return InputError(path, str(error))


def run_eval(args: argparse.Namespace, ruleset: RuleSet, out: TextIO) -> int:
    import json

    from mtcheck.eval_report import evaluation_to_dict, render_evaluation
    from mtcheck.evaluate import OVERALL, evaluate

    if not args.corpus.is_dir():
        raise InputError(str(args.corpus), "corpus folder does not exist")
    evaluation = evaluate(args.corpus, ruleset)
    if args.format == "json":
        out.write(json.dumps(evaluation_to_dict(evaluation), indent=2, ensure_ascii=False) + "\n")
    elif args.format == "html":
        from mtcheck.html_report.evaluation import render

        out.write(render(evaluation))
    else:
        from mtcheck.cli import make_console

        render_evaluation(make_console(out), evaluation, args.verbose)
    overall = evaluation.detection[OVERALL]
    failures = []
    if args.min_precision is not None and overall.precision < args.min_precision:
        failures.append(f"precision {overall.precision:.3f} < {args.min_precision}")
    if args.min_recall is not None and overall.recall < args.min_recall:
        failures.append(f"recall {overall.recall:.3f} < {args.min_recall}")
    if args.max_clean_rate is not None and evaluation.clean_rate > args.max_clean_rate:
        failures.append(f"clean-text rate {evaluation.clean_rate:.2f} > {args.max_clean_rate}")
    worse = max(len(v) for v in evaluation.worse.values()) if evaluation.worse else 0
    if args.max_worse is not None and worse > args.max_worse:
        failures.append(f"{worse} lines made worse > {args.max_worse}")
    for failure in failures:
        sys.stderr.write(f"mtcheck eval: below threshold: {failure}\n")
    return EXIT_FINDINGS if failures else EXIT_CLEAN


def line_reader(stream: TextIO, console: Console) -> Callable[[str, str], str]:
    """Ask for a line on ``stream``; in a terminal the default is prefilled for editing."""
    interactive = stream.isatty()

    def ask(prompt: str, default: str) -> str:
        prompt = printable(prompt, "\n")  # input() writes it raw to the terminal
        if interactive and default:
            return _prefilled_input(prompt, default)
        shown = f"{prompt}[{default}] " if default else prompt
        console.print(shown, end="", markup=False, highlight=False)
        console.file.flush()
        line = stream.readline()
        if not line:
            raise EOFError
        answer = line.rstrip("\r\n")
        if not interactive:
            console.print(answer, markup=False, highlight=False)  # the transcript shows it
        return answer or default

    return ask


def _prefilled_input(prompt: str, default: str) -> str:
    try:
        import readline
    except ImportError:  # pragma: no cover - platforms without readline
        return input(f"{prompt}[{default}] ") or default
    readline.set_startup_hook(lambda: readline.insert_text(default))
    try:
        return input(prompt)
    finally:
        readline.set_startup_hook()


def run_review(
    args: argparse.Namespace, ruleset: RuleSet, console: Console, errors: Console, stdin: TextIO
) -> int:
    from mtcheck.review.command import run_review as review

    return review(args, ruleset, console, errors, stdin)


def run_clean(ruleset: RuleSet, out: TextIO, paths: list[str] | None = None) -> int:
    import time

    from mtcheck.cache import clean
    from mtcheck.files import stale_temporaries
    from mtcheck.lexicon import cache_dir

    for folder in (cache_folder(ruleset), cache_dir()):
        removed = clean(folder)
        if removed == "link":
            shown = one_line(str(folder))
            out.write(f"Removed the link {shown} (what it points to is left alone)\n")
        else:
            out.write(f"{'Removed' if removed else 'No cache at'} {one_line(str(folder))}\n")
    now = time.time()
    swept = 0
    for root in paths or [str(ruleset.config.root)]:
        for stale in stale_temporaries(Path(root), now):
            with contextlib.suppress(FileNotFoundError):
                stale.unlink()
                swept += 1
                out.write(f"Removed stale temporary file {one_line(str(stale))}\n")
    if not swept:
        out.write("No stale temporary files\n")
    return EXIT_CLEAN
