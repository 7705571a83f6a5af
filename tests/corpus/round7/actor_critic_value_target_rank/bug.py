"""Actor-critic: the value head gives one column per state, the returns are a vector; the
value loss needs one of them reshaped."""
import typedflux as tf
from typedflux import Chain, Dense, tanh

body = Chain(Dense(6, 32, tanh), Dense(32, 32, tanh))
policy = Dense(32, 3)
value = Dense(32, 1)
states = tf.randn(10, 6)
returns = tf.randn(10)
h = body(states)
v = value(h)
critic_loss = tf.losses.mse(v, returns)  # BUG  # E: Shapes differ for "mse": prediction has Tensor[10, 1], target has Tensor[10]; need identical shapes (no broadcasting in losses); hint: reshape the target to Tensor[10, 1] or squeeze the prediction  [shape]
print(critic_loss.item(), policy(h).shape)
