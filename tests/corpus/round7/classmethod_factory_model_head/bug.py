"""A model with a `@classmethod` factory for its small variant: the factory passes a hidden
size that the head's input does not follow."""
import typedflux as tf
from typedflux import Dense, relu


class MLP:
    def __init__(self, d_in: int, hidden: int, n_out: int) -> None:
        self.fc1 = Dense(d_in, hidden, relu)
        self.fc2 = Dense(2 * hidden, n_out)

    @classmethod
    def small(cls) -> "MLP":
        return cls(12, 16, 3)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc2(self.fc1(x))


model = MLP.small()
print(model(tf.randn(4, 12)).shape)  # BUG  # E: Dense(32 => 3) expects input Tensor[..., 32], got Tensor[4, 16]; need size 32 at axis -1 (got 16)  [shape]
