"""gMLP's spatial gating unit: the features are split in two halves; the second is normalised and
mixed across tokens by a Dense over the sequence axis (transposed in and out), then gates the
first; the token-mixing Dense was applied to the feature axis."""
import typedflux as tf
from typedflux import Dense, LayerNorm, gelu


class SpatialGatingUnit:
    def __init__(self, d_ffn: int, seq_len: int) -> None:
        self.norm = LayerNorm(d_ffn // 2)
        self.proj = Dense(seq_len, seq_len)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        u, v = tf.chunk(x, 2)
        v = self.norm(v)
        v = self.proj(v)
        return u * v


class GMLPBlock:
    def __init__(self, d: int, d_ffn: int, seq_len: int) -> None:
        self.norm = LayerNorm(d)
        self.proj_in = Dense(d, d_ffn, gelu)
        self.sgu = SpatialGatingUnit(d_ffn, seq_len)
        self.proj_out = Dense(d_ffn // 2, d)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return x + self.proj_out(self.sgu(self.proj_in(self.norm(x))))


blk = GMLPBlock(16, 64, 10)
print(blk(tf.randn(2, 10, 16)).shape)  # BUG  # E: Dense(10 => 10) expects input Tensor[..., 10], got Tensor[2, 10, 32]; need size 10 at axis -1 (got 32)  [shape]
