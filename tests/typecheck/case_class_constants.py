"""Sizes kept in plain class attributes (``class Config: n_embd = 64``), read through the
class or an instance, when nothing in the module can change them.

Each with its fix, concrete and symbolic; an attribute some statement assigns (``m.n =
16``) or that ``__init__`` sets per instance stays unknown (never an error). The same lines
fail at run time with the same words.
"""

from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Embedding, Tensor

B = TypeVar("B", bound=int)


class Config:
    vocab = 100
    n_embd = 48
    hidden = 4 * n_embd


class Settable:
    width = 8


class PerInstance:
    width = 8

    def __init__(self, width: int) -> None:
        self.width = width


def widen(s: Settable) -> None:
    s.width = 16


config = Config()
tok = Embedding(Config.vocab, config.n_embd)
h = tok(tf.tensor([[1, 2, 3]]))
up = Dense(Config.hidden, Config.n_embd)(h)  # E: Dense(192 => 48) expects input Tensor[..., 192], got Tensor[1, 3, 48]; need size 192 at axis -1 (got 48)  [shape]
up_fixed = Dense(Config.n_embd, config.hidden)(h)
unknown = Dense(Settable.width, 4)(tf.randn(2, 8)) + Dense(PerInstance(3).width, 4)(tf.randn(2, 3))


@tf.shapecheck
def project(x: Tensor[B, 48], cfg: Config) -> Tensor[B, 100]:
    return Dense(cfg.n_embd, cfg.hidden)(x)  # E: Return shape Tensor[B, 192] does not match the annotation Tensor[B, 100]: axis 1 is 192, expected 100  [shape]


@tf.shapecheck
def project_fixed(x: Tensor[B, 48], cfg: Config) -> Tensor[B, 100]:
    return Dense(cfg.n_embd, cfg.vocab)(x)


project(tf.randn(2, 48), config)
project_fixed(tf.randn(2, 48), config)
