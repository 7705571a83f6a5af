"""BiSeNet's feature fusion module: the spatial path (32 channels) and the context path (64)
are concatenated, then a 1x1 conv brings the 96 channels to 64 before the attention gate; the
conv was sized for the context path alone."""
import typedflux as tf
from typedflux import Chain, Conv, GlobalMeanPool, relu, sigmoid

spatial = tf.randn(2, 32, 16, 16)
context = tf.randn(2, 64, 16, 16)
fuse = Conv((1, 1), 64, 64, relu)
gate = Chain(GlobalMeanPool(), Conv((1, 1), 64, 64, relu), Conv((1, 1), 64, 64, sigmoid))
f = fuse(tf.cat(spatial, context, axis=1))  # BUG  # E: Conv((1, 1), 64 => 64, relu) expects input Tensor[B, 64, H, W], got Tensor[2, 96, 16, 16]; need size 64 at axis 1 (got 96)  [shape]
out = f * gate(f) + f
print(out.shape)
