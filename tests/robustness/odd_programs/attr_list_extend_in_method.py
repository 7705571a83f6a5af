"""An attribute list extended via a method of a subclass and via `super()`."""
import typedflux as tf
from typedflux import Dense


class Base:
    def __init__(self) -> None:
        self.experts = [Dense(4, 4) for _ in range(2)]

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return tf.stack([e(x) for e in self.experts], axis=1)


class Bigger(Base):
    def __init__(self) -> None:
        super().__init__()
        self.experts.extend([Dense(4, 4)])


print(Bigger()(tf.randn(2, 4)).reshape(2, 12).shape)
