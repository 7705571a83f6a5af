"""A two-layer GAT: the hidden layer's H heads are concatenated (N, H*F), and the output layer's
projection takes that width; it was sized for one head's features."""
import typedflux as tf
from typedflux import Dense, elu

N, F_IN, F, H, C = 6, 12, 8, 4, 3


def attend(h: tf.Tensor, adj: tf.Tensor) -> tf.Tensor:
    scores = h @ h.swapaxes(-1, -2)
    scores = tf.where(adj > 0, scores, -1e9)
    return tf.softmax(scores, axis=-1) @ h


adj = tf.ones(N, N)
x = tf.randn(N, F_IN)
heads = [Dense(F_IN, F) for _ in range(H)]
hidden = elu(tf.cat(*[attend(w(x), adj) for w in heads], axis=-1))
out_proj = Dense(F, C)
logits = attend(out_proj(hidden), adj)  # BUG  # E: Dense(8 => 3) expects input Tensor[..., 8], got Tensor[6, 32]; need size 8 at axis -1 (got 32)  [shape]
print(tf.softmax(logits, axis=-1).shape)
