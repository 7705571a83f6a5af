"""Whisper's audio encoder stem: two 3-wide convolutions over the 80 mel channels, the second
with stride 2, halve 3000 frames to the 1500 rows of the sinusoidal position table. The mel
frames are the conv's width axis here (height 1)."""
import typedflux as tf
from typedflux import Chain, Conv, gelu

N_MELS, FRAMES, D = 80, 3000, 64
stem = Chain(
    Conv((1, 3), N_MELS, D, gelu, pad=(0, 1)),
    Conv((1, 3), D, D, gelu, pad=(0, 1)),
)
positions = tf.randn(1500, D)
mel = tf.randn(1, N_MELS, 1, FRAMES)
h = stem(mel).reshape(1, D, 1500).swapaxes(1, 2)  # BUG  # E: Cannot reshape for "reshape": x has Tensor[1, 64, 1, 3000], target is (1, 64, 1500); need equal element counts (192000 vs 96000)  [shape]
x = h + positions
print(x.shape)
