"""Messages of indexing: ``x[...]`` keys and ``take_along_axis``/``gather`` indices.

>>> print(too_many_indices("getitem", (3, 4), 3))
Too many indices for "getitem": x has Tensor[3, 4]; need at most 2 indices (3 given)
"""

from __future__ import annotations

from typing import Sequence

from typedflux.shapes.messages.shape_text import fmt_shape

__all__ = [
    "index_out_of_range",
    "too_many_indices",
    "index_bad_key",
    "index_mismatch",
]


def index_out_of_range(op: str, x: Sequence[object], axis: int, index: int, size: int) -> str:
    """An int index outside a known size.

    >>> print(index_out_of_range("getitem", (3, 4), 1, 4, 4))
    Index out of range for "getitem": x has Tensor[3, 4]; need -4 <= index < 4 at axis 1 (index 4)
    """
    return (
        f'Index out of range for "{op}": x has {fmt_shape(x)}; '
        f"need {-size} <= index < {size} at axis {axis} (index {index})"
    )


def too_many_indices(op: str, x: Sequence[object], given: int) -> str:
    """More int/slice indices than axes.

    >>> print(too_many_indices("getitem", (3, 4), 3))
    Too many indices for "getitem": x has Tensor[3, 4]; need at most 2 indices (3 given)
    """
    return (
        f'Too many indices for "{op}": x has {fmt_shape(x)}; '
        f"need at most {len(x)} indices ({given} given)"
    )


def index_bad_key(op: str, x: Sequence[object], why: str) -> str:
    """A malformed index key (two ellipses, a zero slice step).

    >>> print(index_bad_key("getitem", (3, 4), "at most one ... (2 given)"))
    Invalid index for "getitem": x has Tensor[3, 4]; need at most one ... (2 given)
    """
    return f'Invalid index for "{op}": x has {fmt_shape(x)}; need {why}'


def index_mismatch(op: str, x: Sequence[object], ix: Sequence[object], arg: str, need: str) -> str:
    """An index tensor that does not fit the tensor it picks from.

    >>> print(index_mismatch("take_along_axis", (3, 4), (3,), "indices", "equal ranks (2 vs 1)"))
    Cannot index for "take_along_axis": x has Tensor[3, 4], indices has Tensor[3]; need equal ranks (2 vs 1)
    """
    return f'Cannot index for "{op}": x has {fmt_shape(x)}, {arg} has {fmt_shape(ix)}; need {need}'
