"""Module constants changed at run time (global, argparse-style), starred tuples of several
kinds, a closure over a module tensor rebound, Optional parameters of bare defs."""
import sys
from typing import Optional, Tuple, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
CTX = 8
WIDTH = 12
MASK = tf.tril(tf.ones(CTX, CTX))
TABLE = tf.zeros(10, WIDTH)


def set_context(n: int) -> None:
    global CTX, MASK
    CTX = n
    MASK = tf.tril(tf.ones(n, n))


def masked(scores: tf.Tensor) -> tf.Tensor:
    t = scores.shape[-1]
    return tf.where(MASK[:t, :t] > 0, scores, -1e9)


def lookup(i: int) -> tf.Tensor:
    return TABLE[i]


def f(x: Tensor[B, 4], y: Tensor[B, 6]) -> Tensor[B, 10]:
    return tf.cat(x, y, axis=1)


def maybe_proj(x: tf.Tensor, proj: Optional[Dense[12, 4]] = None) -> tf.Tensor:
    if proj is None:
        return x[:, :4]
    return proj(x)


def opt_bias(x: tf.Tensor, bias: Optional[tf.Tensor] = None) -> tf.Tensor:
    y = x @ tf.ones(12, 4)
    if bias is not None:
        y = y + bias
    return y


set_context(16)
print(masked(tf.zeros(2, 12, 12)).shape)
if len(sys.argv) > 5:
    TABLE = tf.zeros(10, 3)
WIDTH = 20
print(lookup(3).shape)
args: Tuple[tf.Tensor, tf.Tensor] = (tf.zeros(2, 4), tf.zeros(2, 6))
print(f(*args).shape)
pair = (tf.zeros(3, 4), tf.zeros(3, 6))
print(f(*pair).shape)
many = tuple(tf.zeros(2, 4) for _ in range(1)) + (tf.zeros(2, 6),)
print(f(*many).shape)
print(maybe_proj(tf.ones(2, 12)).shape, maybe_proj(tf.ones(2, 12), Dense(12, 4)).shape)
print(opt_bias(tf.ones(3, 12)).shape, opt_bias(tf.ones(3, 12), tf.ones(4)).shape,
      opt_bias(tf.ones(3, 12), tf.ones(3, 1)).shape)
