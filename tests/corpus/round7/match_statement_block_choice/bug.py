"""Blocks chosen with a `match` statement on a config string; the residual block's inner
layer changes the width."""
import typedflux as tf
from typedflux import Chain, Dense, SkipConnection, relu

KIND = "residual"


def block(kind: str) -> Chain:
    match kind:
        case "residual":
            return Chain(SkipConnection(Dense(16, 24, relu), tf.add))  # BUG  # E: SkipConnection(Dense(16 => 24, relu), add) cannot join its input and its layer's output: Cannot broadcast for "add": xs[0] has Tensor[B, 24], xs[1] has Tensor[B, 16]; need equal sizes or 1 at axis -1 (24 vs 16); change Dense(16 => 24, relu) to Dense(16 => 16, relu), or to Dense(24 => 24, relu)  [shape]
        case _:
            return Chain(Dense(16, 16, relu))


model = Chain(Dense(4, 16), block(KIND), Dense(16, 2))
print(model(tf.randn(3, 4)).shape)
