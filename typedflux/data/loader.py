"""``DataLoader``: mini-batches along the first (batch) axis, optionally shuffled, seeded."""

from __future__ import annotations

import math
from typing import Any, Dict, Iterator, List, Mapping, Optional, Tuple, Union

import numpy as np
import numpy.typing as npt

from typedflux.tensor import Tensor
from typedflux.ops.creation import rng as global_rng
from typedflux.ops.creation import tensor

__all__ = ["DataLoader"]

Array = npt.NDArray[Any]


def _as_array(x: object) -> Array:
    """The numpy data of a Tensor, or ``tf.tensor``'s conversion of anything else (so floats
    become float32 and integers int64, as everywhere in typedflux)."""
    if not isinstance(x, Tensor):
        x = tensor(x)
    return np.asarray(x.numpy())


class DataLoader:
    """Iterate over mini-batches of ``data`` along its FIRST axis (batch first).

    ``DataLoader(data, batchsize=1, shuffle=False, partial=True, rng=None)``:

    - ``data``: one array/Tensor ``[N, ...]``, a tuple/list of them (``(X, Y)``: each batch
      is a tuple), or a dict of them (each batch a dict). Every entry needs the same ``N``.
      numpy arrays and lists are converted like ``tf.tensor`` (floats to float32).
    - ``batchsize``: observations per batch.
    - ``shuffle``: draw a fresh permutation each time iteration starts (each epoch).
    - ``partial``: keep a last, smaller batch when ``batchsize`` does not divide ``N``.
    - ``rng``: a ``numpy.random.Generator`` or an int seed (or give ``seed=n``); ``None``
      uses typedflux's global generator (reseed it with ``tf.seed(n)``). Each epoch draws
      a new permutation from it, so a seeded run is reproducible end to end.

    Batches are new Tensors (copies), so training never aliases the dataset.

    >>> import numpy as np
    >>> X, Y = np.arange(10.0).reshape(5, 2), np.arange(5)
    >>> loader = DataLoader((X, Y), batchsize=2)
    >>> len(loader)
    3
    >>> [(x.shape, y.numpy().tolist()) for x, y in loader]
    [((2, 2), [0, 1]), ((2, 2), [2, 3]), ((1, 2), [4])]
    >>> [y.numpy().tolist() for _, y in DataLoader((X, Y), batchsize=2, shuffle=True, rng=0)]
    [[2, 4], [3, 0], [1]]
    """

    def __init__(
        self,
        data: Any,
        batchsize: int = 1,
        shuffle: bool = False,
        partial: bool = True,
        rng: Union[np.random.Generator, int, None] = None,
        seed: Optional[int] = None,
    ) -> None:
        if isinstance(batchsize, bool) or not isinstance(batchsize, (int, np.integer)) or batchsize < 1:
            raise ValueError(f"DataLoader: batchsize must be a positive int, got {batchsize!r}")
        for flag, given in (("shuffle", shuffle), ("partial", partial)):
            if not isinstance(given, (bool, np.bool_)):  # "no" or an array would be truthy
                raise TypeError(f"DataLoader: {flag} must be True or False, got {given!r:.60}")
        self._kind: str
        self._keys: Tuple[Any, ...] = ()
        arrays: List[Array]
        if isinstance(data, Mapping):
            self._kind = "dict"
            self._keys = tuple(data.keys())
            arrays = [_as_array(v) for v in data.values()]
        elif isinstance(data, tuple) or (
            # A list of arrays is a tuple of entries; a list of numbers is one array.
            isinstance(data, list) and data and all(isinstance(d, (Tensor, np.ndarray)) for d in data)
        ):
            self._kind = "tuple"
            arrays = [_as_array(d) for d in data]
        else:
            self._kind = "single"
            arrays = [_as_array(data)]
        if not arrays:
            raise ValueError(
                f"DataLoader: data is an empty {type(data).__name__}; need an array, or a tuple "
                "or dict of arrays with observations along the first axis"
            )
        names = [str(k) for k in self._keys] if self._keys else [f"data[{i}]" for i in range(len(arrays))]
        if self._kind == "single":
            names = ["data"]
        for name, arr in zip(names, arrays):
            if arr.ndim == 0:
                raise ValueError(
                    f"DataLoader: {name} is a scalar; need an array with observations along "
                    "the first axis"
                )
        counts = {arr.shape[0] for arr in arrays}
        if len(counts) > 1:
            detail = ", ".join(f"{n} has {a.shape[0]}" for n, a in zip(names, arrays))
            raise ValueError(
                "DataLoader: every entry needs the same number of observations along the "
                f"first axis (batch first); {detail}"
            )
        self.data = arrays
        self.nobs: int = arrays[0].shape[0]
        self.batchsize = int(batchsize)
        self.shuffle = shuffle
        self.partial = partial
        if seed is not None:
            if rng is not None:
                raise ValueError("DataLoader: pass rng or seed, not both")
            rng = seed
        if rng is None or isinstance(rng, np.random.Generator):
            self._rng: Optional[np.random.Generator] = rng
        else:
            self._rng = np.random.default_rng(rng)

    def __len__(self) -> int:
        """The number of batches per epoch.

        >>> len(DataLoader(np.zeros((10, 3)), batchsize=4)), len(DataLoader(np.zeros((10, 3)), batchsize=4, partial=False))
        (3, 2)
        """
        if self.partial:
            return math.ceil(self.nobs / self.batchsize)
        return self.nobs // self.batchsize

    def _generator(self) -> np.random.Generator:
        if self._rng is not None:
            return self._rng
        return global_rng()  # looked up each epoch, so a later tf.seed(n) takes effect

    def _batch(self, idx: Array) -> Any:
        parts = [tensor(arr[idx], dtype=arr.dtype) for arr in self.data]
        if self._kind == "single":
            return parts[0]
        if self._kind == "dict":
            return dict(zip(self._keys, parts))
        return tuple(parts)

    def __iter__(self) -> Iterator[Any]:
        """Yield the batches of one epoch (a new permutation each time when shuffling).

        >>> [x.numpy().tolist() for x in DataLoader(np.arange(3), batchsize=2)]
        [[0, 1], [2]]
        """
        order = self._generator().permutation(self.nobs) if self.shuffle else np.arange(self.nobs)
        for b in range(len(self)):
            yield self._batch(order[b * self.batchsize : (b + 1) * self.batchsize])

    def __repr__(self) -> str:
        shapes = ", ".join(f"{a.dtype}{list(a.shape)}" for a in self.data)
        return (
            f"DataLoader(({shapes}), batchsize={self.batchsize}, shuffle={self.shuffle}; "
            f"{len(self)} batches)"
        )
