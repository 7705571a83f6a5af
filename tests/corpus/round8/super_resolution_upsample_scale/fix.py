"""A 3x super-resolution net whose upsampling layer scales by 2; the loss against the
high-resolution target fails."""
import typedflux as tf
from typedflux import Chain, Conv, Upsample, relu

net = Chain(Conv((3, 3), 3, 16, relu, pad=1), Upsample(scale=3), Conv((3, 3), 16, 3, pad=1))
low = tf.rand(2, 3, 8, 8)
high = tf.rand(2, 3, 24, 24)
print(tf.losses.mse(net(low), high).item())
