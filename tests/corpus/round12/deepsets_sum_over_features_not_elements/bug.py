"""Deep Sets: phi embeds each element of the set (B, N, D), the embeddings are summed over the
set's elements, and rho maps the sum; the sum ran over the feature axis."""
import typedflux as tf
from typedflux import Chain, Dense, relu

B, N, D_IN, D = 3, 7, 2, 16
phi = Chain(Dense(D_IN, D, relu), Dense(D, D, relu))
rho = Chain(Dense(D, D, relu), Dense(D, 1))
sets = tf.randn(B, N, D_IN)
pooled = phi(sets).sum(axis=-1)
print(rho(pooled).shape)  # BUG  # E: Chain layer 1 Dense(16 => 16, relu) expects input Tensor[..., 16], got Tensor[3, 7]; need size 16 at axis -1 (got 7)  [shape]
