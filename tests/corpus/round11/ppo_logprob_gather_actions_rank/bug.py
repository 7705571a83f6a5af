"""PPO's policy loss reads the log-probability of each taken action from the (B, A) log-softmax;
take_along_axis needs the indices with the same rank, (B, 1)."""
import typedflux as tf
from typedflux import Chain, Dense, tanh

OBS, ACTIONS, B = 6, 3, 8
actor = Chain(Dense(OBS, 32, tanh), Dense(32, ACTIONS))
obs = tf.randn(B, OBS)
actions = tf.tensor([0, 1, 2, 1, 0, 2, 2, 1])
old_logp = tf.randn(B) * 0.1 - 1.0
adv = tf.randn(B)
logp_all = tf.logsoftmax(actor(obs), axis=-1)
logp = tf.take_along_axis(logp_all, actions, axis=1)  # BUG  # E: Cannot index for "take_along_axis": x has Tensor[8, 3], indices has Tensor[8]; need equal ranks (2 vs 1)  [shape]
ratio = tf.exp(logp.reshape(B) - old_logp)
loss = -tf.minimum(ratio * adv, tf.clamp(ratio, 0.8, 1.2) * adv).mean()
print(loss.shape)
