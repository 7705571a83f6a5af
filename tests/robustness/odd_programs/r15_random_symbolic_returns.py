"""12 generic functions a generator drew (fuzz/gen_sym2.py): random cat/slice/stride/pad/repeat compositions over Tensor[B, N] returned under an annotation spelled as the composition reads (nested, unsimplified), checked by @tf.shapecheck, and called with results assigned to their concrete shapes."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)

@tf.shapecheck
def f0(x: Tensor[B, N]) -> Tensor[B, "(((N) + 1)//3) - 1"]:
    h = x
    h = h[:, 1::3]
    h = h[:, 1:]
    return h


@tf.shapecheck
def f1(x: Tensor[B, N]) -> Tensor[B, "((((2*(((N) + 1)//2)) + 1)//2) - 1)*2"]:
    h = x
    h = h[:, ::2]
    h = tf.cat(h, h, axis=1)
    h = h[:, ::2]
    h = h[:, 1:]
    h = tf.tile(h, 1, 2)
    return h


@tf.shapecheck
def f2(x: Tensor[B, N]) -> Tensor[B, "2*(((((N) + 1)//2) + 1)//2)"]:
    h = x
    h = h[:, ::2]
    h = h[:, ::2]
    h = tf.cat(h, h, axis=1)
    return h


@tf.shapecheck
def f3(x: Tensor[B, N]) -> Tensor[B, "(((N) + 1)//2) + 2"]:
    h = x
    h = h[:, ::2]
    h = tf.pad(h, ((0, 0), (1, 1)))
    return h


@tf.shapecheck
def f4(x: Tensor[B, N]) -> Tensor[B, "(((((N)*2) + 1) + 2) - 1) - 1"]:
    h = x
    h = tf.tile(h, 1, 2)
    h = tf.cat(h, h[:, :1], axis=1)
    h = tf.pad(h, ((0, 0), (1, 1)))
    h = h[:, 1:]
    h = h[:, 1:]
    return h


@tf.shapecheck
def f5(x: Tensor[B, N]) -> Tensor[B, "((N) + 1) - 2"]:
    h = x
    h = tf.cat(h, h[:, :1], axis=1)
    h = h[:, :-2]
    return h


@tf.shapecheck
def f6(x: Tensor[B, N]) -> Tensor[B, "(((N) + 2) - 2) + 1"]:
    h = x
    h = tf.pad(h, ((0, 0), (1, 1)))
    h = h[:, :-2]
    h = tf.cat(h, h[:, :1], axis=1)
    return h


@tf.shapecheck
def f7(x: Tensor[B, N]) -> Tensor[B, "((((N) + 2) + 2) + 2) + 1"]:
    h = x
    h = tf.pad(h, ((0, 0), (1, 1)))
    h = tf.pad(h, ((0, 0), (1, 1)))
    h = tf.pad(h, ((0, 0), (1, 1)))
    h = tf.cat(h, h[:, :1], axis=1)
    return h


@tf.shapecheck
def f8(x: Tensor[B, N]) -> Tensor[B, "((2*(N)) + 1)//2"]:
    h = x
    h = tf.cat(h, h, axis=1)
    h = h[:, ::2]
    return h


@tf.shapecheck
def f9(x: Tensor[B, N]) -> Tensor[B, "((((((N) + 1)//2) + 2) + 1)//2) + 1"]:
    h = x
    h = h[:, ::2]
    h = tf.pad(h, ((0, 0), (1, 1)))
    h = h[:, ::2]
    h = tf.cat(h, h[:, :1], axis=1)
    return h


@tf.shapecheck
def f10(x: Tensor[B, N]) -> Tensor[B, "((N) - 1)*2"]:
    h = x
    h = h[:, 1:]
    h = tf.tile(h, 1, 2)
    return h


@tf.shapecheck
def f11(x: Tensor[B, N]) -> Tensor[B, "(((((N) + 2) + 2) + 1) - 2) + 2"]:
    h = x
    h = tf.pad(h, ((0, 0), (1, 1)))
    h = tf.pad(h, ((0, 0), (1, 1)))
    h = tf.cat(h, h[:, :1], axis=1)
    h = h[:, :-2]
    h = tf.pad(h, ((0, 0), (1, 1)))
    return h


r0: Tensor[2, 12] = f0(tf.zeros(2, 40))
l0: list[Tensor[int, int]] = [f0(tf.zeros(2, 40)) for _ in range(2)]
print(r0.shape, f0(tf.zeros(3, 41)).shape)
r1: Tensor[2, 38] = f1(tf.zeros(2, 40))
l1: list[Tensor[int, int]] = [f1(tf.zeros(2, 40)) for _ in range(2)]
print(r1.shape, f1(tf.zeros(3, 41)).shape)
r2: Tensor[2, 20] = f2(tf.zeros(2, 40))
l2: list[Tensor[int, int]] = [f2(tf.zeros(2, 40)) for _ in range(2)]
print(r2.shape, f2(tf.zeros(3, 41)).shape)
r3: Tensor[2, 22] = f3(tf.zeros(2, 40))
l3: list[Tensor[int, int]] = [f3(tf.zeros(2, 40)) for _ in range(2)]
print(r3.shape, f3(tf.zeros(3, 41)).shape)
r4: Tensor[2, 81] = f4(tf.zeros(2, 40))
l4: list[Tensor[int, int]] = [f4(tf.zeros(2, 40)) for _ in range(2)]
print(r4.shape, f4(tf.zeros(3, 41)).shape)
r5: Tensor[2, 39] = f5(tf.zeros(2, 40))
l5: list[Tensor[int, int]] = [f5(tf.zeros(2, 40)) for _ in range(2)]
print(r5.shape, f5(tf.zeros(3, 41)).shape)
r6: Tensor[2, 41] = f6(tf.zeros(2, 40))
l6: list[Tensor[int, int]] = [f6(tf.zeros(2, 40)) for _ in range(2)]
print(r6.shape, f6(tf.zeros(3, 41)).shape)
r7: Tensor[2, 47] = f7(tf.zeros(2, 40))
l7: list[Tensor[int, int]] = [f7(tf.zeros(2, 40)) for _ in range(2)]
print(r7.shape, f7(tf.zeros(3, 41)).shape)
r8: Tensor[2, 40] = f8(tf.zeros(2, 40))
l8: list[Tensor[int, int]] = [f8(tf.zeros(2, 40)) for _ in range(2)]
print(r8.shape, f8(tf.zeros(3, 41)).shape)
r9: Tensor[2, 12] = f9(tf.zeros(2, 40))
l9: list[Tensor[int, int]] = [f9(tf.zeros(2, 40)) for _ in range(2)]
print(r9.shape, f9(tf.zeros(3, 41)).shape)
r10: Tensor[2, 78] = f10(tf.zeros(2, 40))
l10: list[Tensor[int, int]] = [f10(tf.zeros(2, 40)) for _ in range(2)]
print(r10.shape, f10(tf.zeros(3, 41)).shape)
r11: Tensor[2, 45] = f11(tf.zeros(2, 40))
l11: list[Tensor[int, int]] = [f11(tf.zeros(2, 40)) for _ in range(2)]
print(r11.shape, f11(tf.zeros(3, 41)).shape)
