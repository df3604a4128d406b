"""``mtcheck check --engine dask``: the check command with its files checked on Dask.

Without ``--output-dir`` the session of ``mtcheck check`` runs as on one machine
(collecting, reporters, baseline, statistics, exit status); only its result source
is Dask (``dask_source``), so every ``--format`` prints what it prints without Dask.
With ``--output-dir`` each task writes its partition's finding rows to storage and
only counts come back (``write_archive``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence

from mtcheck.cache import ResultCache
from mtcheck.console import Streams, notice, report_error
from mtcheck.document import ReadOptions
from mtcheck.engine import RuleSet
from mtcheck.errors import UsageError
from mtcheck.exits import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS
from mtcheck.model import Severity
from mtcheck.options import CheckOptions, EngineOptions
from mtcheck.results import FileResult
from mtcheck.scale.articles import Shipment, Tally
from mtcheck.session import ResultSource, Session
from mtcheck.sources import Originals


def dask_source(engine: EngineOptions) -> ResultSource:
    """The session's result source on the cluster ``engine`` names."""
    _require_installed(engine)
    return functools.partial(_check_paths, engine=engine)


def _require_installed(engine: EngineOptions) -> None:
    import importlib.util

    needed = ["dask", "distributed"]
    if engine.output_format == "parquet" and engine.output_dir is not None:
        needed.append("pyarrow")
    absent = [name for name in needed if importlib.util.find_spec(name) is None]
    if absent:
        raise UsageError(f"--engine dask needs {' and '.join(absent)}: pip install 'mtcheck[dask]'")


def _workers(engine: EngineOptions) -> int:
    from mtcheck.parallel import default_jobs

    return engine.workers or default_jobs()


def _check_paths(
    paths: Sequence[str],
    ruleset: RuleSet,
    *,
    jobs: int,
    options: ReadOptions,
    cache: ResultCache | None,
    originals: Originals | None,
    count_fixes: bool,
    engine: EngineOptions,
) -> Iterator[FileResult]:
    """What ``parallel.check_paths`` gives, in the same order, checked on Dask (the
    cluster has its own workers: ``jobs`` is not used, nor a cache on this machine)."""
    if not paths:
        return
    import dask.bag as db

    from mtcheck.scale.cluster import connect
    from mtcheck.scale.engine import results_in_order, ship

    with connect(engine.scheduler, _workers(engine)) as client:
        shipped = ship(Shipment(ruleset, options, originals, count_fixes))
        articles = db.from_sequence(paths, partition_size=engine.partition_size)
        yield from results_in_order(client, articles, shipped)


def write_archive(options: CheckOptions, ruleset: RuleSet, streams: Streams) -> int:
    """Check the session's files on Dask, each task writing its partition's finding
    rows to ``--output-dir``; print the totals."""
    engine = options.engine
    assert engine.output_dir is not None
    _require_installed(engine)
    session = Session(ruleset, options.inputs, streams.stdin)
    paths, missing = session.collect()
    for error in missing:
        report_error(streams.errors, error)
    from mtcheck.scale.storage import prepare_folder

    prepare_folder(engine.output_dir)  # before a cluster starts: a used folder fails fast
    total, partitions = _checked_to_storage(paths, session, engine)
    notice(
        streams.out,
        f"Checked {total.files:,} files in {partitions:,} partitions: "
        f"{total.findings:,} findings, {total.failed:,} could not be checked "
        f"(rows with an error); written to {engine.output_dir} as {engine.output_format}",
    )
    if missing or total.failed:
        return EXIT_ERROR
    fail_on = ruleset.config.fail_on
    failing = any(Severity.parse(label) >= fail_on for label in total.by_severity)
    return EXIT_FINDINGS if failing and not options.exit_zero else EXIT_CLEAN


def _checked_to_storage(
    paths: Sequence[str], session: Session, engine: EngineOptions
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
    with connect(engine.scheduler, _workers(engine)) as client:
        articles = db.from_sequence(paths, partition_size=engine.partition_size)
        tasks = write_findings(
            articles,
            engine.output_dir,
            engine.output_format,
            session.ruleset,
            options=session.options,
            originals=session.originals,
        )
        for future in as_completed(client.compute(tasks, retries=RETRIES)):
            total.add(future.result())
            future.release()
    return total, len(tasks)
