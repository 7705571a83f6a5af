"""A key padding mask given to MultiHeadAttention without its head and query axes."""
import typedflux as tf
from typedflux import MultiHeadAttention

mha = MultiHeadAttention(16, 2)
x = tf.randn(2, 5, 16)
keep = tf.tensor([[True, True, True, False, False], [True, True, True, True, True]])
y = mha(x, mask=keep.reshape(2, 1, 1, 5))
print(y.shape)
