"""An image pyramid: pooled copies collected in a list in a loop; the loss target is mis-sized."""
import typedflux as tf
from typedflux import MeanPool

img = tf.randn(1, 3, 16, 16)
pool = MeanPool((2, 2))
pyramid = [img]
for _ in range(2):
    img = pool(img)  # ALARM[gap layers: a layer called on a union of shapes (a loop's variable): mypy cannot infer the declared __call__'s type parameters]  # E: Cannot infer value of type parameter "H" of "__call__" of "MaxPool"  [misc]  # E: Cannot infer value of type parameter "W" of "__call__" of "MaxPool"  [misc]
    pyramid.append(img)
coarse = pool(pool(tf.randn(1, 3, 16, 16)))
print(tf.losses.mse(coarse, tf.zeros(1, 3, 4, 4)).item())
