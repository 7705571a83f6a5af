"""A model class takes its config (a dataclass) in __init__ and builds its layers from it."""
from dataclasses import dataclass

import typedflux as tf
from typedflux import Chain, Dense, Dropout, relu


@dataclass
class MLPConfig:
    d_in: int = 10
    width: int = 32
    depth_out: int = 3


class MLP:
    def __init__(self, cfg: MLPConfig) -> None:
        self.net = Chain(Dense(cfg.d_in, cfg.width, relu), Dropout(0.1), Dense(cfg.width, cfg.depth_out))

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.net(x)


model = MLP(MLPConfig())
print(model(tf.randn(4, 12)).shape)  # BUG  # E: Chain layer 1 Dense(10 => 32, relu) expects input Tensor[..., 10], got Tensor[4, 12]; need size 10 at axis -1 (got 12)  [shape]
