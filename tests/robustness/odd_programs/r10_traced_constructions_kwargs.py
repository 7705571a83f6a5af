"""Traced constructions with keywords, defaults, *args/**kwargs, helper methods, super() values."""
from typing import Any, Tuple

import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, relu


def mlp(*widths: int) -> Chain:
    return Chain(*[Dense(a, b, relu) for a, b in zip(widths, widths[1:])])


class Base:
    SCALE = 2

    def __init__(self, d_in: int, d_out: int = 4, *, norm: bool = True) -> None:
        self.body = self._build(d_in, d_out * self.SCALE)
        self.norm = LayerNorm(d_out * self.SCALE) if norm else None
        self.head = Dense(d_out * self.SCALE, d_out)

    def _build(self, a: int, b: int) -> Chain:
        return mlp(a, 2 * a, b)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        h = self.body(x)
        if self.norm is not None:
            h = self.norm(h)
        return self.head(h)


class Child(Base):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)


class Fixed(Base):
    def __init__(self) -> None:
        super().__init__(6, d_out=3, norm=False)


class Widths:
    def __init__(self, widths: Tuple[int, ...] = (4, 8, 2), **kw: Any) -> None:
        self.net = mlp(*widths)
        self.extra = Dense(widths[-1], kw.get("n_out", 1))

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.extra(self.net(x))


print(Base(5)(tf.randn(2, 5)).shape, Base(5, 2)(tf.randn(2, 5)).shape, Base(5, d_out=6, norm=False)(tf.randn(2, 5)).shape)
print(Child(7, 3)(tf.randn(1, 7)).shape, Fixed()(tf.randn(1, 6)).shape)
print(Widths()(tf.randn(1, 4)).shape, Widths((3, 5), n_out=4)(tf.randn(1, 3)).shape)
print(Dense(4, 1)(Widths((3, 5), n_out=4)(tf.randn(1, 3))).shape, Dense(6, 1)(Base(5, d_out=6)(tf.randn(2, 5))).shape)
