"""A Dask client: connected to a running scheduler, or to a local cluster started here."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from typing import Any

from mtcheck.errors import MtcheckError

# How long to wait for a scheduler that does not answer.
CONNECT_TIMEOUT = "20s"


class ClusterError(MtcheckError):
    """The cluster cannot be reached or cannot run mtcheck."""


@contextlib.contextmanager
def connect(scheduler: str | None, workers: int) -> Iterator[Any]:
    """A client of the scheduler at ``scheduler`` (tcp://HOST:PORT), or of a local
    cluster of ``workers`` processes, one thread each (the checks hold the GIL)."""
    from distributed import Client, LocalCluster

    with contextlib.ExitStack() as stack:
        if scheduler is None:
            cluster = stack.enter_context(
                LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
            )
            client = stack.enter_context(Client(cluster))
        else:
            try:
                client = stack.enter_context(Client(scheduler, timeout=CONNECT_TIMEOUT))
            except (OSError, TimeoutError, ValueError) as error:
                raise ClusterError(
                    f"cannot reach the Dask scheduler at {scheduler}: {error}"
                ) from None
        _require_mtcheck(client)
        yield client


def _worker_version() -> str:
    from mtcheck.version import __version__

    return __version__


def _require_mtcheck(client: Any) -> None:
    """Every worker runs this mtcheck: another version would check with other rules."""
    from mtcheck.version import __version__

    try:
        versions = client.run(_worker_version)
    except Exception as error:  # ModuleNotFoundError raised on the worker, passed back
        raise ClusterError(f"the Dask workers cannot import mtcheck: {error}") from None
    if not versions:
        raise ClusterError("the Dask cluster has no workers")
    wrong = {address: v for address, v in versions.items() if v != __version__}
    if wrong:
        address, version = next(iter(wrong.items()))
        raise ClusterError(
            f"Dask worker {address} runs mtcheck {version}, this is {__version__}; "
            "install the same version on every worker"
        )
