"""a body's branch not taken (flag known False) or not known calls a method that writes
self.scale (a tensor) / self.proj; after the if, the body uses the attribute. Correct for the
flag the construction gave; each runs."""
import typedflux as tf
from typedflux import Dense, Tensor


class W:
    def __init__(self, flag: bool) -> None:
        self.flag = flag
        self.scale = tf.ones(8)
        self.proj = Dense(8, 8)

    def _swap(self) -> None:
        self.scale = tf.ones(4)

    def __call__(self, x: Tensor) -> Tensor:
        if self.flag:
            self._swap()
        return self.proj(x) * self.scale


class Cache:
    def __init__(self) -> None:
        self.k = tf.zeros(2, 0, 8)

    def _reset(self, n: int) -> None:
        self.k = tf.zeros(2, n, 4)

    def __call__(self, x: Tensor, reset: bool) -> Tensor:
        if reset:
            self._reset(3)
        self.k = tf.cat(self.k, x, axis=1)
        return self.k


print(W(False)(tf.randn(2, 8)).shape)
c = Cache()
print(c(tf.randn(2, 1, 8), False).shape)
print(c(tf.randn(2, 1, 8), False).shape)
