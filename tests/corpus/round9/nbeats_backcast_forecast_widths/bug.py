"""An N-BEATS block subtracts its backcast (lookback length) from its input; the backcast
head was built with the forecast horizon."""
import typedflux as tf
from typedflux import Chain, Dense, relu

LOOKBACK, HORIZON, H = 24, 8, 64
fc = Chain(Dense(LOOKBACK, H, relu), Dense(H, H, relu))
backcast_head = Dense(H, HORIZON)
forecast_head = Dense(H, HORIZON)
x = tf.randn(16, LOOKBACK)
theta = fc(x)
residual = x - backcast_head(theta)  # BUG  # E: Cannot broadcast for "sub": x has Tensor[16, 24], y has Tensor[16, 8]; need equal sizes or 1 at axis -1 (24 vs 8)  [shape]
print(residual.shape, forecast_head(theta).shape)
