"""Sizes kept in a config instance: a dataclass with int defaults or a NamedTuple built with
int arguments, bound once at module level (``cfg = Config()``), read as ``cfg.field``.

Each with its fix; a field some statement assigns, a class with its own ``__init__`` or
``__post_init__``, an instance bound twice, or an argument that is not a constant stays
unknown (never an error). The same lines fail at run time with the same words.
"""

from dataclasses import dataclass
from typing import NamedTuple

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import LSTM, Chain, Dense, Embedding, relu

WIDTH = 64


@dataclass(frozen=True)
class Config:
    d_in: int = 20
    hidden: int = WIDTH
    n_out: int = 2 * 5
    name: str = "mlp"


class HParams(NamedTuple):
    vocab: int
    emb: int
    hidden: int = 16


@dataclass
class Mutable:
    width: int = 8


@dataclass
class Checked:
    width: int = 8

    def __post_init__(self) -> None:
        if self.width < 1:
            raise ValueError("width")


cfg = Config()
small = Config(4, hidden=8)
hp = HParams(30, emb=12)
mut = Mutable()
checked = Checked()
twice = Config()
twice = Config(d_in=3)


def grow(m: Mutable) -> None:
    m.width = 16


reveal_type(tf.zeros(cfg.d_in, cfg.hidden, cfg.n_out))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[20], Literal[64], Literal[10]]"
reveal_type(tf.zeros(small.d_in, small.hidden, small.n_out))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[4], Literal[8], Literal[10]]"
reveal_type(tf.zeros(hp.vocab, hp.emb, hp.hidden))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[30], Literal[12], Literal[16]]"
reveal_type(tf.zeros(mut.width, checked.width, twice.d_in))  # N: Revealed type is "typedflux.tensor.Tensor[Any, Any, Any]"

bad = Chain(Dense(cfg.d_in, cfg.hidden, relu), Dense(cfg.d_in, cfg.n_out))  # E: Chain layer 2 Dense(20 => 10) expects input Tensor[..., 20], but layer 1 Dense(20 => 64, relu) produces Tensor[B, 64]; change Dense(20 => 10) to Dense(64 => 10)  [shape]
good = Chain(Dense(cfg.d_in, cfg.hidden, relu), Dense(cfg.hidden, cfg.n_out))

embed = Embedding(hp.vocab, hp.emb)
tokens = tf.tensor([[1, 2, 3]])
LSTM(hp.hidden, hp.emb)(embed(tokens))  # E: LSTM(16 => 12) expects input Tensor[B, T, 16], got Tensor[1, 3, 12]; need size 16 at axis -1 (got 12)  [shape]
LSTM(hp.emb, hp.hidden)(embed(tokens))

# Unknown, never an error: a mutable field assigned somewhere, a class with __post_init__,
# an instance bound twice.
Chain(Dense(4, mut.width), Dense(8, 2))
Chain(Dense(4, checked.width), Dense(8, 2))
Chain(Dense(4, twice.d_in), Dense(20, 2))
