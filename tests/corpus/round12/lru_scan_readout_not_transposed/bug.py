"""A linear recurrent unit scanned with a loop: h_t = a * h_{t-1} + x_t B^T, y_t = h_t C^T with
C stored (D_out, N) as a Dense weight is; the readout multiplied by C untransposed."""
import typedflux as tf

B, L, D, N, D_OUT = 2, 6, 4, 8, 3
a = tf.rand(N) * 0.9
Bm = tf.randn(N, D) * 0.1
C = tf.randn(D_OUT, N) * 0.1
x = tf.randn(B, L, D)
h = tf.zeros(B, N)
outs = []
for t in range(L):
    h = a * h + x[:, t] @ Bm.T
    outs.append(h @ C)  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[2, 8], w has Tensor[3, 8]; need x.shape[-1] == w.shape[-2] (8 vs 3); did you mean to transpose w (w.T)?  [shape]
y = tf.stack(outs, axis=1)
print(y.shape)
