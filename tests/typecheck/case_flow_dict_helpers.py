"""A helper returning a dict of layers built for its arguments, read back by key.

A multi-task model builds its heads in a helper (``def make_heads(width: int) -> Dict[str,
Dense]: return {"age": Dense(width, 1), "gender": Dense(width, 2)}``), then calls
``heads["gender"](h)``. The declared ``Dense`` has no sizes; the call is typed by the display
the helper returns for its arguments (``dict[str, Dense[64, int]]``, as the display written
in place), when the name it is bound to is only read (by key, ``get``, a ``for``, ``len``):
a dict is invariant, so one passed on keeps the declared type (flow_dicts.py). Each with its
fix, concrete and symbolic; the same lines fail at run time with the same words.
"""

from typing import Dict, TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu

B = TypeVar("B", bound=int)


def make_heads(width: int) -> Dict[str, Dense]:
    return {"age": Dense(width, 1), "gender": Dense(width, 2)}


trunk = Chain(Dense(40, 64, relu), Dense(64, 32, relu))
h = trunk(tf.randn(5, 40))
heads = make_heads(64)
heads["gender"](h)  # E: Dense(64 => ?, ?) expects input Tensor[..., 64], got Tensor[5, 32]; need size 64 at axis -1 (got 32)  [shape]
heads_fixed = make_heads(32)
heads_fixed["gender"](h)
for name, head in heads_fixed.items():
    head(h)


def predict(x: Tensor[B, 40]) -> Tensor[B, 2]:
    tasks = make_heads(64)
    return tasks["gender"](trunk(x))  # E: Dense(64 => ?, ?) expects input Tensor[..., 64], got Tensor[B, 32]; need size 64 at axis -1 (got 32)  [shape]


def predict_fixed(x: Tensor[B, 40]) -> Tensor[B, 2]:
    tasks = make_heads(32)
    return tasks["gender"](trunk(x))


predict(tf.randn(3, 40))
predict_fixed(tf.randn(3, 40))


# A dict passed on keeps the helper's declared type (a dict is invariant): silent, and no
# [arg-type] where the declared Dict[str, Dense[int, int]] is written.
def train(hs: Dict[str, Dense[int, int]]) -> None:
    pass


shared = make_heads(32)
train(shared)
train(make_heads(32))
shared["age"](h)
