"""Config instance shadowed inside a function; class attribute config vs another class."""
from dataclasses import dataclass

import typedflux as tf
from typedflux import Dense


@dataclass
class Config:
    d_in: int = 12
    d_out: int = 4


cfg = Config()


def build() -> Dense:
    cfg = Config(d_in=5)
    return Dense(cfg.d_in, cfg.d_out)


def run() -> tf.Tensor:
    cfg = Config(d_in=7, d_out=2)
    x = tf.randn(3, cfg.d_in)
    return Dense(7, cfg.d_out)(x)


class HP:
    width = 64


class Other:
    def __init__(self) -> None:
        self.width = 8


def use(hp: Other) -> tf.Tensor:
    return Dense(hp.width, 2)(tf.randn(1, 8))


print(build()(tf.randn(2, 5)).shape, run().shape, use(Other()).shape)
print(Dense(cfg.d_in, cfg.d_out)(tf.randn(2, 12)).shape, Dense(HP.width, 1)(tf.randn(1, 64)).shape)
