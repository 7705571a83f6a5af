"""A hand-written training loop over a DataLoader; the targets have one class too many."""
import typedflux as tf
from typedflux import Chain, Dense, relu

tf.seed(0)
x = tf.randn(40, 6)
labels = [i % 4 for i in range(40)]
y = tf.onehot(labels, 5)
model = Chain(Dense(6, 16, relu), Dense(16, 4))
state = tf.setup(tf.Adam(1e-2), model)
for xb, yb in tf.DataLoader((x, y), batchsize=8, shuffle=True, seed=0):
    loss, grads = tf.withgradient(lambda m: tf.losses.logitcrossentropy(m(xb), yb), model)  # BUG  # E: Shapes differ for "logitcrossentropy": prediction has Tensor[?, 4], target has Tensor[?, 5]; need identical shapes (no broadcasting in losses) (4 vs 5 at axis -1)  [shape]
    state, model = tf.update(state, model, grads[0])
print(loss.item())
