"""Range loops with branches/breaks, ties through Chains, padding masks, overloaded __call__."""
from typing import Callable, List, Literal, Optional, Tuple, TypeVar, overload

import numpy as np

import typedflux as tf
from typedflux import Chain, Dense, Embedding, LayerNorm, LSTM, MultiHeadAttention, Tensor, relu

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)


class FirstDifferent:
    def __init__(self) -> None:
        self.inp = Dense(5, 8)
        self.hid = Dense(8, 8)

    def __call__(self, x):
        for i in range(3):
            if i == 0:
                x = self.inp(x)
            else:
                x = self.hid(x)
        return x


class Breaks:
    def __init__(self) -> None:
        self.step = Dense(4, 4)

    def run(self, x, n: int):
        for i in range(n):
            if x.shape[1] >= 12:
                break
            x = tf.cat(x, self.step(x[:, :4]), axis=1)
        return x


class Continues:
    def __init__(self) -> None:
        self.a = Dense(6, 6)

    def run(self, x, n: int):
        for i in range(n):
            if i % 2 == 0:
                continue
            x = self.a(x)
        return x


class TiedChainHead:
    def __init__(self) -> None:
        self.wte = Embedding(30, 8)
        self.head = Chain(LayerNorm(8), Dense(8, 30, bias=False))
        self.head.layers[1].weight = self.wte.weight

    def __call__(self, idx):
        return self.head(self.wte(idx))


class Padded:
    def __init__(self) -> None:
        self.attn = MultiHeadAttention(16, 4)

    def __call__(self, x, pad: Optional[Tensor] = None):
        return self.attn(x, mask=pad)


class Enc:
    def __init__(self) -> None:
        self.rnn = LSTM(3, 5, return_state=True)

    def __call__(self, x):
        y, (h, c) = self.rnn(x)
        return y[:, -1] + h


class Over:
    @overload
    def __call__(self, x: Tensor[B, 4]) -> Tensor[B, 2]: ...
    @overload
    def __call__(self, x: Tensor[B, T, 4]) -> Tensor[B, T, 2]: ...
    def __call__(self, x: Tensor) -> Tensor:
        return x[..., :2]


@overload
def run(x: Tensor[B, 4], keep: Literal[True]) -> Tuple[Tensor[B, 4], Tensor[B, 4]]: ...
@overload
def run(x: Tensor[B, 4], keep: Literal[False] = ...) -> Tensor[B, 4]: ...
def run(x: Tensor, keep: bool = False) -> object:
    return (x, x * 2) if keep else x


acts: List[Callable[[Tensor[B, 4]], Tensor[B, 4]]] = [relu, lambda t: t * 2, tf.tanh]


def apply_all(x: Tensor[B, 4]) -> Tensor[B, 4]:
    for i in range(len(acts)):
        x = acts[i](x)
    return x


idx = tf.tensor(np.zeros((2, 5), dtype=np.int64))
print(FirstDifferent()(tf.randn(2, 5)).shape, Breaks().run(tf.randn(2, 4), 10).shape, Continues().run(tf.randn(2, 6), 4).shape)
print(TiedChainHead()(idx).shape)
padmask = tf.tensor(np.ones((2, 1, 1, 7), dtype=bool))
print(Padded()(tf.randn(2, 7, 16), pad=padmask).shape, Padded()(tf.randn(2, 7, 16)).shape)
print(Enc()(tf.randn(2, 9, 3)).shape)
o = Over()
y2: Tensor[3, 2] = o(tf.zeros(3, 4))
y3: Tensor[3, 7, 2] = o(tf.zeros(3, 7, 4))
r1: Tuple[Tensor[2, 4], Tensor[2, 4]] = run(tf.zeros(2, 4), True)
r2: Tensor[2, 4] = run(tf.zeros(2, 4))
print(y2.shape, y3.shape, r1[1].shape, r2.shape, apply_all(tf.zeros(6, 4)).shape)
