"""The README's training script with a named loss function: the targets were one-hot
encoded with nine classes for a ten-class model."""
import typedflux as tf
from typedflux import Chain, Dense, relu

tf.seed(0)
model = Chain(Dense(16, 32, relu), Dense(32, 10))
x = tf.randn(64, 16)
y = tf.onehot([i % 10 for i in range(64)], 10)


def loss(m, x, y):  # type: ignore[no-untyped-def]
    return tf.losses.logitcrossentropy(m(x), y)


state = tf.setup(tf.Adam(1e-3), model)
data = tf.DataLoader((x, y), batchsize=16, shuffle=True, seed=0)
print(tf.train(loss, model, data, state, epochs=1, progress=False)[-1])
