"""T5's relative position bias for decoding with a cache: the new queries (the last two tokens)
attend to all the keys so far, so the relative positions are (query, key) = (2, T_k); they
were built from the query length on both sides."""
import typedflux as tf
from typedflux import Embedding

B, H, HD, T_K, BUCKETS = 2, 4, 8, 6, 32
rel_bias = Embedding(BUCKETS, H)


def bias(q_len: int, k_len: int) -> tf.Tensor:
    ctx = tf.arange(q_len).reshape(q_len, 1) + (k_len - q_len)
    mem = tf.arange(k_len).reshape(1, k_len)
    buckets = tf.clamp(mem - ctx + BUCKETS // 2, min=0, max=BUCKETS - 1)
    return rel_bias(buckets).transpose(2, 0, 1).unsqueeze(0)


q = tf.randn(B, H, 2, HD)
k = tf.randn(B, H, T_K, HD)
scores = q @ k.swapaxes(-1, -2)
q_len = q.shape[2]
k_len = q.shape[2]
scores = scores + bias(q_len, k_len)  # BUG  # E: Cannot broadcast for "add": x has Tensor[2, 4, 2, 6], y has Tensor[1, 4, 2, 2]; need equal sizes or 1 at axis -1 (6 vs 2)  [shape]
print(tf.softmax(scores, axis=-1).shape)
