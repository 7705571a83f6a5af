"""A dataclass holding layers as fields (with defaults from field(default_factory=...))."""
from dataclasses import dataclass, field

import typedflux as tf
from typedflux import Dense, Tensor


@dataclass
class Head:
    proj: Dense = field(default_factory=lambda: Dense(4, 8))
    out: Dense = field(default_factory=lambda: Dense(8, 2))
    scale: float = 1.0

    def __call__(self, x: Tensor) -> Tensor:
        return self.out(self.proj(x)) * self.scale


h = Head()
h2 = Head(Dense(4, 16), Dense(16, 3))
print(h(tf.randn(2, 4)).shape, h2(tf.randn(2, 4)).reshape(6).shape)
