"""Methods calling methods; state changed by a method that __call__ calls; __main__ guard; with blocks."""
import contextlib
from typing import Iterator

import typedflux as tf
from typedflux import Dense, LayerNorm, relu


class AE:
    def __init__(self, d: int, z: int) -> None:
        self.enc = Dense(d, z, relu)
        self.dec = Dense(z, d)

    def encode(self, x: tf.Tensor) -> tf.Tensor:
        return self.enc(x)

    def decode(self, z: tf.Tensor) -> tf.Tensor:
        return self.dec(z)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.decode(self.encode(x))

    def swap(self) -> None:
        self.enc, self.dec = Dense(16, 6), Dense(6, 16)


class Grow:
    def __init__(self) -> None:
        self.state = tf.zeros(1, 0)

    def push(self, x: tf.Tensor) -> tf.Tensor:
        self.state = tf.cat(self.state, x, axis=1)
        return self.state

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        self.push(x)
        return self.state


class Stepper:
    def __init__(self, d: int) -> None:
        self.proj = Dense(d, d)
        self.norm = LayerNorm(d)
        self.h = tf.zeros(1, d)

    def step(self, x: tf.Tensor) -> tf.Tensor:
        self.h = self.norm(self.proj(x) + self.h)
        return self.h

    def widen(self, d: int) -> None:
        self.proj = Dense(d, d)
        self.norm = LayerNorm(d)
        self.h = tf.zeros(1, d)


@contextlib.contextmanager
def widened(s: Stepper, d: int) -> Iterator[Stepper]:
    s.widen(d)
    yield s


ae = AE(16, 4)
print(Dense(16, 1)(ae(tf.randn(2, 16))).shape)
ae.swap()
print(Dense(6, 1)(ae.encode(tf.randn(2, 16))).shape)

g = Grow()
for i in range(3):
    out = g(tf.ones(1, 2))
print((out + tf.zeros(1, 6)).shape)

if __name__ == "__main__":
    st = Stepper(8)
    with widened(st, 12) as s2:
        print(s2.step(tf.randn(1, 12)).shape)
    st2 = Stepper(8)
    print(st2.step(tf.randn(1, 8)).shape)
    st3 = Stepper(8)
    for d in (12,):
        st3.widen(d)
    print(st3.step(tf.randn(1, 12)).shape)
    st4 = Stepper(8)
    ops = [st4.widen]
    ops[0](12)
    print(st4.step(tf.randn(1, 12)).shape)
