"""A ResNet stage's downsampling block adds its input to a strided, widened path."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, Parallel, SkipConnection, relu

main_path = Chain(
    Conv((3, 3), 16, 32, stride=2, pad=1),
    BatchNorm(32, relu),
    Conv((3, 3), 32, 32, pad=1),
    BatchNorm(32),
)
block = Parallel(tf.add, main_path, Chain(Conv((1, 1), 16, 32, stride=2), BatchNorm(32)))
y = block(tf.randn(2, 16, 8, 8))
print(y.shape)
