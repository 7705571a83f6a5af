"""Messages of ops that join or cut tensors: ``concat``/``stack``, ``split``/``chunk``,
``repeat_interleave`` counts, ``pad`` widths.

>>> print(zero_chunks("chunk", (2, 4), 0))
Cannot split for "chunk": x has Tensor[2, 4], chunks is 0; need at least 1 chunk
"""

from __future__ import annotations

from typing import Optional, Sequence

from typedflux.shapes.dims import Dim, dim_str
from typedflux.shapes.messages.shape_text import fmt_dims, fmt_shape

__all__ = [
    "join_rank_mismatch",
    "join_size_mismatch",
    "join_scalar",
    "no_tensors",
    "split_sizes_mismatch",
    "chunks_not_divisible",
    "zero_chunks",
    "negative_count",
    "too_few_counts",
    "pad_mismatch",
]


def join_rank_mismatch(
    op: str, i: int, xi: Sequence[object], j: int, xj: Sequence[object]
) -> str:
    """Tensors of different ranks given to concat/stack.

    >>> print(join_rank_mismatch("concat", 0, (2, 3), 1, (3,)))
    Ranks differ for "concat": xs[0] has Tensor[2, 3], xs[1] has Tensor[3]; need equal ranks (2 vs 1)
    """
    return (
        f'Ranks differ for "{op}": xs[{i}] has {fmt_shape(xi)}, xs[{j}] has {fmt_shape(xj)}; '
        f"need equal ranks ({len(xi)} vs {len(xj)})"
    )


def join_size_mismatch(
    op: str, i: int, xi: Sequence[object], j: int, xj: Sequence[object],
    axis: int, a: Dim, b: Dim, along: Optional[int] = None,
) -> str:
    """Tensors whose sizes differ off the join axis (``along``), or anywhere for stack.

    >>> print(join_size_mismatch("concat", 0, (2, 3), 1, (4, 5), 0, 2, 4, along=1))
    Sizes differ for "concat": xs[0] has Tensor[2, 3], xs[1] has Tensor[4, 5]; need equal sizes except at axis 1 (2 vs 4 at axis 0)
    >>> print(join_size_mismatch("stack", 0, (2, 3), 1, (2, 4), 1, 3, 4))
    Sizes differ for "stack": xs[0] has Tensor[2, 3], xs[1] has Tensor[2, 4]; need equal shapes (3 vs 4 at axis 1)
    """
    need = f"equal sizes except at axis {along}" if along is not None else "equal shapes"
    return (
        f'Sizes differ for "{op}": xs[{i}] has {fmt_shape(xi)}, xs[{j}] has {fmt_shape(xj)}; '
        f"need {need} ({dim_str(a)} vs {dim_str(b)} at axis {axis})"
    )


def join_scalar(op: str, i: int, xi: Sequence[object]) -> str:
    """A 0-d tensor given to concat.

    >>> print(join_scalar("concat", 0, ()))
    Cannot join scalars for "concat": xs[0] has Tensor[()]; need at least 1 dimension (use stack for scalars)
    """
    return (
        f'Cannot join scalars for "{op}": xs[{i}] has {fmt_shape(xi)}; '
        "need at least 1 dimension (use stack for scalars)"
    )


def no_tensors(op: str, name: str = "xs") -> str:
    """An empty list of tensors.

    >>> print(no_tensors("concat"))
    No tensors for "concat": xs is empty; need at least 1 tensor
    """
    return f'No tensors for "{op}": {name} is empty; need at least 1 tensor'


def split_sizes_mismatch(
    op: str, x: Sequence[object], sizes: Sequence[object], axis: int, total: Dim, size: Dim
) -> str:
    """Split sizes that do not add up to the size of the split axis.

    >>> print(split_sizes_mismatch("split", (8, 10, 192), (64, 64, 32), 2, 160, 192))
    Sizes do not add up for "split": x has Tensor[8, 10, 192], sizes are (64, 64, 32); need a sum of 192 at axis 2 (160 vs 192)
    """
    return (
        f'Sizes do not add up for "{op}": x has {fmt_shape(x)}, sizes are {fmt_dims(sizes)}; '
        f"need a sum of {dim_str(size)} at axis {axis} ({dim_str(total)} vs {dim_str(size)})"
    )


def chunks_not_divisible(op: str, x: Sequence[object], chunks: int, axis: int, size: Dim,
                         rest: object) -> str:
    """An axis that does not split into equal chunks.

    >>> print(chunks_not_divisible("chunk", (8, 10), 3, 1, 10, 1))
    Cannot split evenly for "chunk": x has Tensor[8, 10], chunks is 3; need the size at axis 1 divisible by 3 (10 % 3 = 1)
    """
    text = dim_str(size)
    shown = f"({text})" if " " in text else text
    return (
        f'Cannot split evenly for "{op}": x has {fmt_shape(x)}, chunks is {chunks}; '
        f"need the size at axis {axis} divisible by {chunks} ({shown} % {chunks} = {rest})"
    )


def zero_chunks(op: str, x: Sequence[object], chunks: int) -> str:
    """A chunk count below 1.

    >>> print(zero_chunks("chunk", (2, 4), 0))
    Cannot split for "chunk": x has Tensor[2, 4], chunks is 0; need at least 1 chunk
    """
    return f'Cannot split for "{op}": x has {fmt_shape(x)}, chunks is {chunks}; need at least 1 chunk'


def negative_count(op: str, arg: str, values: Sequence[object], position: int, value: int) -> str:
    """A negative repetition count or pad width.

    >>> print(negative_count("tile", "reps", (2, -1), 1, -1))
    Negative count for "tile": reps is (2, -1); need counts >= 0 (-1 at position 1)
    """
    return (
        f'Negative count for "{op}": {arg} is {fmt_dims(values)}; '
        f"need counts >= 0 ({value} at position {position})"
    )


def too_few_counts(op: str, x: Sequence[object], counts: Sequence[object]) -> str:
    """torch-style ``repeat`` with fewer counts than axes.

    >>> print(too_few_counts("repeat", (2, 3), (2,)))
    Too few counts for "repeat": x has Tensor[2, 3], counts is (2); need one count per axis at least (1 given for rank 2)
    """
    return (
        f'Too few counts for "{op}": x has {fmt_shape(x)}, counts is {fmt_dims(counts)}; '
        f"need one count per axis at least ({len(counts)} given for rank {len(x)})"
    )


def pad_mismatch(op: str, x: Sequence[object], widths: object, need: str) -> str:
    """Pad widths that do not fit the tensor.

    >>> print(pad_mismatch("pad", (2, 3), ((1, 1),), "one (before, after) pair per axis (1 given for rank 2)"))
    Cannot pad for "pad": x has Tensor[2, 3], widths is ((1, 1),); need one (before, after) pair per axis (1 given for rank 2)
    """
    return f'Cannot pad for "{op}": x has {fmt_shape(x)}, widths is {widths!r}; need {need}'
