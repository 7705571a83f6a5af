"""Messages of ops on one or two tensors: broadcasting, matmul, axes and reductions,
reshapes and permutations, ranks, windows that do not fit, creation sizes, losses.

>>> print(rank_too_small("flatten", "x", (), 1))
Too few dimensions for "flatten": x has Tensor[()]; need at least 1 dimension (0 given)
"""

from __future__ import annotations

from typing import Optional, Sequence

from typedflux.shapes.dims import Dim, dim_str
from typedflux.shapes.messages.shape_text import fmt_dim, fmt_dims, fmt_shape

__all__ = [
    "one_element_needed",
    "broadcast_mismatch",
    "matmul_inner_mismatch",
    "matmul_batch_mismatch",
    "matmul_scalar",
    "axis_out_of_range",
    "repeated_axis",
    "empty_reduction",
    "reshape_size_mismatch",
    "reshape_not_divisible",
    "reshape_bad_target",
    "bad_permutation",
    "squeeze_not_one",
    "negative_size",
    "zero_step",
    "wrong_rank",
    "input_too_small",
    "input_smaller_than_output",
    "rank_too_small",
    "loss_shape_mismatch",
]


def broadcast_mismatch(
    op: str, xname: str, x: Sequence[object], yname: str, y: Sequence[object],
    axis: int, a: Dim, b: Dim, hint: Optional[str] = None,
) -> str:
    """Two shapes that do not broadcast at ``axis``; ``hint`` is a fix to suggest.

    >>> from typedflux.shapes.dims import sym
    >>> B = sym("B")
    >>> print(broadcast_mismatch("add", "x", (B, 10), "y", (B, 5), -1, 10, 5))
    Cannot broadcast for "add": x has Tensor[B, 10], y has Tensor[B, 5]; need equal sizes or 1 at axis -1 (10 vs 5)
    >>> print(broadcast_mismatch("sub", "x", (B, 10), "y", (B,), -1, 10, B, "y[..., None]"))
    Cannot broadcast for "sub": x has Tensor[B, 10], y has Tensor[B]; need equal sizes or 1 at axis -1 (10 vs B); did you mean y[..., None]?
    """
    text = (
        f'Cannot broadcast for "{op}": {xname} has {fmt_shape(x)}, {yname} has {fmt_shape(y)}; '
        f"need equal sizes or 1 at axis {axis} ({dim_str(a)} vs {dim_str(b)})"
    )
    if hint:
        text += f"; did you mean {hint}?"
    return text


def matmul_inner_mismatch(
    op: str, x: Sequence[object], w: Sequence[object], x_index: int, w_index: int,
    a: Dim, b: Dim, hint: Optional[str] = None,
) -> str:
    """The contracted dims of a matrix product differ.

    >>> print(matmul_inner_mismatch("matmul", (1, 2), (3, 4), -1, -2, 2, 3))
    Inner dimensions differ for "matmul": x has Tensor[1, 2], w has Tensor[3, 4]; need x.shape[-1] == w.shape[-2] (2 vs 3)
    >>> print(matmul_inner_mismatch("matmul", (1, 2), (3, 2), -1, -2, 2, 3, "transpose w (w.T)"))
    Inner dimensions differ for "matmul": x has Tensor[1, 2], w has Tensor[3, 2]; need x.shape[-1] == w.shape[-2] (2 vs 3); did you mean to transpose w (w.T)?
    """
    text = (
        f'Inner dimensions differ for "{op}": x has {fmt_shape(x)}, w has {fmt_shape(w)}; '
        f"need x.shape[{x_index}] == w.shape[{w_index}] ({dim_str(a)} vs {dim_str(b)})"
    )
    if hint:
        text += f"; did you mean to {hint}?"
    return text


