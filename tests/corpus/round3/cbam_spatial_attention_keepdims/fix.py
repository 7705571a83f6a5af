"""CBAM spatial attention: channel mean and max without keepdims lose the channel axis the
7x7 conv needs."""
import typedflux as tf
from typedflux import Conv, sigmoid

conv = Conv((7, 7), 2, 1, sigmoid, pad=3)
x = tf.randn(4, 32, 16, 16)
avg = x.mean(axis=1)
mx = x.max(axis=1, keepdims=True)
avg = x.mean(axis=1, keepdims=True)
att = conv(tf.concat([avg, mx], axis=1))
print((x * att).shape)
