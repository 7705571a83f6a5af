"""Conv-TasNet: the separator emits S masks over the encoder's N basis channels; reshaped to
(B, S, N, T) they multiply the encoder output, given a sources axis with [:, None]."""
import typedflux as tf
from typedflux import Conv

B, N, T, S = 3, 16, 50, 2
encoded = tf.relu(tf.randn(B, N, T))
separator = Conv((1, 1), N, S * N)
masks = tf.sigmoid(separator(encoded.reshape(B, N, 1, T))).reshape(B, S, N, T)
separated = masks * encoded  # BUG  # E: Cannot broadcast for "mul": x has Tensor[3, 2, 16, 50], y has Tensor[3, 16, 50]; need equal sizes or 1 at axis -3 (2 vs 3)  [shape]
print(separated.shape)
