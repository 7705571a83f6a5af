"""Indexing: ``x[key]`` with ints, slices, ``None``, ``...`` (and integer/boolean tensors).

The VJP scatters the output gradient back into zeros shaped like ``x``: a plain assignment
for basic keys (no element is picked twice), ``np.add.at`` for advanced keys, where repeated
indices must accumulate.

>>> import typedflux as tf
>>> x = tf.arange(12).reshape(3, 4)
>>> x[1:, ::2]
Tensor[2, 2] int64
[[ 4  6]
 [ 8 10]]
"""

from __future__ import annotations

from typing import Any, Tuple

import numpy as np

from typedflux.ops.registry import Primitive, primitive

__all__: list[str] = []


def _basic(key: Any) -> bool:
    items = key if isinstance(key, tuple) else (key,)
    return all(
        it is None or it is Ellipsis or isinstance(it, (int, np.integer, slice)) for it in items
    )


def _getitem_forward(x: Any, key: Any) -> Any:
    return x[key]


p_getitem: Primitive = primitive("getitem")(_getitem_forward)


@p_getitem.vjp
def _getitem_vjp(g: Any, out: Any, x: Any, key: Any) -> Tuple[Any, ...]:
    z = np.zeros(np.shape(x), dtype=np.result_type(g))
    if _basic(key):
        z[key] = g
    else:
        np.add.at(z, key, g)  # repeated indices accumulate
    return (z,)
