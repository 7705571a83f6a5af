"""A Protocol-typed layer parameter given a plain function, or a layer that lacks another of
the protocol's members. A function whose annotated sizes differ from the protocol's
``__call__`` is a ``[shape]`` error in the words a ``Callable`` parameter gets (static only:
the run time does not read a passed function's annotations); a member missing besides a
``__call__`` reported in shape words keeps mypy's own ``[arg-type]`` too."""

from typing import Protocol, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
D = TypeVar("D", bound=int, contravariant=True)


class Encoder(Protocol):
    def __call__(self, x: Tensor[B, 12]) -> Tensor[B, 4]: ...


class Head(Protocol[D]):
    def __call__(self, x: Tensor[B, D]) -> Tensor[B, 4]: ...


class SizedEncoder(Protocol):
    width: int

    def __call__(self, x: Tensor[B, 12]) -> Tensor[B, 4]: ...


class Widened:
    width = 4

    def __call__(self, x: Tensor[B, 12]) -> Tensor[B, 4]:
        return Dense(12, 4)(x)


@tf.shapecheck
def embed_all(enc: Encoder, xs: Tensor[B, 12]) -> Tensor[B, 4]:
    return enc(xs)


@tf.shapecheck
def classify(head: Head[D], xs: Tensor[B, D]) -> Tensor[B, 4]:
    return head(xs)


@tf.shapecheck
def embed_sized(enc: SizedEncoder, xs: Tensor[B, 12]) -> Tensor[B, 4]:
    return enc(xs)


def to6(x: Tensor[B, 12]) -> Tensor[B, 6]:
    return Dense(12, 6)(x)


def to4(x: Tensor[B, 12]) -> Tensor[B, 4]:
    return Dense(12, 4)(x)


x12 = tf.randn(3, 12)
embed_all(to4, x12)
classify(to4, x12)
embed_sized(Widened(), x12)
wrong_function = lambda: embed_all(to6, x12)  # E: Argument "enc" of "embed_all" is a function whose return shape Tensor[B, 6] does not match the annotation Tensor[B, 4]: axis 1 is 6, expected 4  [shape]
wrong_generic = lambda: classify(to6, x12)  # E: Argument "head" of "classify" is a function whose return shape Tensor[B, 6] does not match the annotation Tensor[B, 4]: axis 1 is 6, expected 4  [shape]
# Dense lacks ``width``: mypy's [arg-type] stays beside the shape error (the ignore below would
# be reported unused, warn_unused_ignores, were it gone).
embed_sized(Dense(12, 6), x12)  # type: ignore[arg-type]  # E: Argument "enc" of "embed_sized" is Dense(12 => 6), whose output Tensor[B, 6] for Tensor[B, 12] does not match the annotation Tensor[B, 4]: axis 1 is 6, expected 4  [shape]  # N: Error code "shape" not covered by "type: ignore[arg-type]" comment
