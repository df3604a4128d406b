"""The arguments of ``mtcheck check --engine dask``: argparse only, no Dask import.

``cli.py`` turns them into ``mtcheck.options.EngineOptions``.
"""

from __future__ import annotations

import argparse

from mtcheck.options import DEFAULT_PARTITION_SIZE


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
