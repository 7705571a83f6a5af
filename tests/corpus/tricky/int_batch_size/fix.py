"""Batches sized by a plain int (unknown statically); the model's input width is wrong."""
import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu

model = Chain(Dense(20, 16, relu), Dense(16, 4))


def make_batch(n: int) -> Tensor[int, 20]:
    return tf.randn(n, 20)


def run(batch_size: int) -> Tensor[int, 4]:
    x = make_batch(batch_size)
    y = tf.randn(batch_size, 4)
    loss = tf.losses.mse(model(x), y)
    print(loss.item())
    return model(x)


print(run(3).shape)
