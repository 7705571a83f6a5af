"""Messages of annotation boundaries (a return, an assignment, a yield, an argument,
an overload) and of symbolic dims bound twice in one call. Form: ``<Return|Assigned|Yielded>
shape <got> does not match the annotation <annotated>: axis 1 is 700, expected 784`` (or
``rank is 2, expected 3``).

>>> print(return_mismatch((16, 784), (16, 700), 1))
Return shape Tensor[16, 700] does not match the annotation Tensor[16, 784]: axis 1 is 700, expected 784
"""

from __future__ import annotations

from typing import Optional, Sequence

from typedflux.shapes.dims import Dim, Star
from typedflux.shapes.dropped_run import DroppedRun
from typedflux.shapes.messages.shape_text import fmt_dim, fmt_dims, fmt_shape

__all__ = [
    "return_mismatch",
    "assignment_mismatch",
    "reassignment_mismatch",
    "yield_mismatch",
    "default_mismatch",
    "argument_mismatch",
    "overload_mismatch",
    "overload_failure",
    "overload_conflict",
    "binding_conflict",
    "type_argument_mismatch",
    "generic_boundary_mismatch",
    "union_argument_mismatch",
]


def _boundary_detail(
    annotated: Sequence[object], got: Sequence[object], axis: Optional[int],
    expected: Optional[object] = None, run_length: Optional[int] = None,
    run_at: Optional[int] = None, run_sizes: Optional[Sequence[object]] = None,
) -> str:
    """What differs at a boundary: ``axis 1 is 700, expected 784``, ``rank is 2, expected 3``,
    ``*Shape starts at axis 1, expected at axis 0`` or ``*Bs is (3, 4), expected (2, 3)``.

    ``axis`` counts in ``got``; ``None`` means the ranks differ, or, for two shapes of one
    rank around the same ``*Bs``, that the run sits elsewhere. ``expected`` overrides the
    annotation's dim at that axis (the size a bound symbol stands for at run time);
    ``run_length`` is the length the annotation's ``*Bs`` is bound to (run time), so a rank
    reads as the checker's ``len(*Bs) + 1``; ``run_at`` is the axis where the run time found
    the sizes bound to ``*Bs`` in ``got`` (the checker reads it off ``got``'s own ``*Bs``);
    ``run_sizes`` what ``*Bs`` stands for (the sizes the arguments bound; ``(*Bs)`` to the
    checker) when ``got`` has the rank but other sizes where the run sits.
    """
    stars = [i for i, d in enumerate(annotated) if isinstance(d, Star)]
    if run_sizes is not None and stars:
        # The part of ``got`` where the annotation's run sits, against what the run is.
        part = got[stars[0]:len(got) - (len(annotated) - stars[0] - 1)]
        return f"{annotated[stars[0]]} is {fmt_dims(part)}, expected {fmt_dims(run_sizes)}"
    dropped = next((d for d in got if isinstance(d, DroppedRun)), None)
    if axis is None and dropped is not None:
        # ``*Rs[1:]`` is one item short of ``*Rs``: ``len(*Rs) - 1`` plus the other dims.
        got_rank = _run_rank(dropped.name, len(got) - 2)
        want = (_run_rank(dropped.name, len(annotated) - 1) if stars else str(len(annotated)))
        return f"rank is {got_rank}, expected {want}"
    if axis is None and run_at is not None and stars:
        return _run_elsewhere(annotated[stars[0]], run_at, stars[0])
    if axis is None:
        run = _shared_run(annotated, got)
        if run is not None and len(got) == len(annotated):
            # Same rank, the run moved: ``Tensor[B, *Shape]`` for ``Tensor[*Shape, B]``.
            at = next(i for i, d in enumerate(got) if isinstance(d, Star))
            return _run_elsewhere(annotated[stars[0]], at, stars[0])
        if run is not None:  # one rigid *Bs in both: the ranks differ by the dims around it
            return f"rank is {_run_rank(run, len(got) - 1)}, expected {_run_rank(run, len(annotated) - 1)}"
        name = next((d.name for d in annotated if isinstance(d, Star)), None)
        if run_length is not None and name is not None:
            got_rank = _run_rank(name, len(got) - run_length)
            return f"rank is {got_rank}, expected {_run_rank(name, len(annotated) - 1)}"
        if stars:
            need = len(annotated) - 1
            unit = "dimension" if need == 1 else "dimensions"
            return f"rank is {len(got)}, expected at least {need} {unit}"
        return f"rank is {len(got)}, expected {len(annotated)}"
    if expected is None:
        # Past a star the annotation's index counts from the end.
        p_axis = axis - len(got) + len(annotated) if stars and axis > stars[0] else axis
        expected = annotated[p_axis]
    return f"axis {axis} is {fmt_dim(got[axis])}, expected {fmt_dim(expected)}"


