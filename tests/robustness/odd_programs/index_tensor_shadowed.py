"""An index tensor name shadowed by a comprehension variable and rebound in a loop."""
import typedflux as tf

table = tf.randn(10, 4)
idx = tf.tensor([1, 2, 3])
rows = [table[idx] for idx in [tf.tensor([0, 1]), tf.tensor([2])]]
print([r.shape for r in rows], table[idx].shape)
for idx in (tf.tensor([[1, 2], [3, 4]]),):
    print(table[idx].shape)
