"""A CRNN keyword spotter on log-mel spectrograms: two conv blocks pool frequency and time, the
map is permuted to (batch, time, channels, freq) and each frame flattened to channels * freq
features for a GRU, whose last step feeds the classifier."""
from __future__ import annotations

import typedflux as tf
from typedflux import GRU, BatchNorm, Chain, Conv, Dense, MaxPool, Tensor, relu


class CRNN:
    def __init__(self, n_mels: int = 16, n_classes: int = 5) -> None:
        self.conv = Chain(
            Conv((3, 3), 1, 8, pad=1), BatchNorm(8), relu, MaxPool((2, 2)),
            Conv((3, 3), 8, 16, pad=1), BatchNorm(16), relu, MaxPool((2, 1)),
        )
        self.gru = GRU(16 * (n_mels // 4), 24)
        self.fc = Dense(24, n_classes)

    def __call__(self, spec: Tensor) -> Tensor:
        h = self.conv(spec)
        b, c, f, t = h.shape
        frames = h.transpose(0, 3, 1, 2).reshape(b, t, c * f)
        out = self.gru(frames)
        return self.fc(out[:, -1])


model = CRNN()
spec = tf.randn(2, 1, 16, 20)
logits = model(spec)
print(logits.shape)
