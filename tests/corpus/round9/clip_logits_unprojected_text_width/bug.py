"""CLIP projects both towers to one embedding width before the similarity; the text features
(256) were used without their projection to the image width (512)."""
import typedflux as tf
from typedflux import Dense

image_features = Dense(768, 512)(tf.randn(4, 768))
text_features = tf.randn(4, 256)
text_projection = Dense(256, 512, bias=False)
logits = image_features @ text_features.T * 14.3  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[4, 512], w has Tensor[256, 4]; need x.shape[-1] == w.shape[-2] (512 vs 256)  [shape]
print(logits.shape)
