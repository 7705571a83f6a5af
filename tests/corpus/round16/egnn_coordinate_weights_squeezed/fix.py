"""EGNN's coordinate update: x_i += sum_j (x_i - x_j) * phi_x(m_ij), with phi_x giving one
weight per edge, (N, N, 1), broadcast over the 3 coordinates; the weight's unit axis was
squeezed away."""
import typedflux as tf
from typedflux import Dense

N, F = 5, 16
x = tf.randn(N, 3)
messages = tf.randn(N, N, F)
phi_x = Dense(F, 1)
w = phi_x(messages)
diff = x[:, None, :] - x[None, :, :]
x_new = x + (diff * w).sum(axis=1) / (N - 1)
print(x_new.shape)
