"""Shape rules of reductions (``sum``, ``mean``, ``max``, ``min``, ``var``, ``std``: axis
None/int/tuple, keepdims), the index reductions ``argmax``/``argmin`` and the scan ``cumsum``.

>>> from typedflux.shapes.catalog import SPECS
>>> SPECS["sum"].rule(x=(2, 3, 4), axis=(0, -1), keepdims=False)
(3,)
"""

from __future__ import annotations

from typing import Callable, Dict, Optional, Tuple, Union

from typedflux.shapes import messages
from typedflux.shapes.catalog import Kind, a, spec
from typedflux.shapes.errors import CannotTell, ShapeError
from typedflux.shapes.shape import (
    Shape,
    all_int,
    axis_tuple,
    locate_axis,
    normalize_axes,
    star_index,
)

__all__ = [
    "reduce_shape",
    "sum_shape",
    "mean_shape",
    "max_shape",
    "min_shape",
    "var_shape",
    "std_shape",
    "argmax_shape",
    "argmin_shape",
    "cumsum_shape",
    "NUMPY_REDUCTIONS",
    "NUMPY_REFUSED",
    "NUMPY_OPERATORS",
    "NUMPY_UNARY",
    "numpy_refusal",
    "NUMPY_INSTEAD",
    "numpy_instead",
    "numpy_ufunc_refusal",
]

AxisArg = Union[None, int, Tuple[int, ...]]

# numpy's reductions a Tensor computes with its own method (``np.sum(x, axis=1)`` is
# ``x.sum(axis=1)``): (numpy's name, the method; np.amax/np.amin are numpy's older names).
# The run time's dispatch (typedflux/numpy_calls.py) and the plugin's types for these calls
# (mypy_plugin/callbacks/numpy_functions.py) read this one table.
NUMPY_REDUCTIONS: Tuple[Tuple[str, str], ...] = (
    ("sum", "sum"), ("mean", "mean"), ("max", "max"), ("amax", "max"), ("min", "min"),
    ("amin", "min"), ("var", "var"), ("std", "std"), ("argmax", "argmax"), ("argmin", "argmin"),
)
# numpy arguments the methods have no counterpart for (refused by name when not None).
NUMPY_REFUSED: Tuple[str, ...] = ("dtype", "out", "initial", "where", "mean")
# numpy's ufuncs that are Python operators: on a Tensor they run the tensor's operator
# (``np.multiply(a, x)`` is ``x.__rmul__(a)``): (numpy's name, the method, its reflection).
# The run time's dispatch (typedflux/numpy_calls.py) and the plugin's types for these calls
# (mypy_plugin/callbacks/numpy_functions.py) read this one table.
NUMPY_OPERATORS: Tuple[Tuple[str, str, str], ...] = (
    ("add", "__add__", "__radd__"), ("subtract", "__sub__", "__rsub__"),
    ("multiply", "__mul__", "__rmul__"), ("true_divide", "__truediv__", "__rtruediv__"),
    ("divide", "__truediv__", "__rtruediv__"), ("power", "__pow__", "__rpow__"),
    ("matmul", "__matmul__", "__rmatmul__"), ("equal", "__eq__", "__eq__"),
    ("not_equal", "__ne__", "__ne__"), ("less", "__lt__", "__gt__"),
    ("less_equal", "__le__", "__ge__"), ("greater", "__gt__", "__lt__"),
    ("greater_equal", "__ge__", "__le__"),
)
NUMPY_UNARY: Tuple[Tuple[str, str], ...] = (
    ("negative", "__neg__"), ("positive", "__pos__"), ("absolute", "__abs__"),
)


def numpy_refusal(name: str, key: str, method: str) -> str:
    """How the run time refuses a numpy argument a Tensor's method has no counterpart for
    (``NUMPY_REFUSED``), and the plugin the same call.

    >>> print(numpy_refusal("mean", "dtype", "mean"))
    np.mean(): typedflux does not take dtype= on a Tensor; call x.mean(...) and convert the result, or np.mean(np.asarray(x), ...)
    """
    return (f"np.{name}(): typedflux does not take {key}= on a Tensor; call x.{method}(...) "
            f"and convert the result, or np.{name}(np.asarray(x), ...)")


