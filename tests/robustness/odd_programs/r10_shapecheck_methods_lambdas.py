"""@tf.shapecheck on methods, defaults, keyword-only and *args; lambdas in Chains using constants."""
from typing import Optional, TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
N = TypeVar("N", bound=int)
H, W = 4, 4


class Scorer:
    def __init__(self) -> None:
        self.fc = Dense(8, 1)

    @tf.shapecheck
    def score(self, x: Tensor[B, 8], *, temperature: float = 1.0) -> Tensor[B, 1]:
        return self.fc(x) / temperature

    @tf.shapecheck
    def pair(self, a: Tensor[B, 8], b: Optional[Tensor[B, 8]] = None) -> Tensor[B, 1]:
        return self.fc(a if b is None else a + b)

    @classmethod
    def make(cls) -> "Scorer":
        return cls()

    @staticmethod
    @tf.shapecheck
    def norm(x: Tensor[B, N]) -> Tensor[B, N]:
        return x / (x * x).sum(axis=1, keepdims=True) ** 0.5


@tf.shapecheck
def total(*xs: Tensor[B, N]) -> Tensor[B, N]:
    out = xs[0]
    for x in xs[1:]:
        out = out + x
    return out


@tf.shapecheck
def crop(x: Tensor[B, T, N], n: int = 2) -> Tensor[B, T, N]:
    return x


s = Scorer.make()
x = tf.randn(3, 8)
print(s.score(x, temperature=2.0).shape, s.pair(x).shape, s.pair(x, x).shape, Scorer.norm(x).shape)
print(total(x, x, x).shape, crop(tf.randn(2, 3, 4)).shape, crop(tf.randn(2, 3, 4), n=3).shape)
cnn_head = Chain(lambda x: x.reshape(x.shape[0], 2 * H * W), Dense(2 * H * W, 10, relu), lambda z: z * 2)
print(cnn_head(tf.randn(5, 2, H, W)).shape)
to_seq = Chain(lambda x: x.reshape(x.shape[0], -1, H * W).transpose(0, 2, 1), Dense(2, 8))
print(to_seq(tf.randn(5, 2, H, W)).shape)
