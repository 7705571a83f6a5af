"""GIN's update: h' = MLP((1 + eps) h + A h), the neighbours' features summed by the (N, N)
adjacency times the (N, F) features; the product used h's transpose."""
import typedflux as tf
from typedflux import Chain, Dense, relu

N, F = 7, 5
adj = (tf.rand(N, N) > 0.5) * 1.0
h = tf.randn(N, F)
mlp = Chain(Dense(F, 16, relu), Dense(16, 16))
eps = 0.1
agg = (1 + eps) * h + adj @ h.T  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[7, 7], w has Tensor[5, 7]; need x.shape[-1] == w.shape[-2] (7 vs 5); did you mean to transpose w (w.T)?  [shape]
print(mlp(agg).shape)
