"""DQN: the Q-value of the action taken, picked with `take_along_axis`; the action indices
need the Q-values' rank."""
import typedflux as tf
from typedflux import Chain, Dense, relu

qnet = Chain(Dense(4, 32, relu), Dense(32, 2))
obs = tf.randn(5, 4)
actions = tf.tensor([0, 1, 1, 0, 1])
targets = tf.randn(5, 1)
q_taken = tf.take_along_axis(qnet(obs), actions[:, None], axis=1)
print(tf.losses.huber_loss(q_taken, targets).item())
