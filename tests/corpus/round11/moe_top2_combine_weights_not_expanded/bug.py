"""Top-2 mixture of experts: each token's two expert outputs (T, 2, D) are mixed by its two gate
weights (T, 2). The weights need a trailing axis to scale each expert's vector."""
import typedflux as tf
from typedflux import Dense

T, D, E = 6, 16, 4
experts = [Dense(D, D) for _ in range(E)]
router = Dense(D, E)
x = tf.randn(T, D)
gates = tf.softmax(router(x), axis=-1)
first = tf.argmax(gates, axis=-1)
masked = tf.where(tf.onehot(first.numpy().tolist(), E) > 0, -1.0, gates)
second = tf.argmax(masked, axis=-1)
idx = tf.stack([first, second], axis=1)
weights = tf.take_along_axis(gates, idx, axis=1)
weights = weights / weights.sum(axis=1, keepdims=True)
all_out = tf.stack([e(x) for e in experts], axis=1)
picked = tf.take_along_axis(all_out, idx.reshape(T, 2, 1) * tf.ones(1, 1, D, dtype=tf.int64), axis=1)
y = (picked * weights).sum(axis=1)  # BUG  # E: Cannot broadcast for "mul": x has Tensor[6, 2, 16], y has Tensor[6, 2]; need equal sizes or 1 at axis -2 (2 vs 6); did you mean y[..., None] (or keepdims=True where y was reduced)?  [shape]
print(y.shape)
