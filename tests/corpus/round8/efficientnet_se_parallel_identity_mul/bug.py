"""An EfficientNet squeeze-and-excitation gate written as Parallel(tf.mul, tf.identity, se)
inside the stage's Chain; the excitation conv gives the squeezed width back."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, GlobalMeanPool, Parallel, sigmoid, swish

se = Chain(
    GlobalMeanPool(),
    Conv((1, 1), 48, 12, swish),
    Conv((1, 1), 12, 12, sigmoid),
)
stage = Chain(
    Conv((3, 3), 16, 48, pad=1),
    BatchNorm(48, swish),
    Parallel(tf.mul, tf.identity, se),  # BUG  # E: Chain layer 3 Parallel(mul, identity, Chain(GlobalMeanPool(), Conv((1, 1), 48 => 12, swish), Conv((1, 1), 12 => 12, sigmoid))): Cannot broadcast for "mul": xs[0] has Tensor[B, 48, H', W'], xs[1] has Tensor[B, 12, 1, 1]; need equal sizes or 1 at axis -3 (48 vs 12)  [shape]  # N: input to layer 3: Tensor[B, 48, H', W']
    Conv((1, 1), 48, 24),
)
print(stage(tf.randn(2, 16, 8, 8)).shape)
