"""Every shape message, built in one place so the runtime and the mypy plugin say the same words.

Form (docs/design.md, section 6): ``<What failed> for "<op>": <arg> has <shape>, <arg> has <shape>; need
<condition> (<values>)``, then a hint when the fix is obvious. Capitalised, names in double
quotes, no trailing period. Annotation boundaries (a return, an assignment, a yield, an
argument) have their own family: ``<Return|Assigned|Yielded> shape <got> does not match the
annotation <annotated>: axis 1 is 700, expected 784`` (or ``rank is 2, expected 3``).

The module is long on purpose: every message lives here, so the two checkers cannot drift.

>>> fmt_shape((Star("Bs"), 784)), fmt_shape(()), fmt_shape((UNKNOWN, 3))
('Tensor[*Bs, 784]', 'Tensor[()]', 'Tensor[?, 3]')
"""

from __future__ import annotations

from typing import Optional, Sequence, Tuple

from typedflux.shapes.dims import UNKNOWN, Dim, Star, dim_str

__all__ = [
    "fmt_shape",
    "fmt_dims",
    "fmt_axes",
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
    "join_rank_mismatch",
    "join_size_mismatch",
    "join_scalar",
    "no_tensors",
    "index_out_of_range",
    "too_many_indices",
    "index_bad_key",
    "negative_size",
    "zero_step",
    "rank_too_small",
    "wrong_rank",
    "input_too_small",
    "input_smaller_than_output",
    "layer_input_mismatch",
    "chain_mismatch",
    "return_mismatch",
    "assignment_mismatch",
    "reassignment_mismatch",
    "yield_mismatch",
    "argument_mismatch",
    "overload_mismatch",
    "overload_failure",
    "overload_conflict",
    "binding_conflict",
    "loss_shape_mismatch",
    "bad_pattern",
    "operand_count",
    "pattern_rank",
    "label_size_mismatch",
    "ellipsis_mismatch",
    "pattern_mismatch",
    "ellipsis_dropped",
    "split_sizes_mismatch",
    "chunks_not_divisible",
    "zero_chunks",
    "invalid_layer_argument",
    "wrong_layer_argument_type",
    "wrong_input_type",
]


def _dim(d: object) -> str:
    if isinstance(d, Star):
        return f"*{d.name}" if d.name else "..."
    return dim_str(d)  # type: ignore[arg-type]


def fmt_shape(shape: Sequence[object]) -> str:
    """How a tensor type is written in messages: ``Tensor[B, 784]``.

    Unknown dims show as ``?``, a named run as ``*Bs``, a run of unknown length as ``...``.

    >>> from typedflux.shapes.dims import sym
    >>> fmt_shape((sym("B"), 2 * sym("N"))), fmt_shape((Star(), 64))
    ('Tensor[B, 2*N]', 'Tensor[..., 64]')
    """
    if len(shape) == 0:
        return "Tensor[()]"
    return "Tensor[" + ", ".join(_dim(d) for d in shape) + "]"


def fmt_dims(dims: Sequence[object]) -> str:
    """A tuple of dims as Python would print it, without the one-element comma: ``(B, 700)``.

    >>> fmt_dims((3,)), fmt_dims(()), fmt_dims((UNKNOWN, -1))
    ('(3)', '()', '(?, -1)')
    """
    return "(" + ", ".join(_dim(d) for d in dims) + ")"


def fmt_axes(axes: object) -> str:
    """An axis argument as written: ``1`` or ``(0, 2)``.

    >>> fmt_axes(1), fmt_axes((0, 2)), fmt_axes((1,))
    ('1', '(0, 2)', '(1)')
    """
    if isinstance(axes, tuple):
        return fmt_dims(axes)
    return str(axes)


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
        f">= 1 on every spatial axis (got {_dim(out[0])}x{_dim(out[1])})"
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


