"""Nested dataclass configs, frozen configs, __post_init__ derived sizes, replace()."""
import dataclasses
from dataclasses import dataclass, field

import typedflux as tf
from typedflux import Dense, LayerNorm, relu


@dataclass(frozen=True)
class ModelConfig:
    d_in: int = 12
    d_model: int = 32
    n_out: int = 4


@dataclass
class TrainConfig:
    batch: int = 8
    lr: float = 1e-3


@dataclass
class Config:
    model: ModelConfig = field(default_factory=ModelConfig)
    train: TrainConfig = field(default_factory=TrainConfig)


@dataclass
class Derived:
    d_model: int = 32
    n_head: int = 4
    head_dim: int = 0

    def __post_init__(self) -> None:
        self.head_dim = self.d_model // self.n_head


class Net:
    def __init__(self, cfg: ModelConfig) -> None:
        self.inp = Dense(cfg.d_in, cfg.d_model, relu)
        self.norm = LayerNorm(cfg.d_model)
        self.out = Dense(cfg.d_model, cfg.n_out)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.out(self.norm(self.inp(x)))


cfg = Config()
net = Net(cfg.model)
print(net(tf.randn(cfg.train.batch, cfg.model.d_in)).shape)
small = dataclasses.replace(cfg.model, d_in=6, n_out=2)
print(Net(small)(tf.randn(3, 6)).shape, Dense(small.n_out, 1)(Net(small)(tf.randn(3, 6))).shape)
dv = Derived(d_model=64)
print(Dense(dv.head_dim, 1)(tf.randn(2, 16)).shape)
