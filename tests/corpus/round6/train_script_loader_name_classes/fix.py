"""An end-to-end classifier script: data, model, tf.train over a named DataLoader, a
checkpoint written and read back, accuracy of the reloaded model."""
import os
import tempfile

import typedflux as tf
from typedflux import Chain, Dense, relu

N_FEATURES = 12
N_CLASSES = 5

tf.seed(0)
x = tf.randn(60, N_FEATURES)
labels = [i % N_CLASSES for i in range(60)]
y = tf.onehot(labels, N_CLASSES)

model = Chain(Dense(N_FEATURES, 32, relu), Dense(32, N_CLASSES))
state = tf.setup(tf.Adam(1e-2), model)
loader = tf.DataLoader((x, y), batchsize=20, shuffle=True, seed=0)
history = tf.train(lambda m, xb, yb: tf.losses.logitcrossentropy(m(xb), yb), model, loader, state, epochs=2, progress=False)

folder = tempfile.mkdtemp()
path = os.path.join(folder, "classifier.safetensors")
tf.save(model, path)
fresh = Chain(Dense(N_FEATURES, 32, relu), Dense(32, N_CLASSES))
tf.load(fresh, path)
hits = (tf.onecold(fresh(x)) == tf.onecold(y)).sum().item()
os.remove(path)
os.rmdir(folder)
print(f"loss {history[-1]:.3f}, accuracy {hits / 60:.2f}")
