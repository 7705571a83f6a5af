"""tsalib's warp `'b,t,d -> b,t,h,d/h -> b,h,t,d/h'`, written as a rearrange: the number of heads
given does not divide the model width."""
import typedflux as tf

B, T, D = 2, 5, 32
x = tf.randn(B, T, D)
n_heads = 8
q = tf.rearrange(x, "b t (h d) -> b h t d", h=n_heads)
print(q.shape)
