"""Helpers for tests that run real threads: a fixture that makes the interpreter switch
between threads as often as it can, and :func:`run_together`.

>>> run_together(lambda: 1, lambda: 2)
[1, 2]
"""

from __future__ import annotations

import sys
import threading
from typing import Any, Callable, Iterator, List

import pytest


@pytest.fixture
def small_switch_interval() -> Iterator[None]:
    """Switch threads as often as the interpreter can while the test runs (races show)."""
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        yield
    finally:
        sys.setswitchinterval(old)


def run_together(*jobs: Callable[[], Any]) -> List[Any]:
    """Run each job in its own thread, started at once; their results (re-raising errors)."""
    barrier = threading.Barrier(len(jobs))
    results: List[Any] = [None] * len(jobs)
    errors: List[BaseException] = []

    def run(i: int) -> None:
        try:
            barrier.wait()
            results[i] = jobs[i]()
        except BaseException as e:  # handed to the main thread below
            errors.append(e)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(jobs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]
    return results
