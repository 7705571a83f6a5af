"""A model whose ``__call__`` fails for every input, called on an input the checker cannot size.

A model class sized by its constructor (``Head(24, 30)``, traced to its construction) whose
``__call__`` calls held layers in turn that cannot compose (``self.head(self.ln_f(x))`` with
``LayerNorm(24)`` then ``Dense(30 => 30)``, or through a local bound once) on a line that runs
on every call is followed from the first layer's template, as a Chain's construction check
does; where the model is called on a tensor of unknown shape (a bare ``Tensor``: a batch read
from data), a size mismatch that holds whatever the input is is reported in the failing
layer's own words at that call (where the run time raises it), once.
A call on a known input runs the body on it as before (its words are the run time's for that
input). When the input could make it fit (``self.head(x)`` on the input itself) nothing is
said. Each with its fix, concrete and symbolic; the same lines fail at run time with the same
words.
"""

from typing import TypeVar

import typedflux as tf
from typedflux import Dense, LayerNorm, Tensor

B = TypeVar("B", bound=int)


class Head:
    def __init__(self, d: int, vocab: int) -> None:
        self.ln_f = LayerNorm(d)
        self.head = Dense(vocab, vocab)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        x = x * 2.0
        return self.head(self.ln_f(x))


class HeadFixed:
    def __init__(self, d: int, vocab: int) -> None:
        self.ln_f = LayerNorm(d)
        self.head = Dense(d, vocab)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        x = x * 2.0
        return self.head(self.ln_f(x))


class Projected:
    def __init__(self, d: int, hidden: int) -> None:
        self.up = Dense(d, hidden)
        self.down = Dense(d, d)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        h = self.up(x)
        return self.down(h)


class ProjectedFixed:
    def __init__(self, d: int, hidden: int) -> None:
        self.up = Dense(d, hidden)
        self.down = Dense(hidden, d)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        h = self.up(x)
        return self.down(h)


class OnInput:
    def __init__(self, vocab: int) -> None:
        self.head = Dense(vocab, vocab)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.head(x)


batch: tf.Tensor = tf.randn(2, 5, 24)
rows: tf.Tensor = tf.randn(3, 16)
Head(24, 30)(batch)  # E: Dense(30 => 30) expects input Tensor[..., 30], got Tensor[..., 24]; need size 30 at axis -1 (got 24)  [shape]
Dense(30, 2)(HeadFixed(24, 30)(batch))
Projected(16, 64)(rows)  # E: Dense(16 => 16) expects input Tensor[..., 16], got Tensor[..., 64]; need size 16 at axis -1 (got 64)  [shape]
Dense(16, 2)(ProjectedFixed(16, 64)(rows))
OnInput(30)(batch)
Dense(30, 2)(OnInput(30)(tf.randn(2, 30)))
OnInput(30)(tf.randn(2, 24))  # E: Dense(30 => 30) expects input Tensor[..., 30], got Tensor[2, 24]; need size 30 at axis -1 (got 24)  [shape]


@tf.shapecheck
def head(x: Tensor[B, 5, 24]) -> Tensor[B, 5, 30]:
    return HeadFixed(24, 30)(x)


@tf.shapecheck
def projected(x: Tensor[B, 16]) -> Tensor[B, 16]:
    return ProjectedFixed(16, 64)(x)


@tf.shapecheck
def projected_wrong(x: Tensor[B, 16]) -> Tensor[B, 16]:
    return Projected(16, 64)(x)  # E: Dense(16 => 16) expects input Tensor[..., 16], got Tensor[B, 64]; need size 16 at axis -1 (got 64)  [shape]


@tf.shapecheck
def on_input(x: Tensor[B, 24]) -> Tensor[B, 30]:
    return OnInput(30)(x)  # E: Dense(30 => 30) expects input Tensor[..., 30], got Tensor[B, 24]; need size 30 at axis -1 (got 24)  [shape]


head(tf.randn(3, 5, 24))
projected(tf.randn(3, 16))
projected_wrong(tf.randn(3, 16))
on_input(tf.randn(3, 24))
