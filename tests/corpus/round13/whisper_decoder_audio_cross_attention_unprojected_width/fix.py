"""Whisper's encoder ends with two convs (the second stride 2; written 2-D with a unit height) to d_model channels, transposed
to (B, frames, d_model); the decoder's cross-attention reads that; the conv stem ended with
n_mels channels, so the audio features reach the cross-attention at the mel width."""
import typedflux as tf
from typedflux import Conv, Embedding, LayerNorm, MultiHeadAttention, gelu

B, MELS, FRAMES, D = 2, 40, 60, 32
conv1 = Conv((1, 3), MELS, D, gelu, pad=(0, 1))
conv2 = Conv((1, 3), D, D, gelu, stride=2, pad=(0, 1))
tok = Embedding(100, D)
self_attn = MultiHeadAttention(D, 4)
cross = MultiHeadAttention(D, 4)
ln = LayerNorm(D)
feats = conv2(conv1(tf.randn(B, MELS, 1, FRAMES)))
audio = feats.reshape(B, feats.shape[1], feats.shape[3]).transpose(0, 2, 1)
x = tok(tf.tensor([[50, 51, 52], [50, 53, 54]]))
x = ln(x + self_attn(x))
x = ln(x + cross(x, audio, audio))
print(x.shape)
