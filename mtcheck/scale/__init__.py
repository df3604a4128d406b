"""Archives beyond one machine: mtcheck on Dask (the optional extra ``mtcheck[dask]``).

``check_bag``, ``check_dataframe`` and ``write_findings`` (see ``mtcheck.scale.engine``)
import Dask when first used; ``mtcheck check`` without ``--engine dask`` never does.
See docs/scale.md.
"""

from __future__ import annotations

from typing import Any

_ENGINE = ("check_bag", "check_dataframe", "write_findings")
__all__ = list(_ENGINE)


def __getattr__(name: str) -> Any:
    if name in _ENGINE:
        from mtcheck.scale import engine

        return getattr(engine, name)
    raise AttributeError(f"module 'mtcheck.scale' has no attribute {name!r}")
