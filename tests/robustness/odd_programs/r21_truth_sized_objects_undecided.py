"""Truth the construction cannot know: a list parameter, an object with __len__, any()/all() of
a list, a dict's truth, a number read from the environment; each branch builds a layer that
fits, and the models run whichever way the test goes."""
import os
from typing import Dict, List

import typedflux as tf
from typedflux import Dense, Tensor


class Bag:
    def __init__(self, items: List[int]) -> None:
        self.items = items

    def __len__(self) -> int:
        return len(self.items)


class Net:
    def __init__(self, d: int, skips: List[int], bag: Bag, opts: Dict[str, int]) -> None:
        self.a = Dense(d, d) if skips else Dense(d, d)
        self.b = Dense(d, d) if bag else Dense(d, d)
        self.c = Dense(d, 2 * d) if any(skips) else Dense(d, 2 * d)
        self.e = Dense(2 * d, 1) if all(skips) and opts else Dense(2 * d, 1)
        n = int(os.environ.get("R21_UNSET_WIDTH", "0"))
        self.f = Dense(1, 1) if n else Dense(1, 1)

    def __call__(self, x: Tensor) -> Tensor:
        return self.f(self.e(self.c(self.b(self.a(x)))))


print(Net(3, [], Bag([]), {})(tf.randn(2, 3)).shape)
print(Net(3, [0, 1], Bag([1]), {"k": 1})(tf.randn(2, 3)).shape)
print(Net(5, [2], Bag([]), {"k": 0})(tf.randn(1, 5)).shape)
