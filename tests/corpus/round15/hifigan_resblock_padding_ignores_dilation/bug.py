"""HiFi-GAN's residual block: dilated convs over time (written as (1, k) convs over
(B, C, 1, T)) with "same" padding, dilation*(k-1)//2 on each side; the padding ignored the
dilation, so the dilated convs shorten the signal and the residual add fails."""
import typedflux as tf
from typedflux import Conv, leakyrelu


class ResBlock:
    def __init__(self, c: int, k: int = 3) -> None:
        self.convs = [Conv((1, k), c, c, pad=(0, (k - 1) // 2), dilation=d) for d in (1, 3, 5)]

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        for conv in self.convs:
            x = x + conv(leakyrelu(x))
        return x


block = ResBlock(16)
print(block(tf.randn(2, 16, 1, 50)).shape)  # BUG  # E: Cannot broadcast for "add": x has Tensor[2, 16, 1, 50], y has Tensor[2, 16, 1, 46]; need equal sizes or 1 at axis -1 (50 vs 46)  [shape]
