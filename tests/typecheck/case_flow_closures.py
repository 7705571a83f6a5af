"""A nested ``def`` over a layer bound in the function around it: ``proj = Dense(32, 8)``, then
``def mix(h): return proj(h) * 2.0``, then ``return Chain(Dense(5, 16, relu), mix)``.

The nested function reads ``proj`` when the Chain runs it; bound by one statement of the
function around it (nothing else binds it, no ``nonlocal``), ``proj`` holds that layer then,
so ``mix``'s body is its rule, as a lambda's is, where the Chain is called (here or after the
helper returned it). A name bound twice there is unknown (silent). Each with its fix,
concrete and symbolic; the same lines fail at run time with the same words.
"""

from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu

B = TypeVar("B", bound=int)


def make_model() -> Chain:
    proj = Dense(32, 8)

    def mix(h: Tensor) -> Tensor:
        return proj(h) * 2.0

    return Chain(Dense(5, 16, relu), mix)


def make_model_fixed() -> Chain:
    proj = Dense(16, 8)

    def mix(h: Tensor) -> Tensor:
        return proj(h) * 2.0

    return Chain(Dense(5, 16, relu), mix)


make_model()(tf.randn(2, 5))  # E: Chain layer 2 mix: Dense(32 => 8) expects input Tensor[..., 32], got Tensor[2, 16]; need size 32 at axis -1 (got 16)  [shape]  # N: input to layer 2: Tensor[2, 16]
make_model_fixed()(tf.randn(2, 5))


def run(x: Tensor[B, 5]) -> Tensor[B, 8]:
    gate = Dense(8, 8)

    def squash(h: Tensor) -> Tensor:
        return gate(h) + h

    return Chain(Dense(5, 16, relu), squash)(x)  # E: Chain layer 2 squash: Dense(8 => 8) expects input Tensor[..., 8], got Tensor[B, 16]; need size 8 at axis -1 (got 16)  [shape]  # N: input to layer 2: Tensor[B, 16]


def run_fixed(x: Tensor[B, 5]) -> Tensor[B, 8]:
    gate = Dense(8, 8)

    def squash(h: Tensor) -> Tensor:
        return gate(h) + h

    return Chain(Dense(5, 8, relu), squash)(x)


run(tf.randn(3, 5))
run_fixed(tf.randn(3, 5))


def rebound(fresh: bool) -> Chain:
    proj = Dense(32, 8)
    if fresh:
        proj = Dense(32, 8)

    def mix(h: Tensor) -> Tensor:
        return proj(h)

    return Chain(Dense(5, 16, relu), mix)


rebound(True)(tf.randn(2, 5))
