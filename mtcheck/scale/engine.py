"""The library on Dask: check a bag or dataframe of articles, write findings as partitions.

    import dask.bag as db
    from mtcheck.scale import check_bag

    articles = db.from_sequence([("a.txt", "Vladimir Putinvisited Minsk."), ...])
    entries = check_bag(articles)          # one JSON report entry per article

A task is a partition of many articles; the rule set and config go to each worker once
(scattered to every worker when a ``distributed`` client is running, else one key of
the graph that every task shares), never inside each task.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import dask
import dask.bag as db

from mtcheck.document import ReadOptions
from mtcheck.engine import RuleSet, default_ruleset
from mtcheck.results import FileResult
from mtcheck.scale.articles import (
    ROW_FIELDS,
    Article,
    Shipment,
    Tally,
    check_partition,
    file_entry,
    finding_rows,
)
from mtcheck.scale.storage import prepare_folder, write_part
from mtcheck.sources import Originals

# Tasks that raise (a worker's disk full, a lost connection to storage) are tried again.
RETRIES = 2


def _client() -> Any:
    try:
        from distributed import get_client

        return get_client()
    except (ImportError, ValueError):
        return None


def ship(shipment: Shipment) -> Any:
    """The shipment as something every task can take: a future on every worker, or a
    delayed value (one key of the graph) when no distributed client runs."""
    client = _client()
    if client is None:
        return dask.delayed(shipment, pure=True)
    return client.scatter(shipment, broadcast=True, hash=False)


def shipment_for(
    ruleset: RuleSet | None, options: ReadOptions | None, originals: Originals | None
) -> Shipment:
    return Shipment(ruleset or default_ruleset(), options or ReadOptions(), originals)


def check_results(articles: db.Bag, shipped: Any) -> db.Bag:
    """A bag of FileResults (document included), partition for partition."""
    return articles.map_partitions(check_partition, shipped)


def _entries(articles: Sequence[Article], shipment: Shipment) -> list[dict[str, Any]]:
    return [file_entry(result) for result in check_partition(articles, shipment)]


def check_bag(
    articles: db.Bag,
    ruleset: RuleSet | None = None,
    *,
    options: ReadOptions | None = None,
    originals: Originals | None = None,
) -> db.Bag:
    """Check a bag of articles: paths (read on the workers) or ``(path, text)`` pairs,
    the text a string or raw bytes (decoded as mtcheck decodes files).

    Returns a bag with one entry per article, the JSON report's ``files[]`` entry
    (docs/json-report.md): ``path``, ``source``, ``words``, ``score``, ``findings``,
    and ``error`` for an article that could not be checked.
    """
    shipped = ship(shipment_for(ruleset, options, originals))
    return articles.map_partitions(_entries, shipped)


def _rows_frame(rows: Sequence[dict[str, Any]]) -> Any:
    import pandas as pd

    numbers = {"start", "end", "line", "column"}
    columns = {
        name: pd.Series([row[name] for row in rows], dtype="Int64" if name in numbers else object)
        for name in ROW_FIELDS
    }
    return pd.DataFrame(columns)


def _frame_rows(frame: Any, shipment: Shipment, path_column: str, text_column: str) -> Any:
    articles = list(zip(frame[path_column].astype(str), frame[text_column], strict=True))
    rows = [row for result in check_partition(articles, shipment) for row in finding_rows(result)]
    return _rows_frame(rows)


def check_dataframe(
    frame: Any,
    ruleset: RuleSet | None = None,
    *,
    text_column: str = "text",
    path_column: str = "path",
    options: ReadOptions | None = None,
) -> Any:
    """Check a Dask dataframe with a text column (``dd.read_parquet(...)`` of an archive).

    Returns a dataframe with one row per finding, the JSON-lines fields (``path`` and
    the fields of docs/json-report.md), plus ``error``: an article that could not be
    checked is one row with its error and the other fields empty.
    """
    missing = [c for c in (path_column, text_column) if c not in frame.columns]
    if missing:
        from mtcheck.errors import UsageError

        raise UsageError(f"the dataframe has no column {', '.join(map(repr, missing))}")
    shipped = ship(shipment_for(ruleset, options, None))
    return frame.map_partitions(
        _frame_rows, shipped, path_column, text_column, meta=_rows_frame([])
    )


def _check_and_write(
    articles: Sequence[Article], shipment: Shipment, folder: str, index: int, fmt: str
) -> Tally:
    results = check_partition(articles, shipment)
    write_part(folder, index, [row for r in results for row in finding_rows(r)], fmt)
    return Tally().count(results)


def write_findings(
    articles: db.Bag,
    folder: str,
    fmt: str = "jsonl",
    ruleset: RuleSet | None = None,
    *,
    options: ReadOptions | None = None,
    originals: Originals | None = None,
) -> list[Any]:
    """Delayed tasks, one a partition, that check it and write its finding rows to
    ``folder/part-NNNNN.FMT``; each computes to the partition's Tally (counts only).

    Compute them with ``client.compute(tasks, retries=...)``: results go to storage,
    only the counts come back to the client. The folder is created here; one that
    already holds parts is refused (UsageError).
    """
    prepare_folder(folder)
    shipped = ship(shipment_for(ruleset, options, originals))
    task = dask.delayed(_check_and_write, pure=False)
    return [
        task(part, shipped, folder, index, fmt)
        for index, part in enumerate(articles.to_delayed(optimize_graph=True))
    ]


def results_in_order(client: Any, articles: db.Bag, shipped: Any) -> Iterator[FileResult]:
    """Each article's FileResult in the bag's order, partition by partition, each
    partition released once handed on."""
    futures = client.compute(check_results(articles, shipped).to_delayed(), retries=RETRIES)
    for future in futures:
        yield from future.result()
        future.release()
