"""A T5-style encoder-decoder: the decoder's cross-attention reads the encoder's states,
which are wider than the decoder's model width and were not projected."""
import typedflux as tf
from typedflux import Dense, Embedding, LayerNorm, MultiHeadAttention

enc_embed, dec_embed = Embedding(100, 64), Embedding(100, 32)
enc_attn = MultiHeadAttention(64, 4)
enc_out_proj = Dense(64, 32)
self_attn, cross_attn = MultiHeadAttention(32, 4), MultiHeadAttention(32, 4)
norm = LayerNorm(32)

src = tf.tensor([[1, 5, 7, 9, 2, 0], [4, 4, 8, 1, 3, 2]])
tgt = tf.tensor([[0, 3, 5], [0, 6, 2]])
memory = enc_out_proj(enc_attn(enc_embed(src)))
h = norm(self_attn(dec_embed(tgt)))
out = cross_attn(h, memory, memory)
print(out.shape)
