"""Methods other than __call__: a cache written by tuple targets, state written by one method and read
by another (prefill then step), an instance let out of __init__ into a registry, aliases."""
import typedflux as tf
from typedflux import Dense, Tensor

REGISTRY: list = []


class Cache:
    def __init__(self, d: int, heads: int) -> None:
        self.kv = Dense(d, 2 * d)
        self.h, self.hd = heads, d // heads
        self.k, self.v = tf.zeros(1, heads, 0, d // heads), tf.zeros(1, heads, 0, d // heads)
        REGISTRY.append(self)

    def step(self, x: tf.Tensor) -> tf.Tensor:
        b, t, d = x.shape
        k, v = tf.chunk(self.kv(x), 2, axis=-1)
        k = k.reshape(b, t, self.h, self.hd).transpose(0, 2, 1, 3)
        v = v.reshape(b, t, self.h, self.hd).transpose(0, 2, 1, 3)
        self.k, self.v = tf.cat(self.k, k, axis=2), tf.cat(self.v, v, axis=2)
        return self.k

    def prefill(self, x: tf.Tensor) -> tf.Tensor:
        b, t, d = x.shape
        k, v = tf.chunk(self.kv(x), 2, axis=-1)
        self.k = k.reshape(b, t, self.h, self.hd).transpose(0, 2, 1, 3)
        self.v = v.reshape(b, t, self.h, self.hd).transpose(0, 2, 1, 3)
        return self.k

    def last(self) -> tf.Tensor:
        return self.k[:, :, -1:, :]

    def resize(self, heads: int) -> None:
        self.h, self.hd = heads, 48 // heads
        self.k = tf.zeros(1, heads, 0, 48 // heads)
        self.v = tf.zeros(1, heads, 0, 48 // heads)


c = Cache(48, 4)
for m in REGISTRY:
    m.resize(6)
out = c.step(tf.randn(1, 1, 48))
print(out.shape)

c2 = Cache(48, 4)
c2.prefill(tf.randn(1, 5, 48))
ks = c2.step(tf.randn(1, 1, 48))
y = ks + tf.zeros(1, 4, 6, 12)
print(y.shape)

c3 = Cache(48, 4)
for i in range(3):
    k3 = c3.step(tf.randn(1, 1, 48))
print((k3 + tf.zeros(1, 4, 3, 12)).shape)
print((c3.k + tf.zeros(1, 4, 3, 12)).shape)
print((c3.last() + tf.zeros(1, 4, 1, 12)).shape)

c4 = Cache(48, 4)
r = lambda: c4.resize(6)
c4b = c4
c4b.resize(6)
print(c4.step(tf.randn(1, 1, 48)).shape)