def matmul_batch_mismatch(
    op: str, x: Sequence[object], w: Sequence[object], axis: int, a: Dim, b: Dim
) -> str:
    """The batch (leading) dims of a matrix product do not broadcast.

    >>> print(matmul_batch_mismatch("matmul", (2, 3, 4), (5, 4, 6), -3, 2, 5))
    Cannot broadcast batch dimensions for "matmul": x has Tensor[2, 3, 4], w has Tensor[5, 4, 6]; need equal sizes or 1 at axis -3 (2 vs 5)
    """
    return (
        f'Cannot broadcast batch dimensions for "{op}": x has {fmt_shape(x)}, '
        f"w has {fmt_shape(w)}; need equal sizes or 1 at axis {axis} "
        f"({dim_str(a)} vs {dim_str(b)})"
    )


def matmul_scalar(op: str, x: Sequence[object], w: Sequence[object]) -> str:
    """A matrix product with a 0-d operand.

    >>> print(matmul_scalar("matmul", (), (3, 4)))
    Scalar operand for "matmul": x has Tensor[()], w has Tensor[3, 4]; need at least 1 dimension in each operand (use * to scale by a scalar)
    """
    return (
        f'Scalar operand for "{op}": x has {fmt_shape(x)}, w has {fmt_shape(w)}; '
        "need at least 1 dimension in each operand (use * to scale by a scalar)"
    )


def axis_out_of_range(
    op: str, arg: str, shape: Sequence[object], axis: int, new_axis: bool = False
) -> str:
    """An axis outside ``-rank <= axis < rank`` (``-rank-1 <= axis <= rank`` for an op that
    inserts a ``new_axis``: unsqueeze, stack).

    >>> print(axis_out_of_range("sum", "x", (2, 3), -3))
    Axis out of range for "sum": x has Tensor[2, 3]; need -2 <= axis < 2 (axis -3)
    >>> print(axis_out_of_range("unsqueeze", "x", (2, 3), 3, new_axis=True))
    Axis out of range for "unsqueeze": x has Tensor[2, 3]; need -3 <= axis <= 2 (axis 3)
    """
    n = len(shape)
    need = f"{-n - 1} <= axis <= {n}" if new_axis else f"{-n} <= axis < {n}"
    return (
        f'Axis out of range for "{op}": {arg} has {fmt_shape(shape)}; '
        f"need {need} (axis {axis})"
    )


def repeated_axis(
    op: str, arg: str, shape: Sequence[object], axes: Sequence[int], position: int
) -> str:
    """An axis tuple naming the same axis twice.

    >>> print(repeated_axis("sum", "x", (2, 3), (0, 0), 0))
    Repeated axis for "sum": x has Tensor[2, 3]; need distinct axes (axis (0, 0) names axis 0 twice)
    """
    return (
        f'Repeated axis for "{op}": {arg} has {fmt_shape(shape)}; need distinct axes '
        f"(axis {fmt_dims(axes)} names axis {position} twice)"
    )


def empty_reduction(op: str, arg: str, shape: Sequence[object], axis: int) -> str:
    """A max/min over an axis of size 0 (no identity element).

    >>> print(empty_reduction("max", "x", (0, 3), 0))
    Empty reduction for "max": x has Tensor[0, 3]; need a nonzero size at axis 0 (0)
    """
    return (
        f'Empty reduction for "{op}": {arg} has {fmt_shape(shape)}; '
        f"need a nonzero size at axis {axis} (0)"
    )


def reshape_size_mismatch(
    op: str, x: Sequence[object], target: Sequence[object], have: Dim, want: Dim
) -> str:
    """A reshape that changes the number of elements.

    >>> from typedflux.shapes.dims import sym
    >>> B = sym("B")
    >>> print(reshape_size_mismatch("reshape", (B, 784), (B, 700), 784 * B, 700 * B))
    Cannot reshape for "reshape": x has Tensor[B, 784], target is (B, 700); need equal element counts (784*B vs 700*B)
    """
    return (
        f'Cannot reshape for "{op}": x has {fmt_shape(x)}, target is {fmt_dims(target)}; '
        f"need equal element counts ({dim_str(have)} vs {dim_str(want)})"
    )


