"""An ensemble's averaged probabilities: stacked on a new first axis, then averaged over classes."""
import typedflux as tf
from typedflux import Chain, Dense, relu

tf.seed(0)
models = [Chain(Dense(4, 8, relu), Dense(8, 3)) for _ in range(5)]
x = tf.randn(10, 4)
y = tf.onehot([i % 3 for i in range(10)], 3)
probs = tf.stack([tf.softmax(m(x)) for m in models], axis=0).mean(axis=-1)
loss = tf.losses.crossentropy(probs, y)  # BUG  # E: Shapes differ for "crossentropy": prediction has Tensor[5, 10], target has Tensor[10, 3]; need identical shapes (no broadcasting in losses) (10 vs 3 at axis -1)  [shape]
print(loss.item())
