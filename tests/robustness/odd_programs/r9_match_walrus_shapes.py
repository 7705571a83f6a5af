"""Shapes read in match statements and walrus expressions: a match on x.shape with a guard,
a class pattern on a layer, walrus sizes inside a comprehension and inside a Chain's
arguments."""
import typedflux as tf
from typedflux import Chain, Conv, Dense, Tensor, relu


def describe(x: Tensor) -> str:
    match x.shape:
        case (b, 784):
            return f"flat batch of {b}"
        case (b, c, h, w) if h == w:
            return f"square images {c}x{h}"
        case _:
            return "other"


def kind(layer: object) -> str:
    match layer:
        case Dense():
            return "dense"
        case Conv():
            return "conv"
        case _:
            return "?"


sizes = [(w := 8 * k) for k in range(1, 4)]
model = Chain(Dense(4, (h := 16), relu), Dense(h, w))
print(describe(tf.zeros(2, 784)), describe(tf.zeros(1, 3, 5, 5)), kind(Dense(2, 2)), sizes,
      model(tf.randn(3, 4)).shape)
