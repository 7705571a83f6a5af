"""An image pyramid: pooled copies collected in a list in a loop; the loss target is mis-sized."""
import typedflux as tf
from typedflux import MeanPool

img = tf.randn(1, 3, 16, 16)
pool = MeanPool((2, 2))
pyramid = [img]
for _ in range(2):
    img = pool(img)
    pyramid.append(img)
coarse = pool(pool(tf.randn(1, 3, 16, 16)))
print(tf.losses.mse(coarse, tf.zeros(1, 3, 8, 8)).item())  # BUG  # E: Shapes differ for "mse": prediction has Tensor[1, 3, 4, 4], target has Tensor[1, 3, 8, 8]; need identical shapes (no broadcasting in losses) (4 vs 8 at axis -1)  [shape]
