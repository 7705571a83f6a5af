"""A Luong decoder's output layer reads the decoder state concatenated with the attention
context (2H); it was built for the state alone."""
import typedflux as tf
from typedflux import GRU, Dense

H, V = 32, 50
decoder = GRU(16, H)
out_layer = Dense(H, V)
memory = tf.randn(2, 9, H)
dec = decoder(tf.randn(2, 4, 16))
att = tf.softmax(dec @ memory.swapaxes(1, 2), axis=-1)
context = att @ memory
logits = out_layer(tf.cat(dec, context, axis=-1))  # BUG  # E: Dense(32 => 50) expects input Tensor[..., 32], got Tensor[2, 4, 64]; need size 32 at axis -1 (got 64)  [shape]
print(logits.shape)
