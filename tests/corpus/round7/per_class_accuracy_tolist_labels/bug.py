"""Per-class accuracy: predictions one-hot encoded from `onecold(...).numpy().tolist()`
are compared with targets made for another class count."""
import typedflux as tf
from typedflux import Chain, Dense, relu

model = Chain(Dense(6, 16, relu), Dense(16, 4))
x = tf.randn(8, 6)
y = tf.onehot([i % 5 for i in range(8)], 5)
pred = tf.onehot(tf.onecold(model(x)).numpy().tolist(), 4)
per_class = (pred * y).sum(axis=0) / y.sum(axis=0)  # BUG  # E: Cannot broadcast for "mul": x has Tensor[8, 4], y has Tensor[8, 5]; need equal sizes or 1 at axis -1 (4 vs 5)  [shape]
print(per_class.shape)
