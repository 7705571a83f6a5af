"""Odd but valid (round 18's crash hunt): ** of dicts from odd sources: dict(**d), {**d, "y": ...}, a dict comprehension, two dicts in one call, a TypedDict, vars() of a namespace, a ChainMap of one dict, a dict held in a class attribute and rebound per instance, a dict from zip, a defaultdict."""
from __future__ import annotations
import collections
import types
from typing import TypedDict, TypeVar
import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)


def fuse(x: Tensor[B, 4], y: Tensor[B, 8]) -> Tensor[B, 12]:
    return tf.cat(x, y, axis=1)


class Pair(TypedDict):
    x: Tensor
    y: Tensor


a = tf.zeros(2, 4)
b = tf.zeros(2, 8)
d = {"x": a, "y": b}
r1 = fuse(**dict(**d))
r2 = fuse(**{**{"x": a}, "y": b})
r3 = fuse(**{k: v for k, v in d.items()})
r4 = fuse(**{"x": a}, **{"y": b})
p: Pair = {"x": a, "y": b}
r5 = fuse(**p)
ns = types.SimpleNamespace(x=a, y=b)
r6 = fuse(**vars(ns))
r7 = fuse(**collections.ChainMap(d))
r8 = fuse(**dict(zip(["x", "y"], [a, b])))
dd: collections.defaultdict = collections.defaultdict(lambda: a)
dd["y"] = b
r9 = fuse(**dd, x=a) if False else fuse(x=dd["x"], y=dd["y"])


class Holder:
    kw = {"x": a, "y": b}

    def __init__(self) -> None:
        self.kw = {"x": tf.zeros(2, 4), "y": tf.zeros(2, 8)}

    def run(self) -> Tensor:
        return fuse(**self.kw)


print(r1.shape, r2.shape, r3.shape, r4.shape, r5.shape, r6.shape, r7.shape, r8.shape, r9.shape, Holder().run().shape)