def reshape_not_divisible(
    op: str, x: Sequence[object], target: Sequence[object], have: Dim, known: Dim
) -> str:
    """A ``-1`` in a reshape target that cannot be solved.

    >>> print(reshape_not_divisible("reshape", (10, 3), (-1, 7), 30, 7))
    Cannot reshape for "reshape": x has Tensor[10, 3], target is (-1, 7); need the element count divisible by the other target sizes (30 vs 7)
    """
    return (
        f'Cannot reshape for "{op}": x has {fmt_shape(x)}, target is {fmt_dims(target)}; '
        "need the element count divisible by the other target sizes "
        f"({dim_str(have)} vs {dim_str(known)})"
    )


def reshape_bad_target(op: str, x: Sequence[object], target: Sequence[object], why: str) -> str:
    """A reshape target that is malformed whatever the input (two -1, a negative size).

    >>> print(reshape_bad_target("reshape", (6,), (-1, -1), "at most one -1 (2 given)"))
    Cannot reshape for "reshape": x has Tensor[6], target is (-1, -1); need at most one -1 (2 given)
    """
    return (
        f'Cannot reshape for "{op}": x has {fmt_shape(x)}, target is {fmt_dims(target)}; '
        f"need {why}"
    )


def bad_permutation(op: str, x: Sequence[object], axes: Sequence[int]) -> str:
    """Transpose axes that are not a permutation of the tensor's axes.

    >>> print(bad_permutation("transpose", (2, 3), (0, 0)))
    Wrong axes for "transpose": x has Tensor[2, 3]; need a permutation of 0..1 (axes (0, 0))
    """
    n = len(x)
    return (
        f'Wrong axes for "{op}": x has {fmt_shape(x)}; need a permutation of '
        f"0..{n - 1} (axes {fmt_dims(axes)})"
    )


def squeeze_not_one(op: str, x: Sequence[object], axis: int, size: Dim) -> str:
    """Squeezing an axis whose size is not 1.

    >>> print(squeeze_not_one("squeeze", (2, 3), 1, 3))
    Cannot squeeze for "squeeze": x has Tensor[2, 3]; need size 1 at axis 1 (3)
    """
    return (
        f'Cannot squeeze for "{op}": x has {fmt_shape(x)}; '
        f"need size 1 at axis {axis} ({dim_str(size)})"
    )


def negative_size(op: str, shape: Sequence[object], position: int, size: int) -> str:
    """A negative size in a creation shape.

    >>> print(negative_size("zeros", (3, -1), 1, -1))
    Negative size for "zeros": shape is (3, -1); need sizes >= 0 (-1 at position 1)
    """
    return (
        f'Negative size for "{op}": shape is {fmt_dims(shape)}; '
        f"need sizes >= 0 ({size} at position {position})"
    )


def zero_step(op: str) -> str:
    """A zero step for arange.

    >>> print(zero_step("arange"))
    Zero step for "arange": step is 0; need a nonzero step
    """
    return f'Zero step for "{op}": step is 0; need a nonzero step'


def wrong_rank(op: str, arg: str, shape: Sequence[object], ranks: Sequence[int]) -> str:
    """An op that takes only some ranks (a 2-D conv takes rank 4).

    >>> print(wrong_rank("conv2d", "x", (2, 28, 28), (4,)))
    Wrong rank for "conv2d": x has Tensor[2, 28, 28]; need rank 4 (got 3)
    """
    want = " or ".join(str(r) for r in ranks)
    return f'Wrong rank for "{op}": {arg} has {fmt_shape(shape)}; need rank {want} (got {len(shape)})'


