"""RetinaNet's classification subnet outputs A x K channels per location; it was built with
A x 4 (the box subnet's width), which the class rearrange cannot split."""
import typedflux as tf
from typedflux import Conv

A, K = 9, 20
cls_head = Conv((3, 3), 256, A * 4, pad=1)
feats = tf.randn(2, 256, 8, 8)
logits = tf.rearrange(cls_head(feats), "b (a k) h w -> b (h w a) k", k=K)  # BUG  # E: Cannot split axis for "rearrange": x has Tensor[2, 36, 8, 8], pattern "b (a k) h w -> b (h w a) k" with k=20; need 36 divisible by 20 to split axis 1 into (a k) (36 % 20 = 16)  [shape]
print(logits.shape)
