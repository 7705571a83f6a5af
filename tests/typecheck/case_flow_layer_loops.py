# mypy: allow-redefinition
"""A loop over a list of layers of several kinds: ``for layer in layers: h = layer(h)``.

mypy types the loop's variable as the layers' common base (``Layer``), whose call gives
``Any``, so after the loop ``h`` is a union of its first shape and ``Any``. When the list
is known (a display, or appends, bound once: flow.py), the scope's statements are run with
each layer in turn applied to the tensor (every assignment typed again on the names'
values), so a read of ``h`` (or of what is computed from it) after the loop has the shape
the last layer gives, in an operator, a method or a layer call. Only an operand whose type
is such a union is run so; a name that
holds several shapes at run time is never reported for one of them. Each with its fix,
concrete and symbolic; the same lines fail at run time with the same words.
"""

from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Dropout, LayerNorm, Tensor, relu
from typedflux.layers import Layer

B = TypeVar("B", bound=int)

layers = [Dense(8, 16, relu), Dropout(0.1), LayerNorm(16), Dense(16, 4)]
x = tf.randn(3, 8)
h = x
for layer in layers:
    h = layer(h)
out = h + tf.randn(3, 4)
out + tf.randn(3, 8)  # E: Cannot broadcast for "add": x has Tensor[3, 4], y has Tensor[3, 8]; need equal sizes or 1 at axis -1 (4 vs 8)  [shape]
out + tf.randn(3, 4)
h @ tf.randn(8, 2)  # E: Inner dimensions differ for "matmul": x has Tensor[3, 4], w has Tensor[8, 2]; need x.shape[-1] == w.shape[-2] (4 vs 8)  [shape]
h @ tf.randn(4, 2)
Dense(8, 2)(h)  # E: Dense(8 => 2) expects input Tensor[..., 8], got Tensor[3, 4]; need size 8 at axis -1 (got 4)  [shape]
Dense(4, 2)(h) + tf.randn(3, 2)

# Appends bound once, in a function.
def encode(x: Tensor[B, 8]) -> None:
    blocks: list[Layer] = []
    blocks.append(Dense(8, 32, relu))
    blocks.append(LayerNorm(32))
    h = x
    for block in blocks:
        h = block(h)
    print((h - tf.zeros(8)).shape)  # E: Cannot broadcast for "sub": x has Tensor[B, 32], y has Tensor[8]; need equal sizes or 1 at axis -1 (32 vs 8)  [shape]


def encode_fixed(x: Tensor[B, 8]) -> None:
    blocks: list[Layer] = []
    blocks.append(Dense(8, 32, relu))
    blocks.append(LayerNorm(32))
    h = x
    for block in blocks:
        h = block(h)
    print((h - tf.zeros(32)).shape)


encode_fixed(tf.randn(2, 8))
encode(tf.randn(2, 8))

# A list the loop may not see whole (passed to a function first): never an error.
def shuffled(xs: list[Dense[int, int]]) -> None:
    pass


others = [Dense(8, 16), Dense(16, 8)]
shuffled(others)
g = x
for layer in others:
    g = layer(g)
g + tf.randn(3, 16)
