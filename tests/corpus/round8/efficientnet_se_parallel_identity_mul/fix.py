"""An EfficientNet squeeze-and-excitation gate written as Parallel(tf.mul, tf.identity, se)
inside the stage's Chain; the excitation conv gives the squeezed width back."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, GlobalMeanPool, Parallel, sigmoid, swish

se = Chain(
    GlobalMeanPool(),
    Conv((1, 1), 48, 12, swish),
    Conv((1, 1), 12, 48, sigmoid),
)
stage = Chain(
    Conv((3, 3), 16, 48, pad=1),
    BatchNorm(48, swish),
    Parallel(tf.mul, tf.identity, se),
    Conv((1, 1), 48, 24),
)
print(stage(tf.randn(2, 16, 8, 8)).shape)
