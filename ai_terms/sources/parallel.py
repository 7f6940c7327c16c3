"""Running one function in a forked child alongside the parent: used to build large indexes on two cores.

POSIX only, and only worth it for large inputs; `Forked.result()` returns None when the child failed, and
callers then do the work themselves, so a failure costs time, never correctness.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


def available() -> bool:
    return hasattr(os, "fork") and (os.cpu_count() or 1) >= 2


class Forked(Generic[T]):
    """`fn(*args)` computed in a child process; its pickled result is read back by `result()`."""

    def __init__(self, fn: Callable[..., T], *args: Any) -> None:
        self.read_fd, write_fd = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # the child: compute, send, and leave without running any cleanup of the parent's
            code = 1
            try:
                import pickle

                os.close(self.read_fd)
                with os.fdopen(write_fd, "wb") as pipe:
                    pipe.write(pickle.dumps(fn(*args), protocol=pickle.HIGHEST_PROTOCOL))
                code = 0
            finally:
                os._exit(code)
        os.close(write_fd)

    def result(self) -> T | None:
        import pickle

        with os.fdopen(self.read_fd, "rb") as pipe:
            payload = pipe.read()
        _, status = os.waitpid(self.pid, 0)
        if status != 0 or not payload:
            return None
        value: T = pickle.loads(payload)  # written by our own child process
        return value
