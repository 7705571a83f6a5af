"""An MLP-Mixer layer: token mixing acts on the patch axis (transpose, MLP over patches,
transpose back), channel mixing on the channel axis. The token MLP is applied without the
transpose, so it sees channels where it expects patches."""
from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, Tensor, gelu

B = TypeVar("B", bound=int)
PATCHES, CHANNELS = 16, 32
token_mlp = Chain(Dense(PATCHES, 64, gelu), Dense(64, PATCHES))
channel_mlp = Chain(Dense(CHANNELS, 128, gelu), Dense(128, CHANNELS))
norm1, norm2 = LayerNorm(CHANNELS), LayerNorm(CHANNELS)


def mixer_layer(x: Tensor[B, 16, 32]) -> Tensor[B, 16, 32]:
    y = norm1(x)
    x = x + token_mlp(y.transpose(0, 2, 1)).transpose(0, 2, 1)
    return x + channel_mlp(norm2(x))


print(mixer_layer(tf.randn(2, PATCHES, CHANNELS)).shape)
