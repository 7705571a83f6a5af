"""PPO's clipped objective takes the ratio of the new and old log-probabilities of the actions
taken; the new log-probabilities were left for every action (the log-softmax) instead of being
gathered at the taken actions."""
import numpy as np

import typedflux as tf
from typedflux import Chain, Dense, tanh

B, OBS, A = 8, 6, 4
policy = Chain(Dense(OBS, 32, tanh), Dense(32, A))
obs = tf.randn(B, OBS)
actions = tf.tensor(np.random.default_rng(0).integers(0, A, (B, 1)))
old_logp = tf.randn(B)
adv = tf.randn(B)
logp_all = tf.logsoftmax(policy(obs), axis=-1)
logp = logp_all
ratio = tf.exp(logp - old_logp)  # BUG  # E: Cannot broadcast for "sub": x has Tensor[8, 4], y has Tensor[8]; need equal sizes or 1 at axis -1 (4 vs 8); did you mean y[..., None] (or keepdims=True where y was reduced)?  [shape]
clipped = tf.clamp(ratio, min=0.8, max=1.2)
loss = -tf.minimum(ratio * adv, clipped * adv).mean()
print(loss.item())
