"""BERT's masked-LM head ties its decoder to the word embeddings: logits are h @ E^T; the
embedding matrix (vocab, hidden) was used untransposed."""
import typedflux as tf
from typedflux import Chain, Dense, Embedding, LayerNorm, gelu

VOCAB, D = 100, 32
word_embeddings = Embedding(VOCAB, D)
transform = Chain(Dense(D, D, gelu), LayerNorm(D))
decoder_bias = tf.zeros(VOCAB)

ids = tf.tensor([[1, 2, 3, 4], [5, 6, 7, 8]])
h = transform(word_embeddings(ids))
logits = h @ word_embeddings.weight + decoder_bias  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[2, 4, 32], w has Tensor[100, 32]; need x.shape[-1] == w.shape[-2] (32 vs 100); did you mean to transpose w (w.T)?  [shape]
print(logits.shape)
