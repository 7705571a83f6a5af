"""An S4/Mamba-style linear recurrence written as a Python loop over time: h = A h + B x_t,
y_t = C h. B is built (N, D) and used as if it mapped inputs (D) to the state (N) from the
left of a row vector, so x_t @ B fails."""
import typedflux as tf

BATCH, T, D, N = 2, 6, 4, 8
A = tf.randn(N, N) * 0.1
Bm = tf.randn(N, D)
Cm = tf.randn(D, N)
x = tf.randn(BATCH, T, D)
h = tf.zeros(BATCH, N)
ys = []
for t in range(T):
    h = h @ A.T + x[:, t] @ Bm  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[2, 4], w has Tensor[8, 4]; need x.shape[-1] == w.shape[-2] (4 vs 8); did you mean to transpose w (w.T)?  [shape]
    ys.append(h @ Cm.T)
y = tf.stack(ys, axis=1)
print(y.shape)
