"""einops' `reduce(x, "b c (h 2) (w 2) -> b c h w", "max")` test of a size that does not
divide, translated: a 2x2 max pooling written as a reduction, on a 7x8 map."""
import typedflux as tf

fmap = tf.randn(1, 4, 7, 8)
pooled = tf.reduce(fmap, "b c (h h2) (w w2) -> b c h w", "max", h2=2, w2=2)  # BUG  # E: Cannot split axis for "reduce": x has Tensor[1, 4, 7, 8], pattern "b c (h h2) (w w2) -> b c h w" with h2=2, w2=2; need 7 divisible by 2 to split axis 2 into (h h2) (7 % 2 = 1)  [shape]
print(pooled.shape)
