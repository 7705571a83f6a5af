"""MAE's decoder appends a mask token for every masked patch to the visible ones; it
appended one per patch, so the position table no longer lines up."""
import typedflux as tf
from typedflux import Dense

N, KEEP, D = 16, 4, 32
pos = tf.randn(N, D)
visible = tf.randn(2, KEEP, D)
mask_token = tf.zeros(1, 1, D)
to_decoder = Dense(D, D)
full = tf.cat(to_decoder(visible), tf.repeat(mask_token, 2, N, 1), axis=1)
h = full + pos  # BUG  # E: Cannot broadcast for "add": x has Tensor[2, 20, 32], y has Tensor[16, 32]; need equal sizes or 1 at axis -2 (20 vs 16)  [shape]
print(h.shape)
