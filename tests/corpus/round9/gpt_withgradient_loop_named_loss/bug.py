"""A hand-written training loop over a DataLoader with `tf.withgradient` and a named one-return
loss (the README's unannotated style); the model's head was left at the template's 10
classes for a 4-class task."""
import typedflux as tf
from typedflux import Chain, Dense, relu

tf.seed(0)
x = tf.randn(64, 12)
y = tf.onehot([i % 4 for i in range(64)], 4)
model = Chain(Dense(12, 32, relu), Dense(32, 10))
state = tf.setup(tf.Adam(1e-2), model)


def loss(m, xb, yb):  # type: ignore[no-untyped-def]
    return tf.losses.logitcrossentropy(m(xb), yb)  # BUG  # E: Shapes differ for "logitcrossentropy": prediction has Tensor[?, 10], target has Tensor[?, 4]; need identical shapes (no broadcasting in losses) (10 vs 4 at axis -1)  [shape]


for epoch in range(2):
    for xb, yb in tf.DataLoader((x, y), batchsize=16):
        value, (grads, _, _) = tf.withgradient(loss, model, xb, yb)
        tf.update(state, model, grads)
print(value.item())
