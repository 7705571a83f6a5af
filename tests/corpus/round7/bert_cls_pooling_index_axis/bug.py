"""BERT's sentence classifier pools the [CLS] token of each sequence; `h[0]` took the first
sequence instead."""
import typedflux as tf
from typedflux import Dense, Embedding, MultiHeadAttention, tanh

embed = Embedding(30, 16)
layer = MultiHeadAttention(16, 2)
pooler = Dense(16, 16, tanh)
classifier = Dense(16, 2)
ids = tf.tensor([[1, 5, 7, 2, 0, 0], [1, 9, 9, 4, 3, 2], [1, 6, 2, 0, 0, 0]])
labels = tf.onehot([0, 1, 1], 2)
h = layer(embed(ids))
logits = classifier(pooler(h[0]))
print(tf.losses.logitcrossentropy(logits, labels).item())  # BUG  # E: Shapes differ for "logitcrossentropy": prediction has Tensor[6, 2], target has Tensor[3, 2]; need identical shapes (no broadcasting in losses) (6 vs 3 at axis -2)  [shape]
