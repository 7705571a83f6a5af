"""DeepLabV3's ASPP concatenates five branches of 64 channels (a 1x1 conv, three dilated 3x3
convs and the image-level pooling branch upsampled back) before a 1x1 projection; the
projection counted only the four conv branches."""
import typedflux as tf
from typedflux import AdaptiveMeanPool, BatchNorm, Chain, Conv, Upsample, relu

CIN, C, H, W = 32, 64, 12, 12


def branch(k: int, d: int) -> Chain:
    return Chain(Conv((k, k), CIN, C, pad=d * (k - 1) // 2, dilation=d), BatchNorm(C), relu)


branches = [branch(1, 1), branch(3, 2), branch(3, 4), branch(3, 6)]
pooling = Chain(AdaptiveMeanPool((1, 1)), Conv((1, 1), CIN, C), relu, Upsample(size=(H, W)))
project = Chain(Conv((1, 1), 4 * C, C), BatchNorm(C), relu)
x = tf.randn(2, CIN, H, W)
feats = tf.cat(*[b(x) for b in branches], pooling(x), axis=1)
print(project(feats).shape)  # BUG  # E: Chain layer 1 Conv((1, 1), 256 => 64) expects input Tensor[B, 256, H, W], got Tensor[2, 320, 12, 12]; need size 256 at axis 1 (got 320)  [shape]
