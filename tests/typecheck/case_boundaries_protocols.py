"""A layer passed for a parameter typed as a callable of tensors: a Protocol whose `__call__`
is annotated (generic too) or a `Callable[[Tensor[...]], Tensor[...]]`. mypy alone says
`[arg-type]` about types (`Dense[Literal[12], Literal[6]]`) for a layer and nothing for a
Chain; the checker runs the layer's rule on the input the annotation gives and names the
argument and the axis (or the layer's own refusal). `@tf.shapecheck` checks a layer argument
the same way before the call, in the same words (the calls below raise them).
"""

from typing import Callable, Protocol, TypeVar

import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, Tensor, relu

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
D = TypeVar("D", bound=int, contravariant=True)


class Encoder(Protocol):
    def __call__(self, x: Tensor[B, 12]) -> Tensor[B, 4]: ...


class SeqEncoder(Protocol):
    def __call__(self, x: Tensor[B, T, 64]) -> Tensor[B, T, 10]: ...


class NamedEncoder(Encoder, Protocol):
    """An encoder by another name: its ``__call__`` is the protocol it derives from's."""


class Head(Protocol[D]):
    def __call__(self, x: Tensor[B, D]) -> Tensor[B, 4]: ...


@tf.shapecheck
def embed_all(enc: Encoder, xs: Tensor[B, 12]) -> Tensor[B, 4]:
    return enc(xs)


@tf.shapecheck
def embed_named(enc: NamedEncoder, xs: Tensor[B, 12]) -> Tensor[B, 4]:
    return enc(xs)


@tf.shapecheck
def encode_seq(enc: SeqEncoder, xs: Tensor[B, T, 64]) -> Tensor[B, T, 10]:
    return enc(xs)


@tf.shapecheck
def classify(head: Head[D], xs: Tensor[B, D]) -> Tensor[B, 4]:
    return head(xs)


@tf.shapecheck
def apply(f: Callable[[Tensor[B, 64]], Tensor[B, 10]], xs: Tensor[B, 64]) -> Tensor[B, 10]:
    return f(xs)


x12 = tf.randn(3, 12)
x64 = tf.randn(3, 64)
seq = tf.randn(2, 5, 64)

# -- a Protocol with a typed __call__: concrete --------------------------------------------------
embed_all(Dense(12, 6), x12)  # E: Argument "enc" of "embed_all" is Dense(12 => 6), whose output Tensor[B, 6] for Tensor[B, 12] does not match the annotation Tensor[B, 4]: axis 1 is 6, expected 4  [shape]
embed_all(Dense(10, 4), x12)  # E: Argument "enc" of "embed_all" cannot take the input its annotation gives: Dense(10 => 4) expects input Tensor[..., 10], got Tensor[B, 12]; need size 10 at axis -1 (got 12)  [shape]
embed_all(Chain(Dense(12, 8, relu), Dense(8, 5)), x12)  # E: Argument "enc" of "embed_all" is Chain(Dense(12 => 8, relu), Dense(8 => 5)), whose output Tensor[B, 5] for Tensor[B, 12] does not match the annotation Tensor[B, 4]: axis 1 is 5, expected 4  [shape]
embed_all(Dense(12, 4), x12)
embed_all(Chain(Dense(12, 8, relu), Dense(8, 4)), x12)
encoder = Dense(12, 4)
embed_all(encoder, x12)
embed_named(Dense(12, 6), x12)  # E: Argument "enc" of "embed_named" is Dense(12 => 6), whose output Tensor[B, 6] for Tensor[B, 12] does not match the annotation Tensor[B, 4]: axis 1 is 6, expected 4  [shape]

# -- symbolic: sequence dims, a generic Protocol -------------------------------------------------
encode_seq(Chain(Dense(64, 32, relu), LayerNorm(32)), seq)  # E: Argument "enc" of "encode_seq" is Chain(Dense(64 => 32, relu), LayerNorm(32)), whose output Tensor[B, T, 32] for Tensor[B, T, 64] does not match the annotation Tensor[B, T, 10]: axis 2 is 32, expected 10  [shape]
encode_seq(Chain(Dense(64, 32, relu), Dense(32, 10)), seq)
classify(Dense(12, 6), x12)  # E: Argument "head" of "classify" is Dense(12 => 6), whose output Tensor[B, 6] for Tensor[B, D] does not match the annotation Tensor[B, 4]: axis 1 is 6, expected 4  [shape]
classify(Dense(12, 4), x12)

# -- a Callable parameter given a layer or a Chain -----------------------------------------------
apply(Dense(64, 11), x64)  # E: Argument "f" of "apply" is Dense(64 => 11), whose output Tensor[B, 11] for Tensor[B, 64] does not match the annotation Tensor[B, 10]: axis 1 is 11, expected 10  [shape]
apply(Chain(Dense(63, 8, relu), Dense(8, 10)), x64)  # E: Argument "f" of "apply" cannot take the input its annotation gives: Chain layer 1 Dense(63 => 8, relu) expects input Tensor[..., 63], got Tensor[B, 64]; need size 63 at axis -1 (got 64)  [shape]
apply(Dense(64, 10), x64)
apply(Chain(Dense(64, 8, relu), Dense(8, 10)), x64)
apply(lambda v: Dense(64, 10)(v), x64)
