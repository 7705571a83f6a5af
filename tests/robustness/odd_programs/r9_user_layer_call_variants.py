"""User layers whose __call__ comes from odd places: a mixin base, `__call__ = forward`, a
*args __call__, a __call__ returning a dict, and one that calls another user layer."""
from typing import Dict

import typedflux as tf
from typedflux import Chain, Dense, Tensor


class CallsForward:
    def forward(self, x: Tensor) -> Tensor:
        raise NotImplementedError

    def __call__(self, x: Tensor) -> Tensor:
        return self.forward(x)


class Scale(CallsForward):
    def __init__(self, s: float) -> None:
        self.s = s

    def forward(self, x: Tensor) -> Tensor:
        return x * self.s


class Alias:
    def __init__(self) -> None:
        self.proj = Dense(4, 4)

    def forward(self, x: Tensor) -> Tensor:
        return self.proj(x)

    __call__ = forward


class Sum:
    def __call__(self, *xs: Tensor) -> Tensor:
        out = xs[0]
        for x in xs[1:]:
            out = out + x
        return out


class Heads:
    def __init__(self) -> None:
        self.a, self.b = Dense(4, 2), Dense(4, 3)
        self.inner = Alias()

    def __call__(self, x: Tensor) -> Dict[str, Tensor]:
        h = self.inner(x)
        return {"a": self.a(h), "b": self.b(h)}


x = tf.randn(5, 4)
print(Scale(2.0)(x).shape, Alias()(x).shape, Sum()(x, x, x).shape, Heads()(x)["b"].shape,
      Chain(Scale(0.5), Alias(), Dense(4, 1))(x).shape)
