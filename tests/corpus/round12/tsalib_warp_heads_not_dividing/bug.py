"""tsalib's warp `'b,t,d -> b,t,h,d/h -> b,h,t,d/h'`, written as a rearrange: the number of heads
given does not divide the model width."""
import typedflux as tf

B, T, D = 2, 5, 32
x = tf.randn(B, T, D)
n_heads = 6
q = tf.rearrange(x, "b t (h d) -> b h t d", h=n_heads)  # BUG  # E: Cannot split axis for "rearrange": x has Tensor[2, 5, 32], pattern "b t (h d) -> b h t d" with h=6; need 32 divisible by 6 to split axis 2 into (h d) (32 % 6 = 2)  [shape]
print(q.shape)
