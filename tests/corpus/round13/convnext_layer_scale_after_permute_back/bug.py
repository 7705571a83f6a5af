"""ConvNeXt's block works channels-last after the depthwise conv (LayerNorm, two Dense layers)
and multiplies by the layer-scale vector gamma of size dim before permuting back; gamma was
applied after the permute, on NCHW."""
import typedflux as tf
from typedflux import Conv, Dense, LayerNorm, gelu


class ConvNeXtBlock:
    def __init__(self, dim: int) -> None:
        self.dwconv = Conv((7, 7), dim, dim, pad=3, groups=dim)
        self.norm = LayerNorm(dim)
        self.pw1 = Dense(dim, 4 * dim, gelu)
        self.pw2 = Dense(4 * dim, dim)
        self.gamma = tf.ones(dim) * 1e-6

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        h = self.dwconv(x).transpose(0, 2, 3, 1)
        h = self.pw2(self.pw1(self.norm(h)))
        h = h.transpose(0, 3, 1, 2)
        return x + self.gamma * h


block = ConvNeXtBlock(32)
print(block(tf.randn(2, 32, 14, 14)).shape)  # BUG  # E: Cannot broadcast for "mul": x has Tensor[32], y has Tensor[2, 32, 14, 14]; need equal sizes or 1 at axis -1 (32 vs 14)  [shape]
