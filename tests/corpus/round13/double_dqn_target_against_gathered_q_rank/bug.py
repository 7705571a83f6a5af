"""Double DQN: the online net picks the next action, the target net scores it, and the TD
target r + gamma * Q_target(s', a*) is compared with Q(s, a) gathered at the taken actions,
(B, 1); the target was built as a (B,) vector."""
import numpy as np

import typedflux as tf
from typedflux import Chain, Dense, relu

B, OBS, A, GAMMA = 6, 4, 3, 0.99
online = Chain(Dense(OBS, 32, relu), Dense(32, A))
target_net = Chain(Dense(OBS, 32, relu), Dense(32, A))
rng = np.random.default_rng(0)
s, s2 = tf.randn(B, OBS), tf.randn(B, OBS)
a = tf.tensor(rng.integers(0, A, (B, 1)))
r = tf.randn(B)
done = tf.tensor([0.0, 0.0, 1.0, 0.0, 0.0, 1.0])
q_sa = tf.take_along_axis(online(s), a, axis=1)
best = tf.argmax(online(s2), axis=1, keepdims=True)
q_next = tf.take_along_axis(target_net(s2), best, axis=1).reshape(B)
target = r + GAMMA * (1.0 - done) * q_next
loss = tf.losses.huber_loss(q_sa, target.detach())  # BUG  # E: Shapes differ for "huber_loss": prediction has Tensor[6, 1], target has Tensor[6]; need identical shapes (no broadcasting in losses); hint: reshape the target to Tensor[6, 1] or squeeze the prediction  [shape]
print(loss.item())
