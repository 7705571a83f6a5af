"""A layer held as a class attribute, replaced on one instance."""
import typedflux as tf
from typedflux import Chain, Dense, relu


class Model:
    head = Dense(8, 2)

    def __init__(self) -> None:
        self.body = Chain(Dense(3, 8, relu))

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.head(self.body(x))


m = Model()
m.head = Dense(8, 5)
print(m(tf.randn(4, 3)).reshape(20).shape)
