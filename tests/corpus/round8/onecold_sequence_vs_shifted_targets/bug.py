"""Token accuracy of a language model: onecold of the logits per position against the
targets shifted by one, without shifting the predictions."""
import typedflux as tf
from typedflux import Dense, Embedding

embed, head = Embedding(20, 8), Dense(8, 20)
ids = tf.tensor([[1, 4, 9, 3, 3, 7], [2, 2, 5, 0, 8, 1]])
pred = tf.onecold(head(embed(ids)))         # Tensor[2, 6]
acc = (pred == ids[:, 1:]).mean()  # BUG  # E: Cannot broadcast for "eq": x has Tensor[2, 6], y has Tensor[2, 5]; need equal sizes or 1 at axis -1 (6 vs 5)  [shape]
print(acc.item())
