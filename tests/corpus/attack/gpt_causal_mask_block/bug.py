"""A GPT block's causal mask is built for the context size, not for the sequence at hand."""
import typedflux as tf

BLOCK_SIZE, T, NH, HD = 16, 10, 4, 8
q = tf.randn(2, NH, T, HD)
k = tf.randn(2, NH, T, HD)
mask = tf.tril(tf.ones(BLOCK_SIZE, BLOCK_SIZE))
scores = (q @ k.swapaxes(-2, -1)) * HD**-0.5
att = tf.where(mask == 0, tf.full(scores.shape, value=-1e9), scores)  # BUG  # E: Cannot broadcast for "where": cond has Tensor[16, 16], x has Tensor[2, 4, 10, 10]; need equal sizes or 1 at axis -2 (16 vs 10)  [shape]
print(tf.softmax(att, axis=-1).shape)
