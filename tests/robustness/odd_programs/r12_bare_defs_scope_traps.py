"""Scope traps for defs run with the call's ints."""
import math
import typedflux as tf

dim = 64
HALF = 8


def sinusoidal(t: tf.Tensor, dim: int) -> tf.Tensor:
    half = dim // 2
    freqs = tf.exp(-math.log(10000) * tf.arange(half) / half)
    args = t.reshape(-1, 1) * freqs.reshape(1, -1)
    return tf.cat(tf.cos(args), tf.sin(args), axis=-1)


def uses_global(t: tf.Tensor, n: int) -> tf.Tensor:
    return tf.zeros(t.shape[0], HALF * n)


def sets_global(t: tf.Tensor, n: int) -> tf.Tensor:
    global HALF
    HALF = n
    return tf.zeros(t.shape[0], HALF)


def shadow(t: tf.Tensor, n: int) -> tf.Tensor:
    n = len(t.shape) + n
    return tf.zeros(t.shape[0], n)


def swap(t: tf.Tensor, a: int, b: int) -> tf.Tensor:
    a, b = b, a
    return tf.zeros(a, b)


def aug(t: tf.Tensor, n: int) -> tf.Tensor:
    n *= 2
    n -= 1
    n //= 3
    return tf.zeros(n)


def cond(t: tf.Tensor, n: int) -> tf.Tensor:
    if n > 4:
        n = 4
    return tf.zeros(n)


def loop(t: tf.Tensor, n: int) -> tf.Tensor:
    for i in range(3):
        n = n + i
    return tf.zeros(n)


def comp(t: tf.Tensor, n: int) -> tf.Tensor:
    sizes = [n * k for k in range(1, 3)]
    return tf.zeros(sum(sizes))


def walrus(t: tf.Tensor, n: int) -> tf.Tensor:
    if (m := n * 2) > 3:
        return tf.zeros(m)
    return tf.zeros(m + 1)


def keyword_default(t: tf.Tensor, n: int, extra: int = 3) -> tf.Tensor:
    return tf.zeros(n + extra)


def str_param(t: tf.Tensor, n: int, mode: str) -> tf.Tensor:
    return tf.zeros(n if mode == "a" else 2 * n)


def float_int(t: tf.Tensor, n: int) -> tf.Tensor:
    return tf.zeros(int(n * 1.5))


t = tf.randn(4)
print((sinusoidal(t, 32) + tf.zeros(4, 32)).shape)
print((uses_global(t, 2) + tf.zeros(4, 16)).shape)
print((sets_global(t, 3) + tf.zeros(4, 3)).shape)
print((uses_global(t, 2) + tf.zeros(4, 6)).shape)
print((shadow(t, 2) + tf.zeros(4, 3)).shape)
print((swap(t, 2, 3) + tf.zeros(3, 2)).shape)
print((aug(t, 5) + tf.zeros(3)).shape)
print((cond(t, 7) + tf.zeros(4)).shape)
print((loop(t, 1) + tf.zeros(4)).shape)
print((comp(t, 2) + tf.zeros(6)).shape)
print((walrus(t, 1) + tf.zeros(3)).shape)
print((keyword_default(t, 1) + tf.zeros(4)).shape)
print((str_param(t, 2, "b") + tf.zeros(4)).shape)
print((float_int(t, 3) + tf.zeros(4)).shape)
