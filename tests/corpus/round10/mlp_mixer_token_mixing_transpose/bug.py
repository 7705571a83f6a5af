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
    x = x + token_mlp(y)  # BUG  # E: Chain layer 1 Dense(16 => 64, gelu) expects input Tensor[..., 16], got Tensor[B, 16, 32]; need size 16 at axis -1 (got 32)  [shape]
    return x + channel_mlp(norm2(x))


print(mixer_layer(tf.randn(2, PATCHES, CHANNELS)).shape)
