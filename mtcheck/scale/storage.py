"""Finding rows written as partitions: JSON lines or Parquet, one file per task.

Each task writes its own part under a temporary name and renames it into place, so a
retried task leaves one whole part, never half of one. The folder is a local path or
any URL fsspec knows (``s3://bucket/run``), as long as every worker can write there.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from typing import Any

FORMATS = ("jsonl", "parquet")
PART_PREFIX = "part-"


def part_name(index: int, fmt: str) -> str:
    return f"{PART_PREFIX}{index:05d}.{fmt}"


def parquet_schema() -> Any:
    """The finding row as Arrow types: the JSON report's fields, ``fix`` a nested record."""
    import pyarrow as pa

    edit = pa.struct([("start", pa.int64()), ("end", pa.int64()), ("replacement", pa.string())])
    fix = pa.struct([("applicability", pa.string()), ("edits", pa.list_(edit))])
    text, number = pa.string(), pa.int64()
    types = {
        "path": text,
        "rule": text,
        "name": text,
        "category": text,
        "severity": text,
        "message": text,
        "start": number,
        "end": number,
        "line": number,
        "column": number,
        "matched": text,
        "fix": fix,
        "suggestions": pa.list_(text),
        "error": text,
    }
    return pa.schema(list(types.items()))


def encode_rows(rows: Sequence[dict[str, Any]], fmt: str) -> bytes:
    if fmt == "jsonl":
        return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode()
    import io

    import pyarrow as pa
    import pyarrow.parquet as pq

    sink = io.BytesIO()
    pq.write_table(pa.Table.from_pylist(list(rows), schema=parquet_schema()), sink)
    return sink.getvalue()


def write_part(folder: str, index: int, rows: Sequence[dict[str, Any]], fmt: str) -> str:
    """Write one partition's rows; return the part's path."""
    from fsspec.core import url_to_fs

    fs, root = url_to_fs(folder)
    final = f"{root.rstrip('/')}/{part_name(index, fmt)}"
    temporary = f"{root.rstrip('/')}/.{part_name(index, fmt)}.{uuid.uuid4().hex[:12]}"
    with fs.open(temporary, "wb") as handle:
        handle.write(encode_rows(rows, fmt))
    fs.mv(temporary, final)
    return final


def prepare_folder(folder: str) -> None:
    """Create the output folder; refuse one that already holds parts (of another run,
    whose extra parts would be read as this run's)."""
    from fsspec.core import url_to_fs

    from mtcheck.errors import UsageError

    fs, root = url_to_fs(folder)
    if fs.exists(root):
        if not fs.isdir(root):
            raise UsageError(f"{folder}: --output-dir is a file, not a folder")
        names = [str(name).rsplit("/", 1)[-1] for name in fs.ls(root, detail=False)]
        if any(name.startswith(PART_PREFIX) for name in names):
            raise UsageError(
                f"{folder}: already holds part files of an earlier run; "
                "choose an empty or new folder"
            )
    fs.makedirs(root, exist_ok=True)


def read_rows(folder: str) -> list[dict[str, Any]]:
    """Every row of every part, part by part: for tests and small archives."""
    from fsspec.core import url_to_fs

    fs, root = url_to_fs(folder)
    rows: list[dict[str, Any]] = []
    for name in sorted(fs.ls(root, detail=False)):
        base = str(name).rsplit("/", 1)[-1]
        if not base.startswith(PART_PREFIX):
            continue
        with fs.open(name, "rb") as handle:
            data = handle.read()
        if base.endswith(".jsonl"):
            rows += [json.loads(line) for line in data.decode().splitlines()]
        else:
            import io

            import pyarrow.parquet as pq

            rows += pq.read_table(io.BytesIO(data)).to_pylist()
    return rows
