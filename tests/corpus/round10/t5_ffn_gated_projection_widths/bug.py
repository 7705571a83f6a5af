"""T5 v1.1's gated-GELU feed-forward: wi_0 and wi_1 both map d_model to d_ff, their product
goes through wo back to d_model. wi_1 was built d_model -> d_model."""
import typedflux as tf
from typedflux import Dense, gelu


class T5DenseGatedActDense:
    def __init__(self, d_model: int, d_ff: int) -> None:
        self.wi_0 = Dense(d_model, d_ff, bias=False)
        self.wi_1 = Dense(d_model, d_model, bias=False)
        self.wo = Dense(d_ff, d_model, bias=False)

    def __call__(self, h: tf.Tensor) -> tf.Tensor:
        return self.wo(gelu(self.wi_0(h)) * self.wi_1(h))


ff = T5DenseGatedActDense(32, 64)
print(ff(tf.randn(2, 7, 32)).shape)  # BUG  # E: Cannot broadcast for "mul": x has Tensor[2, 7, 64], y has Tensor[2, 7, 32]; need equal sizes or 1 at axis -1 (64 vs 32)  [shape]