def layer_input_mismatch(
    layer_repr: str,
    expected: Sequence[object],
    got: Sequence[object],
    axis: Optional[int],
    position: Optional[int] = None,
) -> str:
    """A layer called on an input it cannot take; ``position`` (1-based) when inside a Chain.

    ``axis`` is the axis whose sizes differ (``None`` when the ranks differ).

    >>> print(layer_input_mismatch("Dense(784 => 32, relu)", (Star(), 784), (16, 100), -1))
    Dense(784 => 32, relu) expects input Tensor[..., 784], got Tensor[16, 100]; need size 784 at axis -1 (got 100)
    >>> print(layer_input_mismatch("Conv((3, 3), 1 => 8)", (UNKNOWN, 1, UNKNOWN, UNKNOWN),
    ...       (16, 28, 28), None, position=1))
    Chain layer 1 Conv((3, 3), 1 => 8) expects input Tensor[?, 1, ?, ?], got Tensor[16, 28, 28]; need rank 4 (got 3)
    """
    where = f"Chain layer {position} " if position is not None else ""
    text = f"{where}{layer_repr} expects input {fmt_shape(expected)}, got {fmt_shape(got)}"
    if axis is not None:
        text += f"; need size {_dim(expected[axis])} at axis {axis} (got {_dim(got[axis])})"
    elif not any(isinstance(d, Star) for d in expected):
        text += f"; need rank {len(expected)} (got {len(got)})"
    return text


def chain_mismatch(
    position: int,
    layer_repr: str,
    expected: Sequence[object],
    prev_position: int,
    prev_repr: str,
    produced: Sequence[object],
    hint: Optional[str] = None,
) -> str:
    """Adjacent layers of a Chain that do not compose (docs/design.md's example, exactly).

    ``hint`` is the fix without punctuation, e.g. ``"change Dense(64 => 10) to Dense(32 => 10)"``.

    >>> from typedflux.shapes.dims import sym
    >>> print(chain_mismatch(2, "Dense(64 => 10)", (Star(), 64), 1, "Dense(784 => 32, relu)",
    ...       (sym("B"), 32), "change Dense(64 => 10) to Dense(32 => 10)"))
    Chain layer 2 Dense(64 => 10) expects input Tensor[..., 64], but layer 1 Dense(784 => 32, relu) produces Tensor[B, 32]; change Dense(64 => 10) to Dense(32 => 10)
    """
    text = (
        f"Chain layer {position} {layer_repr} expects input {fmt_shape(expected)}, "
        f"but layer {prev_position} {prev_repr} produces {fmt_shape(produced)}"
    )
    if hint:
        text += f"; {hint}"
    return text


def _boundary_detail(
    annotated: Sequence[object], got: Sequence[object], axis: Optional[int],
    expected: Optional[object] = None,
) -> str:
    """What differs at a boundary: ``axis 1 is 700, expected 784`` or ``rank is 2, expected 3``.

    ``axis`` counts in ``got``; ``None`` means the ranks differ. ``expected`` overrides the
    annotation's dim at that axis (the size a bound symbol stands for at run time).
    """
    stars = [i for i, d in enumerate(annotated) if isinstance(d, Star)]
    if axis is None:
        if stars:
            need = len(annotated) - 1
            unit = "dimension" if need == 1 else "dimensions"
            return f"rank is {len(got)}, expected at least {need} {unit}"
        return f"rank is {len(got)}, expected {len(annotated)}"
    if expected is None:
        # Past a star the annotation's index counts from the end.
        p_axis = axis - len(got) + len(annotated) if stars and axis > stars[0] else axis
        expected = annotated[p_axis]
    return f"axis {axis} is {_dim(got[axis])}, expected {_dim(expected)}"


def _does_not_match(annotated: Sequence[object], got: Sequence[object], axis: Optional[int],
                    expected: Optional[object]) -> str:
    return (
        f"does not match the annotation {fmt_shape(annotated)}: "
        f"{_boundary_detail(annotated, got, axis, expected)}"
    )


def return_mismatch(
    annotated: Sequence[object],
    got: Sequence[object],
    axis: Optional[int] = None,
    part: Optional[str] = None,
    expected: Optional[object] = None,
) -> str:
    """A returned tensor whose shape is not its function's return annotation.

    ``axis`` is the differing axis (``None`` when the ranks differ); ``part`` the place in a
    returned container (``"tuple item 0"``); ``expected`` the size a bound symbol stands for
    (run time).

    >>> from typedflux.shapes.dims import sym
    >>> B, C, H, W = sym("B"), sym("C"), sym("H"), sym("W")
    >>> print(return_mismatch((B, H * W), (B, C * H * W), 1))
    Return shape Tensor[B, C*H*W] does not match the annotation Tensor[B, H*W]: axis 1 is C*H*W, expected H*W
    >>> print(return_mismatch((B, 32, 1), (B, 32), part="tuple item 0"))
    Return shape Tensor[B, 32] (tuple item 0) does not match the annotation Tensor[B, 32, 1]: rank is 2, expected 3
    """
    where = f" ({part})" if part else ""
    return f"Return shape {fmt_shape(got)}{where} " + _does_not_match(annotated, got, axis, expected)


