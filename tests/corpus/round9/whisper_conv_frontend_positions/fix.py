"""Whisper's audio front end: two convs over the mel frames (the second strided by 2), then a
sinusoidal table of n_audio_ctx = frames / 2 positions; the second conv lost its stride."""
import typedflux as tf
from typedflux import Conv, gelu

N_MELS, D, FRAMES = 16, 32, 100
N_CTX = FRAMES // 2
conv1 = Conv((1, 3), N_MELS, D, gelu, pad=(0, 1))
conv2 = Conv((1, 3), D, D, gelu, stride=2, pad=(0, 1))
positional = tf.randn(N_CTX, D)

mel = tf.randn(2, N_MELS, FRAMES)
x = conv2(conv1(mel[:, :, None, :]))
x = tf.swapaxes(x[:, :, 0, :], 1, 2)
h = x + positional
print(h.shape)
