"""A classifier sized by a dataclass config; the head was built for the input width
instead of the hidden width."""
from dataclasses import dataclass

import typedflux as tf
from typedflux import Chain, Dense, Dropout, relu


@dataclass
class Config:
    d_in: int = 20
    hidden: int = 64
    n_classes: int = 5


cfg = Config()
model = Chain(
    Dense(cfg.d_in, cfg.hidden, relu),
    Dropout(0.1),
    Dense(cfg.d_in, cfg.n_classes),  # BUG  # E: Chain layer 3 Dense(20 => 5) expects input Tensor[..., 20], but layer 2 Dropout(0.1) produces Tensor[B, 64]; change Dense(20 => 5) to Dense(64 => 5)  [shape]
)
print(model(tf.randn(4, cfg.d_in)).shape)
