"""BART's decoder input is the target shifted right: the start token in front and the last
target token dropped, so inputs and labels have the same length; the last token was kept."""
import typedflux as tf
from typedflux import Dense, Embedding, LayerNorm, MultiHeadAttention

V, D = 40, 32
embed = Embedding(V, D)
self_attn = MultiHeadAttention(D, 4)
cross = MultiHeadAttention(D, 4)
norm = LayerNorm(D)
lm_head = Dense(D, V)
memory = tf.randn(2, 9, D)
labels = tf.tensor([[5, 6, 7, 8, 2], [9, 10, 11, 2, 1]])
start = tf.tensor([[0], [0]])
dec_in = tf.cat(start, labels, axis=1)
h = embed(dec_in)
h = norm(h + self_attn(h))
h = norm(h + cross(h, memory, memory))
logits = lm_head(h)
gold = tf.onehot(labels.numpy().reshape(-1).tolist(), V).reshape(2, 5, V)
print(tf.losses.logitcrossentropy(logits, gold).item())  # BUG  # E: Shapes differ for "logitcrossentropy": prediction has Tensor[2, 6, 40], target has Tensor[2, 5, 40]; need identical shapes (no broadcasting in losses) (6 vs 5 at axis -2)  [shape]
