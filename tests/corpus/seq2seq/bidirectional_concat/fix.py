"""A bidirectional RNN concatenates both directions; the head expects one direction's width."""
import typedflux as tf
from typedflux import RNN, Dense

fwd = RNN(6, 8)
bwd = RNN(6, 8)
head = Dense(16, 3)
x = tf.randn(2, 5, 6)
reversed_x = x[:, ::-1]
both = tf.cat(fwd(x), bwd(reversed_x)[:, ::-1])
print(head(both).shape)
