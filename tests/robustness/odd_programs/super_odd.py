"""super() in a classmethod, in a nested function, and a Chain subclass with __call__."""
import typedflux as tf
from typedflux import Chain, Dense, relu


class Stack(Chain):
    @classmethod
    def make(cls) -> "Stack":
        return cls(Dense(4, 8, relu), Dense(8, 2))

    def __call__(self, x: tf.Tensor) -> tf.Tensor:  # type: ignore[override]
        def inner() -> tf.Tensor:
            return super(Stack, self).__call__(x)

        return inner()


print(Stack.make()(tf.randn(3, 4)).shape)
