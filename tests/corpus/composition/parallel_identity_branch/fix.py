"""A residual MLP written as Parallel(add, identity, branch); the branch ends at the wrong width."""
import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, Parallel, gelu

residual = Parallel(
    tf.add,
    tf.identity,
    Chain(LayerNorm(64), Dense(64, 256, gelu), Dense(256, 64)),
)
print(residual(tf.randn(3, 64)).shape)
