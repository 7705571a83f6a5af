"""The Deep & Cross Network's cross layer: x_{l+1} = x0 * (x_l @ w) + b + x_l, with w a
(D, 1) column so that x_l @ w is one scalar per row; w was made a vector, so x_l @ w has one
value per row but no axis to broadcast over the features."""
import typedflux as tf
from typedflux import Dense, relu

B, D = 5, 12


class CrossLayer:
    def __init__(self, d: int) -> None:
        self.w = tf.randn(d) * 0.1
        self.b = tf.zeros(d)

    def __call__(self, x0: tf.Tensor, x: tf.Tensor) -> tf.Tensor:
        return x0 * (x @ self.w) + self.b + x


layers = [CrossLayer(D) for _ in range(3)]
head = Dense(D, 1)
x0 = tf.randn(B, D)
x = x0
for layer in layers:
    x = layer(x0, x)  # BUG  # E: Cannot broadcast for "mul": x has Tensor[5, 12], y has Tensor[5]; need equal sizes or 1 at axis -1 (12 vs 5); did you mean y[..., None] (or keepdims=True where y was reduced)?  [shape]
print(head(x).shape)
