"""CLIP's embeddings are L2-normalised before the similarity matrix; the norm was taken
without keepdims, so it cannot divide the rows."""
import typedflux as tf
from typedflux import Dense

img_proj, txt_proj = Dense(48, 16, bias=False), Dense(24, 16, bias=False)
img = img_proj(tf.randn(8, 48))
txt = txt_proj(tf.randn(8, 24))
img = img / tf.sqrt((img * img).sum(axis=-1, keepdims=True))
txt = txt / tf.sqrt((txt * txt).sum(axis=-1, keepdims=True))
logits = img @ txt.T * 14.3
print(logits.shape)
