"""Multi-head attention with a head count that does not divide the model width."""
import typedflux as tf
from typedflux import MultiHeadAttention

attn = MultiHeadAttention(48, 5)  # BUG  # E: Invalid arguments for "MultiHeadAttention": d = 48, nheads = 5; need d divisible by nheads (48 % 5 = 3)  [shape]
print(attn(tf.randn(1, 3, 48)).shape)
