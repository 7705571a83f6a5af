"""A dataclass config whose own method changes a field (a config that adapts to the data)."""
from dataclasses import dataclass

import typedflux as tf
from typedflux import Dense


@dataclass
class Config:
    d_in: int = 12
    n_out: int = 4

    def fit_to(self, x: tf.Tensor) -> None:
        self.d_in = x.shape[-1]


cfg = Config()
data = tf.randn(5, 20)
cfg.fit_to(data)
model = Dense(cfg.d_in, cfg.n_out)
print(model(data).shape)


class HP:
    width = 8

    @classmethod
    def double(cls) -> None:
        cls.width *= 2


HP.double()
print(Dense(HP.width, 1)(tf.randn(1, 16)).shape)
