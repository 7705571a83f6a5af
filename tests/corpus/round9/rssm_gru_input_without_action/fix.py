"""Dreamer's recurrent state model feeds the GRU the previous stochastic state and the action;
the GRU was sized for the state alone."""
import typedflux as tf
from typedflux import GRU, Dense, elu

Z, A, H = 30, 6, 64
pre = Dense(Z + A, H, elu)
gru = GRU(H, H, return_state=True)
z, a, h = tf.randn(4, Z), tf.randn(4, A), tf.randn(4, H)
x = pre(tf.cat(z, a, axis=-1))
_, h = gru(x[:, None, :], h)
print(h.shape)
