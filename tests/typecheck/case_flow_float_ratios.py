"""A width computed through a float factor and rounded back: ``int(dim * mlp_ratio)``.

Model zoos size their hidden layers by a float ratio (timm's ``mlp_ratio: float = 4.0``,
EfficientNet's ``exp_ratio=6.0``, ``se_ratio=0.25``) or a true division (``int(d / 3 * 2)``),
rounded back to an int by ``int``, ``round``, ``math.ceil`` or ``math.floor``. The float
stays inside: computed as Python computes it (``int(10 * 0.33)`` is 3), only its rounded
int is a size, in a construction's run (a local or written in place) and at module level;
``max(1, int(c * 0.25))`` of several ints is their max. A float never is a size itself.
Each with its fix; the same lines fail at run time with the same words.
"""

import math

import typedflux as tf
from typedflux import Dense, gelu


class Mlp:
    def __init__(self, dim: int, mlp_ratio: float = 4.0) -> None:
        hidden = int(dim * mlp_ratio)
        self.fc1 = Dense(dim, hidden)
        self.fc2 = Dense(hidden, dim)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc2(gelu(self.fc1(x)))


m = Mlp(16)
Dense(60, 2)(m.fc1(tf.randn(2, 16)))  # E: Dense(60 => 2) expects input Tensor[..., 60], got Tensor[2, 64]; need size 60 at axis -1 (got 64)  [shape]
Dense(64, 2)(m.fc1(tf.randn(2, 16)))
thin = Mlp(10, 0.33)
Dense(4, 2)(thin.fc1(tf.randn(2, 10)))  # E: Dense(4 => 2) expects input Tensor[..., 4], got Tensor[2, 3]; need size 4 at axis -1 (got 3)  [shape]
Dense(3, 2)(thin.fc1(tf.randn(2, 10)))


class InPlace:
    def __init__(self, d: int, se_ratio: float = 0.25) -> None:
        self.a = Dense(d, round(d * 0.75))
        self.b = Dense(d, int(d / 3 * 2))
        self.c = Dense(d, math.ceil(d / 4))
        self.se = Dense(d, max(1, int(d * se_ratio)))


r = InPlace(10)
Dense(7, 1)(r.a(tf.randn(1, 10)))  # E: Dense(7 => 1) expects input Tensor[..., 7], got Tensor[1, 8]; need size 7 at axis -1 (got 8)  [shape]
Dense(8, 1)(r.a(tf.randn(1, 10)))
Dense(7, 1)(r.b(tf.randn(1, 10)))  # E: Dense(7 => 1) expects input Tensor[..., 7], got Tensor[1, 6]; need size 7 at axis -1 (got 6)  [shape]
Dense(6, 1)(r.b(tf.randn(1, 10)))
Dense(2, 1)(r.c(tf.randn(1, 10)))  # E: Dense(2 => 1) expects input Tensor[..., 2], got Tensor[1, 3]; need size 2 at axis -1 (got 3)  [shape]
Dense(3, 1)(r.c(tf.randn(1, 10)))
Dense(1, 1)(InPlace(4, 0.1).se(tf.randn(1, 4)))
Dense(2, 1)(InPlace(4, 0.1).se(tf.randn(1, 4)))  # E: Dense(2 => 1) expects input Tensor[..., 2], got Tensor[1, 1]; need size 2 at axis -1 (got 1)  [shape]

wide = Dense(16, int(16 * 1.5))
Dense(16, 2)(wide(tf.randn(2, 16)))  # E: Dense(16 => 2) expects input Tensor[..., 16], got Tensor[2, 24]; need size 16 at axis -1 (got 24)  [shape]
Dense(24, 2)(wide(tf.randn(2, 16)))
