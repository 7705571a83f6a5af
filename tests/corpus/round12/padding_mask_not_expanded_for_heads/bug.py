"""A Transformer encoder masks the padded tokens of each sentence: the key padding mask (B, T)
must become (B, 1, 1, T) to broadcast over heads and queries; it was given to the attention
as it is."""
import typedflux as tf
from typedflux import Embedding, LayerNorm, MultiHeadAttention

B, T, D, H, V = 3, 5, 16, 4, 30
emb = Embedding(V, D)
mha = MultiHeadAttention(D, H)
norm = LayerNorm(D)
ids = tf.tensor([[5, 6, 7, 0, 0], [8, 9, 0, 0, 0], [1, 2, 3, 4, 5]])
keep = ids != 0
x = emb(ids)
y = norm(x + mha(x, mask=keep))  # BUG  # E: Cannot broadcast for "MultiHeadAttention(16, nheads=4)": mask has Tensor[3, 5], scores has Tensor[3, 4, 5, 5]; need equal sizes or 1 at axis -2 (3 vs 5)  [shape]
print(y.shape)
