"""MobileViT block: a local 3x3 conv and a 1x1 conv to the transformer width, the map unfolded
into 2x2 patches and attended, folded back and projected to the input channels, then
concatenated with the input and fused by a 3x3 conv; the fusion conv was sized for the
projection alone."""
import typedflux as tf
from typedflux import Conv, LayerNorm, MultiHeadAttention, swish


class MobileViTBlock:
    def __init__(self, c: int, d: int, p: int = 2) -> None:
        self.p = p
        self.local = Conv((3, 3), c, c, swish, pad=1)
        self.to_d = Conv((1, 1), c, d)
        self.norm = LayerNorm(d)
        self.attn = MultiHeadAttention(d, 4)
        self.to_c = Conv((1, 1), d, c)
        self.fuse = Conv((3, 3), 2 * c, c, swish, pad=1)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        b, c, h, w = x.shape
        y = self.to_d(self.local(x))
        t = tf.rearrange(y, "b d (h ph) (w pw) -> (b ph pw) (h w) d", ph=self.p, pw=self.p)
        t = t + self.attn(self.norm(t))
        y = tf.rearrange(t, "(b ph pw) (h w) d -> b d (h ph) (w pw)", ph=self.p, pw=self.p, h=h // self.p)
        return self.fuse(tf.cat(x, self.to_c(y), axis=1))


block = MobileViTBlock(16, 32)
print(block(tf.randn(2, 16, 8, 8)).shape)
