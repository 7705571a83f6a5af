"""wav2vec 2.0's feature encoder: strided 1-D convs over the raw wave (written as 2-D convs with
height 1), then frames transposed to (B, T, C) and projected to the model width. The
projection is sized for the first conv's width, not the last one's."""
import typedflux as tf
from typedflux import Chain, Conv, Dense, LayerNorm, gelu

enc = Chain(
    Conv((1, 10), 1, 32, gelu, stride=(1, 5)),
    Conv((1, 3), 32, 64, gelu, stride=(1, 2)),
    Conv((1, 3), 64, 64, gelu, stride=(1, 2)),
)
proj = Chain(LayerNorm(32), Dense(32, 96))
wave = tf.randn(2, 1, 1, 400)
frames = enc(wave)[:, :, 0, :].transpose(0, 2, 1)
h = proj(frames)  # BUG  # E: Chain layer 1 LayerNorm(32) expects input Tensor[..., 32], got Tensor[2, 19, 64]; need size 32 at axis -1 (got 64)  [shape]
print(h.shape)
