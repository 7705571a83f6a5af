"""A Deep Sets regressor: phi per element, mean over the set, rho; the mean kept its axis,
so the prediction has one axis more than the target."""
import typedflux as tf
from typedflux import Chain, Dense, relu

phi = Chain(Dense(3, 32, relu), Dense(32, 32, relu))
rho = Chain(Dense(32, 16, relu), Dense(16, 1))

sets = tf.randn(6, 10, 3)
target = tf.randn(6, 1)
pooled = phi(sets).mean(axis=1)
loss = tf.losses.mse(rho(pooled), target)
print(loss.item())
