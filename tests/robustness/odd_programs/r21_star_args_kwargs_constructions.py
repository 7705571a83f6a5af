"""Constructions through *args/**kwargs: a Chain of layers from a reversed and a sorted list of
widths, a dict of keyword sizes splatted into a class, defaults overridden by **, and a
builder forwarding *args to Dense."""
from typing import Any, Dict, List

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu


def dense(*args: Any, **kwargs: Any) -> Dense:
    return Dense(*args, **kwargs)


class Block:
    def __init__(self, d_in: int, d_out: int, act: Any = relu) -> None:
        self.fc = Dense(d_in, d_out, act)

    def __call__(self, x: Tensor) -> Tensor:
        return self.fc(x)


widths = [16, 8, 4]
down = Chain(*[Dense(a, b) for a, b in zip(widths, widths[1:])])
up_w = list(reversed(widths))
up = Chain(*[Dense(a, b) for a, b in zip(up_w, up_w[1:])])
print(up(down(tf.randn(2, 16))).shape)
sizes: Dict[str, int] = {"d_in": 4, "d_out": 6}
b1 = Block(**sizes)
b2 = Block(**{**sizes, "d_out": 2})
print(b1(tf.randn(1, 4)).shape, b2(tf.randn(1, 4)).shape)
print(dense(3, 5)(tf.randn(1, 3)).shape, dense(3, 1, bias=False)(tf.randn(1, 3)).shape)
lo, hi = sorted([9, 2])
print(Dense(lo, hi)(tf.randn(1, 2)).shape)
