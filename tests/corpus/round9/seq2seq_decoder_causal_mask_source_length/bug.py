"""An encoder-decoder Transformer: the decoder's causal self-attention mask was built for
the source length."""
import typedflux as tf
from typedflux import MultiHeadAttention

D, S, T = 32, 9, 6
self_attn = MultiHeadAttention(D, 4)
src, tgt = tf.randn(2, S, D), tf.randn(2, T, D)
causal = tf.tril(tf.ones(S, S)) > 0
h = self_attn(tgt, mask=causal)  # BUG  # E: Cannot broadcast for "MultiHeadAttention(32, nheads=4)": mask has Tensor[9, 9], scores has Tensor[2, 4, 6, 6]; need equal sizes or 1 at axis -2 (9 vs 6)  [shape]
print(h.shape)
