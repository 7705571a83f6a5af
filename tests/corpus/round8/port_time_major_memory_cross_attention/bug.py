"""A decoder ported from PyTorch's nn.Transformer: the encoder memory is still
(source, batch, model), and cross-attention expects batch first."""
import typedflux as tf
from typedflux import MultiHeadAttention

cross = MultiHeadAttention(32, 4)
memory = tf.randn(9, 2, 32)          # (S, B, D), PyTorch's default layout
tgt = tf.randn(2, 5, 32)             # batch first
out = cross(tgt, memory, memory)  # BUG  # E: Batch sizes differ for "MultiHeadAttention(32, nheads=4)": q has Tensor[2, 5, 32], k has Tensor[9, 2, 32]; need q.shape[0] == k.shape[0] (2 vs 9)  [shape]
print(out.shape)
