"""LLaMA's SwiGLU feed-forward: the gate w1 and the up projection w3 share the hidden width
2/3 of 4*dim; w3 kept the plain 4*dim."""
import typedflux as tf
from typedflux import Dense

DIM = 48
HIDDEN = 2 * (4 * DIM) // 3
w1 = Dense(DIM, HIDDEN, bias=False)
w3 = Dense(DIM, HIDDEN, bias=False)
w2 = Dense(HIDDEN, DIM, bias=False)

x = tf.randn(2, 5, DIM)
h = tf.swish(w1(x)) * w3(x)
print(w2(h).shape)
