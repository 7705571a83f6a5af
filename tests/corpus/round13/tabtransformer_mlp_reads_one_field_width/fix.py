"""TabTransformer: the categorical columns go through a Transformer as (B, F, D) contextual
embeddings, flattened and concatenated with the layer-normed continuous features into an MLP;
the MLP's first layer took one field's width D."""
import typedflux as tf
from typedflux import Chain, Dense, Embedding, LayerNorm, MultiHeadAttention, relu

B, F, D, C = 3, 5, 8, 4
embed = Embedding(50, D)
attn = MultiHeadAttention(D, 2)
norm = LayerNorm(D)
cont_norm = LayerNorm(C)
mlp = Chain(Dense(F * D + C, 32, relu), Dense(32, 1))
cats = tf.tensor([[1, 4, 9, 16, 25], [2, 3, 5, 7, 11], [0, 0, 1, 1, 2]])
cont = tf.randn(B, C)
h = embed(cats)
h = norm(h + attn(h))
x = tf.cat(h.reshape(B, F * D), cont_norm(cont), axis=1)
print(mlp(x).shape)
