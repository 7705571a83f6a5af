"""ConvNeXt's downsampling layer as a Chain: a channels-last LayerNorm between two
rearranging lambdas, then a stride-2 conv; the norm was sized for the next stage."""
import typedflux as tf
from typedflux import Chain, Conv, LayerNorm

downsample = Chain(
    lambda x: tf.rearrange(x, "b c h w -> b h w c"),
    LayerNorm(32),
    lambda x: tf.rearrange(x, "b h w c -> b c h w"),
    Conv((2, 2), 32, 64, stride=2),
)
print(downsample(tf.randn(2, 32, 8, 8)).shape)
