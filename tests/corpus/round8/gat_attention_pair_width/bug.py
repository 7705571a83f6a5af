"""A GAT layer: attention logits come from a Dense over the concatenated pair [Wh_i, Wh_j],
twice the hidden width; it was sized for one node."""
from typing import Final

import typedflux as tf
from typedflux import Dense, leakyrelu

N: Final = 6
F: Final = 8
W = Dense(4, F, bias=False)
attn = Dense(F, 1, bias=False)

h = W(tf.randn(N, 4))
pairs = tf.concat([tf.repeat(h[:, None], 1, N, 1), tf.repeat(h[None], N, 1, 1)], axis=-1)
e = leakyrelu(attn(pairs))  # BUG  # E: Dense(8 => 1, bias=False) expects input Tensor[..., 8], got Tensor[6, 6, 16]; need size 8 at axis -1 (got 16)  [shape]
alpha = tf.softmax(e[..., 0], axis=1)
print((alpha @ h).shape)
