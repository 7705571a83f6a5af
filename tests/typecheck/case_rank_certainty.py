"""A layer whose output rank is the same for every input (Conv, ConvTranspose, the pools,
Upsample, PixelShuffle: 4; MultiHeadAttention, LSTM, GRU, RNN: 3; Flatten: 2), followed, through
layers that keep the rank (Dense, the norms, Dropout, GlobalMeanPool) or add one axis
(Embedding), by a layer that takes another rank fails for EVERY input: the Chain is refused
where it is built. A rank only assumed from a template (Dense's ``(B, in)`` first) proves
nothing. The run time's constructor raises the same words; fixes clean.
"""

from typing import TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import (GRU, LSTM, AdaptiveMeanPool, Chain, Conv, Dense, Embedding, Flatten,
                       GlobalMeanPool, LayerNorm, MaxPool, MultiHeadAttention, Tensor)

B = TypeVar("B", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)

conv_then_lstm = Chain(Conv((3, 3), 1, 8, tf.relu), LSTM(8, 16))  # E: Chain layer 2 LSTM(8 => 16) expects input Tensor[B, T, 8], but layer 1 Conv((3, 3), 1 => 8, relu) produces Tensor[B, 8, H' - 2, W' - 2]  [shape]
conv_then_lstm_fixed = Chain(Conv((3, 3), 1, 8, tf.relu), AdaptiveMeanPool((1, 1)), Flatten(), Dense(8, 16))

pool_then_attention = Chain(Conv((1, 1), 3, 6), MaxPool((2, 2)), Dense(6, 6), MultiHeadAttention(6, 2))  # E: Chain layer 4 MultiHeadAttention(6, nheads=2) expects input Tensor[B, T, 6], but layer 3 Dense(6 => 6) produces Tensor[B, 6, H'//2, 6]  [shape]
pool_then_attention_fixed = Chain(Conv((1, 1), 3, 6), MaxPool((2, 2)), GlobalMeanPool(), Flatten(), Dense(6, 6))

lstm_then_conv = Chain(LSTM(4, 8), LayerNorm(8), Conv((3, 3), 8, 16))  # E: Chain layer 3 Conv((3, 3), 8 => 16) expects input Tensor[B, 8, H, W], but layer 2 LayerNorm(8) produces Tensor[B, ?, 8]  [shape]
lstm_then_conv_fixed = Chain(LSTM(4, 8), LayerNorm(8), Dense(8, 16))

gru_embedded = Chain(Flatten(), Embedding(100, 16), GRU(16, 32), MaxPool((2, 2)))  # E: Chain layer 4 MaxPool((2, 2)) expects input Tensor[B, C, H, W], but layer 3 GRU(16 => 32) produces Tensor[?, ?, 32]  [shape]
gru_embedded_fixed = Chain(Flatten(), Embedding(100, 16), GRU(16, 32), Dense(32, 4))

pooled = Chain(Conv((3, 3), 3, 16), GlobalMeanPool(), LSTM(16, 4))  # E: Chain layer 3 LSTM(16 => 4) expects input Tensor[B, T, 16], but layer 2 GlobalMeanPool() produces Tensor[B, 16, 1, 1]  [shape]
pooled_fixed = Chain(Conv((3, 3), 3, 16), GlobalMeanPool(), Flatten(), Dense(16, 4))

# Dense takes any rank: a rank its template assumed proves nothing.
assumed = Chain(Dense(6, 6), LSTM(6, 3))


def features(x: Tensor[B, 1, H, W]) -> Tensor[B, 16]:
    return conv_then_lstm_fixed(x)


reveal_type(pooled_fixed(tf.zeros(2, 3, 8, 8)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[4]]"
reveal_type(features(tf.zeros(2, 1, 9, 9)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[16]]"