def input_too_small(op: str, shape: Sequence[object], out: Sequence[object]) -> str:
    """A conv or pool whose window does not fit its input (an output size below 1).

    >>> print(input_too_small("MaxPool((3, 3))", (1, 1, 2, 2), (0, 0)))
    Input too small for "MaxPool((3, 3))": x has Tensor[1, 1, 2, 2]; need an output size >= 1 on every spatial axis (got 0x0)
    """
    return (
        f'Input too small for "{op}": x has {fmt_shape(shape)}; need an output size '
        f">= 1 on every spatial axis (got {fmt_dim(out[0])}x{fmt_dim(out[1])})"
    )


def input_smaller_than_output(op: str, shape: Sequence[object], got: Dim, want: Dim) -> str:
    """An adaptive pool asked for more outputs than its input has.

    >>> print(input_smaller_than_output("AdaptiveMeanPool((4, 4))", (1, 1, 2, 2), 2, 4))
    Input too small for "AdaptiveMeanPool((4, 4))": x has Tensor[1, 1, 2, 2]; need each spatial size >= the output size (2 vs 4)
    """
    return (
        f'Input too small for "{op}": x has {fmt_shape(shape)}; need each '
        f"spatial size >= the output size ({dim_str(got)} vs {dim_str(want)})"
    )


def rank_too_small(op: str, arg: str, shape: Sequence[object], need: int) -> str:
    """A tensor with fewer axes than the op needs.

    >>> print(rank_too_small("flatten", "x", (), 1))
    Too few dimensions for "flatten": x has Tensor[()]; need at least 1 dimension (0 given)
    """
    unit = "dimension" if need == 1 else "dimensions"
    return (
        f'Too few dimensions for "{op}": {arg} has {fmt_shape(shape)}; '
        f"need at least {need} {unit} ({len(shape)} given)"
    )


def loss_shape_mismatch(
    op: str,
    yhat: Sequence[object],
    y: Sequence[object],
    axis: Optional[int] = None,
    squeeze: Optional[str] = None,
) -> str:
    """A loss whose prediction and target shapes differ (losses never broadcast). ``axis``:
    the (negative) axis where sizes differ; ``squeeze``: "prediction" or "target", the side
    with an extra trailing axis of size 1 (the classic ``[N, 1]`` vs ``[N]`` slip).

    >>> print(loss_shape_mismatch("mse", (32, 1), (32,), squeeze="prediction"))
    Shapes differ for "mse": prediction has Tensor[32, 1], target has Tensor[32]; need identical shapes (no broadcasting in losses); hint: reshape the target to Tensor[32, 1] or squeeze the prediction
    >>> print(loss_shape_mismatch("mae", (3, 2), (3, 4), axis=-1))
    Shapes differ for "mae": prediction has Tensor[3, 2], target has Tensor[3, 4]; need identical shapes (no broadcasting in losses) (2 vs 4 at axis -1)
    """
    text = (
        f'Shapes differ for "{op}": prediction has {fmt_shape(yhat)}, target has '
        f"{fmt_shape(y)}; need identical shapes (no broadcasting in losses)"
    )
    if axis is not None:
        text += f" ({fmt_dim(yhat[axis])} vs {fmt_dim(y[axis])} at axis {axis})"
    if squeeze == "prediction":
        text += f"; hint: reshape the target to {fmt_shape(yhat)} or squeeze the prediction"
    elif squeeze == "target":
        text += f"; hint: reshape the prediction to {fmt_shape(y)} or squeeze the target"
    return text


def one_element_needed(what: str, shape: Sequence[object]) -> str:
    """``item()`` (or ``float()``, ``int()``, ``bool()``) of a tensor of other than one element.

    >>> print(one_element_needed("item()", (10,)))
    item() needs a tensor of one element, got Tensor[10] (use .sum(), .any() or index it first)
    """
    return (f"{what} needs a tensor of one element, got {fmt_shape(shape)} (use .sum(), .any() "
            "or index it first)")
