"""A two-tower model sums its towers; one tower ends at another width."""
import typedflux as tf
from typedflux import Chain, Dense, Parallel, relu

towers = Parallel(
    tf.add,
    Chain(Dense(16, 32, relu), Dense(32, 8)),
    Chain(Dense(16, 32, relu), Dense(32, 4)),  # BUG  # E: Parallel(add, Chain(Dense(16 => 32, relu), Dense(32 => 8)), Chain(Dense(16 => 32, relu), Dense(32 => 4))) cannot join its branches: Cannot broadcast for "add": xs[0] has Tensor[B, 8], xs[1] has Tensor[B, 4]; need equal sizes or 1 at axis -1 (8 vs 4)  [shape]
)
print(towers(tf.randn(2, 16)).shape)
