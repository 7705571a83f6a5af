"""Dueling DQN: Q = V + (A - mean(A)) per state, so the mean over actions must keep its axis to
be subtracted from each action's advantage."""
import typedflux as tf
from typedflux import Chain, Dense, relu

OBS, ACTIONS = 8, 4


class DuelingQ:
    def __init__(self) -> None:
        self.trunk = Chain(Dense(OBS, 64, relu), Dense(64, 64, relu))
        self.value = Dense(64, 1)
        self.adv = Dense(64, ACTIONS)


net = DuelingQ()
obs = tf.randn(5, OBS)
h = net.trunk(obs)
v, a = net.value(h), net.adv(h)
q = v + a - a.mean(axis=1)  # BUG  # E: Cannot broadcast for "sub": x has Tensor[5, 4], y has Tensor[5]; need equal sizes or 1 at axis -1 (4 vs 5); did you mean y[..., None] (or keepdims=True where y was reduced)?  [shape]
print(tf.argmax(q, axis=1).shape)
