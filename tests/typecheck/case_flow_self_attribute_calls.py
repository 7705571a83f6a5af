"""Bodies run for a construction at module level that call a method of an attribute of ``self``.

A model built at module level has its ``__init__`` (flow_instances.py), its typed
``__call__`` (flow_calls.py) and the helpers its ``__init__`` calls (factories.py) inferred
again there, outside any function. mypy's inference of ``self.cache.get(k)`` looks for a
partial type in the class enclosing the current function and asserts there is one, so
typing such an expression there crashed mypy; it is left to mypy's own check of the method
(nothing is reported here, and nothing is lost: these lines say nothing of shapes).
"""

from typing import Dict, List, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)


class Cached:
    def __init__(self, d: int) -> None:
        self.fc = Dense(d, d)
        self.cache: Dict[int, int] = {}

    def __call__(self, x: Tensor[B, 4]) -> Tensor[B, 4]:
        self.cache.pop(0, None)
        n = self.cache.get(1, 0)
        return self.fc(x) * n


class Helper:
    def __init__(self, d: int) -> None:
        self.sizes: List[int] = [d]
        self.fc = self.make(d)

    def make(self, d: int) -> Dense:
        n = self.sizes.pop()
        return Dense(n, d)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc(x)


net = Cached(4)
net(tf.randn(2, 4))
helper = Helper(3)
helper(tf.randn(2, 3))
