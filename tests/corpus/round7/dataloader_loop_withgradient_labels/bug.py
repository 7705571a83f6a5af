"""A hand-written training loop over a DataLoader with `withgradient`: the labels were made
with `onehot` of the wrong class count."""
import typedflux as tf
from typedflux import Chain, Dense, relu

model = Chain(Dense(5, 16, relu), Dense(16, 4))
x = tf.randn(32, 5)
y = tf.onehot([i % 3 for i in range(32)], 3)
state = tf.setup(tf.Adam(1e-2), model)
for xb, yb in tf.DataLoader((x, y), batchsize=8):
    val, grads = tf.withgradient(lambda m: tf.losses.logitcrossentropy(m(xb), yb), model)  # BUG  # E: Shapes differ for "logitcrossentropy": prediction has Tensor[?, 4], target has Tensor[?, 3]; need identical shapes (no broadcasting in losses) (4 vs 3 at axis -1)  [shape]
    state, model = tf.update(state, model, grads[0])
print(val.item())
