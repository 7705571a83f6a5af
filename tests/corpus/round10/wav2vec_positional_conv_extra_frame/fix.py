"""wav2vec 2.0's convolutional positional embedding: a grouped conv over time with an even
kernel and padding kernel//2 gives one frame too many, which the model drops before adding
the embedding to the features. The drop was forgotten."""
import typedflux as tf
from typedflux import Conv, gelu

D, K, G = 32, 16, 4
pos_conv = Conv((1, K), D, D, gelu, pad=(0, K // 2), groups=G)
x = tf.randn(2, 50, D)
h = x.transpose(0, 2, 1)[:, :, None, :]
pos = pos_conv(h)[:, :, 0, :-1]
x = x + pos.transpose(0, 2, 1)
print(x.shape)
