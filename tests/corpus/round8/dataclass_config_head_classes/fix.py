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
    Dense(cfg.hidden, cfg.n_classes),
)
print(model(tf.randn(4, cfg.d_in)).shape)
