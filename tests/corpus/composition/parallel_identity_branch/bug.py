"""A residual MLP written as Parallel(add, identity, branch); the branch ends at the wrong width."""
import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, Parallel, gelu

residual = Parallel(
    tf.add,
    tf.identity,
    Chain(LayerNorm(64), Dense(64, 256, gelu), Dense(256, 32)),
)
print(residual(tf.randn(3, 64)).shape)  # BUG  # E: Cannot broadcast for "add": xs[0] has Tensor[3, 64], xs[1] has Tensor[3, 32]; need equal sizes or 1 at axis -1 (64 vs 32)  [shape]
