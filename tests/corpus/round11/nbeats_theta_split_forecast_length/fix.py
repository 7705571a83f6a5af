"""An N-BEATS generic block's last layer gives two thetas of 8 coefficients, one for the backcast
basis and one for the forecast basis. The split of the second block used the forecast length
(6 steps) as the first theta's size."""
import typedflux as tf
from typedflux import Chain, Dense, relu

BACK, FORE, UNITS = 24, 6, 64
stack = Chain(Dense(BACK, UNITS, relu), Dense(UNITS, UNITS, relu), Dense(UNITS, 2 * 8))
theta_b, theta_f = tf.split(stack(tf.randn(3, BACK)), (8, 8))
backcast_basis = Dense(8, BACK)
forecast_basis = Dense(8, FORE)
x = tf.randn(3, BACK)
residual = x - backcast_basis(theta_b)
theta = stack(residual)
tb, tfc = tf.split(theta, (8, 8))
print((forecast_basis(theta_f) + forecast_basis(tfc)).shape, backcast_basis(tb).shape)
