"""Set Transformer's pooling by multihead attention with one seed vector: the pooled output
keeps a seed axis of size 1, which must be dropped before the classifier's loss."""
import typedflux as tf
from typedflux import Dense, MultiHeadAttention

D, NH, K = 32, 4, 1
seeds = tf.randn(1, K, D)
pma = MultiHeadAttention(D, NH)
head = Dense(D, 5)

x = tf.randn(3, 10, D)
pooled = pma(tf.repeat(seeds, 3, 1, 1), x, x)
logits = head(pooled)
loss = tf.losses.logitcrossentropy(logits, tf.onehot([0, 3, 4], 5))  # BUG  # E: Shapes differ for "logitcrossentropy": prediction has Tensor[3, 1, 5], target has Tensor[3, 5]; need identical shapes (no broadcasting in losses)  [shape]
print(loss.item())
