"""Conformer's convolutional subsampling: two 3x3 stride-2 convs over (time, frequency), then
the channels and the remaining frequency bins are flattened into a Dense to d_model; the Dense
took channels * F // 4, but unpadded stride-2 convs leave ((F - 1) // 2 - 1) // 2 bins."""
import typedflux as tf
from typedflux import Chain, Conv, Dense, relu

B, T, F, C, D = 2, 64, 80, 16, 48
subsample = Chain(Conv((3, 3), 1, C, relu, stride=2), Conv((3, 3), C, C, relu, stride=2))
out = Dense(C * (((F - 1) // 2 - 1) // 2), D)
mel = tf.randn(B, 1, T, F)
h = subsample(mel)
b, c, t, f = h.shape
h = h.transpose(0, 2, 1, 3).reshape(b, t, c * f)
x = out(h)
print(x.shape)
