"""A function or layer passed for a `Callable` parameter whose dims are the callee's own type
variables (`f: Callable[[Tensor[B, I]], Tensor[B, O]]`, pyright's TypeVarTuple samples'
`Callable[[Tensor[*Shape]], Tensor[*Shape]]`). The call's tensor arguments bind them (`I = 4`
from `x`), the callable's type takes the bound sizes, and what is passed is checked against
them: a fit is silent (mypy infers `O` from it), a provable difference is a `[shape]` error
naming the part and axis, never mypy's `[arg-type]` in `Literal` words. A passed function's
annotations are read only by the checker (static only); a layer is checked at run time too.
"""

from typing import Callable, Literal, TypeVar

from typing_extensions import TypeVarTuple, Unpack, reveal_type

import typedflux as tf
from typedflux import Dense, Tensor, relu

B = TypeVar("B", bound=int)
I = TypeVar("I", bound=int)
O = TypeVar("O", bound=int)
N = TypeVar("N", bound=int)
Shape = TypeVarTuple("Shape")


@tf.shapecheck
def apply(f: Callable[[Tensor[B, I]], Tensor[B, O]], x: Tensor[B, I]) -> Tensor[B, O]:
    return f(x)


@tf.shapecheck
def keep(
    f: Callable[[Tensor[Unpack[Shape]]], Tensor[Unpack[Shape]]], x: Tensor[Unpack[Shape]]
) -> Tensor[Unpack[Shape]]:
    return f(x)


def double(x: Tensor[B, I]) -> Tensor[B, I]:
    return x * 2


def widen(x: Tensor[B, Literal[4]]) -> Tensor[B, Literal[8]]:
    return tf.cat(x, x, axis=1)


x4, x5 = tf.randn(3, 4), tf.randn(3, 5)

# Concrete: the fits are silent and typed by what is passed.
reveal_type(apply(Dense(4, 6), x4))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[6]]"
reveal_type(apply(widen, x4))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[8]]"
reveal_type(apply(double, x4))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[4]]"
reveal_type(keep(double, x4))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[4]]"
reveal_type(keep(Dense(4, 4), x4))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[4]]"
keep(relu, x4)
keep(lambda t: t + 1, x4)
Dense(8, 1)(apply(widen, x4))
Dense(6, 1)(apply(Dense(4, 6), x4))

# Concrete: the input the annotation gives (x's width) is not what is passed takes, or what
# is passed gives another shape than the annotation asks back.
lambda: apply(widen, x5)  # E: Argument "f" of "apply" is a function whose parameter 1 shape Tensor[B, 4] does not match the annotation Tensor[3, 5]: axis 1 is 4, expected 5  [shape]
apply(Dense(4, 6), x5)  # E: Argument "f" of "apply" cannot take the input its annotation gives: Dense(4 => 6) expects input Tensor[..., 4], got Tensor[3, 5]; need size 4 at axis -1 (got 5)  [shape]
lambda: keep(widen, x4)  # E: Argument "f" of "keep" is a function whose return shape Tensor[B, 8] does not match the annotation Tensor[3, 4]: axis 1 is 8, expected 4  [shape]
keep(Dense(4, 6), x4)  # E: Argument "f" of "keep" is Dense(4 => 6), whose output Tensor[3, 6] for Tensor[3, 4] does not match the annotation Tensor[3, 4]: axis 1 is 6, expected 4  [shape]
Dense(6, 1)(apply(widen, x4))  # E: Dense(6 => 1) expects input Tensor[..., 6], got Tensor[3, 8]; need size 6 at axis -1 (got 8)  [shape]


# Symbolic: the caller's own dims bound the same way.
def widened(x: Tensor[N, Literal[4]]) -> Tensor[N, Literal[8]]:
    return apply(widen, x)


def doubled(x: Tensor[N, I]) -> Tensor[N, I]:
    return keep(double, apply(double, x))


def projected(x: Tensor[N, Literal[4]]) -> Tensor[N, Literal[6]]:
    return apply(Dense(4, 6), x)


def widened_wrong(x: Tensor[N, Literal[5]]) -> Tensor[N, Literal[8]]:
    return apply(widen, x)  # E: Argument "f" of "apply" is a function whose parameter 1 shape Tensor[B, 4] does not match the annotation Tensor[N, 5]: axis 1 is 4, expected 5  [shape]


def projected_wrong(x: Tensor[N, Literal[5]]) -> Tensor[N, Literal[6]]:
    return apply(Dense(4, 6), x)  # E: Argument "f" of "apply" cannot take the input its annotation gives: Dense(4 => 6) expects input Tensor[..., 4], got Tensor[N, 5]; need size 4 at axis -1 (got 5)  [shape]


def kept_wrong(x: Tensor[N, Literal[4]]) -> Tensor[N, Literal[4]]:
    return keep(Dense(4, 6), x)  # E: Argument "f" of "keep" is Dense(4 => 6), whose output Tensor[N, 6] for Tensor[N, 4] does not match the annotation Tensor[N, 4]: axis 1 is 6, expected 4  [shape]


widened(x4), doubled(x5), projected(x4)
widened_wrong(x5)
projected_wrong(x5)
kept_wrong(x4)
