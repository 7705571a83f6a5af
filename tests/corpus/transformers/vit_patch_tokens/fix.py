"""A ViT patch embedding: the patch count is miscounted when patches are flattened to tokens."""
import typedflux as tf
from typedflux import Conv, Dense

patchify = Conv((4, 4), 3, 16, stride=4)
images = tf.randn(2, 3, 16, 16)
patches = patchify(images)
tokens = tf.rearrange(patches, "b c h w -> b (h w) c")
cls = tf.zeros(2, 1, 16)
pos = tf.randn(1, 17, 16)
x = tf.cat(cls, tokens, axis=1) + pos
print(x.shape)
