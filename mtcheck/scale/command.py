"""``mtcheck check --engine dask``: the check command with its files checked on Dask.

Without ``--output-dir`` the results come back in order and go through the same
command as a local run (reporters, baseline, statistics, exit status), so every
``--format`` prints what it prints without Dask. With ``--output-dir`` each task
writes its partition's finding rows to storage and only counts come back.
"""

from __future__ import annotations

import argparse
import functools
from collections.abc import Iterator, Sequence
from typing import TextIO

from rich.console import Console

from mtcheck.cache import ResultCache
from mtcheck.document import ReadOptions
from mtcheck.engine import RuleSet
from mtcheck.errors import UsageError
from mtcheck.model import Severity
from mtcheck.results import FileResult
from mtcheck.scale.articles import Shipment, Tally
from mtcheck.scale.options import EngineOptions
from mtcheck.sources import Originals

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def run_check_on_dask(
    args: argparse.Namespace,
    engine: EngineOptions,
    ruleset: RuleSet,
    console: Console,
    errors: Console,
    stdin: TextIO,
) -> int:
    from mtcheck.commands import run_check

    _require_installed(engine)
    if engine.output_dir is not None:
        return _write_archive(args, engine, ruleset, console, errors)
    # Workers on other machines share no cache with this one.
    uncached = argparse.Namespace(**{**vars(args), "no_cache": True})
    checker = functools.partial(_check_paths, engine=engine)
    return run_check(uncached, ruleset, console, errors, stdin, checker=checker)


def _require_installed(engine: EngineOptions) -> None:
    import importlib.util

    needed = ["dask", "distributed"]
    if engine.output_format == "parquet" and engine.output_dir is not None:
        needed.append("pyarrow")
    absent = [name for name in needed if importlib.util.find_spec(name) is None]
    if absent:
        raise UsageError(f"--engine dask needs {' and '.join(absent)}: pip install 'mtcheck[dask]'")


def _check_paths(
    paths: Sequence[str],
    ruleset: RuleSet,
    *,
    jobs: int,
    options: ReadOptions,
    cache: ResultCache | None,
    originals: Originals | None,
    engine: EngineOptions,
) -> Iterator[FileResult]:
    """What ``parallel.check_paths`` gives, in the same order, checked on Dask."""
    if not paths:
        return
    import dask.bag as db

    from mtcheck.scale.cluster import connect
    from mtcheck.scale.engine import results_in_order, ship

    with connect(engine.scheduler, engine.workers) as client:
        shipped = ship(Shipment(ruleset, options, originals))
        articles = db.from_sequence(paths, partition_size=engine.partition_size)
        yield from results_in_order(client, articles, shipped)


def _write_archive(
    args: argparse.Namespace,
    engine: EngineOptions,
    ruleset: RuleSet,
    console: Console,
    errors: Console,
) -> int:
    from mtcheck.commands import _excludes, _read_options, _report_error, originals_for
    from mtcheck.files import collect
    from mtcheck.scale.storage import prepare_folder

    assert engine.output_dir is not None
    originals = originals_for(args, ruleset)
    paths, missing = collect(args.paths, _excludes(args, ruleset), originals.is_original)
    for error in missing:
        _report_error(errors, error)
    prepare_folder(engine.output_dir)  # before a cluster starts: a used folder fails fast
    options = _read_options(args, ruleset.config)
    total, partitions = _checked_to_storage(paths, ruleset, options, originals, engine)
    console.print(
        f"Checked {total.files:,} files in {partitions:,} partitions: "
        f"{total.findings:,} findings, {total.failed:,} could not be checked "
        f"(rows with an error); written to {engine.output_dir} as {engine.output_format}",
        markup=False,
        highlight=False,
        soft_wrap=True,
    )
    if missing or total.failed:
        return EXIT_ERROR
    fail_on = ruleset.config.fail_on
    failing = any(Severity.parse(label) >= fail_on for label in total.by_severity)
    return EXIT_FINDINGS if failing and not args.exit_zero else EXIT_CLEAN


def _checked_to_storage(
    paths: Sequence[str],
    ruleset: RuleSet,
    options: ReadOptions,
    originals: Originals,
    engine: EngineOptions,
) -> tuple[Tally, int]:
    """Check and write every partition; the counts of all, and how many partitions."""
    total = Tally()
    if not paths:
        return total, 0
    import dask.bag as db
    from distributed import as_completed

    from mtcheck.scale.cluster import connect
    from mtcheck.scale.engine import RETRIES, write_findings

    assert engine.output_dir is not None
    with connect(engine.scheduler, engine.workers) as client:
        articles = db.from_sequence(paths, partition_size=engine.partition_size)
        tasks = write_findings(
            articles,
            engine.output_dir,
            engine.output_format,
            ruleset,
            options=options,
            originals=originals,
        )
        for future in as_completed(client.compute(tasks, retries=RETRIES)):
            total.add(future.result())
            future.release()
    return total, len(tasks)
