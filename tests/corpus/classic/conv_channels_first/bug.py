"""An RGB batch kept channels-last is given to a conv expecting 3 input channels."""
import typedflux as tf
from typedflux import Conv, relu

conv = Conv((3, 3), 3, 16, relu)
batch = tf.rand(4, 10, 10, 3)
print(conv(batch).shape)  # BUG  # E: Conv((3, 3), 3 => 16, relu) expects input Tensor[B, 3, H, W], got Tensor[4, 10, 10, 3]; need size 3 at axis 1 (got 10)  [shape]
