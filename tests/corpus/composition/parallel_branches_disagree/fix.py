"""A two-tower model sums its towers; one tower ends at another width."""
import typedflux as tf
from typedflux import Chain, Dense, Parallel, relu

towers = Parallel(
    tf.add,
    Chain(Dense(16, 32, relu), Dense(32, 8)),
    Chain(Dense(16, 32, relu), Dense(32, 8)),
)
print(towers(tf.randn(2, 16)).shape)
