"""A function passed for a `Callable[[Tensor[...]], Tensor[...]]` parameter whose own
annotations ask for other sizes: a `[shape]` error naming the part (its return, a parameter)
and the axis, where mypy alone says `[arg-type]` about types. Static only: the run time cannot
read a passed function's annotations before calling it, so these lines run without a
ShapeError (the callee is never called with a mismatched function here).
"""

from typing import Callable, TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)


def apply(f: Callable[[Tensor[B, 4]], Tensor[B, 8]], x: Tensor[B, 4]) -> Tensor[B, 8]:
    return f(x)


def widen16(x: Tensor[B, 4]) -> Tensor[B, 16]:
    return tf.cat(x, x, x, x, axis=1)


def widen8(x: Tensor[B, 4]) -> Tensor[B, 8]:
    return tf.cat(x, x, axis=1)


def from5(x: Tensor[B, 5]) -> Tensor[B, 8]:
    return tf.cat(x, x[:, :3], axis=1)


def keeps_rank3(x: Tensor[B, 4]) -> Tensor[B, 8, 1]:
    return tf.cat(x, x, axis=1).reshape(x.shape[0], 8, 1)


def unsized(x: Tensor[B, int]) -> Tensor[B, int]:
    return x


x = tf.randn(2, 4)
wrong_width = lambda: apply(widen16, x)  # E: Argument "f" of "apply" is a function whose return shape Tensor[B, 16] does not match the annotation Tensor[B, 8]: axis 1 is 16, expected 8  [shape]
wrong_input = lambda: apply(from5, x)  # E: Argument "f" of "apply" is a function whose parameter 1 shape Tensor[B, 5] does not match the annotation Tensor[B, 4]: axis 1 is 5, expected 4  [shape]
wrong_rank = lambda: apply(keeps_rank3, x)  # E: Argument "f" of "apply" is a function whose return shape Tensor[B, 8, 1] does not match the annotation Tensor[B, 8]: rank is 3, expected 2  [shape]
fixed = apply(widen8, x)
unknown_sizes_pass = apply(unsized, x)
lambdas_pass = apply(lambda v: tf.cat(v, v, axis=1), x)
