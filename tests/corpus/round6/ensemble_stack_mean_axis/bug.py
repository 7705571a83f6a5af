"""An ensemble's predictions stacked along a new axis 1 and averaged over the wrong axis."""
import typedflux as tf
from typedflux import Chain, Dense, relu

tf.seed(12)
models = [Chain(Dense(6, 16, relu), Dense(16, 3)) for _ in range(4)]
x = tf.randn(10, 6)
preds = tf.stack([m(x) for m in models], axis=1)
avg = preds.mean(axis=0)
loss = tf.losses.logitcrossentropy(avg, tf.onehot([i % 3 for i in range(10)], 3))  # BUG  # E: Shapes differ for "logitcrossentropy": prediction has Tensor[4, 3], target has Tensor[10, 3]; need identical shapes (no broadcasting in losses) (4 vs 10 at axis -2)  [shape]
print(loss.item())
