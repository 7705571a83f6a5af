"""Recursion, globals rebound, helpers called with several shapes."""
import typedflux as tf
from typedflux import Dense, Tensor, Conv, MaxPool, Upsample, relu

W = tf.randn(8, 4)


def project(x: Tensor) -> Tensor:
    return x @ W


print(project(tf.randn(2, 8)).shape)
W = tf.randn(8, 6)
print(Dense(6, 1)(project(tf.randn(2, 8))).shape)


def down_up(x: Tensor, depth: int) -> Tensor:
    if depth == 0:
        return x
    c = x.shape[1]
    h = MaxPool((2, 2))(x)
    h = down_up(h, depth - 1)
    h = Upsample(2)(h)
    return tf.cat(h, x, axis=1)[:, :c]


print(down_up(tf.randn(1, 2, 8, 8), 2).shape)


def tree(x: Tensor, n: int) -> Tensor:
    return x if n <= 1 else tree(x[:, : x.shape[1] // 2], n - 1)


print(Dense(2, 1)(tree(tf.randn(3, 8), 3)).shape)


def fib_net(x: Tensor, n: int) -> Tensor:
    if n < 2:
        return x
    return fib_net(x, n - 1) + fib_net(x, n - 2)


print(Dense(5, 1)(fib_net(tf.randn(2, 5), 5)).shape)


def twice(x: Tensor) -> Tensor:
    return tf.cat(x, x, axis=-1)


print(Dense(8, 1)(twice(tf.randn(2, 4))).shape, Dense(6, 1)(twice(tf.randn(2, 3))).shape)
print(Dense(16, 1)(twice(twice(tf.randn(2, 4)))).shape)
