"""A PaLM-style parallel block projects the normalised input once into queries, keys, values and
the MLP's hidden units, then splits it; the fused projection was sized for an MLP twice as
wide as the split asks."""
import typedflux as tf
from typedflux import Dense, LayerNorm, gelu

B, T, D = 2, 5, 16
norm = LayerNorm(D)
fused = Dense(D, 3 * D + 4 * D)
attn_out = Dense(D, D)
mlp_out = Dense(4 * D, D)
x = tf.randn(B, T, D)
q, k, v, h = tf.split(fused(norm(x)), (D, D, D, 4 * D))
att = tf.softmax(q @ k.swapaxes(-1, -2) / 4.0, axis=-1) @ v
y = x + attn_out(att) + mlp_out(gelu(h))
print(y.shape)
