"""Multi-head attention with a head count that does not divide the model width."""
import typedflux as tf
from typedflux import MultiHeadAttention

attn = MultiHeadAttention(48, 6)
print(attn(tf.randn(1, 3, 48)).shape)