# numpy's names whose typedflux function is spelled otherwise (else tf.<numpy's name>, when
# typedflux has it): what a refusal of a numpy function on a Tensor offers instead.
NUMPY_INSTEAD: Dict[str, str] = {
    "concatenate": "tf.concat", "absolute": "tf.abs", "fabs": "tf.abs", "clip": "tf.clamp",
    "amax": "tf.max", "amin": "tf.min", "square": "x ** 2", "reciprocal": "1 / x",
    "negative": "-x", "divide": "x / y", "true_divide": "x / y", "subtract": "x - y",
    "multiply": "x * y", "power": "x ** y", "expand_dims": "tf.unsqueeze",
    "dot": "x @ y", "inner": "tf.einsum", "outer": "tf.einsum", "tensordot": "tf.einsum",
    "moveaxis": "tf.rearrange or x.transpose", "broadcast_to": "tf.repeat or an operator",
    "vstack": "tf.concat", "hstack": "tf.concat", "flip": "x[::-1]-style indexing",
    "logaddexp": "tf.logsumexp", "exp2": "2 ** x", "log1p": "tf.log(1 + x)",
    "expm1": "tf.exp(x) - 1", "tan": "tf.sin(x) / tf.cos(x)",
}


def numpy_instead(name: str, typedflux_has: Callable[[str], bool]) -> Optional[str]:
    """typedflux's op for numpy's function ``name``, if it has one; ``typedflux_has(n)``:
    whether ``tf.<n>`` is a function (the run time asks the package, the plugin its stubs).

    >>> numpy_instead("exp", lambda n: n == "exp"), numpy_instead("square", lambda n: False)
    ('tf.exp', 'x ** 2')
    """
    if name in NUMPY_INSTEAD:
        return NUMPY_INSTEAD[name]
    return f"tf.{name}" if typedflux_has(name) else None


def numpy_ufunc_refusal(call: str, name: str, use: Optional[str]) -> str:
    """How a numpy ufunc that is no operator (``np.exp``) refuses a Tensor at run time (a
    ``TypeError``), and the plugin the same call: ``call`` as written (``exp``,
    ``add.reduce``), ``use`` typedflux's op for it (:func:`numpy_instead`).

    >>> print(numpy_ufunc_refusal("exp", "exp", "tf.exp"))
    np.exp() does not run on a Tensor (numpy's functions would leave the tape); use tf.exp, or np.exp(x.numpy()) for an array
    """
    return (f"np.{call}() does not run on a Tensor (numpy's functions would leave the tape); "
            + (f"use {use}, or " if use else f"typedflux has no {name}; use ")
            + f"np.{call}(x.numpy()) for an array")


def reduce_shape(
    x: Shape, axis: AxisArg, keepdims: bool, op: str = "sum", nonempty: bool = False
) -> Shape:
    """The shape after reducing ``axis`` (all axes when ``None``) of ``x``.

    ``nonempty`` marks reductions with no identity (max, min): reducing a size-0 axis fails.

    >>> reduce_shape((2, 3), None, True), reduce_shape((2, 3), 1, False), reduce_shape((2, 3), (), False)
    ((1, 1), (2,), (2, 3))
    >>> reduce_shape((2, 0), 1, False, "max", nonempty=True)
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Empty reduction for "max": x has Tensor[2, 0]; need a nonzero size at axis 1 (0)
    """
    if type(axis) is int and not nonempty and all_int(x):
        n = len(x)
        if -n <= axis < n:  # the common runtime case
            i = axis + n if axis < 0 else axis
            return x[:i] + (1,) + x[i + 1:] if keepdims else x[:i] + x[i + 1:]
    if axis is None:
        if star_index(x) is not None:
            if keepdims:
                raise CannotTell("keepdims over a shape of unknown rank")
            return ()
        if nonempty:
            for i, d in enumerate(x):
                if d == 0:
                    raise ShapeError(messages.empty_reduction(op, "x", x, i))
        return (1,) * len(x) if keepdims else ()
    idx = normalize_axes(x, axis_tuple(axis), op)
    if nonempty:
        for i in idx:
            if x[i] == 0:
                raise ShapeError(messages.empty_reduction(op, "x", x, i))
    if keepdims:
        return tuple(1 if i in idx else d for i, d in enumerate(x))
    return tuple(d for i, d in enumerate(x) if i not in idx)


_ARGS = (a("x", Kind.TENSOR, required=True), a("axis", Kind.AXIS, None),
         a("keepdims", Kind.BOOL, False))


@spec("sum", *_ARGS, functions=("sum",), methods=("sum",))
def sum_shape(x: Shape, axis: AxisArg = None, keepdims: bool = False) -> Shape:
    """``sum(x, axis, keepdims)``: drops (or keeps as 1) the reduced axes.

    >>> sum_shape((2, 3), axis=-1, keepdims=True)
    (2, 1)
    """
    return reduce_shape(x, axis, keepdims, "sum")


