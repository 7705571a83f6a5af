"""PSPNet's pyramid pooling: four branches pool to 1, 2, 3 and 6 bins, reduce to C/4 channels
and are upsampled back, then concatenated with the input: 2C channels into the bottleneck conv,
which was built taking C + C/4."""
import typedflux as tf
from typedflux import AdaptiveMeanPool, Chain, Conv, Upsample, relu

C, H = 32, 12
x = tf.randn(2, C, H, H)
branches = [Chain(AdaptiveMeanPool((b, b)), Conv((1, 1), C, C // 4, relu), Upsample(size=(H, H), mode="bilinear"))
            for b in (1, 2, 3, 6)]
pooled = tf.cat(x, *[br(x) for br in branches], axis=1)
bottleneck = Conv((3, 3), C + C // 4, 16, relu, pad=1)
print(bottleneck(pooled).shape)  # BUG  # E: Conv((3, 3), 40 => 16, relu, pad=1) expects input Tensor[B, 40, H, W], got Tensor[2, 64, 12, 12]; need size 40 at axis 1 (got 64)  [shape]
