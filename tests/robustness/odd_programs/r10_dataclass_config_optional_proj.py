"""Config in a dataclass, model built from it, optional projection."""
from dataclasses import dataclass
from typing import Optional

import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, gelu


@dataclass
class Config:
    d_in: int = 12
    d_model: int = 16
    n_layers: int = 2
    n_classes: int = 4


class Block:
    def __init__(self, d: int) -> None:
        self.norm = LayerNorm(d)
        self.ff = Chain(Dense(d, 4 * d, gelu), Dense(4 * d, d))

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return x + self.ff(self.norm(x))


class Net:
    def __init__(self, cfg: Config) -> None:
        self.proj: Optional[Dense] = None if cfg.d_in == cfg.d_model else Dense(cfg.d_in, cfg.d_model)
        self.blocks = [Block(cfg.d_model) for _ in range(cfg.n_layers)]
        self.head = Dense(cfg.d_model, cfg.n_classes)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        if self.proj is not None:
            x = self.proj(x)
        for blk in self.blocks:
            x = blk(x)
        return self.head(x)


cfg = Config()
net = Net(cfg)
print(net(tf.randn(3, 12)).shape)
net2 = Net(Config(d_in=16))
print(net2(tf.randn(3, 16)).shape)
