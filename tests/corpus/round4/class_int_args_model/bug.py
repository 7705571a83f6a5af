"""A model class sized by int arguments (unknown statically), with one literal mistake in the head."""
import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, relu


class MLP:
    def __init__(self, d_in: int, hidden: int, n_out: int) -> None:
        self.body = Chain(Dense(d_in, hidden, relu), LayerNorm(hidden), Dense(hidden, hidden, relu))
        self.head = Dense(hidden, n_out)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.head(self.body(x))


m = MLP(6, 16, 3)
y = m(tf.randn(4, 6))
scores = y + tf.zeros(4, 4)  # BUG  # E: Cannot broadcast for "add": x has Tensor[4, 3], y has Tensor[4, 4]; need equal sizes or 1 at axis -1 (3 vs 4)  [shape]
print(scores.shape, m.body[0], m.body.layers[-1])
