"""CLIP-style contrastive logits: image and text projections end at different widths."""
import typedflux as tf
from typedflux import Dense

img_proj = Dense(512, 256)
txt_proj = Dense(768, 128)
img = img_proj(tf.randn(32, 512))
txt = txt_proj(tf.randn(32, 768))
img = img / tf.sqrt((img * img).sum(axis=1, keepdims=True))
txt = txt / tf.sqrt((txt * txt).sum(axis=1, keepdims=True))
logits = img @ txt.T  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[32, 256], w has Tensor[128, 32]; need x.shape[-1] == w.shape[-2] (256 vs 128)  [shape]
targets = tf.onehot(list(range(32)), 32)
print(tf.losses.logitcrossentropy(logits, targets).item())
