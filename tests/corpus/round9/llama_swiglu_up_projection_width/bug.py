"""LLaMA's SwiGLU feed-forward: the gate w1 and the up projection w3 share the hidden width
2/3 of 4*dim; w3 kept the plain 4*dim."""
import typedflux as tf
from typedflux import Dense

DIM = 48
HIDDEN = 2 * (4 * DIM) // 3
w1 = Dense(DIM, HIDDEN, bias=False)
w3 = Dense(DIM, 4 * DIM, bias=False)
w2 = Dense(HIDDEN, DIM, bias=False)

x = tf.randn(2, 5, DIM)
h = tf.swish(w1(x)) * w3(x)  # BUG  # E: Cannot broadcast for "mul": x has Tensor[2, 5, 128], y has Tensor[2, 5, 192]; need equal sizes or 1 at axis -1 (128 vs 192)  [shape]
print(w2(h).shape)
