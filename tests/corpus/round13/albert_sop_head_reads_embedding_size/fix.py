"""ALBERT factorises its embeddings (vocab -> E = 16, then a Dense to H = 64) and its sentence
order prediction head reads the pooled hidden state; the SOP head was sized by the embedding
width E."""
import typedflux as tf
from typedflux import Dense, Embedding, LayerNorm, MultiHeadAttention, tanh

E, H = 16, 64
embed = Embedding(300, E)
project = Dense(E, H)
shared = MultiHeadAttention(H, 4)
norm = LayerNorm(H)
pooler = Dense(H, H, tanh)
sop = Dense(H, 2)
ids = tf.tensor([[2, 10, 11, 3, 12, 13, 3]])
h = project(embed(ids))
for _ in range(3):
    h = norm(h + shared(h))
pooled = pooler(h[:, 0])
print(sop(pooled).shape)
