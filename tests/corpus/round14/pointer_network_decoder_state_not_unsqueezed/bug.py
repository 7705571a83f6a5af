"""A pointer network scores each input position j for the decoder state d:
v . tanh(W1 e_j + W2 d); W2 d must get a position axis to be added to every W1 e_j."""
import typedflux as tf
from typedflux import Dense, LSTM

B, N, H = 3, 7, 16
encoder = LSTM(2, H)
w1, w2, v = Dense(H, H, bias=False), Dense(H, H, bias=False), Dense(H, 1, bias=False)
points = tf.randn(B, N, 2)
e = encoder(points)
d = e[:, -1]
u = v(tf.tanh(w1(e) + w2(d))).reshape(B, N)  # BUG  # E: Cannot broadcast for "add": x has Tensor[3, 7, 16], y has Tensor[3, 16]; need equal sizes or 1 at axis -2 (7 vs 3)  [shape]
print(tf.softmax(u, axis=-1).shape)
