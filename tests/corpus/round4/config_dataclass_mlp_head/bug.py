"""An MLP sized from a frozen dataclass config; the head is built from the wrong field."""
from dataclasses import dataclass

import typedflux as tf
from typedflux import Chain, Dense, relu


@dataclass(frozen=True)
class Config:
    d_in: int = 20
    hidden: int = 64
    n_classes: int = 5


cfg = Config()
model = Chain(Dense(cfg.d_in, cfg.hidden, relu), Dense(cfg.d_in, cfg.n_classes))  # BUG  # E: Chain layer 2 Dense(20 => 5) expects input Tensor[..., 20], but layer 1 Dense(20 => 64, relu) produces Tensor[B, 64]; change Dense(20 => 5) to Dense(64 => 5)  [shape]
print(model(tf.randn(8, 20)).shape)
