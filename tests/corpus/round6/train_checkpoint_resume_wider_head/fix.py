"""Resume training from a checkpoint: the model is rebuilt, the checkpoint loaded, and a
batch checked; the rebuilt head had a different width than the labels."""
import os
import tempfile

import typedflux as tf
from typedflux import Chain, Dense, relu

tf.seed(9)
x = tf.randn(30, 4)
y = tf.onehot([i % 3 for i in range(30)], 3)


def build() -> Chain:
    return Chain(Dense(4, 16, relu), Dense(16, 3))


folder = tempfile.mkdtemp()
path = os.path.join(folder, "ckpt.npz")
tf.save(build(), path)
model = build()
tf.load(model, path)
os.remove(path)
os.rmdir(folder)
first = tf.losses.logitcrossentropy(model(x[:10]), y[:10])
print(first.item())
