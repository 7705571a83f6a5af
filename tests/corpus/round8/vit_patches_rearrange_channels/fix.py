"""ViT patch embedding by rearrange: each patch flattens p1*p2*c values; the projection
forgot the channels."""
import typedflux as tf
from typedflux import Dense

P = 4
embed = Dense(P * P * 3, 32)
img = tf.randn(2, 3, 16, 16)
patches = tf.rearrange(img, "b c (h p1) (w p2) -> b (h w) (p1 p2 c)", p1=P, p2=P)
print(embed(patches).shape)
