"""A typed training script: a model class with an annotated __call__, a DataLoader, withgradient
of a lambda, tf.update, onecold accuracy, a checkpoint saved and loaded into a fresh model
(clean under --strict too)."""
import os
import tempfile
from typing import Dict, List, Tuple, TypeVar

import numpy as np

import typedflux as tf
from typedflux import Chain, Dense, Dropout, LayerNorm, Tensor, relu

B = TypeVar("B", bound=int)
IN: int = 12
HID = 32
OUT = 3


class Classifier:
    def __init__(self) -> None:
        self.body = Chain(Dense(IN, HID, relu), LayerNorm(HID), Dropout(0.1), Dense(HID, HID, relu))
        self.head = Dense(HID, OUT)

    def __call__(self, x: Tensor[B, 12]) -> Tensor[B, 3]:
        return self.head(self.body(x))


def loss_fn(m: Classifier, x: Tensor[B, 12], y: Tensor[B, 3]) -> Tensor[()]:
    return tf.losses.logitcrossentropy(m(x), y)


rng = np.random.default_rng(0)
X = tf.tensor(rng.standard_normal((64, IN)).astype(np.float32))
labels = [int(i % OUT) for i in range(64)]
Y = tf.onehot(labels, OUT)
model = Classifier()
state = tf.setup(tf.Adam(1e-2), model)
loader = tf.DataLoader((X, Y), batchsize=16, shuffle=True, seed=0)
history: List[float] = []
for epoch in range(3):
    total = 0.0
    for xb, yb in loader:
        loss, grads = tf.withgradient(lambda m: loss_fn(m, xb, yb), model)
        tf.update(state, model, grads[0])
        total += loss.item()
    history.append(total)
acc = (tf.onecold(model(X)).numpy() == np.array(labels)).mean()
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "m.safetensors")
    tf.save(model, path)
    fresh = Classifier()
    tf.load(fresh, path)
    same: Tensor[64, 3] = fresh(X)
    print(float(((same - model(X)) ** 2).sum().item()) < 1e-6, acc >= 0.0, len(history))
