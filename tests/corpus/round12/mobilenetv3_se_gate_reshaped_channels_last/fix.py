"""MobileNetV3's squeeze-and-excite: the pooled channels go through two Dense layers and the
gate multiplies the feature map per channel; the gate was reshaped channels-last, for an NHWC
layout, while the features are NCHW."""
import typedflux as tf
from typedflux import Dense, relu, sigmoid

B, C, H, W = 2, 24, 8, 8
squeeze = Dense(C, 8, relu)
excite = Dense(8, C, sigmoid)
x = tf.randn(B, C, H, W)
s = x.mean(axis=(2, 3))
gate = excite(squeeze(s)).reshape(B, C, 1, 1)
y = x * gate
print(y.shape)
