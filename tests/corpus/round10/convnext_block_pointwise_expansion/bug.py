"""A ConvNeXt block: depthwise 7x7 conv, channels-last LayerNorm, pointwise MLP (4x), layer
scale, residual. The second pointwise layer was written with the expanded width as output."""
import typedflux as tf
from typedflux import Conv, Dense, LayerNorm, gelu

DIM = 32


class ConvNeXtBlock:
    def __init__(self, dim: int) -> None:
        self.dwconv = Conv((7, 7), dim, dim, pad=3, groups=dim)
        self.norm = LayerNorm(dim)
        self.pw1 = Dense(dim, 4 * dim, gelu)
        self.pw2 = Dense(4 * dim, 4 * dim)
        self.gamma = tf.full(dim, value=1e-6)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        h = self.dwconv(x).transpose(0, 2, 3, 1)
        h = self.pw2(self.pw1(self.norm(h)))
        h = self.gamma * h
        return x + h.transpose(0, 3, 1, 2)


blk = ConvNeXtBlock(DIM)
print(blk(tf.randn(2, DIM, 8, 8)).shape)  # BUG  # E: Cannot broadcast for "mul": x has Tensor[32], y has Tensor[2, 8, 8, 128]; need equal sizes or 1 at axis -1 (32 vs 128)  [shape]
