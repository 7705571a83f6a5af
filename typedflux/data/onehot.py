"""``onehot`` and ``onecold``: integer labels to one-hot float32 rows and back (argmax)."""

from __future__ import annotations

import collections.abc

from typing import Any, Optional, Sequence, Tuple

import numpy as np
from typing_extensions import Unpack

from typedflux.compiler.hooks import opaque
from typedflux.ops.creation import addressable, tensor
from typedflux.tensor import Tensor

__all__ = ["onehot", "onecold"]


def _labels(labels: Any) -> Any:
    try:
        return np.asarray(labels)
    except ValueError:  # ragged nested lists
        raise ValueError("onehot: labels must be an integer tensor or a (nested) list of "
                         "ints of one shape") from None


def onehot(labels: Any, nclasses: int) -> Tensor[Unpack[Tuple[Any, ...]]]:
    """``onehot(labels, nclasses)``: N integer labels -> float32 ``Tensor[N, nclasses]``.

    Row ``i`` is all zeros except a one at column ``labels[i]``. ``labels`` is a list of
    ints or an int Tensor/array (any shape ``S``; the result is ``S + (nclasses,)``). A label
    outside ``0 .. nclasses-1`` is a ``ValueError`` naming it and its position.

    >>> onehot([0, 2, 1], 3).numpy()
    array([[1., 0., 0.],
           [0., 0., 1.],
           [0., 1., 0.]], dtype=float32)
    >>> onehot([3], 3)
    Traceback (most recent call last):
    ...
    ValueError: onehot: label 3 at position 0 is out of range for nclasses=3 (labels must be in 0..2)
    """
    if isinstance(nclasses, bool) or not isinstance(nclasses, (int, np.integer)) or nclasses < 1:
        raise ValueError(f"onehot: nclasses must be a positive int, got {nclasses!r}")
    # (The tensor's own array, not np.asarray of it: tf.compile records what follows.)
    arr = labels.data if isinstance(labels, Tensor) else _labels(labels)
    if arr.size == 0 and arr.dtype == np.float64 and not isinstance(labels, (Tensor, np.ndarray)):
        arr = arr.astype(np.int64)  # [] has no element to say it holds ints
    if arr.dtype == np.bool_ or not np.issubdtype(arr.dtype, np.integer):
        raise ValueError(f"onehot: labels must be integers, got dtype {arr.dtype}")
    _check_range(arr, int(nclasses))
    addressable(arr.shape + (int(nclasses),), np.float32, "onehot")
    out = np.zeros_like(arr, dtype=np.float32, shape=arr.shape + (int(nclasses),), order="C")
    np.put_along_axis(out, arr[..., None], 1.0, axis=-1)
    t: Tensor[Unpack[Tuple[Any, ...]]] = Tensor.__new__(Tensor)
    t.data = out
    t._tape = None
    return t


@opaque(writes=())
def _check_range(arr: Any, nclasses: int) -> None:
    # Reads the labels: a compiled step replays this check as one call.
    bad = np.flatnonzero((arr < 0) | (arr >= nclasses))
    if bad.size:
        pos = np.unravel_index(int(bad[0]), arr.shape) if arr.ndim != 1 else (int(bad[0]),)
        where = pos[0] if len(pos) == 1 else tuple(int(p) for p in pos)
        raise ValueError(
            f"onehot: label {int(arr.flat[bad[0]])} at position {where} is out of range for "
            f"nclasses={nclasses} (labels must be in 0..{nclasses - 1})"
        )


def onecold(scores: Any, labels: Optional[Sequence[Any]] = None) -> Any:
    """``onecold(scores)``: the index of the largest entry along the LAST axis, as an int64
    Tensor of shape ``scores.shape[:-1]`` (the inverse of :func:`onehot`; the first index
    wins a tie). With ``labels``, return a list of ``labels[index]`` instead.

    >>> onecold(tensor([[0.1, 0.7, 0.2], [0.9, 0.05, 0.05]])).numpy()
    array([1, 0])
    >>> onecold(tensor([[0.1, 0.7, 0.2], [0.9, 0.05, 0.05]]), labels=["cat", "dog", "fox"])
    ['dog', 'cat']
    """
    try:
        arr = np.asarray(scores.numpy() if isinstance(scores, Tensor) else scores)
    except ValueError:  # ragged nested lists
        raise ValueError("onecold: scores must be a tensor or a rectangular array of numbers") from None
    if arr.dtype.kind not in "biuf":
        raise TypeError(f"onecold: scores must hold numbers, got {type(scores).__name__} of {arr.dtype}")
    if labels is not None and not isinstance(labels, (collections.abc.Sequence, np.ndarray)):
        raise TypeError(
            f"onecold: labels must be a sequence with one entry per class, got {type(labels).__name__}"
        )
    if arr.ndim == 0:
        raise ValueError("onecold: scores is a scalar; need a class axis (the last axis)")
    if arr.shape[-1] == 0:
        raise ValueError("onecold: scores has an empty class axis")
    idx = np.argmax(arr, axis=-1).astype(np.int64)
    if labels is not None:
        if len(labels) != arr.shape[-1]:
            raise ValueError(
                f"onecold: got {len(labels)} labels for {arr.shape[-1]} classes (last axis)"
            )
        picked: Any = np.empty(idx.shape, dtype=object)
        for pos, i in np.ndenumerate(idx):
            picked[pos] = labels[int(i)]
        return picked.tolist()
    return tensor(idx, dtype=np.int64)
