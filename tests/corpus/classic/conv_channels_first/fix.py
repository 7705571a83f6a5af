"""An RGB batch kept channels-last is given to a conv expecting 3 input channels."""
import typedflux as tf
from typedflux import Conv, relu

conv = Conv((3, 3), 3, 16, relu)
batch = tf.rand(4, 10, 10, 3)
print(conv(batch.transpose(0, 3, 1, 2)).shape)
