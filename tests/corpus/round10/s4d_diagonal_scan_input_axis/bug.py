"""A diagonal SSM (S4D) scanned with a Python loop: each of D channels has N states, so the
input x_t (B, D) enters as x_t[..., None] against B_bar (D, N). The new axis was put before
the channels."""
import typedflux as tf

BATCH, T, D, N = 2, 5, 6, 4
A_bar = tf.rand(D, N) * 0.9
B_bar = tf.randn(D, N)
C = tf.randn(D, N)
x = tf.randn(BATCH, T, D)
h = tf.zeros(BATCH, D, N)
outs = []
for t in range(T):
    h = A_bar * h + B_bar * x[:, t][:, None]  # BUG  # E: Cannot broadcast for "mul": x has Tensor[6, 4], y has Tensor[2, 1, 6]; need equal sizes or 1 at axis -1 (4 vs 6)  [shape]
    outs.append((h * C).sum(axis=-1))
print(tf.stack(outs, axis=1).shape)
