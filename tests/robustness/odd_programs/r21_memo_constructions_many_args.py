"""One class built many times with different arguments: in a loop, in a dict comprehension, in
nested constructions at one call site with the outer's argument, and again after its class
attribute changes; each instance is applied to its own width."""
from typing import Dict

import typedflux as tf
from typedflux import Dense, Tensor


class Proj:
    bias = True

    def __init__(self, d_in: int, d_out: int) -> None:
        self.fc = Dense(d_in, d_out, bias=self.bias)

    def __call__(self, x: Tensor) -> Tensor:
        return self.fc(x)


class Pair:
    def __init__(self, d: int) -> None:
        self.a = Proj(d, d + 1)
        self.b = Proj(d + 1, d)

    def __call__(self, x: Tensor) -> Tensor:
        return self.b(self.a(x))


by_width: Dict[int, Proj] = {w: Proj(w, 2 * w) for w in (2, 3, 5)}
for w, p in by_width.items():
    print(w, p(tf.randn(1, w)).shape)
pairs = [Pair(d) for d in (4, 7)]
print(pairs[0](tf.randn(2, 4)).shape, pairs[1](tf.randn(2, 7)).shape)
print(Pair(4)(tf.randn(1, 4)).shape, Pair(9)(tf.randn(1, 9)).shape)
Proj.bias = False
p2 = Proj(3, 1)
print(p2(tf.randn(1, 3)).shape, p2.fc.bias is None)
