"""C51 (distributional DQN): the head's A * 51 outputs are a distribution over 51 atoms per
action, reshaped (B, A, 51) and softmaxed over the atoms; the reshape put the atoms first,
so the support meets the actions."""
import typedflux as tf
from typedflux import Chain, Dense, relu

B, S, A, ATOMS = 8, 12, 4, 51
net = Chain(Dense(S, 64, relu), Dense(64, A * ATOMS))
support = tf.arange(ATOMS) * 0.4 - 10.0
logits = net(tf.randn(B, S)).reshape(B, ATOMS, A)
probs = tf.softmax(logits, axis=-1)
q_values = (probs * support).sum(axis=-1)  # BUG  # E: Cannot broadcast for "mul": x has Tensor[8, 51, 4], y has Tensor[51]; need equal sizes or 1 at axis -1 (4 vs 51)  [shape]
print(q_values.shape)
