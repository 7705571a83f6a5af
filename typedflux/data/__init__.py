"""Data utilities: ``DataLoader`` (batch-first mini-batches), ``onehot``, ``onecold``.

>>> onecold(onehot([2, 0], 3)).numpy()
array([2, 0])
"""

from typedflux.data.loader import DataLoader
from typedflux.data.onehot import onecold, onehot

__all__ = ["DataLoader", "onehot", "onecold"]
