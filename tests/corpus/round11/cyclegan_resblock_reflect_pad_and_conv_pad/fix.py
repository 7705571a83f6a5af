"""CycleGAN's ResNet generator block pads by reflection and then convolves without padding, so the
block keeps H x W for its residual sum. The convs kept pad=1 after the reflection pad."""
import typedflux as tf
from typedflux import Conv, InstanceNorm, relu

DIM = 16


class ResnetBlock:
    def __init__(self, dim: int) -> None:
        self.conv1 = Conv((3, 3), dim, dim)
        self.norm1 = InstanceNorm(dim)
        self.conv2 = Conv((3, 3), dim, dim)
        self.norm2 = InstanceNorm(dim)


def reflect(x: tf.Tensor) -> tf.Tensor:
    return tf.pad(x, ((0, 0), (0, 0), (1, 1), (1, 1)), mode="reflect")


blk = ResnetBlock(DIM)
x = tf.randn(1, DIM, 16, 16)
h = relu(blk.norm1(blk.conv1(reflect(x))))
h = blk.norm2(blk.conv2(reflect(h)))
y = x + h
print(y.shape)
