"""A full training script: dataclass config, model class, loaders, withgradient loop, eval, checkpoint."""
import os
import tempfile
from dataclasses import dataclass, field
from typing import Dict, List, Tuple, TypeVar

import numpy as np

import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, Dense, Dropout, Flatten, MaxPool, Tensor, relu

B = TypeVar("B", bound=int)


@dataclass
class TrainConfig:
    lr: float = 1e-3
    epochs: int = 2
    batch: int = 16
    channels: List[int] = field(default_factory=lambda: [1, 4, 8])
    n_classes: int = 10


def make_model(cfg: TrainConfig) -> Chain:
    layers = []
    for cin, cout in zip(cfg.channels, cfg.channels[1:]):
        layers += [Conv((3, 3), cin, cout, pad=1), BatchNorm(cout), relu, MaxPool((2, 2))]
    return Chain(*layers, Flatten(), Dropout(0.1), Dense(cfg.channels[-1] * 2 * 2, cfg.n_classes))


cfg = TrainConfig()
model = make_model(cfg)
rng = np.random.default_rng(0)
X = tf.tensor(rng.standard_normal((64, 1, 8, 8)).astype(np.float32))
labels = rng.integers(0, 10, 64).tolist()
Y = tf.onehot(labels, cfg.n_classes)
train = tf.DataLoader((X[:48], Y[:48]), batchsize=cfg.batch, shuffle=True, seed=0)
val = tf.DataLoader((X[48:], Y[48:]), batchsize=cfg.batch)
opt = tf.setup(tf.Adam(cfg.lr), model)


def loss_fn(m: Chain, x: tf.Tensor, y: tf.Tensor) -> tf.Tensor:
    return tf.losses.logitcrossentropy(m(x), y)


history: Dict[str, List[float]] = {"train": [], "val": []}
for epoch in range(cfg.epochs):
    tf.trainmode(model)
    for xb, yb in train:
        loss, (g,) = tf.withgradient(lambda m: loss_fn(m, xb, yb), model)
        opt, model = tf.update(opt, model, g)
        history["train"].append(loss.item())
    tf.testmode(model)
    accs = []
    for xb, yb in val:
        pred = tf.onecold(model(xb))
        accs.append(float((pred.numpy() == tf.onecold(yb).numpy()).mean()))
    history["val"].append(sum(accs) / len(accs))
print(history["val"])


def evaluate(m: Chain, x: Tensor[B, 1, 8, 8]) -> Tensor[B, 10]:
    return m(x)


print(evaluate(model, X[:3]).shape)
folder = tempfile.mkdtemp()
path = os.path.join(folder, "ckpt.safetensors")
tf.save(model, path)
fresh = make_model(cfg)
tf.load(fresh, path)
tf.testmode(fresh)
print(np.allclose(fresh(X[:2]).numpy(), model(X[:2]).numpy()))
hist = tf.train(loss_fn, model, train, opt, epochs=1, progress=False)
hist2 = tf.train(lambda m, x, y: tf.losses.logitcrossentropy(m(x), y), model, train, opt, epochs=1,
                 progress=False, compile=True)
print(len(hist), len(hist2))
os.remove(path)
os.rmdir(folder)
