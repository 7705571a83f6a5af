"""A ViT patch embedding: the patch count is miscounted when patches are flattened to tokens."""
import typedflux as tf
from typedflux import Conv, Dense

patchify = Conv((4, 4), 3, 16, stride=4)
images = tf.randn(2, 3, 16, 16)
patches = patchify(images)
tokens = tf.rearrange(patches, "b c h w -> b (h w) c")
cls = tf.zeros(2, 1, 16)
pos = tf.randn(1, 16, 16)
x = tf.cat(cls, tokens, axis=1) + pos  # BUG  # E: Cannot broadcast for "add": x has Tensor[2, 17, 16], y has Tensor[1, 16, 16]; need equal sizes or 1 at axis -2 (17 vs 16)  [shape]
print(x.shape)
