"""MLP-Mixer: patches embedded by a strided conv and flattened to (B, S, C); each MixerBlock
mixes tokens (LayerNorm, transpose to (B, C, S), an MLP over S, transpose back) and then
channels (an MLP over C), both residual; the head averages tokens and classifies."""
from __future__ import annotations

import typedflux as tf
from typedflux import Chain, Conv, Dense, LayerNorm, Tensor, gelu


class MlpBlock:
    def __init__(self, dim: int, hidden: int) -> None:
        self.fc1 = Dense(dim, hidden)
        self.fc2 = Dense(hidden, dim)

    def __call__(self, x: Tensor) -> Tensor:
        return self.fc2(gelu(self.fc1(x)))


class MixerBlock:
    def __init__(self, num_tokens: int, dim: int, tokens_hidden: int, channels_hidden: int) -> None:
        self.norm1 = LayerNorm(dim)
        self.token_mixing = MlpBlock(num_tokens, tokens_hidden)
        self.norm2 = LayerNorm(dim)
        self.channel_mixing = MlpBlock(dim, channels_hidden)

    def __call__(self, x: Tensor) -> Tensor:
        y = self.norm1(x).transpose(0, 2, 1)
        y = self.token_mixing(y.transpose(0, 2, 1))
        x = x + y
        return x + self.channel_mixing(self.norm2(x))


class MlpMixer:
    def __init__(self, image: int = 16, patch: int = 4, dim: int = 24, depth: int = 2,
                 num_classes: int = 10) -> None:
        num_tokens = (image // patch) ** 2
        self.stem = Conv((patch, patch), 3, dim, stride=patch)
        self.blocks = Chain(*[MixerBlock(num_tokens, dim, 32, 48) for _ in range(depth)])
        self.norm = LayerNorm(dim)
        self.head = Dense(dim, num_classes)

    def __call__(self, x: Tensor) -> Tensor:
        x = self.stem(x)
        b, c, h, w = x.shape
        x = x.reshape(b, c, h * w).transpose(0, 2, 1)
        x = self.norm(self.blocks(x))
        return self.head(x.mean(axis=1))


model = MlpMixer()
images = tf.randn(2, 3, 16, 16)
logits = model(images)  # BUG[gap flow: a Chain of user blocks bound to a model attribute (self.blocks = Chain(*[MixerBlock(...) for _ in range(depth)]), also written out) is not run on its blocks' layers where __call__ calls it; one MixerBlock attribute alone is caught]
print(logits.shape)
