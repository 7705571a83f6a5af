"""The Conformer convolution module works on (B, C, T): the (B, T, C) sequence must be turned
channels-first before the pointwise conv (here a (1, 1) conv over (B, C, 1, T)). It was reshaped
without swapping the axes' roles."""
import typedflux as tf
from typedflux import BatchNorm, Conv, LayerNorm, swish

B, T, C = 2, 20, 24


class ConvModule:
    def __init__(self, d: int, k: int = 7) -> None:
        self.norm = LayerNorm(d)
        self.pw1 = Conv((1, 1), d, 2 * d)
        self.dw = Conv((1, k), d, d, pad=(0, 0, k // 2, k // 2), groups=d)
        self.bn = BatchNorm(d)
        self.pw2 = Conv((1, 1), d, d)


m = ConvModule(C)
x = tf.randn(B, T, C)
h = m.norm(x).swapaxes(1, 2).reshape(B, C, 1, T)
h = m.pw1(h)
a, g = tf.chunk(h, 2, axis=1)
h = m.pw2(swish(m.bn(m.dw(a * tf.sigmoid(g)))))
print((x + h.reshape(B, C, T).swapaxes(1, 2)).shape)
