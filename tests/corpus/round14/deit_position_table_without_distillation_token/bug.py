"""DeiT prepends a class token and a distillation token to the patch tokens, so the position
table has num_patches + 2 rows; it was sized num_patches + 1, as in ViT."""
import typedflux as tf
from typedflux import Dense, LayerNorm

P_, D = 16, 32
patches = tf.rearrange(tf.randn(2, 3, 16, 16), "b c (h p) (w q) -> b (h w) (p q c)", p=4, q=4)
embed = Dense(48, D)
cls_token = tf.zeros(1, 1, D)
dist_token = tf.zeros(1, 1, D)
pos_embed = tf.randn(1, P_ + 1, D)
x = embed(patches)
x = tf.cat(tf.repeat(cls_token, 2, 1, 1), tf.repeat(dist_token, 2, 1, 1), x, axis=1)
x = x + pos_embed  # BUG  # E: Cannot broadcast for "add": x has Tensor[2, 18, 32], y has Tensor[1, 17, 32]; need equal sizes or 1 at axis -2 (18 vs 17)  [shape]
x = LayerNorm(D)(x)
print(Dense(D, 10)(x[:, 0]).shape, Dense(D, 10)(x[:, 1]).shape)
