"""(pyrefly item_error) item() of a per-class loss vector."""
import typedflux as tf

pred, target = tf.randn(8, 10), tf.randn(8, 10)
per_class = ((pred - target) ** 2).mean(axis=0)
print(per_class.item())  # BUG  # E: item() needs a tensor of one element, got Tensor[10] (use .sum(), .any() or index it first)  [shape]
