"""FastSpeech's length regulator: each phoneme's hidden state is repeated for its duration (2
frames each here) along time, to meet the mel frames' positional encodings; the repeat was
along the features."""
import typedflux as tf

B, T, D = 2, 6, 16
hidden = tf.randn(B, T, D)
positions = tf.randn(1, 2 * T, D)
frames = tf.repeat_interleave(hidden, 2, axis=2)
decoder_in = frames + positions  # BUG  # E: Cannot broadcast for "add": x has Tensor[2, 6, 32], y has Tensor[1, 12, 16]; need equal sizes or 1 at axis -2 (6 vs 12)  [shape]
print(decoder_in.shape)
