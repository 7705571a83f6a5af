"""A ViT patch embedding by rearrange: each patch flattens to p*p*c values; the projection
was sized for p*p (greyscale)."""
import typedflux as tf
from typedflux import Dense

P, C, D = 4, 3, 64
proj = Dense(P * P, D)
images = tf.randn(2, C, 32, 32)
patches = tf.rearrange(images, "b c (h p1) (w p2) -> b (h w) (p1 p2 c)", p1=P, p2=P)
tokens = proj(patches)  # BUG  # E: Dense(16 => 64) expects input Tensor[..., 16], got Tensor[2, 64, 48]; need size 16 at axis -1 (got 48)  [shape]
print(tokens.shape)
