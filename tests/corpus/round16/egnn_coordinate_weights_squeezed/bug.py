"""EGNN's coordinate update: x_i += sum_j (x_i - x_j) * phi_x(m_ij), with phi_x giving one
weight per edge, (N, N, 1), broadcast over the 3 coordinates; the weight's unit axis was
squeezed away."""
import typedflux as tf
from typedflux import Dense

N, F = 5, 16
x = tf.randn(N, 3)
messages = tf.randn(N, N, F)
phi_x = Dense(F, 1)
w = phi_x(messages).squeeze(-1)
diff = x[:, None, :] - x[None, :, :]
x_new = x + (diff * w).sum(axis=1) / (N - 1)  # BUG  # E: Cannot broadcast for "mul": x has Tensor[5, 5, 3], y has Tensor[5, 5]; need equal sizes or 1 at axis -1 (3 vs 5); did you mean y[..., None] (or keepdims=True where y was reduced)?  [shape]
print(x_new.shape)