def assignment_mismatch(
    target: str,
    annotated: Sequence[object],
    got: Sequence[object],
    axis: Optional[int] = None,
    part: Optional[str] = None,
) -> str:
    """A tensor assigned to a variable or attribute declared with another shape; ``part`` is
    its place in an assigned container (``"list item 0"``).

    >>> print(assignment_mismatch("h", (32, 64), (32, 10), 1))
    Assigned shape Tensor[32, 10] does not match the annotation Tensor[32, 64] of "h": axis 1 is 10, expected 64
    >>> print(assignment_mismatch("xs", (3, 4), (3, 5), 1, "list item 0"))
    Assigned shape Tensor[3, 5] (list item 0) does not match the annotation Tensor[3, 4] of "xs": axis 1 is 5, expected 4
    """
    where = f" ({part})" if part else ""
    return (
        f"Assigned shape {fmt_shape(got)}{where} does not match the annotation "
        f'{fmt_shape(annotated)} of "{target}": {_boundary_detail(annotated, got, axis)}'
    )


def reassignment_mismatch(
    target: str,
    first: Sequence[object],
    got: Sequence[object],
    axis: Optional[int] = None,
    attribute: bool = False,
) -> str:
    """A tensor assigned to a name or attribute whose (unannotated) type was set by its first
    assignment; ``attribute`` chooses the hint.

    >>> print(reassignment_mismatch("self.h", (1, 64), (8, 64), 0, attribute=True))
    Assigned shape Tensor[8, 64] does not match Tensor[1, 64], the shape "self.h" has from its first assignment: axis 0 is 8, expected 1; annotate it with the dims that may change (Tensor[int, 64])
    >>> print(reassignment_mismatch("h", (8, 64), (8, 32), 1))
    Assigned shape Tensor[8, 32] does not match Tensor[8, 64], the shape "h" has from its first assignment: axis 1 is 32, expected 64; use a new name, or set allow_redefinition = True for mypy
    """
    text = (
        f"Assigned shape {fmt_shape(got)} does not match {fmt_shape(first)}, the shape "
        f'"{target}" has from its first assignment: {_boundary_detail(first, got, axis)}'
    )
    if not attribute:
        return text + "; use a new name, or set allow_redefinition = True for mypy"
    if axis is None or len(first) != len(got):
        return text + "; annotate it with the shapes it may take"
    loose = [d if i != axis else "int" for i, d in enumerate(first)]
    return text + f"; annotate it with the dims that may change ({fmt_shape(loose)})"


def yield_mismatch(
    annotated: Sequence[object],
    got: Sequence[object],
    axis: Optional[int] = None,
    part: Optional[str] = None,
    expected: Optional[object] = None,
) -> str:
    """A yielded tensor whose shape is not the generator's item annotation (``part`` as for
    :func:`return_mismatch`).

    >>> print(yield_mismatch((16, 784), (16, 700), 1))
    Yielded shape Tensor[16, 700] does not match the annotation Tensor[16, 784]: axis 1 is 700, expected 784
    """
    where = f" ({part})" if part else ""
    return f"Yielded shape {fmt_shape(got)}{where} " + _does_not_match(annotated, got, axis, expected)


