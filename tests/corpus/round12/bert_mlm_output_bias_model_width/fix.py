"""BERT's masked-LM head: a transform (Dense, gelu, LayerNorm), then logits against the tied
word embeddings plus an output bias of one value per vocabulary entry; the bias was sized with
the model width."""
import typedflux as tf
from typedflux import Dense, Embedding, LayerNorm, gelu

VOCAB, D = 50, 16
emb = Embedding(VOCAB, D)
transform = Dense(D, D, gelu)
norm = LayerNorm(D)
out_bias = tf.zeros(VOCAB)
ids = tf.tensor([[3, 7, 9, 2], [1, 4, 4, 8]])
h = norm(transform(emb(ids)))
logits = h @ emb.weight.T + out_bias
print(tf.softmax(logits, axis=-1).shape)
