"""The README's training script with a named loss function: the targets were one-hot
encoded with nine classes for a ten-class model."""
import typedflux as tf
from typedflux import Chain, Dense, relu

tf.seed(0)
model = Chain(Dense(16, 32, relu), Dense(32, 10))
x = tf.randn(64, 16)
y = tf.onehot([i % 9 for i in range(64)], 9)


def loss(m, x, y):  # type: ignore[no-untyped-def]
    return tf.losses.logitcrossentropy(m(x), y)  # BUG  # E: Shapes differ for "logitcrossentropy": prediction has Tensor[?, 10], target has Tensor[?, 9]; need identical shapes (no broadcasting in losses) (10 vs 9 at axis -1)  [shape]


state = tf.setup(tf.Adam(1e-3), model)
data = tf.DataLoader((x, y), batchsize=16, shuffle=True, seed=0)
print(tf.train(loss, model, data, state, epochs=1, progress=False)[-1])