def argument_mismatch(
    function: str,
    param: str,
    annotated: Sequence[object],
    got: Sequence[object],
    axis: Optional[int] = None,
    expected: Optional[object] = None,
) -> str:
    """An argument whose shape is not its parameter's annotation (``@shapecheck``, the plugin).

    ``axis`` counts in ``got`` (``None`` when the ranks differ); ``expected`` is the size the
    annotation's dim stands for once its symbols are bound, when that says more.

    >>> from typedflux.shapes.dims import sym
    >>> print(argument_mismatch("predict", "x", (sym("B"), 784), (32, 100), 1))
    Argument "x" of "predict" has shape Tensor[32, 100], which does not match the annotation Tensor[B, 784]: axis 1 is 100, expected 784
    >>> print(argument_mismatch("f", "x", (Star("Bs"), 10), ()))
    Argument "x" of "f" has shape Tensor[()], which does not match the annotation Tensor[*Bs, 10]: rank is 0, expected at least 1 dimension
    """
    return (
        f'Argument "{param}" of "{function}" has shape {fmt_shape(got)}, which '
        + _does_not_match(annotated, got, axis, expected)
    )


def overload_mismatch(function: str, failures: Sequence[str]) -> str:
    """No overload item of ``function`` takes the arguments' shapes; ``failures`` says, for
    each item in order, why (from :func:`overload_failure` or :func:`overload_conflict`).

    >>> from typedflux.shapes.dims import sym
    >>> B = sym("B")
    >>> print(overload_mismatch("head", [
    ...     overload_failure("x", (B, 3), (2, 5), 1), overload_failure("x", (B, 4), (2, 5), 1)]))
    No overload of "head" takes these shapes: overload 1: argument "x" has shape Tensor[2, 5], expected Tensor[B, 3] (axis 1 is 5, expected 3); overload 2: argument "x" has shape Tensor[2, 5], expected Tensor[B, 4] (axis 1 is 5, expected 4)
    """
    items = "; ".join(f"overload {i}: {text}" for i, text in enumerate(failures, start=1))
    return f'No overload of "{function}" takes these shapes: {items}'


def overload_failure(
    param: str,
    annotated: Sequence[object],
    got: Sequence[object],
    axis: Optional[int] = None,
    expected: Optional[object] = None,
) -> str:
    """Why one overload item does not take an argument (a part of :func:`overload_mismatch`).

    >>> print(overload_failure("x", (3,), (3, 1)))
    argument "x" has shape Tensor[3, 1], expected Tensor[3] (rank is 2, expected 1)
    """
    return (
        f'argument "{param}" has shape {fmt_shape(got)}, expected {fmt_shape(annotated)} '
        f"({_boundary_detail(annotated, got, axis, expected)})"
    )


def overload_conflict(
    dim: str, first_what: str, first: object, second_what: str, second: object
) -> str:
    """One overload item binds a symbolic dim to two sizes (a part of :func:`overload_mismatch`).

    >>> print(overload_conflict("B", 'argument "x"', 4, 'argument "y"', 6))
    argument "x" gives B = 4, argument "y" gives B = 6
    """
    return f"{first_what} gives {dim} = {_dim(first)}, {second_what} gives {dim} = {_dim(second)}"


