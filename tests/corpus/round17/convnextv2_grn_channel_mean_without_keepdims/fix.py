"""ConvNeXt V2's Global Response Normalisation, channels last: the L2 norm of each channel over
the spatial axes, divided by its mean over the channels (kept as an axis), gates the input."""
import typedflux as tf

B, H, W, C = 2, 8, 8, 32
x = tf.randn(B, H, W, C)
gamma = tf.zeros(1, 1, 1, C)
beta = tf.zeros(1, 1, 1, C)
gx = tf.sqrt((x * x).sum(axis=(1, 2), keepdims=True))
nx = gx / (gx.mean(axis=-1, keepdims=True) + 1e-6)
y = gamma * (x * nx) + beta + x
print(y.shape)
