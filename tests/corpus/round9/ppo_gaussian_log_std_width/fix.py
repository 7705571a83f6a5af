"""A PPO Gaussian policy keeps a learned log standard deviation per action; it was made with
one extra entry."""
import math

import typedflux as tf
from typedflux import Chain, Dense, tanh

OBS, ACT = 11, 3
mean_net = Chain(Dense(OBS, 64, tanh), Dense(64, ACT))
log_std = tf.zeros(ACT)
obs, actions = tf.randn(5, OBS), tf.randn(5, ACT)
mean = mean_net(obs)
log_prob = (-0.5 * ((actions - mean) / tf.exp(log_std)) ** 2 - log_std - 0.5 * math.log(2 * math.pi)).sum(axis=-1)
print(log_prob.shape)
