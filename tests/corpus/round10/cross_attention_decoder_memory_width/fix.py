"""A transformer decoder layer with cross-attention: queries from the decoder (width 32),
keys and values projected from the encoder's memory (width 48). The key projection takes
the decoder's width."""
import typedflux as tf
from typedflux import Dense, LayerNorm


class CrossAttention:
    def __init__(self, d: int, d_mem: int) -> None:
        self.q = Dense(d, d)
        self.k = Dense(d_mem, d)
        self.v = Dense(d_mem, d)
        self.out = Dense(d, d)
        self.norm = LayerNorm(d)

    def __call__(self, x: tf.Tensor, memory: tf.Tensor) -> tf.Tensor:
        q, k, v = self.q(self.norm(x)), self.k(memory), self.v(memory)
        att = tf.softmax(q @ k.transpose(0, 2, 1) / 32 ** 0.5)
        return x + self.out(att @ v)


layer = CrossAttention(32, 48)
print(layer(tf.randn(2, 7, 32), tf.randn(2, 11, 48)).shape)
