"""A decoder ported from PyTorch's nn.Transformer: the encoder memory is still
(source, batch, model), and cross-attention expects batch first."""
import typedflux as tf
from typedflux import MultiHeadAttention

cross = MultiHeadAttention(32, 4)
memory = tf.randn(9, 2, 32)          # (S, B, D), PyTorch's default layout
tgt = tf.randn(2, 5, 32)             # batch first
out = cross(tgt, memory.swapaxes(0, 1), memory.swapaxes(0, 1))
print(out.shape)
