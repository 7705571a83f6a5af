"""PoolFormer's token mixer: average pooling with a 3x3 window, stride 1 and padding 1, minus
the input; the padding was left out, so the pooled map is two pixels smaller."""
import typedflux as tf
from typedflux import MeanPool


class Pooling:
    def __init__(self, size: int = 3) -> None:
        self.pool = MeanPool((size, size), stride=1, pad=0)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.pool(x) - x


mixer = Pooling()
print(mixer(tf.randn(2, 16, 8, 8)).shape)  # BUG  # E: Cannot broadcast for "sub": x has Tensor[2, 16, 6, 6], y has Tensor[2, 16, 8, 8]; need equal sizes or 1 at axis -2 (6 vs 8)  [shape]
