"""DeiT puts a class token and a distillation token before the patches, so its positional
embedding has N + 2 rows; it was sized N + 1, as in ViT."""
import typedflux as tf
from typedflux import Conv, LayerNorm

D, P, IMG = 48, 8, 32
N = (IMG // P) ** 2
patch = Conv((P, P), 3, D, stride=P)
cls_token = tf.zeros(1, 1, D)
dist_token = tf.zeros(1, 1, D)
pos_embed = tf.randn(1, N + 2, D) * 0.02
x = tf.rearrange(patch(tf.randn(2, 3, IMG, IMG)), "b d h w -> b (h w) d")
x = tf.concat([tf.tile(cls_token, 2, 1, 1), tf.tile(dist_token, 2, 1, 1), x], axis=1)
x = x + pos_embed
print(LayerNorm(D)(x)[:, 0].shape, LayerNorm(D)(x)[:, 1].shape)
