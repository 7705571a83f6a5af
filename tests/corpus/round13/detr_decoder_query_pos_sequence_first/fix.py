"""DETR's decoder starts from zero targets and adds the learned query embeddings (Q, D) at
every layer, batch-first here; the query positions were tiled sequence-first, as
PyTorch's DETR does, (Q, B, D)."""
import typedflux as tf
from typedflux import Dense, Embedding, LayerNorm, MultiHeadAttention

B, Q, D, HW = 2, 10, 32, 49
queries = Embedding(Q, D)
self_attn = MultiHeadAttention(D, 4)
cross_attn = MultiHeadAttention(D, 4)
norm = LayerNorm(D)
class_head = Dense(D, 92)
memory = tf.randn(B, HW, D)
query_pos = tf.repeat(queries.weight.reshape(1, Q, D), B, 1, 1)
tgt = tf.zeros(B, Q, D)
q = tgt + query_pos
tgt = norm(tgt + self_attn(q, q, tgt))
tgt = norm(tgt + cross_attn(tgt, memory, memory))
print(class_head(tgt).shape)
