"""A 2x2 max pool written as an einops `reduce`: the feature map's height is odd."""
import typedflux as tf

x = tf.randn(2, 3, 8, 8)
pooled = tf.reduce(x, "b c (h h2) (w w2) -> b c h w", "max", h2=2, w2=2)
print(pooled.shape)
