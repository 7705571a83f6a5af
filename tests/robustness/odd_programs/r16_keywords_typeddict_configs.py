"""Keywords in bodies, TypedDict state records, indexed callables in bodies, configs: correct."""
from dataclasses import dataclass, field
from typing import Callable, Dict, List, NamedTuple, Optional, Tuple, TypedDict

import numpy as np

import typedflux as tf
from typedflux import Chain, Dense, Embedding, GRU, LayerNorm, LSTM, MultiHeadAttention, Tensor, gelu, relu


class Carry(TypedDict):
    h: Tensor
    c: Tensor


class Cfg(NamedTuple):
    d: int = 16
    heads: int = 2
    ff: int = 32

    @classmethod
    def tiny(cls) -> "Cfg":
        return cls(d=8, heads=2, ff=16)


@dataclass
class DCfg:
    d: int = 16
    drop: float = field(default=0.0)
    names: List[str] = field(default_factory=list)


class Block:
    def __init__(self, cfg: Cfg) -> None:
        self.ln = LayerNorm(cfg.d)
        self.attn = MultiHeadAttention(cfg.d, cfg.heads)
        self.ff = Chain(Dense(cfg.d, cfg.ff, gelu), Dense(cfg.ff, cfg.d))

    def __call__(self, x, mask=None):
        h = self.ln(x=x)
        x = x + self.attn(q=h, k=h, v=h, mask=mask)
        return x + self.ff(x=self.ln(x))


class Stack:
    def __init__(self, cfg: Cfg) -> None:
        self.blocks = [Block(cfg) for _ in range(2)]
        self.heads: Dict[str, Dense] = {"cls": Dense(cfg.d, 3), "reg": Dense(cfg.d, 1)}
        self.acts: List[Callable[[Tensor], Tensor]] = [relu, gelu]

    def __call__(self, x, task: str = "cls"):
        for blk in self.blocks:
            x = blk(x, mask=None)
        x = self.acts[0](x)
        return self.heads[task](x[:, 0])


class Recur:
    def __init__(self, d: int) -> None:
        self.cell = LSTM(d, d)

    def step(self, x, carry: Carry) -> Carry:
        y = self.cell(x, (carry["h"], carry["c"]))
        return Carry(h=y[:, -1], c=carry["c"])


class GruHead:
    def __init__(self, cfg: DCfg) -> None:
        self.gru = GRU(cfg.d, cfg.d)
        self.out = Dense(cfg.d, 2)

    def __call__(self, x, h0: Optional[Tensor] = None):
        y = self.gru(x) if h0 is None else self.gru(x, h0)
        return self.out(y[:, -1])


x = tf.randn(2, 5, 16)
print(Stack(Cfg())(x).shape, Stack(Cfg())(x, task="reg").shape, Stack(Cfg.tiny())(tf.randn(2, 5, 8)).shape)
r = Recur(4)
c0 = Carry(h=tf.zeros(2, 4), c=tf.zeros(2, 4))
print(r.step(tf.randn(2, 3, 4), c0)["h"].shape)
g = GruHead(DCfg())
print(g(x).shape, g(x, tf.zeros(2, 16)).shape, g(x, None).shape, g(x, h0=tf.zeros(2, 16)).shape)