def _shared_run(annotated: Sequence[object], got: Sequence[object]) -> Optional[str]:
    """The name of a variadic run both shapes hold (``*Bs``), else None."""
    names = [{d.name for d in shape if isinstance(d, Star)} for shape in (annotated, got)]
    both = names[0] & names[1]
    return next((n for n in both if n is not None), None)


def _run_elsewhere(star: object, at: int, want: int) -> str:
    """``*Shape starts at axis 1, expected at axis 0``: a variadic run in another place."""
    return f"{star} starts at axis {at}, expected at axis {want}"


def _run_rank(run: str, more: int) -> str:
    """``len(*Bs) + 1``: a rank counted around a variadic run."""
    if more == 0:
        return f"len(*{run})"
    return f"len(*{run}) + {more}" if more > 0 else f"len(*{run}) - {-more}"


def _does_not_match(annotated: Sequence[object], got: Sequence[object], axis: Optional[int],
                    expected: Optional[object], run_length: Optional[int] = None,
                    run_at: Optional[int] = None,
                    run_sizes: Optional[Sequence[object]] = None) -> str:
    return (
        f"does not match the annotation {fmt_shape(annotated)}: "
        f"{_boundary_detail(annotated, got, axis, expected, run_length, run_at, run_sizes)}"
    )


def return_mismatch(
    annotated: Sequence[object],
    got: Sequence[object],
    axis: Optional[int] = None,
    part: Optional[str] = None,
    expected: Optional[object] = None,
    run_length: Optional[int] = None,
    run_at: Optional[int] = None,
    run_sizes: Optional[Sequence[object]] = None,
) -> str:
    """A returned tensor whose shape is not its function's return annotation.

    ``axis`` is the differing axis (``None`` when the ranks differ, or the ``*Bs`` run sits
    elsewhere); ``part`` the place in a returned container (``"tuple item 0"``); ``expected``
    the size a bound symbol stands for (run time); ``run_length`` the length its ``*Bs`` is
    bound to and ``run_at`` the axis its sizes were found at in ``got`` (run time);
    ``run_sizes`` what that ``*Bs`` is, when ``got`` has other sizes where it sits.

    >>> from typedflux.shapes.dims import sym
    >>> B, C, H, W = sym("B"), sym("C"), sym("H"), sym("W")
    >>> print(return_mismatch((B, H * W), (B, C * H * W), 1))
    Return shape Tensor[B, C*H*W] does not match the annotation Tensor[B, H*W]: axis 1 is C*H*W, expected H*W
    >>> print(return_mismatch((B, 32, 1), (B, 32), part="tuple item 0"))
    Return shape Tensor[B, 32] (tuple item 0) does not match the annotation Tensor[B, 32, 1]: rank is 2, expected 3
    >>> print(return_mismatch((Star("Bs"),), (Star("Bs"), 1)))
    Return shape Tensor[*Bs, 1] does not match the annotation Tensor[*Bs]: rank is len(*Bs) + 1, expected len(*Bs)
    >>> print(return_mismatch((Star("Bs"),), (5, 7, 1), run_length=2))
    Return shape Tensor[5, 7, 1] does not match the annotation Tensor[*Bs]: rank is len(*Bs) + 1, expected len(*Bs)
    >>> print(return_mismatch((Star("Shape"), B), (B, Star("Shape"))))
    Return shape Tensor[B, *Shape] does not match the annotation Tensor[*Shape, B]: *Shape starts at axis 1, expected at axis 0
    >>> print(return_mismatch((Star("Shape"), B), (4, 3, 2), run_at=1))
    Return shape Tensor[4, 3, 2] does not match the annotation Tensor[*Shape, B]: *Shape starts at axis 1, expected at axis 0
    >>> print(return_mismatch((Star("Bs"),), (3, 4), run_sizes=(2, 3)))
    Return shape Tensor[3, 4] does not match the annotation Tensor[*Bs]: *Bs is (3, 4), expected (2, 3)
    >>> from typedflux.shapes.dropped_run import DroppedRun
    >>> print(return_mismatch((Star("Bs"),), (DroppedRun("Bs", True), 4), run_sizes=(Star("Bs"),)))
    Return shape Tensor[*Bs[1:], 4] does not match the annotation Tensor[*Bs]: *Bs is (*Bs[1:], 4), expected (*Bs)
    >>> print(return_mismatch((B, C), (B, DroppedRun("Rs", True), C)))
    Return shape Tensor[B, *Rs[1:], C] does not match the annotation Tensor[B, C]: rank is len(*Rs) + 1, expected 2
    """
    where = f" ({part})" if part else ""
    return f"Return shape {fmt_shape(got)}{where} " + _does_not_match(
        annotated, got, axis, expected, run_length, run_at, run_sizes)


