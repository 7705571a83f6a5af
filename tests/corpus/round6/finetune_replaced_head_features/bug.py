"""Fine-tuning: a pretrained body loaded from a checkpoint, the head replaced for a new task
with five classes; the new data has another feature count than the body takes."""
import os
import tempfile

import typedflux as tf
from typedflux import Dense, Tensor, relu


class Net:
    def __init__(self) -> None:
        self.body = Dense(8, 32, relu)
        self.head = Dense(32, 10)

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(self.body(x))


folder = tempfile.mkdtemp()
path = os.path.join(folder, "body.safetensors")
tf.save({"body": Net().body}, path)
net = Net()
tf.load({"body": net.body}, path)
os.remove(path)
os.rmdir(folder)
net.head = Dense(32, 5)
x = tf.randn(6, 6)
y = tf.onehot([i % 5 for i in range(6)], 5)
feats = net.body(x)  # BUG  # E: Dense(8 => 32, relu) expects input Tensor[..., 8], got Tensor[6, 6]; need size 8 at axis -1 (got 6)  [shape]
loss = tf.losses.logitcrossentropy(net.head(feats), y)
state = tf.setup(tf.Adam(1e-3), net.head)
value, (g,) = tf.withgradient(lambda h: tf.losses.logitcrossentropy(h(feats), y), net.head)
state, head = tf.update(state, net.head, g)
print(loss.item(), value.item())