def binding_conflict(
    function: str, dim: str, first_what: str, first: object, second_what: str, second: object
) -> str:
    """A symbolic dim bound to two different sizes within one call.

    >>> print(binding_conflict("f", "B", 'argument "x"', 32, 'argument "y"', 16))
    Dim "B" differs for "f": argument "x" gives B = 32, argument "y" gives B = 16; need one size for B (32 vs 16)
    """
    a, b = _dim(first), _dim(second)
    return (
        f'Dim "{dim}" differs for "{function}": {first_what} gives {dim} = {a}, '
        f"{second_what} gives {dim} = {b}; need one size for {dim} ({a} vs {b})"
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
        text += f" ({_dim(yhat[axis])} vs {_dim(y[axis])} at axis {axis})"
    if squeeze == "prediction":
        text += f"; hint: reshape the target to {fmt_shape(yhat)} or squeeze the prediction"
    elif squeeze == "target":
        text += f"; hint: reshape the prediction to {fmt_shape(y)} or squeeze the target"
    return text


# -- pattern ops (einsum, rearrange) ------------------------------------------------------------


def bad_pattern(op: str, arg: str, text: str, why: str) -> str:
    """A subscripts or pattern string that is malformed whatever the operands.

    >>> print(bad_pattern("einsum", "subscripts", "ij,jk->il", 'every output label among the inputs ("l" is not)'))
    Invalid subscripts for "einsum": subscripts is "ij,jk->il"; need every output label among the inputs ("l" is not)
    """
    return f'Invalid {arg} for "{op}": {arg} is "{text}"; need {why}'


def operand_count(op: str, text: str, want: int, given: int) -> str:
    """Subscripts naming a different number of operands than given.

    >>> print(operand_count("einsum", "ij,jk->ik", 2, 3))
    Wrong number of operands for "einsum": subscripts "ij,jk->ik" name 2; need 2 tensors (3 given)
    """
    return (
        f'Wrong number of operands for "{op}": subscripts "{text}" name {want}; '
        f"need {want} tensor{'s' if want != 1 else ''} ({given} given)"
    )


def pattern_rank(
    op: str, arg: str, shape: Sequence[object], what: str, want: int, ellipsis: bool
) -> str:
    """An operand whose rank does not fit its part of a pattern (``what`` quotes the part).

    >>> print(pattern_rank("einsum", "xs[1]", (3, 4, 5), 'term "jk" of "ij,jk->ik"', 2, False))
    Wrong rank for "einsum": xs[1] has Tensor[3, 4, 5], term "jk" of "ij,jk->ik" names 2 axes; need rank 2 (got 3)
    >>> print(pattern_rank("rearrange", "x", (2, 3), 'pattern "b ... t d -> b t d ..."', 3, True))
    Wrong rank for "rearrange": x has Tensor[2, 3], pattern "b ... t d -> b t d ..." names 3 axes and ...; need rank >= 3 (got 2)
    """
    named = f"{want} ax{'is' if want == 1 else 'es'}" + (" and ..." if ellipsis else "")
    need = f"rank >= {want}" if ellipsis else f"rank {want}"
    return (
        f'Wrong rank for "{op}": {arg} has {fmt_shape(shape)}, {what} names {named}; '
        f"need {need} (got {len(shape)})"
    )


def label_size_mismatch(
    op: str, label: str, text: str,
    first: str, first_shape: Sequence[object], first_axis: int, a: Dim,
    second: str, second_shape: Sequence[object], second_axis: int, b: Dim,
) -> str:
    """One einsum label with two sizes (``first``/``second`` name the operands).

    >>> print(label_size_mismatch("einsum", "j", "bj,jk->bk", "xs[0]", (8, 3), 1, 3,
    ...       "xs[1]", (4, 5), 0, 4))
    Sizes differ for "einsum": xs[0] has Tensor[8, 3], xs[1] has Tensor[4, 5]; need one size for "j" in "bj,jk->bk" (3 at axis 1 of xs[0] vs 4 at axis 0 of xs[1])
    """
    where = (f"{dim_str(a)} at axis {first_axis} of {first} vs "
             f"{dim_str(b)} at axis {second_axis} of {second}")
    if first == second:
        return (
            f'Sizes differ for "{op}": {first} has {fmt_shape(first_shape)}; need one size '
            f'for "{label}" in "{text}" ({where})'
        )
    return (
        f'Sizes differ for "{op}": {first} has {fmt_shape(first_shape)}, {second} has '
        f'{fmt_shape(second_shape)}; need one size for "{label}" in "{text}" ({where})'
    )


def ellipsis_mismatch(
    op: str, text: str, first: str, first_shape: Sequence[object],
    second: str, second_shape: Sequence[object], a: Dim, b: Dim,
) -> str:
    """The dims two operands give to ``...`` do not broadcast.

    >>> print(ellipsis_mismatch("einsum", "...ij,...jk", "xs[0]", (5, 2, 3), "xs[1]", (4, 3, 6), 5, 4))
    Cannot broadcast for "einsum": xs[0] has Tensor[5, 2, 3], xs[1] has Tensor[4, 3, 6]; need the dims under "..." in "...ij,...jk" to broadcast (5 vs 4)
    """
    return (
        f'Cannot broadcast for "{op}": {first} has {fmt_shape(first_shape)}, {second} has '
        f'{fmt_shape(second_shape)}; need the dims under "..." in "{text}" to broadcast '
        f"({dim_str(a)} vs {dim_str(b)})"
    )


def pattern_mismatch(
    op: str, what: str, shape: Sequence[object], pattern: str,
    sizes: Sequence[tuple[str, object]], need: str,
) -> str:
    """A rearrange pattern that does not fit the tensor it is applied to.

    >>> print(pattern_mismatch("rearrange", "Cannot split axis", (8, 10, 500),
    ...       "b t (h d) -> b h t d", [("h", 8)],
    ...       "500 divisible by 8 to split axis 2 into (h d) (500 % 8 = 4)"))
    Cannot split axis for "rearrange": x has Tensor[8, 10, 500], pattern "b t (h d) -> b h t d" with h=8; need 500 divisible by 8 to split axis 2 into (h d) (500 % 8 = 4)
    """
    given = ", ".join(f"{n}={dim_str(d)}" for n, d in sizes)  # type: ignore[arg-type]
    with_sizes = f" with {given}" if given else ""
    return (
        f'{what} for "{op}": x has {fmt_shape(shape)}, pattern "{pattern}"{with_sizes}; '
        f"need {need}"
    )


def ellipsis_dropped(op: str, text: str, arg: str, shape: Sequence[object],
                     dims: Sequence[object]) -> str:
    """Explicit einsum output without ``...`` while the inputs put dims under it (numpy sums
    no broadcast dims).

    >>> print(ellipsis_dropped("einsum", "...a->", "xs[0]", (3, 2), (3,)))
    Cannot drop "..." for "einsum": xs[0] has Tensor[3, 2], subscripts "...a->"; need "..." in the output to keep the dims under it (3)
    """
    return (
        f'Cannot drop "..." for "{op}": {arg} has {fmt_shape(shape)}, subscripts "{text}"; '
        f'need "..." in the output to keep the dims under it ({fmt_dims(dims)[1:-1]})'
    )


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
def invalid_layer_argument(layer: str, values: Sequence[Tuple[str, str]], need: str) -> str:
    """A layer constructor argument out of range, or arguments that do not fit together.

    ``values`` are ``(argument, value text)`` pairs; ``need`` says what would be valid.

    >>> print(invalid_layer_argument("Dense", [("in_features", "-1")], "an int >= 1"))
    Invalid argument for "Dense": in_features = -1; need an int >= 1
    >>> print(invalid_layer_argument("MultiHeadAttention", [("d", "64"), ("nheads", "6")],
    ...                              "d divisible by nheads (64 % 6 = 4)"))
    Invalid arguments for "MultiHeadAttention": d = 64, nheads = 6; need d divisible by nheads (64 % 6 = 4)
    """
    noun = "argument" if len(values) == 1 else "arguments"
    given = ", ".join(f"{name} = {text}" for name, text in values)
    return f'Invalid {noun} for "{layer}": {given}; need {need}'


def wrong_layer_argument_type(layer: str, name: str, value: object, need: str) -> str:
    """A layer constructor argument of the wrong type.

    >>> print(wrong_layer_argument_type("Dense", "activation", "relu", "a callable such as tf.relu"))
    Wrong argument type for "Dense": activation = 'relu' (a str); need a callable such as tf.relu
    """
    return (
        f'Wrong argument type for "{layer}": {name} = {value!r} '
        f"({_article(type(value).__name__)}); need {need}"
    )


def wrong_input_type(layer: str, value: object) -> str:
    """A layer called on something that is not a tensor (``None``, a list).

    >>> print(wrong_input_type("Dense(2 => 3)", None))
    Wrong input type for "Dense(2 => 3)": x = None (a NoneType); need a Tensor (tf.tensor(data) makes one)
    """
    shown = repr(value)
    if len(shown) > 40:
        shown = shown[:37] + "..."
    return (
        f'Wrong input type for "{layer}": x = {shown} ({_article(type(value).__name__)}); '
        "need a Tensor (tf.tensor(data) makes one)"
    )


def _article(noun: str) -> str:
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun


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


def index_mismatch(op: str, x: Sequence[object], ix: Sequence[object], arg: str, need: str) -> str:
    """An index tensor that does not fit the tensor it picks from.

    >>> print(index_mismatch("take_along_axis", (3, 4), (3,), "indices", "equal ranks (2 vs 1)"))
    Cannot index for "take_along_axis": x has Tensor[3, 4], indices has Tensor[3]; need equal ranks (2 vs 1)
    """
    return f'Cannot index for "{op}": x has {fmt_shape(x)}, {arg} has {fmt_shape(ix)}; need {need}'
