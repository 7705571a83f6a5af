"""ResNeSt's split attention: a grouped conv makes radix * C channels, viewed as (B, radix, C,
H, W); the splits are summed over the radix axis before pooling to the attention MLP; the sum
ran over the channel axis."""
import typedflux as tf
from typedflux import BatchNorm, Conv, Dense, relu

B, C, R = 2, 16, 2
conv = Conv((3, 3), C, R * C, relu, pad=1, groups=R)
fc1 = Dense(C, 8, relu)
fc2 = Dense(8, R * C)
x = tf.randn(B, C, 8, 8)
splits = conv(x).reshape(B, R, C, 8, 8)
gap = splits.sum(axis=1).mean(axis=(2, 3))
att = fc2(fc1(gap))
att = tf.softmax(att.reshape(B, R, C), axis=1).reshape(B, R, C, 1, 1)
out = (splits * att).sum(axis=1)
print(BatchNorm(C)(out).shape)
