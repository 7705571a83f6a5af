"""Early stopping on a validation loss whose targets have the wrong width."""
import typedflux as tf
from typedflux import Chain, Dense, relu

tf.seed(1)
x, y = tf.randn(32, 3), tf.randn(32, 2)
xv = tf.randn(8, 3)
yv = tf.randn(8, 2)
model = Chain(Dense(3, 8, relu), Dense(8, 2))
state = tf.setup(tf.Adam(0.01), model)
stop = tf.EarlyStopping(patience=2, metric=lambda: tf.losses.mse(model(xv), yv))
tf.train(lambda m, a, b: tf.losses.mse(m(a), b), model, tf.DataLoader((x, y), batchsize=8), state, epochs=3, callback=stop, progress=False)
print(stop.wait)
