"""A 2x2 max pool written as an einops `reduce`: the feature map's height is odd."""
import typedflux as tf

x = tf.randn(2, 3, 7, 8)
pooled = tf.reduce(x, "b c (h h2) (w w2) -> b c h w", "max", h2=2, w2=2)  # BUG  # E: Cannot split axis for "reduce": x has Tensor[2, 3, 7, 8], pattern "b c (h h2) (w w2) -> b c h w" with h2=2, w2=2; need 7 divisible by 2 to split axis 2 into (h h2) (7 % 2 = 1)  [shape]
print(pooled.shape)
