"""PVT's spatial-reduction attention: keys and values come from the feature map reduced by a
strided conv (ratio sr), so there are N/sr^2 of them; the reduced map was reshaped back to the
full N tokens."""
import math

import typedflux as tf
from typedflux import Conv, Dense, LayerNorm


class SRAttention:
    def __init__(self, d: int, sr: int) -> None:
        self.q = Dense(d, d)
        self.kv = Dense(d, 2 * d)
        self.sr = Conv((sr, sr), d, d, stride=sr)
        self.norm = LayerNorm(d)
        self.o = Dense(d, d)

    def __call__(self, x: tf.Tensor, h: int, w: int) -> tf.Tensor:
        b, n, d = x.shape
        img = x.transpose(0, 2, 1).reshape(b, d, h, w)
        red = self.sr(img).reshape(b, d, n).transpose(0, 2, 1)
        k, v = tf.chunk(self.kv(self.norm(red)), 2)
        att = tf.softmax(self.q(x) @ k.transpose(0, 2, 1) / math.sqrt(d), axis=-1)
        return self.o(att @ v)


sra = SRAttention(16, 2)
print(sra(tf.randn(2, 64, 16), 8, 8).shape)  # BUG  # E: Cannot reshape for "reshape": x has Tensor[2, 16, 4, 4], target is (2, 16, 64); need equal element counts (512 vs 2048)  [shape]
