"""Share the machine's cores among worker processes so torch does not oversubscribe them.

Each worker process that loads a generator gets torch's default intra-op pool, one thread
per core. N workers on C cores then run N*C spinning threads: measured on the 2-core
machine under load, the graph generator's p50 went from 122 ms to 3.1 s per question
(evals, 2 workers). Pool initializers call it, through agent.pool_workers.init_pool_worker.
"""

from __future__ import annotations

import os


def available_cpus() -> int:
    """Cores this process may run on (its affinity mask, which containers narrow), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not Linux
        return max(1, os.cpu_count() or 1)


def share_cpus(workers: int) -> int:
    """Limit this process's torch and BLAS threads to its share of the cores; returns the share."""
    share = max(1, available_cpus() // max(1, workers))
    for name in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ[name] = str(share)  # read by libraries loaded after this point
    import torch

    torch.set_num_threads(share)
    return share
