"""A GCN layer propagates features with the normalised adjacency on the left (A X W); the
product was written X A."""
import typedflux as tf
from typedflux import Dense

N, F, H = 6, 5, 8
adj = tf.tensor([[1.0 if abs(i - j) <= 1 else 0.0 for j in range(N)] for i in range(N)])
deg = adj.sum(axis=1, keepdims=True)
a_hat = adj / deg
x = tf.randn(N, F)
w = Dense(F, H, bias=False)
h = tf.relu(w(a_hat @ x))
print(h.shape)
