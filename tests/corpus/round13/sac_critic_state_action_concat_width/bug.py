"""SAC's twin Q critics read the state and the action concatenated; the first layer was sized
by the observation width alone."""
import typedflux as tf
from typedflux import Chain, Dense, relu


class Critic:
    def __init__(self, obs_dim: int, act_dim: int, hidden: int = 64) -> None:
        self.q1 = Chain(Dense(obs_dim, hidden, relu), Dense(hidden, hidden, relu), Dense(hidden, 1))
        self.q2 = Chain(Dense(obs_dim, hidden, relu), Dense(hidden, hidden, relu), Dense(hidden, 1))

    def __call__(self, obs: tf.Tensor, act: tf.Tensor) -> tf.Tensor:
        sa = tf.cat(obs, act, axis=-1)
        return tf.minimum(self.q1(sa), self.q2(sa))


critic = Critic(11, 3)
q = critic(tf.randn(16, 11), tf.tanh(tf.randn(16, 3)))  # BUG  # E: Chain layer 1 Dense(11 => 64, relu) expects input Tensor[..., 11], got Tensor[16, 14]; need size 11 at axis -1 (got 14)  [shape]
print(q.shape)
