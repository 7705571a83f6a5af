"""Displays mixing tensors of different ranks/sizes, returned and passed by annotation."""
from typing import Dict, List, Mapping, Optional, Sequence, Tuple, Union

import typedflux as tf
from typedflux import Tensor, Dense


def outputs(x: Tensor) -> Dict[str, Tensor]:
    return {"logits": Dense(4, 3)(x), "pooled": x.mean(axis=0), "loss": tf.losses.mse(x, x)}


def many() -> List[Tensor]:
    return [tf.randn(2, 3), tf.randn(4), tf.zeros(1, 1, 1)]


def pair() -> Tuple[Tensor, ...]:
    return (tf.randn(2), tf.randn(3, 3))


def total(xs: Sequence[Tensor]) -> float:
    return sum(float(x.sum().item()) for x in xs)


def total_map(m: Mapping[str, Tensor]) -> float:
    return sum(float(v.sum().item()) for v in m.values())


def named(d: Dict[str, Tensor]) -> int:
    return len(d)


def lst(d: List[Tensor]) -> int:
    return len(d)


def opt(x: Optional[Tensor] = None) -> int:
    return 0 if x is None else x.ndim


def uni(x: Union[Tensor, float]) -> float:
    return float(x) if not isinstance(x, Tensor) else float(x.sum().item())


o = outputs(tf.randn(5, 4))
feats = {"a": tf.randn(2, 3), "b": tf.randn(5)}
print(total(many()), total(pair()), total_map(o), named(feats), lst([tf.randn(2), tf.randn(3, 1)]))
arr = [tf.randn(2), tf.randn(3, 1)]
print(lst(arr), named({"x": tf.randn(2)}), opt(tf.randn(3)), uni(tf.randn(2)), uni(2.0))
grads = [tf.randn(3, 3), tf.randn(3)]
print(lst(grads), total(grads))
cache: Dict[str, Tensor] = {}
cache["k"] = tf.randn(2, 4)
cache["v"] = tf.randn(2, 4, 1)
print(named(cache))
