"""super() arguments, dataclass layers, return_state, keyword layer calls, generic classes."""
import dataclasses
from dataclasses import dataclass, field
from typing import Generic, Optional, Tuple, TypeVar, NamedTuple

import typedflux as tf
from typedflux import (Chain, Dense, GRU, LSTM, LayerNorm, MultiHeadAttention, Tensor, relu,
                       SkipConnection, Parallel)

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
N = TypeVar("N", bound=int)


class Base:
    def __init__(self, x: Tensor[B, 4]) -> None:
        self.x = x

    def step(self, h: Tensor[B, 4]) -> Tensor[B, 4]:
        return h * 2


class Child(Base):
    def __init__(self, n: int) -> None:
        super().__init__(tf.zeros(n, 4))
        self.lin = Dense(4, 4)

    def step(self, h: Tensor[B, 4]) -> Tensor[B, 4]:
        return super().step(self.lin(h))


@dataclass
class State:
    h: Tensor[2, 16] = field(default_factory=lambda: tf.zeros(2, 16))
    c: Tensor[2, 16] = field(default=tf.zeros(2, 16))
    steps: int = 0


class Pair(NamedTuple):
    q: Tensor[3, 8]
    k: Tensor[3, 8]


class Box(Generic[N]):
    def __init__(self, x: Tensor[N, 4]) -> None:
        self.x = x

    def grow(self) -> "Box[N]":
        return Box(self.x * 2)


def boxed(x: Tensor[B, 4]) -> Box[B]:
    return Box(x)


class Encoder:
    def __init__(self) -> None:
        self.rnn = LSTM(8, 16, return_state=True)
        self.gru = GRU(16, 16)
        self.attn = MultiHeadAttention(16, 4)
        self.norm = LayerNorm(16)

    def __call__(self, x: Tensor[B, T, 8], mask: Optional[tf.Tensor] = None
                 ) -> Tuple[Tensor[B, T, 16], tf.Tensor]:
        y, state = self.rnn(x)
        y = self.gru(y)
        if mask is not None:
            z = self.attn(y, y, y, mask=mask)
        else:
            z = self.attn(y, y, y)
        return self.norm(z + y), state[0]


c = Child(3)
print(c.step(tf.ones(5, 4)).shape)
s = State()
s2 = dataclasses.replace(s, h=tf.ones(2, 16), steps=1)
print(s2.h.shape, s.c.shape)
p = Pair(tf.zeros(3, 8), tf.ones(3, 8))
p = p._replace(k=tf.zeros(3, 8))
print(p.q.shape)
bx = boxed(tf.zeros(7, 4)).grow()
print(bx.x.shape)
enc = Encoder()
x = tf.randn(2, 5, 8)
m = tf.tril(tf.ones(5, 5)) > 0
y1, st = enc(x, mask=m)
y2, _ = enc(x)
print(y1.shape, y2.shape, st.shape)
block = Chain(Dense(16, 16), SkipConnection(Chain(LayerNorm(16), Dense(16, 16, relu)), tf.add),
              Parallel(tf.add, Dense(16, 8), Dense(16, 8)))
print(block(y1).shape)
