"""Dicts unpacked into calls (boundaries' **dict work): correct programs, including dicts
changed after their display, merged, built by comprehension, and forwarded **kwargs."""
from typing import Any, Dict, TypedDict, TypeVar, overload

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)


def fuse(x: Tensor[B, 8], y: Tensor[B, 8]) -> Tensor[B, 8]:
    return x + y


def head(x: Tensor[B, 8], **extra: Any) -> Tensor[B, 2]:
    return x[:, :2]


@overload
def pool(x: Tensor[B, 8]) -> Tensor[B]: ...
@overload
def pool(x: Tensor[B, 4, 8]) -> Tensor[B, 4]: ...
def pool(x: Tensor) -> Tensor:
    return x.mean(axis=-1)


class Feats(TypedDict):
    x: Tensor[2, 8]
    y: Tensor[2, 8]


d1 = {"x": tf.zeros(2, 4), "y": tf.zeros(2, 8)}
d1["x"] = tf.zeros(2, 8)
print(fuse(**d1).shape)
d2 = dict(x=tf.zeros(2, 4), y=tf.ones(2, 8))
d2.update(x=tf.ones(2, 8))
print(fuse(**d2).shape)
d4 = {k: tf.zeros(2, 8) for k in ("x", "y")}
print(fuse(**d4).shape)
d5: Dict[str, Tensor] = {"x": tf.zeros(2, 8)}
print(fuse(**d5, y=tf.zeros(2, 8)).shape)
d6 = {**{"x": tf.zeros(2, 4)}, "x": tf.zeros(2, 8), "y": tf.zeros(2, 8)}
print(fuse(**d6).shape)
f = Feats(x=tf.zeros(2, 8), y=tf.ones(2, 8))
print(fuse(**f).shape)
print(head(**{"x": tf.zeros(3, 8)}).shape)
print(pool(**{"x": tf.zeros(3, 4, 8)}).shape, pool(**{"x": tf.zeros(3, 8)}).shape)


def forward(**kw: Any) -> Tensor:
    return fuse(**kw)


def forward2(x: Tensor, **kw: Any) -> Tensor:
    return fuse(x, **kw)


print(forward(x=tf.zeros(2, 8), y=tf.zeros(2, 8)).shape, forward2(tf.zeros(2, 8), y=tf.zeros(2, 8)).shape)
d7 = {"x": tf.zeros(2, 4), "y": tf.zeros(2, 8)}
for key in list(d7):
    d7[key] = tf.zeros(2, 8)
print(fuse(**d7).shape)
d8 = {"x": tf.zeros(2, 4), "y": tf.zeros(2, 8)}
d8.pop("x")
print(fuse(x=tf.zeros(2, 8), **d8).shape)
