"""Elementwise primitives: arithmetic, comparisons, ``where`` and maths functions.

Each primitive is its forward (a numpy function) and its VJP side by side. Binary ops
broadcast like numpy; their VJPs return output-shaped gradients and the tape sums them back
to each input's shape (``typedflux.engine.tape.unbroadcast``).

>>> import typedflux as tf
>>> x = tf.tensor([1.0, 4.0])
>>> tf.sqrt(x) + tf.maximum(x, 2.0)
Tensor[2] float32
[3. 6.]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, List, Optional, Tuple

import numpy as np
from typing_extensions import Unpack

from typedflux.dtypes import not_for_bools
from typedflux.engine.operands import int_fits
from typedflux.engine.tape import RUNNING, needed
from typedflux.ops.examples import grid, normal, positive, rng, separated, unary
from typedflux.ops.registry import Primitive, primitive
from typedflux.tensor import Tensor, TensorLike

__all__ = ["maximum", "minimum", "where", "exp", "log", "sqrt", "abs", "sin", "cos", "clamp"]

AnyTensor = Tensor[Unpack[Tuple[Any, ...]]]
_builtin_abs = abs


# Whether an input takes a gradient, as the backward scan tells a two-input elementwise VJP
# on an exact node (Tape.backward_ids); None: not told (ask needed()).
Need = Optional[bool]


def _skip(v: Any, k: int, need: Need = None) -> bool:
    # No gradient flows to a Python number or to an input off the tape: skip computing one.
    if need is not None:
        return not need
    return not isinstance(v, np.ndarray) or not needed(k)


# -- arithmetic ------------------------------------------------------------------------------
p_add: Primitive = primitive("add")(np.add)
p_add.examples(grid)


@p_add.vjp
def _add_vjp(g: Any, out: Any, x: Any, y: Any, nx: Need = None,
             ny: Need = None) -> Tuple[Any, ...]:
    return g, g


def _sub_forward(x: Any, y: Any) -> Any:
    try:
        return np.subtract(x, y)
    except TypeError:  # numpy refuses bools, and its words suggest ^, which Tensor lacks
        raise not_for_bools("sub", x, y) from None


p_sub: Primitive = primitive("sub")(_sub_forward)
p_sub.examples(grid)


@p_sub.vjp
def _sub_vjp(g: Any, out: Any, x: Any, y: Any, nx: Need = None,
             ny: Need = None) -> Tuple[Any, ...]:
    return g, -g


p_mul: Primitive = primitive("mul")(np.multiply)
p_mul.examples(grid)


@p_mul.vjp
def _mul_vjp(g: Any, out: Any, x: Any, y: Any, nx: Need = None,
             ny: Need = None) -> Tuple[Any, ...]:
    if nx is not None:  # an exact node: the scan says which inputs take gradients
        return (g * y if nx else None), (g * x if ny else None)
    ids = RUNNING.box[0]  # needed(k), inlined
    if ids:
        return (g * y if ids[0] >= 0 else None), (g * x if ids[1] >= 0 else None)
    return (None if _skip(x, 0) else g * y), (None if _skip(y, 1) else g * x)


p_div: Primitive = primitive("div")(np.true_divide)
p_div.examples(lambda: grid(normal, positive))


@p_div.vjp
def _div_vjp(g: Any, out: Any, x: Any, y: Any, nx: Need = None,
             ny: Need = None) -> Tuple[Any, ...]:
    gx = g / y
    return gx, None if _skip(y, 1, ny) else -gx * out


def _pow_forward(x: Any, y: Any) -> Any:
    try:
        return np.power(x, y)
    except ValueError:  # numpy refuses integers to negative integer powers
        raise ValueError(
            '"pow": an integer tensor to a negative integer power is not defined; '
            "make the base float first (x * 1.0)"
        ) from None


p_pow: Primitive = primitive("pow")(_pow_forward)
p_pow.examples(lambda: grid(positive, normal))


@p_pow.vjp
def _pow_vjp(g: Any, out: Any, x: Any, y: Any, nx: Need = None,
             ny: Need = None) -> Tuple[Any, ...]:
    gx = None
    if not _skip(x, 0, nx):
        with np.errstate(divide="ignore", invalid="ignore"):
            gx = g * y * np.power(x, y - 1)
        # (An array exponent is not read for zeros, which tf.compile could not record: the
        # np.where leaves the other entries as they are.)
        if isinstance(y, np.ndarray) or not np.all(y):
            # x ** 0 is the constant 1, so its slope is 0, also at x = 0 where the formula
            # gives 0 * 0**-1 = nan (PyTorch's convention too).
            gx = np.where(np.equal(y, 0), np.zeros((), np.result_type(gx)), gx)
    gy = None
    if not _skip(y, 1, ny):
        # d(x**y)/dy = x**y * log(x), taken as 0 where x <= 0 (real powers of non-positive
        # bases are integer powers, whose exponent has no derivative).
        with np.errstate(divide="ignore", invalid="ignore"):
            logx = np.where(np.greater(x, 0), np.log(np.where(np.greater(x, 0), x, 1)), 0)
        gy = g * out * logx
    return gx, gy


def _neg_forward(x: Any) -> Any:
    try:
        return np.negative(x)
    except TypeError:  # a bool tensor (see _sub_forward)
        raise not_for_bools("neg", x) from None


p_neg: Primitive = primitive("neg")(_neg_forward)
p_neg.examples(unary)


@p_neg.vjp
def _neg_vjp(g: Any, out: Any, x: Any) -> Tuple[Any, ...]:
    return (-g,)


def _split_ties(g: Any, win: Any, tie: Any) -> Any:
    # Ties share the gradient evenly (half each), so maximum(x, x) has gradient 1 in total.
    return g * (win + tie * np.asarray(0.5, dtype=np.result_type(g)))


p_maximum: Primitive = primitive("maximum")(np.maximum)
p_maximum.examples(grid)


@p_maximum.vjp
def _maximum_vjp(g: Any, out: Any, x: Any, y: Any, nx: Need = None,
                 ny: Need = None) -> Tuple[Any, ...]:
    tie = np.equal(x, y)
    return _split_ties(g, np.greater(x, y), tie), _split_ties(g, np.less(x, y), tie)


p_minimum: Primitive = primitive("minimum")(np.minimum)
p_minimum.examples(grid)


@p_minimum.vjp
def _minimum_vjp(g: Any, out: Any, x: Any, y: Any, nx: Need = None,
                 ny: Need = None) -> Tuple[Any, ...]:
    tie = np.equal(x, y)
    return _split_ties(g, np.less(x, y), tie), _split_ties(g, np.greater(x, y), tie)


# -- comparisons (no gradient) ------------------------------------------------------------------
p_eq: Primitive = primitive("eq")(np.equal)
p_eq.examples(grid)
p_ne: Primitive = primitive("ne")(np.not_equal)
p_ne.examples(grid)
p_lt: Primitive = primitive("lt")(np.less)
p_lt.examples(grid)
p_le: Primitive = primitive("le")(np.less_equal)
p_le.examples(grid)
p_gt: Primitive = primitive("gt")(np.greater)
p_gt.examples(grid)
p_ge: Primitive = primitive("ge")(np.greater_equal)
p_ge.examples(grid)


# -- where -------------------------------------------------------------------------------------
def _where_forward(cond: Any, x: Any, y: Any) -> Any:
    # np.where wraps a Python int around to the other branch's integer dtype (300 -> 44).
    int_fits(y, x, "where", "y")
    int_fits(x, y, "where", "x")
    return np.where(cond, x, y)


p_where: Primitive = primitive("where")(_where_forward)


@p_where.vjp
def _where_vjp(g: Any, out: Any, cond: Any, x: Any, y: Any) -> Tuple[Any, ...]:
    gx = None if _skip(x, 1) else np.where(cond, g, 0)
    gy = None if _skip(y, 2) else np.where(cond, 0, g)
    return None, gx, gy  # nothing flows to cond


@p_where.examples
def _where_examples() -> List[Tuple[Any, ...]]:
    r = rng()
    return [
        (r.random((3, 2)) > 0.5, normal((3, 2), r), normal((2,), r)),
        (r.random((2,)) > 0.5, normal((), r), normal((3, 2), r)),
        (np.array([True, False]), normal((3, 1), r), 0.0),
    ]


# -- maths -------------------------------------------------------------------------------------
p_exp: Primitive = primitive("exp")(np.exp)
p_exp.examples(unary)


@p_exp.vjp
def _exp_vjp(g: Any, out: Any, x: Any) -> Tuple[Any, ...]:
    return (g * out,)


p_log: Primitive = primitive("log")(np.log)
p_log.examples(lambda: unary(positive))


@p_log.vjp
def _log_vjp(g: Any, out: Any, x: Any) -> Tuple[Any, ...]:
    return (g / x,)


p_sqrt: Primitive = primitive("sqrt")(np.sqrt)
p_sqrt.examples(lambda: unary(positive))


@p_sqrt.vjp
def _sqrt_vjp(g: Any, out: Any, x: Any) -> Tuple[Any, ...]:
    return (g / (out + out),)


p_abs: Primitive = primitive("abs")(np.absolute)
p_abs.examples(lambda: unary(separated))


@p_abs.vjp
def _abs_vjp(g: Any, out: Any, x: Any) -> Tuple[Any, ...]:
    return (g * np.sign(x),)  # 0 at 0: the subgradient in the middle


def _rng() -> Any:
    return np.random.default_rng(1234)


p_sin: Primitive = primitive("sin")(np.sin)


@p_sin.vjp
def _sin_vjp(g: Any, out: Any, x: Any) -> Tuple[Any, ...]:
    return (g * np.cos(x),)


@p_sin.examples
def _sin_examples() -> List[Tuple[Any, ...]]:
    r = _rng()
    return [(r.standard_normal(s),) for s in [(), (3,), (3, 2), (2, 3, 4)]]


p_cos: Primitive = primitive("cos")(np.cos)
p_cos.examples(_sin_examples)


@p_cos.vjp
def _cos_vjp(g: Any, out: Any, x: Any) -> Tuple[Any, ...]:
    return (-(g * np.sin(x)),)


def _clamp_forward(x: Any, min: Any, max: Any) -> Any:  # noqa: A002  (torch's names)
    if min is None and max is None:
        raise ValueError('"clamp" needs at least one bound: min or max (both are None)')
    for name, v in (("min", min), ("max", max)):
        if v is None or (isinstance(v, (int, float, np.number)) and not isinstance(v, bool)):
            continue
        raise TypeError(
            f'"clamp" needs a number or None for {name}, got {type(v).__name__} '
            "(for tensor bounds use tf.maximum / tf.minimum)"
        )
    return np.clip(x, min, max)


p_clamp: Primitive = primitive("clamp")(_clamp_forward)


@p_clamp.vjp
def _clamp_vjp(g: Any, out: Any, x: Any, min: Any, max: Any) -> Tuple[Any, ...]:  # noqa: A002
    # The gradient passes where the bounds hold, ends included (as torch.clamp's).
    inside = np.ones_like(x, dtype=bool, order="C")
    if min is not None:
        inside &= np.greater_equal(x, min)
    if max is not None:
        inside &= np.less_equal(x, max)
    return (np.where(inside, g, 0),)


@p_clamp.examples
def _clamp_examples() -> List[Tuple[Any, ...]]:
    # Values at least 0.2 away from the bounds: finite differences never cross a kink.
    x = np.array([[-1.3, -0.2, 0.3], [0.9, 2.1, -0.7]])
    return [(x, -0.5, 0.5), (x, None, 0.5), (x, -0.5, None), (x[0], 0, 10)]


# -- public functions ----------------------------------------------------------------------------
def maximum(x: TensorLike, y: TensorLike) -> AnyTensor:
    """``maximum(Tensor[*X], Tensor[*Y]) -> Tensor[broadcast(X, Y)]``: elementwise maximum.
    Where ``x == y`` the gradient is split evenly between them.

    >>> import typedflux as tf
    >>> tf.maximum(tf.tensor([1.0, 5.0]), 3.0)
    Tensor[2] float32
    [3. 5.]
    """
    return p_maximum.invoke(x, y)


def minimum(x: TensorLike, y: TensorLike) -> AnyTensor:
    """``minimum(Tensor[*X], Tensor[*Y]) -> Tensor[broadcast(X, Y)]``: elementwise minimum.
    Where ``x == y`` the gradient is split evenly between them.

    >>> import typedflux as tf
    >>> tf.minimum(tf.tensor([1.0, 5.0]), 3.0)
    Tensor[2] float32
    [1. 3.]
    """
    return p_minimum.invoke(x, y)


def where(cond: TensorLike, x: TensorLike, y: TensorLike) -> AnyTensor:
    """``where(cond, x, y)``: ``x`` where ``cond`` holds, else ``y`` (all three broadcast).
    No gradient flows to ``cond``.

    >>> import typedflux as tf
    >>> x = tf.tensor([-1.0, 2.0])
    >>> tf.where(x > 0, x, 0.0)
    Tensor[2] float32
    [0. 2.]
    """
    return p_where.invoke(cond, x, y)


def exp(x: TensorLike) -> AnyTensor:
    """``exp(Tensor[*X]) -> Tensor[*X]``: elementwise ``e**x``.

    >>> import typedflux as tf
    >>> tf.exp(tf.zeros(2))
    Tensor[2] float32
    [1. 1.]
    """
    return p_exp.invoke(x)


def log(x: TensorLike) -> AnyTensor:
    """``log(Tensor[*X]) -> Tensor[*X]``: elementwise natural logarithm.

    >>> import typedflux as tf
    >>> tf.log(tf.ones(2))
    Tensor[2] float32
    [0. 0.]
    """
    return p_log.invoke(x)


def sqrt(x: TensorLike) -> AnyTensor:
    """``sqrt(Tensor[*X]) -> Tensor[*X]``: elementwise square root.

    >>> import typedflux as tf
    >>> tf.sqrt(tf.tensor([4.0, 9.0]))
    Tensor[2] float32
    [2. 3.]
    """
    return p_sqrt.invoke(x)


def abs(x: TensorLike) -> AnyTensor:  # noqa: A001  (Flux's name; shadows the builtin here)
    """``abs(Tensor[*X]) -> Tensor[*X]``: elementwise absolute value (gradient 0 at 0).

    >>> import typedflux as tf
    >>> tf.abs(tf.tensor([-2.0, 3.0]))
    Tensor[2] float32
    [2. 3.]
    """
    return p_abs.invoke(x)


def sin(x: TensorLike) -> AnyTensor:
    """``sin(Tensor[*X]) -> Tensor[*X]``: elementwise sine (radians).

    >>> import typedflux as tf
    >>> tf.sin(tf.zeros(2))
    Tensor[2] float32
    [0. 0.]
    """
    return p_sin.invoke(x)


def cos(x: TensorLike) -> AnyTensor:
    """``cos(Tensor[*X]) -> Tensor[*X]``: elementwise cosine (radians).

    >>> import typedflux as tf
    >>> tf.cos(tf.zeros(2))
    Tensor[2] float32
    [1. 1.]
    """
    return p_cos.invoke(x)


def clamp(
    x: TensorLike, min: Optional[float] = None, max: Optional[float] = None  # noqa: A002
) -> AnyTensor:
    """``clamp(Tensor[*X], min=None, max=None) -> Tensor[*X]``: each element limited to
    ``[min, max]`` (torch's ``clamp``, numpy's ``clip``; at least one bound is needed).
    The gradient is 1 where ``min <= x <= max`` (ends included, as in torch) and 0 outside.

    >>> import typedflux as tf
    >>> tf.clamp(tf.tensor([-2.0, 0.5, 3.0]), min=0.0, max=1.0)
    Tensor[3] float32
    [0.  0.5 1. ]
    """
    return p_clamp.invoke(x, min, max)


# The unary functions above as their primitives' entry points themselves (Primitive.public: a
# Python frame less per call, the same name, docstring and signature); mypy reads the defs.
if not TYPE_CHECKING:
    exp, log, sqrt, abs, sin, cos = (  # noqa: A001
        p.public(f) for p, f in ((p_exp, exp), (p_log, log), (p_sqrt, sqrt), (p_abs, abs),
                                 (p_sin, sin), (p_cos, cos)))
