"""A dense autoencoder on 8x8 images as a Chain of named Chains; the reconstruction is flat,
the images are not."""
import typedflux as tf
from typedflux import Chain, Dense, Flatten, relu, sigmoid

tf.seed(2)
images = tf.rand(32, 1, 8, 8)
encoder = Chain(Flatten(), Dense(64, 16, relu))
decoder = Chain(Dense(16, 64, sigmoid))
model = Chain(enc=encoder, dec=decoder)
before = tf.losses.mse(model(images), images)  # BUG  # E: Shapes differ for "mse": prediction has Tensor[32, 64], target has Tensor[32, 1, 8, 8]; need identical shapes (no broadcasting in losses)  [shape]
state = tf.setup(tf.Adam(1e-3), model)
for step in range(3):
    value, (g,) = tf.withgradient(lambda m: tf.losses.mse(m(images), images.reshape(32, 64)), model)
    state, model = tf.update(state, model, g)
print(before.item(), value.item())
