"""Nested classes that bind the same attribute names, a class decorator, a metaclass."""
import typedflux as tf
from typedflux import Dense


def register(cls: type) -> type:
    return cls


class Meta(type):
    pass


class Outer:
    class Inner:
        def __init__(self) -> None:
            self.proj = Dense(4, 8)

        def __call__(self, x: tf.Tensor) -> tf.Tensor:
            return self.proj(x)

    def __init__(self) -> None:
        self.proj = Dense(8, 2)
        self.inner = Outer.Inner()

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.proj(self.inner(x))


@register
class Decorated:
    def __init__(self) -> None:
        self.proj = Dense(4, 3)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.proj(x)


class WithMeta(metaclass=Meta):
    def __init__(self) -> None:
        self.proj = Dense(4, 5)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.proj(x)


x = tf.randn(2, 4)
print(Outer()(x).shape, Decorated()(x).shape, WithMeta()(x).shape)
