"""A GPT attention layer with a KV cache kept on the instance: the step's keys are split into
heads and appended along time. The key projection's output was split with the head count and
the head size swapped."""
import typedflux as tf
from typedflux import Dense


class CachedAttention:
    def __init__(self, d: int, heads: int) -> None:
        self.q = Dense(d, d)
        self.kv = Dense(d, 2 * d)
        self.o = Dense(d, d)
        self.h, self.hd = heads, d // heads
        self.k_cache = tf.zeros(1, heads, 0, d // heads)
        self.v_cache = tf.zeros(1, heads, 0, d // heads)

    def step(self, x: tf.Tensor) -> tf.Tensor:
        q = self.q(x).reshape(1, 1, self.h, self.hd).transpose(0, 2, 1, 3)
        k, v = tf.chunk(self.kv(x), 2, axis=-1)
        k = k.reshape(1, 1, self.hd, self.h).transpose(0, 2, 1, 3)
        v = v.reshape(1, 1, self.h, self.hd).transpose(0, 2, 1, 3)
        self.k_cache = tf.cat(self.k_cache, k, axis=2)
        self.v_cache = tf.cat(self.v_cache, v, axis=2)
        att = tf.softmax(q @ self.k_cache.transpose(0, 1, 3, 2) / self.hd ** 0.5)
        return self.o((att @ self.v_cache).transpose(0, 2, 1, 3).reshape(1, 1, self.h * self.hd))


layer = CachedAttention(48, 4)
for _ in range(3):
    y = layer.step(tf.randn(1, 1, 48))  # BUG  # E: Sizes differ for "cat": xs[0] has Tensor[1, 4, 0, 12], xs[1] has Tensor[1, 12, 1, 4]; need equal sizes except at axis 2 (4 vs 12 at axis 1)  [shape]
print(y.shape)
