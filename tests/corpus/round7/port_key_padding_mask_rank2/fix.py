"""Ported from PyTorch: a key padding mask of shape (B, S) given as `mask=`, which must
broadcast to (B, heads, T, S)."""
import typedflux as tf
from typedflux import MultiHeadAttention

mha = MultiHeadAttention(16, 2)
x = tf.randn(2, 5, 16)
keep = tf.tensor([[True, True, True, False, False], [True, True, True, True, True]])
print(mha(x, mask=keep[:, None, None, :]).shape)