def assignment_mismatch(
    target: str,
    annotated: Sequence[object],
    got: Sequence[object],
    axis: Optional[int] = None,
    part: Optional[str] = None,
    run_sizes: Optional[Sequence[object]] = None,
) -> str:
    """A tensor assigned to a variable or attribute declared with another shape; ``part`` is
    its place in an assigned container (``"list item 0"``), ``run_sizes`` as for
    :func:`return_mismatch`.

    >>> print(assignment_mismatch("h", (32, 64), (32, 10), 1))
    Assigned shape Tensor[32, 10] does not match the annotation Tensor[32, 64] of "h": axis 1 is 10, expected 64
    >>> print(assignment_mismatch("xs", (3, 4), (3, 5), 1, "list item 0"))
    Assigned shape Tensor[3, 5] (list item 0) does not match the annotation Tensor[3, 4] of "xs": axis 1 is 5, expected 4
    """
    where = f" ({part})" if part else ""
    return (
        f"Assigned shape {fmt_shape(got)}{where} does not match the annotation "
        f'{fmt_shape(annotated)} of "{target}": '
        f"{_boundary_detail(annotated, got, axis, run_sizes=run_sizes)}"
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
    run_length: Optional[int] = None,
    run_at: Optional[int] = None,
    run_sizes: Optional[Sequence[object]] = None,
) -> str:
    """A yielded tensor whose shape is not the generator's item annotation (``part`` and the
    rest as for :func:`return_mismatch`).

    >>> print(yield_mismatch((16, 784), (16, 700), 1))
    Yielded shape Tensor[16, 700] does not match the annotation Tensor[16, 784]: axis 1 is 700, expected 784
    """
    where = f" ({part})" if part else ""
    return f"Yielded shape {fmt_shape(got)}{where} " + _does_not_match(
        annotated, got, axis, expected, run_length, run_at, run_sizes)


def default_mismatch(
    function: str,
    param: str,
    annotated: Sequence[object],
    got: Sequence[object],
    axis: Optional[int] = None,
    part: Optional[str] = None,
) -> str:
    """A parameter's default whose shape is not the parameter's annotation (static only:
    ``@tf.shapecheck`` checks the arguments a call passes, not the defaults it leaves).

    >>> print(default_mismatch("scale", "x", (2, 4), (2, 5), 1))
    Default shape Tensor[2, 5] of parameter "x" of "scale" does not match the annotation Tensor[2, 4]: axis 1 is 5, expected 4
    """
    where = f" ({part})" if part else ""
    return (
        f'Default shape {fmt_shape(got)}{where} of parameter "{param}" of "{function}" '
        + _does_not_match(annotated, got, axis, None)
    )


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


def union_argument_mismatch(
    function: str,
    param: str,
    members: Sequence[Sequence[object]],
    got: Sequence[object],
    reasons: Sequence[str],
) -> str:
    """An argument whose shape fits no tensor member of its parameter's union annotation
    (``Union[Tensor[B, 32], Tensor[B, T, 32]]``); ``reasons`` says, for each member in
    order, why (the detail of :func:`overload_failure`, or a dim bound to two sizes).

    >>> from typedflux.shapes.dims import sym
    >>> B, T = sym("B"), sym("T")
    >>> print(union_argument_mismatch("readout", "h", [(B, 32), (B, T, 32)], (2, 5, 50),
    ...       ["rank is 3, expected 2", "axis 2 is 50, expected 32"]))
    Argument "h" of "readout" has shape Tensor[2, 5, 50], which matches no member of the annotation Tensor[B, 32] | Tensor[B, T, 32]: Tensor[B, 32] (rank is 3, expected 2); Tensor[B, T, 32] (axis 2 is 50, expected 32)
    """
    union = " | ".join(fmt_shape(m) for m in members)
    why = "; ".join(f"{fmt_shape(m)} ({r})" for m, r in zip(members, reasons))
    return (f'Argument "{param}" of "{function}" has shape {fmt_shape(got)}, which matches no '
            f"member of the annotation {union}: {why}")


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
    return f"{first_what} gives {dim} = {fmt_dim(first)}, {second_what} gives {dim} = {fmt_dim(second)}"


