"""One type variable solved from invariant containers holding tensors of other sizes (redteam
s15 fa04, fd03, fb02).

``merge([tf.zeros(2, 2)], [tf.zeros(3)])`` of ``def merge(a: List[T], b: List[T])`` and
``ChainMap({"x": tf.zeros(2, 2)}, {"y": tf.zeros(3)})`` run, and plain mypy accepts them; only
the sizes made mypy's ``Cannot infer value of type parameter "T"  [misc]``. The variable takes
the values with unknown sizes: a tensor of their rank with every dim ``Any`` when they share a
rank, else ``Tensor[*tuple[Any, ...]]``. A ChainMap's ``maps.append({...})`` of another shape
runs too. With one shape given, the sizes are kept and a layer that does not fit them is
reported (and fails at run time).
"""

import collections
from typing import Dict, List, Mapping, MutableMapping, TypeVar

from typing_extensions import reveal_type

import typedflux as tf

T = TypeVar("T")


def first(*ds: Dict[str, T]) -> T:
    return next(iter(ds[0].values()))


def merge(a: List[T], b: List[T]) -> T:
    return (a + b)[-1]


def pick(a: MutableMapping[str, T], b: Mapping[str, T]) -> T:
    return next(iter(b.values()))


a = tf.zeros(2, 2)
b = tf.zeros(3)
reveal_type(first({"x": a}, {"y": b}))  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...]]"
reveal_type(merge([a], [tf.zeros(5, 7)]))  # N: Revealed type is "typedflux.tensor.Tensor[Any, Any]"
print(tf.Dense(7, 3)(merge([a], [tf.zeros(5, 7)])).shape)  # (the run gives (5, 3))
reveal_type(pick({"x": a}, {"y": b}))  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...]]"
la = [a]
lb = [b]
print(merge(la, lb).shape)
reveal_type(merge([tf.Dense(2, 3)], [tf.Dense(4, 5)]))  # N: Revealed type is "typedflux.layers.basic.Dense[Any, Any]"

cm = collections.ChainMap({"x": a}, {"y": b})
reveal_type(cm)  # N: Revealed type is "collections.ChainMap[str, typedflux.tensor.Tensor[*tuple[Any, ...]]]"
print(cm["y"].shape)
cm1 = collections.ChainMap({"x": a})
cm1.maps.append({"y": b})
print(len(cm1.maps))

# One shape: its sizes are kept.
reveal_type(merge([a], [a]))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[2]]"
tf.Dense(4, 3)(merge([a], [a]))  # E: Dense(4 => 3) expects input Tensor[..., 4], got Tensor[2, 2]; need size 4 at axis -1 (got 2)  [shape]
same = collections.ChainMap({"x": a}, {"y": a})
tf.Dense(4, 3)(same["y"])  # E: Dense(4 => 3) expects input Tensor[..., 4], got Tensor[2, 2]; need size 4 at axis -1 (got 2)  [shape]
