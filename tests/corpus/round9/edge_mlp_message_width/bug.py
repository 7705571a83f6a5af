"""An MPNN edge network reads the two endpoint features and the edge features; it was sized
without the edge features."""
import typedflux as tf
from typedflux import Dense, relu

N, F, EF, H = 5, 8, 4, 16
h = tf.randn(N, F)
src = tf.tensor([0, 1, 2, 3, 4, 0])
dst = tf.tensor([1, 2, 3, 4, 0, 2])
edge_attr = tf.randn(6, EF)
edge_mlp = Dense(2 * F, H, relu)
messages = edge_mlp(tf.cat(h[src], h[dst], edge_attr, axis=-1))  # BUG  # E: Dense(16 => 16, relu) expects input Tensor[..., 16], got Tensor[6, 20]; need size 16 at axis -1 (got 20)  [shape]
print(messages.shape)
