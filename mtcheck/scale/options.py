"""The options of ``mtcheck check --engine dask``: argparse only, no Dask import."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from mtcheck.errors import UsageError

# Articles per task: large enough that a task's overhead (about a millisecond on the
# scheduler) is lost in its work, small enough to spread an archive over many workers.
DEFAULT_PARTITION_SIZE = 1000


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value}")
    return value


def add_engine_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(
        "engine (archives on a Dask cluster; needs mtcheck[dask], see docs/scale.md)"
    )
    group.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local: processes on this machine (default); dask: tasks on a Dask cluster",
    )
    group.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="with --engine dask: the scheduler to use (tcp://HOST:PORT); "
        "default: start a local cluster",
    )
    group.add_argument(
        "--workers",
        type=_positive,
        metavar="N",
        help="with --engine dask and no --scheduler: local worker processes (default: cores)",
    )
    group.add_argument(
        "--partition-size",
        type=_positive,
        default=DEFAULT_PARTITION_SIZE,
        metavar="N",
        help=f"with --engine dask: articles per task (default {DEFAULT_PARTITION_SIZE})",
    )
    group.add_argument(
        "--output-dir",
        metavar="DIR",
        help="with --engine dask: write the findings as partitions in DIR (a folder or a "
        "URL the workers can write), one row per finding, instead of printing a report",
    )
    group.add_argument(
        "--output-format",
        choices=("jsonl", "parquet"),
        default="jsonl",
        help="the partitions' format with --output-dir (default jsonl; parquet needs pyarrow)",
    )


@dataclass(frozen=True)
class EngineOptions:
    scheduler: str | None
    workers: int
    partition_size: int
    output_dir: str | None
    output_format: str


def engine_options(args: argparse.Namespace, default_workers: int) -> EngineOptions | None:
    """The Dask options (None for the local engine), or UsageError for a combination
    that cannot work."""
    if args.engine != "dask":
        for name, given in (
            ("--scheduler", args.scheduler is not None),
            ("--workers", args.workers is not None),
            ("--output-dir", args.output_dir is not None),
        ):
            if given:
                raise UsageError(f"{name} goes with --engine dask")
        return None
    if args.scheduler is not None and args.workers is not None:
        raise UsageError("--workers starts a local cluster; a --scheduler has its own workers")
    if "-" in args.paths:
        raise UsageError("--engine dask checks files; standard input (-) is not one")
    if args.output_dir is not None:
        for flag, used in (
            ("--write-baseline", args.write_baseline),
            ("--baseline", args.baseline),
            ("--output-file", getattr(args, "output_file", None)),
            ("--statistics", args.statistics),
            ("--fail-under", args.fail_under is not None),
            ("--report-unused-suppressions", args.report_unused_suppressions),
        ):
            if used:
                raise UsageError(f"{flag} needs the whole report; it cannot go with --output-dir")
        if "://" not in args.output_dir:
            # A local folder: made absolute here, so workers started elsewhere agree.
            return _options(args, default_workers, str(Path(args.output_dir).resolve()))
    return _options(args, default_workers, args.output_dir)


def _options(args: argparse.Namespace, default_workers: int, folder: str | None) -> EngineOptions:
    return EngineOptions(
        scheduler=args.scheduler,
        workers=args.workers or default_workers,
        partition_size=args.partition_size,
        output_dir=folder,
        output_format=args.output_format,
    )
