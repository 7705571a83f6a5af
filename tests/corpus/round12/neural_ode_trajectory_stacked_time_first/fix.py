"""A latent ODE fits a trajectory (B, T, D): the Euler steps are collected and stacked; they were
stacked time-first and compared with the batch-first observations."""
import typedflux as tf
from typedflux import Chain, Dense, tanh

B, T, D = 4, 6, 3
field = Chain(Dense(D, 16, tanh), Dense(16, D))
obs = tf.randn(B, T, D)
y = obs[:, 0]
traj = []
for _ in range(T):
    traj.append(y)
    y = y + 0.1 * field(y)
pred = tf.stack(traj, axis=1)
loss = tf.losses.mse(pred, obs)
print(loss.item())
