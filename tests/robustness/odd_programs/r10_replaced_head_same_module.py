"""Layers replaced after construction, in the same module: fine-tune a classifier."""
import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, relu


class MLP:
    def __init__(self, d_in: int, hidden: int, n_out: int) -> None:
        self.body = Chain(Dense(d_in, hidden, relu), LayerNorm(hidden))
        self.head = Dense(hidden, n_out)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.head(self.body(x))


m = MLP(6, 16, 3)
y = m(tf.randn(4, 6))
m.head = Dense(16, 5)
z = m(tf.randn(4, 6))
w: tf.Tensor[4, 5] = z
print(y.shape, z.shape, w.shape)

m2 = MLP(6, 16, 3)
setattr(m2, "head", Dense(16, 7))
print(m2(tf.randn(2, 6)).shape)
