"""Odd but valid (round 17's crash hunt): ** of conditional dicts, of a call's result, of a ChainMap-like merge, of a dict with int keys unused, nested calls."""
from typing import Any, Dict, TypeVar
import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)


def fuse(x: Tensor[B, 4], y: Tensor[B, 4]) -> Tensor[B, 8]:
    return tf.cat(x, y, axis=1)


def make() -> Dict[str, Tensor[2, 4]]:
    return {"x": tf.zeros(2, 4), "y": tf.zeros(2, 4)}


flag = len(__name__) > 3
d1 = {"x": tf.zeros(2, 4), "y": tf.zeros(2, 4)}
d2 = {"y": tf.ones(2, 4), "x": tf.ones(2, 4)}
print(fuse(**(d1 if flag else d2)).shape)
print(fuse(**make()).shape)
print(fuse(**{k: v for k, v in d1.items()}).shape)
print(fuse(**{str("x"): tf.zeros(2, 4), "y": tf.zeros(2, 4)}).shape)
print(fuse(x=tf.zeros(2, 4), **{"y": fuse(tf.zeros(2, 4), tf.zeros(2, 4))[:, :4]}).shape)
anyd: Any = d1
print(fuse(**anyd).shape)
print(fuse(*[tf.zeros(2, 4)], **{"y": tf.zeros(2, 4)}).shape)
