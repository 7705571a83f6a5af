"""A neural ODE whose vector field takes the time as an extra input feature: f(t, y) =
mlp(cat(y, t)), with t repeated as a column (B, 1); it was repeated as a vector (B,), stepped
with RK4."""
import typedflux as tf
from typedflux import Chain, Dense, tanh

B, D = 3, 4
field = Chain(Dense(D + 1, 16, tanh), Dense(16, D))


def f(t: float, y: tf.Tensor) -> tf.Tensor:
    tt = tf.full(y.shape[0], value=t)
    return field(tf.cat(y, tt, axis=-1))


def rk4(y: tf.Tensor, t: float, dt: float) -> tf.Tensor:
    k1 = f(t, y)
    k2 = f(t + dt / 2, y + dt / 2 * k1)
    k3 = f(t + dt / 2, y + dt / 2 * k2)
    k4 = f(t + dt, y + dt * k3)
    return y + dt / 6 * (k1 + 2 * k2 + 2 * k3 + k4)


y = tf.randn(B, D)
for i in range(4):
    y = rk4(y, i * 0.25, 0.25)  # BUG  # E: Ranks differ for "cat": xs[0] has Tensor[3, 4], xs[1] has Tensor[3]; need equal ranks (2 vs 1)  [shape]
print(y.shape)
