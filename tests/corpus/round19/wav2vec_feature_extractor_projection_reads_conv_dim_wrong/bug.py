"""wav2vec 2.0's feature encoder on raw audio: a stack of strided temporal convs (written as
(1, k) kernels on a (B, 1, 1, samples) map) with GroupNorm on the first and GELU after each,
then the frames moved last, a LayerNorm and a feature projection to the model width."""
from __future__ import annotations

from typing import List, Tuple

import typedflux as tf
from typedflux import Chain, Conv, Dense, GroupNorm, LayerNorm, Tensor, gelu


class FeatureEncoder:
    def __init__(self, conv_layers: List[Tuple[int, int, int]]) -> None:
        blocks: List[Chain] = []
        cin = 1
        for i, (dim, k, stride) in enumerate(conv_layers):
            if i == 0:
                blocks.append(Chain(Conv((1, k), cin, dim, stride=(1, stride), bias=False),
                                    GroupNorm(dim, dim), gelu))
            else:
                blocks.append(Chain(Conv((1, k), cin, dim, stride=(1, stride), bias=False), gelu))
            cin = dim
        self.conv_layers = Chain(*blocks)

    def __call__(self, wav: Tensor) -> Tensor:
        return self.conv_layers(wav)


class FeatureProjection:
    def __init__(self, conv_dim: int, hidden: int) -> None:
        self.layer_norm = LayerNorm(conv_dim)
        self.projection = Dense(conv_dim, hidden)

    def __call__(self, feats: Tensor) -> Tensor:
        return self.projection(self.layer_norm(feats))


conv_cfg = [(16, 10, 5), (16, 3, 2), (24, 2, 2)]
encoder = FeatureEncoder(conv_cfg)
projection = FeatureProjection(16, 32)
wav = tf.randn(2, 1, 1, 400)
feats = encoder(wav)
b, c, _, t = feats.shape
frames = feats.reshape(b, c, t).transpose(0, 2, 1)
hidden = projection(frames)  # BUG  # E: LayerNorm(16) expects input Tensor[..., 16], got Tensor[2, 19, 24]; need size 16 at axis -1 (got 24)  [shape]
print(hidden.shape)
