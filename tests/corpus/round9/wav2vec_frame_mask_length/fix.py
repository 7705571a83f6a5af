"""wav2vec's feature encoder: strided convs turn 400 samples into 19 frames; the padding mask
was sized by samples // 20, a frame rate that does not hold at this length."""
import typedflux as tf
from typedflux import Chain, Conv, gelu

L, D = 400, 32
encoder = Chain(
    Conv((1, 10), 1, D, gelu, stride=(1, 5)),
    Conv((1, 3), D, D, gelu, stride=(1, 2)),
    Conv((1, 3), D, D, gelu, stride=(1, 2)),
)
wave = tf.randn(2, L)
feats = tf.rearrange(encoder(wave[:, None, None, :]), "b d 1 t -> b t d")
FRAMES = (((L - 10) // 5 + 1 - 3) // 2 + 1 - 3) // 2 + 1
mask = tf.ones(2, FRAMES)
pooled = (feats * mask[:, :, None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
print(pooled.shape)
