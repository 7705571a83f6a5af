"""Bare-Tensor helpers with value-dependent branches."""
import typedflux as tf
from typedflux import Dense, Tensor, Conv, relu


def maybe_flatten(x: Tensor) -> Tensor:
    if x.ndim == 4:
        return x.reshape(x.shape[0], -1)
    return x


def pad_to(x: Tensor, n: int) -> Tensor:
    if x.shape[1] >= n:
        return x[:, :n]
    return tf.pad(x, [(0, 0), (0, n - x.shape[1])])


def ensure_batch(x: Tensor) -> Tensor:
    if len(x.shape) == 1:
        x = x.reshape(1, -1)
    return x


def act(x: Tensor, kind: str = "relu") -> Tensor:
    if kind == "relu":
        return relu(x)
    elif kind == "pool":
        return x.mean(axis=-1, keepdims=True)
    return x


def try_square(x: Tensor) -> Tensor:
    try:
        return x @ x
    except tf.ShapeError:
        return x @ x.T


head = Dense(48, 3)
print(head(maybe_flatten(tf.randn(2, 3, 4, 4))).shape)
print(head(maybe_flatten(tf.randn(2, 48))).shape)
print(Dense(10, 2)(pad_to(tf.randn(2, 7), 10)).shape, Dense(10, 2)(pad_to(tf.randn(2, 13), 10)).shape)
print(Dense(5, 2)(ensure_batch(tf.randn(5))).shape)
print(Dense(6, 2)(act(tf.randn(2, 6))).shape)
print(Dense(1, 2)(act(tf.randn(2, 6), "pool")).shape)
print(Dense(3, 1)(try_square(tf.randn(3, 5))).shape)
conv = Conv((3, 3), 3, 4, pad=1)
print(head(maybe_flatten(conv(tf.randn(2, 3, 4, 3)))).shape)
