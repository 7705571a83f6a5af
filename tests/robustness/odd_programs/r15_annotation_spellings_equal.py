"""Return annotations spelled differently from the plugin's normal form (all equal for every size)."""
from typing import TypeVar

import typedflux as tf
from typedflux import Conv, Tensor, MaxPool

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)


def f1(x: Tensor[N]) -> Tensor["2*(N+1)"]:
    return tf.pad(tf.cat(x, x), ((1, 1),))


def f2(x: Tensor["2*N"]) -> Tensor[N]:
    a, b = tf.chunk(x, 2, axis=0)
    return a


def f3(x: Tensor["2*N + 2"]) -> Tensor["N + 1"]:
    return x[::2]


def f4(x: Tensor[B, 3, H, W]) -> Tensor[B, 8, H, W]:
    return Conv((3, 3), 3, 8, pad=1)(x)


def f5(x: Tensor[B, 3, "2*H", "2*W"]) -> Tensor[B, 3, H, W]:
    return MaxPool((2, 2))(x)


def f6(x: Tensor[N, M]) -> Tensor["M*N"]:
    return x.reshape(-1)


def f7(x: Tensor[N, M]) -> Tensor["N*M"]:
    return x.T.reshape(-1)


def f8(x: Tensor["N + M"]) -> Tensor["M + N - 1"]:
    return x[1:]


def f9(x: Tensor["4*N"]) -> Tensor[N, 4]:
    return x.reshape(-1, 4)


def f10(x: Tensor["4*N"]) -> Tensor[2, "2*N"]:
    return x.reshape(2, -1)


def f11(x: Tensor[B, 3, H, W]) -> Tensor[B, 8, "(H - 1)//2 + 1", "(W + 1)//2"]:
    return Conv((3, 3), 3, 8, stride=2, pad=1)(x)


def f12(x: Tensor[B, 3, "4*H", W]) -> Tensor[B, 3, "2*H", W]:
    return x[:, :, ::2]


def f13(x: Tensor[N]) -> Tensor["N - 1 + 1"]:
    return x


print(f1(tf.ones(3)).shape, f2(tf.ones(6)).shape, f3(tf.ones(8)).shape, f4(tf.ones(1, 3, 5, 5)).shape,
      f5(tf.ones(1, 3, 4, 6)).shape, f6(tf.ones(2, 3)).shape, f7(tf.ones(2, 3)).shape, f8(tf.ones(5)).shape,
      f9(tf.ones(8)).shape, f10(tf.ones(8)).shape, f11(tf.ones(1, 3, 7, 7)).shape, f12(tf.ones(1, 3, 8, 2)).shape,
      f13(tf.ones(2)).shape)
