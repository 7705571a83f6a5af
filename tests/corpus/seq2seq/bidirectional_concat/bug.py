"""A bidirectional RNN concatenates both directions; the head expects one direction's width."""
import typedflux as tf
from typedflux import RNN, Dense

fwd = RNN(6, 8)
bwd = RNN(6, 8)
head = Dense(8, 3)
x = tf.randn(2, 5, 6)
reversed_x = x[:, ::-1]
both = tf.cat(fwd(x), bwd(reversed_x)[:, ::-1])
print(head(both).shape)  # BUG  # E: Dense(8 => 3) expects input Tensor[..., 8], got Tensor[2, 5, 16]; need size 8 at axis -1 (got 16)  [shape]
