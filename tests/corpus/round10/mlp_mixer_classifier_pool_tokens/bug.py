"""MLP-Mixer's head: global average over the patch tokens, then a linear classifier over the
channels. The average went over the channels."""
import typedflux as tf
from typedflux import Chain, Conv, Dense, LayerNorm

PATCH, C, CLASSES = 4, 32, 10
stem = Conv((PATCH, PATCH), 3, C, stride=PATCH)
norm = LayerNorm(C)
head = Dense(C, CLASSES)
img = tf.randn(2, 3, 32, 32)
tokens = tf.rearrange(stem(img), "b c h w -> b (h w) c")
pooled = norm(tokens).mean(axis=2)
logits = head(pooled)  # BUG  # E: Dense(32 => 10) expects input Tensor[..., 32], got Tensor[2, 64]; need size 32 at axis -1 (got 64)  [shape]
print(logits.shape)
