"""Parameters annotated with containers and unions of shaped tensors, given mixed sizes."""
from typing import Any, Dict, List, Sequence, Tuple, TypeVar, Union

import numpy as np

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)


def join(xs: List[Tensor[Any, 3]]) -> Tensor[Any, 3]:
    return tf.cat(*xs, axis=0)


def join_seq(xs: Sequence[Tensor[Any, 3]]) -> Tensor[Any, 3]:
    return tf.cat(*xs, axis=0)


def as_tensor(x: Union[Tensor[N, 3], np.ndarray, List[float]]) -> Tensor[Any, 3]:
    return x if isinstance(x, Tensor) else tf.tensor(np.asarray(x, dtype=np.float32).reshape(-1, 3))


def by_name(d: Dict[str, Tensor[Any, 3]]) -> int:
    return sum(v.shape[0] for v in d.values())


def pair(t: Tuple[Tensor[Any, 3], Tensor[Any, 3]]) -> Tensor[Any, 3]:
    return tf.cat(t[0], t[1], axis=0)


parts = [tf.randn(2, 3), tf.randn(4, 3)]
print(join(parts).shape, join_seq(parts).shape, join([tf.randn(1, 3), tf.randn(5, 3)]).shape)
print(as_tensor(tf.randn(2, 3)).shape, as_tensor(np.zeros((4, 3))).shape, as_tensor([1.0, 2.0, 3.0]).shape)
print(by_name({"a": tf.randn(2, 3), "b": tf.randn(7, 3)}), pair((tf.randn(1, 3), tf.randn(2, 3))).shape)
feats = {"a": tf.randn(2, 3), "b": tf.randn(7, 3)}
print(by_name(feats))
