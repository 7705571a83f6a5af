"""DiT's adaLN-Zero: the conditioning (B, D) gives shift and scale per sample, broadcast over
the T tokens of x (B, T, D); the scale was applied without a token axis."""
import typedflux as tf
from typedflux import Dense, LayerNorm, swish

B, T, D = 2, 16, 24
x = tf.randn(B, T, D)
c = tf.randn(B, D)
ada = Dense(D, 2 * D)
shift, scale = tf.chunk(ada(swish(c)), 2, axis=-1)
norm = LayerNorm(D)
h = norm(x) * (1 + scale[:, None, :]) + shift[:, None, :]
print(h.shape)
