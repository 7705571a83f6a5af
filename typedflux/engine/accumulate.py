"""Gradient bookkeeping of the backward scan (:meth:`typedflux.engine.tape.Tape.backward_ids`):
summing a broadcast gradient back to its input's shape (the one place broadcasting is undone),
accumulating several gradients of one value, the unit seed, and splicing a TENSORS argument's
list of gradients into the node's flat inputs.

>>> unbroadcast(np.ones((4, 3, 2)), (3, 1)).tolist()
[[8.0], [8.0], [8.0]]
"""

from __future__ import annotations

from typing import Any, Dict, List, Sequence, Tuple

import numpy as np
import numpy.typing as npt

__all__ = ["unbroadcast", "accumulate", "sum_parts", "unit_seed", "flatten_grads"]

Array = npt.NDArray[Any]

# Up to this many elements, gradients are summed out of place when first read (cheaper for
# small arrays); larger ones are added in place into a buffer of the tape's own (less memory
# traffic).
_SMALL = 4096


def accumulate(grads: List[Any], owned: List[bool], i: int, prev: Array, gi: Array) -> None:
    # Another gradient gi for value i, whose gradient so far is the array prev (same shape
    # and dtype).
    if gi.size <= _SMALL and gi.ndim:
        # Small arrays are collected and summed when the value's gradient is first read:
        # fewer numpy calls, and no copy. (Not 0-d: there numpy's ``a + b`` is an immutable
        # scalar.)
        grads[i] = [prev, gi]
    elif owned[i]:
        prev += gi
    else:
        # First collision: copy into a buffer of our own (an ndarray even for 0-d, where
        # numpy's ``a + b`` would give an immutable scalar).
        buf = prev.copy(order="K") if isinstance(prev, np.ndarray) else np.array(prev)
        buf += gi
        grads[i] = buf
        owned[i] = True


def sum_parts(parts: List[Array]) -> Array:
    # Same shapes and dtypes (checked where they were added). A long list is one
    # concatenate and one reduction instead of an add per part.
    if len(parts) <= 4:
        total = parts[0] + parts[1]
        for p in parts[2:]:
            total += p
        return total
    first = parts[0]
    return np.concatenate(parts).reshape((len(parts),) + first.shape).sum(axis=0)  # type: ignore[no-any-return]

_SEEDS: Dict[Any, Array] = {}


def unit_seed(shape: Tuple[int, ...], dtype: Any) -> Array:
    # The usual seed is a scalar loss's 1.0: one read-only array per dtype serves every
    # backward (read-only, so the scan copies it before accumulating into it or handing it
    # out, exactly as for any array it does not own).
    if shape != ():
        return np.ones(shape, dtype=dtype)
    seed = _SEEDS.get(dtype)
    if seed is None:
        seed = np.ones((), dtype=dtype)
        seed.flags.writeable = False
        _SEEDS[dtype] = seed
    return seed


def flatten_grads(grads: Any, n: int, name: str) -> Sequence[Any]:
    # A VJP returns one entry per TENSOR argument and a list per TENSORS argument; the
    # node's input ids are flat, so lists are spliced in.
    if not isinstance(grads, tuple):
        raise TypeError(
            f'VJP of "{name}" must return a tuple of input gradients, got {type(grads).__name__}'
        )
    if any(isinstance(g, (list, tuple)) for g in grads):
        flat: List[Any] = []
        for g in grads:
            if isinstance(g, (list, tuple)):
                flat.extend(g)
            else:
                flat.append(g)
        grads = tuple(flat)
    if len(grads) != n:
        raise TypeError(f'VJP of "{name}" returned {len(grads)} gradients for {n} inputs')
    return grads  # type: ignore[no-any-return, unused-ignore]


def unbroadcast(g: Array, shape: Tuple[int, ...], name: str = "?") -> Array:
    """Sum a gradient shaped like a broadcast result back to an input's ``shape``: over the
    leading axes the input lacked and over axes where the input had size 1. The one place
    broadcasting is undone.

    >>> unbroadcast(np.ones((4, 3, 2)), (3, 1)).tolist()
    [[8.0], [8.0], [8.0]]
    """
    if type(g) is not np.ndarray and not isinstance(g, np.ndarray):
        g = np.asarray(g)
    gshape = g.shape
    if gshape == shape:
        return g
    lead = g.ndim - len(shape)
    if lead > 0:
        g = g.sum(axis=tuple(range(lead)))
    axes = tuple(i for i, n in enumerate(shape) if n == 1 and g.shape[i] != 1)
    if axes:
        g = g.sum(axis=axes, keepdims=True)
    if g.shape != shape:
        raise AssertionError(
            f'internal error: the VJP of "{name}" gave a gradient of shape {gshape} '
            f"for an input of shape {shape}"
        )
    return g
