"""DLRM's dot interaction: the dense feature's embedding and the sparse embeddings (F vectors)
are multiplied pairwise, Z Z^T (F x F), flattened and joined to the dense vector. The top MLP
was sized for the F*(F-1)/2 pairs of the upper triangle, but the whole square is flattened."""
import typedflux as tf
from typedflux import Chain, Dense, Embedding, relu

B, D, NUM_SPARSE = 4, 8, 3
F = NUM_SPARSE + 1
bottom = Chain(Dense(13, 16, relu), Dense(16, D, relu))
tables = [Embedding(100, D) for _ in range(NUM_SPARSE)]
top = Chain(Dense(D + F * (F - 1) // 2, 16, relu), Dense(16, 1))
dense_x = tf.randn(B, 13)
sparse_ids = [tf.tensor([[1], [5], [7], [9]]) for _ in range(NUM_SPARSE)]
d = bottom(dense_x)
embs = [t(ids)[:, 0] for t, ids in zip(tables, sparse_ids)]
z = tf.stack([d] + embs, axis=1)
zz = z @ z.swapaxes(1, 2)
inter = zz.reshape(B, F * F)
out = top(tf.concat([d, inter], axis=1))  # BUG  # E: Chain layer 1 Dense(14 => 16, relu) expects input Tensor[..., 14], got Tensor[4, 24]; need size 14 at axis -1 (got 24)  [shape]
print(out.shape)
