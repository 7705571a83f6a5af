"""Generic[D] classes used in ways the tests do not."""
from typing import Generic, List, Tuple, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor, relu

B = TypeVar("B", bound=int)
D = TypeVar("D", bound=int)
E = TypeVar("E", bound=int)


class Stack(Generic[D]):
    def __init__(self, d: D, depth: int) -> None:
        self.blocks = [Dense(d, d) for _ in range(depth)]

    def __call__(self, x: Tensor[B, D]) -> Tensor[B, D]:
        for blk in self.blocks:
            x = blk(x)
        return x


class Proj(Generic[D, E]):
    def __init__(self, d_in: D, d_out: E) -> None:
        self.lin = Dense(d_in, d_out)

    def __call__(self, x: Tensor[B, D]) -> Tensor[B, E]:
        return self.lin(x)

    def encode(self, x: Tensor[B, D]) -> Tensor[B, E]:
        return relu(self.lin(x))


class Swapped(Generic[D, E]):
    def __init__(self, d_out: E, d_in: D) -> None:
        self.lin = Dense(d_in, d_out)

    def __call__(self, x: Tensor[B, D]) -> Tensor[B, E]:
        return self.lin(x)


class Widths(Generic[D]):
    def __init__(self, d: D, extra: int = 0) -> None:
        self.lin = Dense(d + extra, d + extra)

    def __call__(self, x: Tensor[B, D]) -> Tensor[B, D]:
        return self.lin(x)


class Deep(Stack[D]):
    def __call__(self, x: Tensor[B, D]) -> Tensor[B, D]:
        return x


s_kw = Stack(depth=2, d=16)
print(Dense(16, 2)(s_kw(tf.randn(2, 16))).shape)
p = Proj(8, 4)
print(Dense(4, 2)(p(tf.randn(3, 8))).shape)
print(Dense(4, 2)(p.encode(tf.randn(3, 8))).shape)
sw = Swapped(4, 8)
print(Dense(4, 2)(sw(tf.randn(3, 8))).shape)
w = Widths(8)
print(Dense(8, 2)(w(tf.randn(3, 8))).shape)
dp = Deep(16, 2)
print(Dense(16, 2)(dp(tf.randn(2, 16))).shape)
widths = [8, 16]
stacks = [Stack(d, 1) for d in widths]
for s, x in zip(stacks, [tf.randn(2, 8), tf.randn(2, 16)]):
    print(s(x).shape)
pairs = {d: Stack(d, 1) for d in (8, 16)}
print(Dense(16, 2)(pairs[16](tf.randn(2, 16))).shape)
s_data = Stack(int(tf.randn(5, 12).shape[1]), 1)
print(Dense(12, 2)(s_data(tf.randn(2, 12))).shape)
s_t: Stack[int] = Stack(16, 1)
s_t = Stack(32, 1)
print(Dense(32, 2)(s_t(tf.randn(2, 32))).shape)
s_r = Stack(16, 1)
s_r = Stack(24, 1)
print(Dense(24, 2)(s_r(tf.randn(2, 24))).shape)
cond = Stack(16, 1) if len(widths) > 5 else Stack(24, 1)
print(Dense(24, 2)(cond(tf.randn(2, 24))).shape)
DM = 16
sd = Stack(DM, 1)
DM = 24
print(Dense(16, 2)(sd(tf.randn(2, 16))).shape)
s_neg = Stack(2 * 8, 1)
print(Dense(16, 2)(s_neg(tf.randn(2, 16))).shape)
