"""A Chain whose `layers` the module assigns (fine-tuning's new head: `model.layers =
(model.layers[0], Dense(16, 5))`): the assignment takes any value (`Chain.layers` is the
library's `Any`; mypy alone said `[assignment]` in `Literal` words), and the Chain is read
with the layers in force: the tuple display of the one top-level assignment before a
top-level call, its own construction before it, unknown sizes anywhere else (a function may
run after any assignment; a second assignment). rebound_names.swapped_layers. (mypy itself types
`model.layers` after the assignment as the attribute it assigned: `Any`.)
"""

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Chain, Dense, relu

model = Chain(Dense(8, 16, relu), Dense(16, 10))
before = model(tf.randn(2, 8))
Dense(10, 1)(before)
model.layers = (model.layers[0], Dense(16, 5))
after = model(tf.randn(2, 8))
reveal_type(after)  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[5]]"
Dense(5, 1)(after)
Dense(10, 1)(model(tf.randn(2, 8)))  # E: Dense(10 => 1) expects input Tensor[..., 10], got Tensor[2, 5]; need size 10 at axis -1 (got 5)  [shape]
model(tf.randn(2, 6))  # E: Chain layer 1 Dense(8 => 16, relu) expects input Tensor[..., 8], got Tensor[2, 6]; need size 8 at axis -1 (got 6)  [shape]
reveal_type(model.layers[1])  # N: Revealed type is "Any"


def predict(x: tf.Tensor) -> tf.Tensor:
    return model(x)  # (a function may run before or after the new head: unknown sizes)


twice = Chain(Dense(4, 8), Dense(8, 3))
twice.layers = (Dense(4, 8), Dense(8, 2))
twice.layers = (Dense(4, 8), Dense(8, 7))
reveal_type(twice(tf.randn(1, 4)))  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...]]"
Dense(7, 1)(twice(tf.randn(1, 4)))
print(predict(tf.randn(3, 8)).shape)