def binding_conflict(
    function: str, dim: str, first_what: str, first: object, second_what: str, second: object
) -> str:
    """A symbolic dim bound to two different sizes within one call.

    >>> print(binding_conflict("f", "B", 'argument "x"', 32, 'argument "y"', 16))
    Dim "B" differs for "f": argument "x" gives B = 32, argument "y" gives B = 16; need one size for B (32 vs 16)
    """
    a, b = fmt_dim(first), fmt_dim(second)
    return (
        f'Dim "{dim}" differs for "{function}": {first_what} gives {dim} = {a}, '
        f"{second_what} gives {dim} = {b}; need one size for {dim} ({a} vs {b})"
    )


def type_argument_mismatch(
    function: str, param: str, generic: str, annotated: Sequence[object], got: Sequence[object],
    index: int,
) -> str:
    """An argument of a user generic class over dims (``class Matrix(Generic[R, C])``) whose
    type arguments are not its parameter's (static only: the run time does not know a generic
    instance's type arguments; there the method's body fails, in its op's words).

    >>> print(type_argument_mismatch("scale", "m", "Matrix", (3, 4), (3, 5), 1))
    Argument "m" of "scale" has Matrix[3, 5], which does not match the annotation Matrix[3, 4]: type argument 1 is 5, expected 4
    """
    def text(dims: Sequence[object]) -> str:
        return f"{generic}[" + ", ".join(fmt_dim(d) for d in dims) + "]"

    return (
        f'Argument "{param}" of "{function}" has {text(got)}, which does not match the '
        f"annotation {text(annotated)}: type argument {index} is {fmt_dim(got[index])}, "
        f"expected {fmt_dim(annotated[index])}"
    )


def generic_boundary_mismatch(
    value: str, generic: str, annotated: Sequence[object], got: Sequence[object], index: int,
    target: Optional[str] = None, part: Optional[str] = None, axis: Optional[int] = None,
) -> str:
    """An instance of a user generic class returned, assigned or yielded (``value``:
    ``"Return value"``, ``"Assigned value"``, ``"Yielded value"``) against an annotation whose
    type argument ``index`` provably differs: a dim (``class Box(Generic[B])``), or a tensor
    (``Box[Tensor[B, 4]]``: a tuple of dims, with the ``axis`` that differs in it, ``None``
    for the rank); another type argument is given as its text. Static only: the run time
    does not know a generic instance's type arguments (Python erases them). ``target`` names
    an assignment's target, ``part`` the place in a container (``"tuple item 0"``).

    >>> from typedflux.shapes.dims import sym
    >>> B = sym("B")
    >>> print(generic_boundary_mismatch("Return value", "Box", (B,), (B - 1,), 0))
    Return value Box[B - 1] does not match the annotation Box[B]: type argument 0 is B - 1, expected B
    >>> print(generic_boundary_mismatch("Assigned value", "Box", ((2, 4),), ((2, 3),), 0, "b", axis=1))
    Assigned value Box[Tensor[2, 3]] does not match the annotation Box[Tensor[2, 4]] of "b": type argument 0 is Tensor[2, 3], expected Tensor[2, 4]: axis 1 is 3, expected 4
    """
    def one(a: object) -> str:
        if isinstance(a, tuple):
            return fmt_shape(a)
        return a if isinstance(a, str) else fmt_dim(a)

    def text(args: Sequence[object]) -> str:
        return f"{generic}[" + ", ".join(one(a) for a in args) + "]"

    where = f" ({part})" if part else ""
    of = f' of "{target}"' if target is not None else ""
    want, have = annotated[index], got[index]
    detail = f"type argument {index} is {one(have)}, expected {one(want)}"
    if isinstance(want, tuple) and isinstance(have, tuple):
        detail += ": " + _boundary_detail(want, have, axis)
    return f"{value} {text(got)}{where} does not match the annotation {text(annotated)}{of}: {detail}"
