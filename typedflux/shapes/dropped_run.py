"""The marker of a variadic run with one item reduced away (``*Rs[1:]``, ``*Rs[:-1]``): its
own module, as the message builders print it and the comparison (``reduced_runs``) reads it.

>>> DroppedRun("Rs", True).items(2)
(Rs[1],)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Tuple

from typedflux.shapes.dims import Expr

__all__ = ["DroppedRun", "run_items"]


@dataclass(frozen=True)
class DroppedRun:
    """The named run ``*name`` without its first item (``first``) or its last: a marker in a
    shape, printed ``*Rs[1:]`` / ``*Rs[:-1]``. It is no ``Star``: nothing that compares runs
    by name may take it for the whole run.

    >>> DroppedRun("Bs", True), DroppedRun("Bs", False)
    (*Bs[1:], *Bs[:-1])
    """

    name: str
    first: bool

    def __repr__(self) -> str:
        return f"*{self.name}[1:]" if self.first else f"*{self.name}[:-1]"

    def items(self, length: int) -> Tuple[Expr, ...]:
        """The run's items for a run of ``length`` items, as rigid symbols, one dropped.

        >>> DroppedRun("Bs", True).items(3)
        (Bs[1], Bs[2])
        """
        every = run_items(self.name, length)
        return every[1:] if self.first else every[:-1]


def run_items(name: str, length: int) -> Tuple[Expr, ...]:
    """``length`` rigid symbols standing for the items of ``*name`` (``Bs[0]``, ...): no
    program can name them, and two of them are equal only when they are one item.

    >>> run_items("Bs", 2)
    (Bs[0], Bs[1])
    """
    return tuple(Expr({(((f"{name}[{i}]", 1),)): 1}) for i in range(length))
