"""An MLP-Mixer block: the token-mixing MLP must run across patches, so the input is
transposed first; the transpose was forgotten."""
from typing import Final

import typedflux as tf
from typedflux import Dense, LayerNorm, gelu

PATCHES: Final = 16
CHANNELS: Final = 24

norm1, norm2 = LayerNorm(CHANNELS), LayerNorm(CHANNELS)
token_mlp1, token_mlp2 = Dense(PATCHES, 32, gelu), Dense(32, PATCHES)
chan_mlp1, chan_mlp2 = Dense(CHANNELS, 96, gelu), Dense(96, CHANNELS)

x = tf.randn(2, PATCHES, CHANNELS)
y = norm1(x)
y = token_mlp2(token_mlp1(y))  # BUG  # E: Dense(16 => 32, gelu) expects input Tensor[..., 16], got Tensor[2, 16, 24]; need size 16 at axis -1 (got 24)  [shape]
x = x + y.swapaxes(1, 2)
x = x + chan_mlp2(chan_mlp1(norm2(x)))
print(x.shape)
