"""Bare defs whose int parameter sizes what they build through arithmetic: / and int(), ceil,
max, %, -x // 2 * -1, ternaries, round, **, arange with steps and negative steps, >>, &, abs,
len(range(n)); each result checked against its run-time shape."""
import math
import typedflux as tf


def a1(t: tf.Tensor, dim: int) -> tf.Tensor:
    return tf.arange(dim / 2)


def a2(t: tf.Tensor, dim: int) -> tf.Tensor:
    return tf.zeros(int(dim / 2), 3)


def a3(t: tf.Tensor, dim: int) -> tf.Tensor:
    return tf.zeros(math.ceil(dim / 2), 3)


def a4(t: tf.Tensor, dim: int) -> tf.Tensor:
    return tf.zeros(max(dim, 8), 3)


def a5(t: tf.Tensor, dim: int) -> tf.Tensor:
    return tf.zeros(dim % 3 + 1, 3)


def a6(t: tf.Tensor, dim: int) -> tf.Tensor:
    return tf.zeros(-dim // 2 * -1, 3)


def a7(t: tf.Tensor, dim: int) -> tf.Tensor:
    return tf.zeros(dim if dim > 4 else 4, 3)


def a8(t: tf.Tensor, dim: int) -> tf.Tensor:
    return tf.zeros(round(dim * 0.5), 3)


def a9(t: tf.Tensor, dim: int) -> tf.Tensor:
    return tf.zeros(dim ** 2, 3)


def a10(t: tf.Tensor, dim: int) -> tf.Tensor:
    return tf.arange(0, dim, 3)


def a11(t: tf.Tensor, dim: int) -> tf.Tensor:
    return tf.arange(dim, 0, -1)


def a12(t: tf.Tensor, dim: int) -> tf.Tensor:
    return tf.arange(1, dim)


def a13(t: tf.Tensor, dim: int) -> tf.Tensor:
    return tf.arange(dim) * 0.5


def a14(t: tf.Tensor, dim: int) -> tf.Tensor:
    return tf.zeros(dim, dim) + 1


def a15(t: tf.Tensor, dim: int) -> tf.Tensor:
    return tf.zeros(dim, dim)[1:]


def a16(t: tf.Tensor, dim: int) -> tf.Tensor:
    return tf.arange(dim)[::2]


def a17(t: tf.Tensor, dim: int) -> tf.Tensor:
    return tf.zeros(dim >> 1, 3)


def a18(t: tf.Tensor, dim: int) -> tf.Tensor:
    return tf.zeros(dim & 3, 3)


def a19(t: tf.Tensor, dim: int) -> tf.Tensor:
    return tf.zeros(abs(dim), 3)


def a20(t: tf.Tensor, dim: int) -> tf.Tensor:
    return tf.arange(0.0, dim, 0.5)


def a21(t: tf.Tensor, dim: int) -> tf.Tensor:
    return tf.zeros(len(range(dim)), 3)


def a22(t: tf.Tensor, dim: int) -> tf.Tensor:
    return tf.zeros(dim // -2, 3)


def a23(t: tf.Tensor, dim: int) -> tf.Tensor:
    return tf.zeros((dim - 1) // 2 + 1, 3)


def a24(t: tf.Tensor, dim: int) -> tf.Tensor:
    return tf.arange(-dim, dim)


def a25(t: tf.Tensor, dim: int) -> tf.Tensor:
    return tf.zeros(dim * t.shape[0], 1)


def a26(t: tf.Tensor, dim: int) -> tf.Tensor:
    return tf.arange(dim)[-3:]


def a27(t: tf.Tensor, dim: float) -> tf.Tensor:
    return tf.arange(dim)


def a28(t: tf.Tensor, dim: int) -> tf.Tensor:
    return tf.zeros(dim, 3)[:-1]


t = tf.randn(4)
print((a1(t, 7) + tf.zeros(4)).shape)
print((a2(t, 7) + tf.zeros(3, 3)).shape)
print((a3(t, 7) + tf.zeros(4, 3)).shape)
print((a4(t, 7) + tf.zeros(8, 3)).shape)
print((a5(t, 7) + tf.zeros(2, 3)).shape)
print((a6(t, 7) + tf.zeros(4, 3)).shape)
print((a7(t, 7) + tf.zeros(7, 3)).shape)
print((a8(t, 7) + tf.zeros(4, 3)).shape)
print((a9(t, 7) + tf.zeros(49, 3)).shape)
print((a10(t, 7) + tf.zeros(3)).shape)
print((a11(t, 7) + tf.zeros(7)).shape)
print((a12(t, 7) + tf.zeros(6)).shape)
print((a13(t, 7) + tf.zeros(7)).shape)
print((a14(t, 7) + tf.zeros(7, 7)).shape)
print((a15(t, 7) + tf.zeros(6, 7)).shape)
print((a16(t, 7) + tf.zeros(4)).shape)
print((a17(t, 7) + tf.zeros(3, 3)).shape)
print((a18(t, 7) + tf.zeros(3, 3)).shape)
print((a19(t, -7) + tf.zeros(7, 3)).shape)
print((a20(t, 7) + tf.zeros(14)).shape)
print((a21(t, 7) + tf.zeros(7, 3)).shape)

print((a23(t, 7) + tf.zeros(4, 3)).shape)
print((a24(t, 7) + tf.zeros(14)).shape)
print((a25(t, 7) + tf.zeros(28, 1)).shape)
print((a26(t, 7) + tf.zeros(3)).shape)
print((a27(t, 3.5) + tf.zeros(4)).shape)
print((a28(t, 7) + tf.zeros(6, 3)).shape)
print((a12(t, 0) + tf.zeros(0)).shape)
print((a16(t, 0) + tf.zeros(0)).shape)
