"""Dataclasses holding layers: field(default_factory=lambda: ...), __post_init__ building layers
from int fields with an Optional default decided by truth, a frozen config replaced with
dataclasses.replace, and a dataclass instance handed to a construction."""
import dataclasses
from dataclasses import dataclass, field
from typing import List, Optional

import typedflux as tf
from typedflux import Dense, LayerNorm, Tensor


@dataclass(frozen=True)
class Cfg:
    d: int = 8
    hidden: Optional[int] = None
    layers: int = 1


@dataclass
class Block:
    cfg: Cfg
    norm: LayerNorm = field(default_factory=lambda: LayerNorm(8))
    fcs: List[Dense] = field(default_factory=list)

    def __post_init__(self) -> None:
        h = self.cfg.hidden or self.cfg.d
        self.fcs = [Dense(self.cfg.d, h), Dense(h, self.cfg.d)]

    def __call__(self, x: Tensor) -> Tensor:
        y = self.norm(x)
        for f in self.fcs:
            y = f(y)
        return x + y


base = Cfg()
wide = dataclasses.replace(base, hidden=32)
print(Block(base)(tf.randn(2, 8)).shape, Block(wide)(tf.randn(2, 8)).shape)
b = Block(Cfg(4), norm=LayerNorm(4))
print(b(tf.randn(3, 4)).shape)
