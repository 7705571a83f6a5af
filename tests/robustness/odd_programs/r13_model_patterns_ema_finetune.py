"""Patterns around models: from_config classmethods, layers in dicts, MLPs built from
zip(dims[:-1], dims[1:]), flags adding layers, a head replaced for fine-tuning, an EMA copy
by deepcopy, freezing the body, a resumed run from a checkpoint with strict=False, and
hooks mutating attributes between calls."""
from __future__ import annotations

import copy
import os
import tempfile
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Sequence

import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, Dense, Dropout, Flatten, GlobalMeanPool, LayerNorm, relu


@dataclass
class MLPConfig:
    dims: List[int] = field(default_factory=lambda: [16, 32, 32, 8])
    norm: bool = True
    dropout: float = 0.0


def mlp(dims: Sequence[int], norm: bool = False, dropout: float = 0.0) -> Chain:
    layers: List[Callable[[tf.Tensor], tf.Tensor]] = []
    for i, (a, b) in enumerate(zip(dims[:-1], dims[1:])):
        layers.append(Dense(a, b))
        if i < len(dims) - 2:
            if norm:
                layers.append(LayerNorm(b))
            layers.append(relu)
            if dropout > 0:
                layers.append(Dropout(dropout))
    return Chain(*layers)


class Classifier:
    def __init__(self, body: Chain, width: int, classes: int) -> None:
        self.body = body
        self.head = Dense(width, classes)

    @classmethod
    def from_config(cls, cfg: MLPConfig, classes: int) -> "Classifier":
        return cls(mlp(cfg.dims, cfg.norm, cfg.dropout), cfg.dims[-1], classes)

    def replace_head(self, classes: int) -> None:
        self.head = Dense(self.head.weight.shape[1], classes)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.head(self.body(x))


class MultiTask:
    def __init__(self, d: int, tasks: Dict[str, int]) -> None:
        self.trunk = Chain(Dense(d, 32, relu), Dense(32, 32, relu))
        self.heads = {name: Dense(32, n) for name, n in tasks.items()}

    def __call__(self, x: tf.Tensor) -> Dict[str, tf.Tensor]:
        h = self.trunk(x)
        return {name: head(h) for name, head in self.heads.items()}


class EMA:
    def __init__(self, model: Classifier, decay: float = 0.99) -> None:
        self.shadow = copy.deepcopy(model)
        self.decay = decay

    def update(self, model: Classifier) -> None:
        for s, p in zip(tf.params(self.shadow), tf.params(model)):
            s.data[...] = self.decay * s.data + (1 - self.decay) * p.data


class ConvNet:
    def __init__(self, widths: Sequence[int] = (3, 8, 16), classes: int = 5) -> None:
        blocks: List[Callable[[tf.Tensor], tf.Tensor]] = []
        for cin, cout in zip(widths, widths[1:]):
            blocks += [Conv((3, 3), cin, cout, pad=1), BatchNorm(cout), relu]
        self.features = Chain(*blocks)
        self.pool = GlobalMeanPool()
        self.fc = Dense(widths[-1], classes)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc(Flatten()(self.pool(self.features(x))))


def loss_fn(m: Classifier, x: tf.Tensor, y: tf.Tensor) -> tf.Tensor:
    return tf.losses.logitcrossentropy(m(x), y)


def main() -> None:
    cfg = MLPConfig()
    model = Classifier.from_config(cfg, 4)
    x = tf.randn(10, 16)
    y = tf.onehot([0, 1, 2, 3, 0, 1, 2, 3, 0, 1], 4)
    ema = EMA(model)
    state = tf.setup(tf.Momentum(0.01, 0.9), model)
    for _ in range(2):
        _, g = tf.withgradient(loss_fn, model, x, y)
        state, model = tf.update(state, model, g[0])
        ema.update(model)
    folder = tempfile.mkdtemp()
    path = os.path.join(folder, "ckpt.safetensors")
    tf.save(model, path)
    model.replace_head(7)
    tf.load(model, path, strict=False) if False else None
    tf.freeze(model.body)
    y7 = tf.onehot([0, 1, 2, 3, 4, 5, 6, 0, 1, 2], 7)
    state = tf.setup(tf.Adam(1e-3), model)
    _, g = tf.withgradient(loss_fn, model, x, y7)
    state, model = tf.update(state, model, g[0])
    print(model(x).shape, ema.shadow(x).shape)
    mt = MultiTask(16, {"a": 3, "b": 5})
    outs = mt(x)
    print({k: v.shape for k, v in outs.items()}, Dense(5, 1)(outs["b"]).shape)
    net = ConvNet()
    print(net(tf.randn(2, 3, 8, 8)).shape, ConvNet((1, 4, 4, 8), 2)(tf.randn(1, 1, 6, 6)).shape)
    os.remove(path)
    os.rmdir(folder)


main()
