"""Blocks chosen with a `match` statement on a config string; the residual block's inner
layer changes the width."""
import typedflux as tf
from typedflux import Chain, Dense, SkipConnection, relu

KIND = "residual"


def block(kind: str) -> Chain:
    match kind:
        case "residual":
            return Chain(SkipConnection(Dense(16, 16, relu), tf.add))
        case _:
            return Chain(Dense(16, 16, relu))


model = Chain(Dense(4, 16), block(KIND), Dense(16, 2))
print(model(tf.randn(3, 4)).shape)
