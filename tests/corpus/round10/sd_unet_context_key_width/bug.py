"""Stable Diffusion's spatial cross-attention: image tokens (B, H*W, C) attend to text context
(B, 77, 64); the key/value projections map the context width to C. The key projection was
built from C."""
import typedflux as tf
from typedflux import Dense


class SpatialCrossAttention:
    def __init__(self, c: int, ctx: int) -> None:
        self.to_q = Dense(c, c, bias=False)
        self.to_k = Dense(c, c, bias=False)
        self.to_v = Dense(ctx, c, bias=False)
        self.c = c

    def __call__(self, x: tf.Tensor, context: tf.Tensor) -> tf.Tensor:
        b, c, h, w = x.shape
        tokens = x.reshape(b, c, h * w).transpose(0, 2, 1)
        att = tf.softmax(self.to_q(tokens) @ self.to_k(context).transpose(0, 2, 1) / c ** 0.5)
        out = att @ self.to_v(context)
        return x + out.transpose(0, 2, 1).reshape(b, c, h, w)


block = SpatialCrossAttention(32, 64)
print(block(tf.randn(2, 32, 4, 4), tf.randn(2, 77, 64)).shape)  # BUG  # E: Dense(32 => 32, bias=False) expects input Tensor[..., 32], got Tensor[2, 77, 64]; need size 32 at axis -1 (got 64)  [shape]
