"""super().block / super().__call__ through a diamond and a mixin; a base lacking the
method (the next one in the MRO has it); each runs fine."""
from __future__ import annotations
import typedflux as tf
from typedflux import Dense, LayerNorm, Tensor, relu


class Root:
    def __init__(self, d: int) -> None:
        self.proj = Dense(d, d)

    def block(self, x: Tensor) -> Tensor:
        return self.proj(x)

    def __call__(self, x: Tensor) -> Tensor:
        return self.block(x)


class Left(Root):
    def block(self, x: Tensor) -> Tensor:
        return relu(super().block(x))


class Right(Root):
    def block(self, x: Tensor) -> Tensor:
        return super().block(x) * 2.0


class Both(Left, Right):
    def block(self, x: Tensor) -> Tensor:
        return super().block(x) + x


class NormMixin:
    def block(self, x: Tensor) -> Tensor:
        return x


class Gap(Root):
    pass


class FromGap(Gap):
    def block(self, x: Tensor) -> Tensor:
        return super().block(x)          # Gap has no block: Root's runs


class Wrapped(Root):
    def __call__(self, x: Tensor) -> Tensor:
        h = super().__call__(x)
        return h[:, :4]


b = Both(8)
y: Tensor[2, 8] = b(tf.zeros(2, 8))
g = FromGap(6)
z: Tensor[3, 6] = g(tf.zeros(3, 6))
w = Wrapped(8)
v: Tensor[2, 4] = w(tf.zeros(2, 8))
print(y.shape, z.shape, v.shape)
