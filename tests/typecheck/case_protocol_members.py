"""An object passed for a parameter typed with a ``Protocol`` whose methods annotate tensors:
its class's method of that name must annotate the same written sizes. mypy's own error was
`[arg-type]` with the two signatures in ``Literal`` words as notes; now a `[shape]` error
naming the member, the parameter or the result, and the axis, and ``@tf.shapecheck`` raises
the same words where the function is called (typedflux.shapes.protocol_members). Each
signature's symbols are its own: only written sizes and ranks are compared."""

from typing import Protocol, TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)


class Stepper(Protocol):
    def step(self, x: Tensor[B, 16]) -> Tensor[B, 16]: ...


class Narrow:
    def step(self, x: Tensor[B, 16]) -> Tensor[B, 8]:
        return x[:, :8]


class Wide:
    def step(self, x: Tensor[B, 32]) -> Tensor[B, 16]:
        return x[:, :16]


class Sequence3:
    def step(self, x: Tensor[B, T, 16]) -> Tensor[B, 16]:
        return x.mean(axis=1)


class Fine:
    def step(self, x: Tensor[T, 16]) -> Tensor[T, 16]:
        return x * 2


@tf.shapecheck
def run(p: Stepper, x: Tensor[B, 16]) -> Tensor[B, 16]:
    return p.step(x)


run(Fine(), tf.randn(2, 16))
run(Narrow(), tf.randn(2, 16))  # E: Argument "p" of "run" is Narrow, whose "step" returns Tensor[B, 8] where protocol "Stepper" returns Tensor[B, 16]: axis 1 is 8, expected 16  [shape]
run(Wide(), tf.randn(2, 16))  # E: Argument "p" of "run" is Wide, whose "step" takes Tensor[B, 32] for "x" where protocol "Stepper" takes Tensor[B, 16]: axis 1 is 32, expected 16  [shape]
run(Sequence3(), tf.randn(2, 16))  # E: Argument "p" of "run" is Sequence3, whose "step" takes Tensor[B, T, 16] for "x" where protocol "Stepper" takes Tensor[B, 16]: rank is 3, expected 2  [shape]


@tf.shapecheck
def run_symbolic(p: Stepper, x: Tensor[B, 16]) -> Tensor[B, 16]:
    return run(p, x)


def through(x: Tensor[B, 16]) -> Tensor[B, 16]:
    return run(Narrow(), x)  # E: Argument "p" of "run" is Narrow, whose "step" returns Tensor[B, 8] where protocol "Stepper" returns Tensor[B, 16]: axis 1 is 8, expected 16  [shape]


def through_fixed(x: Tensor[B, 16]) -> Tensor[B, 16]:
    return run(Fine(), x)


through(tf.randn(3, 16))
through_fixed(tf.randn(3, 16))
run_symbolic(Fine(), tf.randn(3, 16))
