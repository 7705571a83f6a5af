"""BERT's masked-LM head: a transform (Dense, gelu, LayerNorm), then logits against the tied
word embeddings plus an output bias of one value per vocabulary entry; the bias was sized with
the model width."""
import typedflux as tf
from typedflux import Dense, Embedding, LayerNorm, gelu

VOCAB, D = 50, 16
emb = Embedding(VOCAB, D)
transform = Dense(D, D, gelu)
norm = LayerNorm(D)
out_bias = tf.zeros(D)
ids = tf.tensor([[3, 7, 9, 2], [1, 4, 4, 8]])
h = norm(transform(emb(ids)))
logits = h @ emb.weight.T + out_bias  # BUG  # E: Cannot broadcast for "add": x has Tensor[2, 4, 50], y has Tensor[16]; need equal sizes or 1 at axis -1 (50 vs 16)  [shape]
print(tf.softmax(logits, axis=-1).shape)
