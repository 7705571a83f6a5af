"""match statements with class patterns over layers and tensors, guards and captures."""
import typedflux as tf
from typedflux import Conv, Dense, LayerNorm


def describe(layer: object, x: tf.Tensor) -> tf.Tensor:
    match layer:
        case Dense() as d if x.shape[-1] == 4:
            return d(x)
        case Conv():
            return x
        case LayerNorm() | Dense():
            return x * 1.0
        case [first, *rest]:
            return x
        case {"w": w}:
            return x
        case _:
            return x


print(describe(Dense(4, 3), tf.randn(2, 4)).shape, describe(LayerNorm(4), tf.randn(2, 4)).shape)
match tf.randn(2, 3).shape:
    case (a, b):
        print(tf.zeros(a, b).shape)
