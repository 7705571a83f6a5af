"""A ViT patch embedding by rearrange: each patch flattens to p*p*c values; the projection
was sized for p*p (greyscale)."""
import typedflux as tf
from typedflux import Dense

P, C, D = 4, 3, 64
proj = Dense(P * P * C, D)
images = tf.randn(2, C, 32, 32)
patches = tf.rearrange(images, "b c (h p1) (w p2) -> b (h w) (p1 p2 c)", p1=P, p2=P)
tokens = proj(patches)
print(tokens.shape)
