"""A recursive function building nested Chains, and a Chain built from itself."""
import typedflux as tf
from typedflux import Chain, Dense, SkipConnection, relu


def tower(depth: int) -> Chain:
    if depth == 0:
        return Chain(Dense(4, 4, relu))
    return Chain(SkipConnection(tower(depth - 1), tf.add))


m = tower(3)
m2 = Chain(m, m)
print(m2(tf.randn(2, 4)).shape)
