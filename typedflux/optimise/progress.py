"""``tf.train``'s progress bar: tqdm's when it is installed, else one plain text line.

>>> import io
>>> bar = _TextProgress(2, "train", io.StringIO())
>>> bar.update(); bar.update(); bar.stream.getvalue()
'\\rtrain 1/2 \\rtrain 2/2 '
"""

from __future__ import annotations

import importlib
import sys
import time
from typing import Any, Optional, TextIO

__all__ = ["_progress"]


class _TextProgress:
    """The fallback progress line when tqdm is not installed: one ``\\r``-rewritten line on
    stderr, refreshed at most every 0.2 s, ended with a newline."""

    def __init__(self, total: Optional[int], desc: str, stream: TextIO) -> None:
        self.total, self.desc, self.stream = total, desc, stream
        self.n = 0
        self.postfix = ""
        self._last = 0.0

    def set_postfix_str(self, s: str, refresh: bool = True) -> None:
        self.postfix = s

    def update(self, n: int = 1) -> None:
        self.n += n
        now = time.monotonic()
        if now - self._last >= 0.2 or self.n == self.total:
            self._last = now
            count = f"{self.n}/{self.total}" if self.total is not None else f"{self.n}"
            self.stream.write(f"\r{self.desc} {count} {self.postfix}")
            self.stream.flush()

    def close(self) -> None:
        self.stream.write("\n")
        self.stream.flush()


def _progress(total: Optional[int], desc: str) -> Any:
    try:
        # An optional dependency (the "examples" extra); imported by name so type checkers of
        # user code never need tqdm's stubs.
        tqdm_auto = importlib.import_module("tqdm.auto")
    except ImportError:
        return _TextProgress(total, desc, sys.stderr)
    return tqdm_auto.tqdm(total=total, desc=desc, leave=True)
