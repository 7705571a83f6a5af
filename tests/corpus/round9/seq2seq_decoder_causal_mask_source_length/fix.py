"""An encoder-decoder Transformer: the decoder's causal self-attention mask was built for
the source length."""
import typedflux as tf
from typedflux import MultiHeadAttention

D, S, T = 32, 9, 6
self_attn = MultiHeadAttention(D, 4)
src, tgt = tf.randn(2, S, D), tf.randn(2, T, D)
causal = tf.tril(tf.ones(T, T)) > 0
h = self_attn(tgt, mask=causal)
print(h.shape)
