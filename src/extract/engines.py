"""Dask, for ``run --engine dask``: a local cluster of worker processes, or a real one.

Each Dask worker is a long-lived process: the word lists and the gazetteer load on its
first chunk and stay (module-level caches), so a worker pays for them once, not per task.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from .errors import UsageError

CONNECT_TIMEOUT = "10s"


@contextmanager
def dask_client(workers: int, scheduler: str | None) -> Iterator["object"]:
    """A client of the cluster at ``scheduler`` (tcp://host:8786), else of a LocalCluster
    of ``workers`` single-threaded processes on the loopback address."""
    try:
        from distributed import Client, LocalCluster  # noqa: PLC0415
    except ImportError:
        raise UsageError("--engine dask needs dask.distributed: pip install 'dask[distributed]'") from None
    if scheduler:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            raise UsageError(f"--scheduler {scheduler}: cannot reach the Dask scheduler ({exc}); "
                             "check the address and that dask-scheduler is running") from None
        try:
            yield client
        finally:
            client.close()
        return
    cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                           host="127.0.0.1", dashboard_address=None)
    client = Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()