@spec("mean", *_ARGS, functions=("mean",), methods=("mean",), primitive=False)
def mean_shape(x: Shape, axis: AxisArg = None, keepdims: bool = False) -> Shape:
    """``mean(x, axis, keepdims)``: as ``sum``.

    >>> mean_shape((2, 3))
    ()
    """
    return reduce_shape(x, axis, keepdims, "mean")


@spec("max", *_ARGS, functions=("max",), methods=("max",))
def max_shape(x: Shape, axis: AxisArg = None, keepdims: bool = False) -> Shape:
    """``x.max(axis, keepdims)``: as ``sum``; reducing a size-0 axis is an error.

    >>> max_shape((2, 3), axis=0)
    (3,)
    """
    return reduce_shape(x, axis, keepdims, "max", nonempty=True)


@spec("min", *_ARGS, functions=("min",), methods=("min",))
def min_shape(x: Shape, axis: AxisArg = None, keepdims: bool = False) -> Shape:
    """``x.min(axis, keepdims)``: as ``max``.

    >>> min_shape((2, 3), axis=(0, 1), keepdims=True)
    (1, 1)
    """
    return reduce_shape(x, axis, keepdims, "min", nonempty=True)


# ``correction`` changes values, never the shape.
_VAR_ARGS = _ARGS + (a("correction", Kind.IGNORED, 1),)


@spec("var", *_VAR_ARGS, functions=("var",), methods=("var",))
def var_shape(x: Shape, axis: AxisArg = None, keepdims: bool = False) -> Shape:
    """``var(x, axis, keepdims, correction)``: as ``sum``.

    >>> var_shape((2, 3), axis=1)
    (2,)
    """
    return reduce_shape(x, axis, keepdims, "var")


@spec("std", *_VAR_ARGS, functions=("std",), methods=("std",), primitive=False)
def std_shape(x: Shape, axis: AxisArg = None, keepdims: bool = False) -> Shape:
    """``std(x, axis, keepdims, correction)``: as ``sum``.

    >>> std_shape((2, 3), axis=0, keepdims=True)
    (1, 3)
    """
    return reduce_shape(x, axis, keepdims, "std")


def _arg_reduce(x: Shape, axis: AxisArg, keepdims: bool, op: str) -> Shape:
    if isinstance(axis, (tuple, list)):
        raise CannotTell(f"{op} takes one axis (the function refuses a tuple)")
    return reduce_shape(x, axis, keepdims, op, nonempty=True)


_ARG_ARGS = (a("x", Kind.TENSOR, required=True), a("axis", Kind.AXIS, None),
             a("keepdims", Kind.BOOL, False))


@spec("argmax", *_ARG_ARGS, functions=("argmax",), methods=("argmax",), differentiable=False)
def argmax_shape(x: Shape, axis: AxisArg = None, keepdims: bool = False) -> Shape:
    """``argmax(x, axis=None, keepdims=False)``: int64 positions; one axis, or all (the
    position in the flattened tensor); an empty axis is an error.

    >>> argmax_shape((2, 3), axis=-1), argmax_shape((2, 3)), argmax_shape((2, 3), 0, True)
    ((2,), (), (1, 3))
    """
    return _arg_reduce(x, axis, keepdims, "argmax")


@spec("argmin", *_ARG_ARGS, functions=("argmin",), methods=("argmin",), differentiable=False)
def argmin_shape(x: Shape, axis: AxisArg = None, keepdims: bool = False) -> Shape:
    """``argmin(x, axis=None, keepdims=False)``: as ``argmax``.

    >>> argmin_shape((4, 0), axis=1)
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Empty reduction for "argmin": x has Tensor[4, 0]; need a nonzero size at axis 1 (0)
    """
    return _arg_reduce(x, axis, keepdims, "argmin")


@spec("cumsum", a("x", Kind.TENSOR, required=True), a("axis", Kind.INT, required=True),
      functions=("cumsum",), methods=("cumsum",))
def cumsum_shape(x: Shape, axis: int) -> Shape:
    """``cumsum(x, axis)``: running sums along ``axis``; the shape of ``x``.

    >>> cumsum_shape((2, 3), -1)
    (2, 3)
    >>> cumsum_shape((2, 3), 2)
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Axis out of range for "cumsum": x has Tensor[2, 3]; need -2 <= axis < 2 (axis 2)
    """
    locate_axis(x, axis, "cumsum")
    return x
