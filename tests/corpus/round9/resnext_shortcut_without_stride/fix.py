"""A ResNeXt downsampling block: the main path strides by 2 in its grouped conv; the 1x1
projection shortcut was left at stride 1."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, Parallel, relu

block = Parallel(
    tf.add,
    Chain(
        Conv((1, 1), 64, 128), BatchNorm(128), relu,
        Conv((3, 3), 128, 128, stride=2, pad=1, groups=32), BatchNorm(128), relu,
        Conv((1, 1), 128, 256), BatchNorm(256),
    ),
    Chain(Conv((1, 1), 64, 256, stride=2), BatchNorm(256)),
)
y = block(tf.randn(2, 64, 8, 8))
print(y.shape)
