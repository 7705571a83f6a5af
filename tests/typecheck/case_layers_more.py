"""More layers: sizes kept by constructors and checked where the layer is called."""

from typing import Literal, TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import (
    LSTM,
    AdaptiveMeanPool,
    BatchNorm,
    Chain,
    Conv,
    Dense,
    Embedding,
    Flatten,
    GlobalMeanPool,
    LayerNorm,
    MaxPool,
    MultiHeadAttention,
    Tensor,
    relu,
)

B = TypeVar("B", bound=int)

reveal_type(BatchNorm(8))  # N: Revealed type is "typedflux.layers.normalise.BatchNorm[Literal[8]]"
reveal_type(LayerNorm(64))  # N: Revealed type is "typedflux.layers.normalise.LayerNorm[Literal[64]]"
reveal_type(Embedding(1000, 64))  # N: Revealed type is "typedflux.layers.basic.Embedding[Literal[1000], Literal[64]]"
reveal_type(LSTM(64, 128))  # N: Revealed type is "typedflux.layers.recurrent.LSTM[Literal[64], Literal[128], Literal[False]]"
reveal_type(MultiHeadAttention(64, nheads=8))  # N: Revealed type is "typedflux.layers.attention.MultiHeadAttention[Literal[64]]"
reveal_type(AdaptiveMeanPool((4, 4)))  # N: Revealed type is "typedflux.layers.conv.AdaptiveMeanPool[Literal[4], Literal[4]]"

x = tf.zeros(2, 7, 64)
reveal_type(LayerNorm(64)(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[7], Literal[64]]"
wrong_norm = LayerNorm(32)(x)  # E: LayerNorm(32) expects input Tensor[..., 32], got Tensor[2, 7, 64]; need size 32 at axis -1 (got 64)  [shape]
reveal_type(LSTM(64, 128)(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[7], Literal[128]]"
wrong_lstm = LSTM(32, 128)(x)  # E: LSTM(32 => 128) expects input Tensor[B, T, 32], got Tensor[2, 7, 64]; need size 32 at axis -1 (got 64)  [shape]
reveal_type(MultiHeadAttention(64, nheads=8)(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[7], Literal[64]]"
wrong_attention = MultiHeadAttention(32, nheads=8)(x)  # E: MultiHeadAttention(32, nheads=8) expects input Tensor[B, T, 32], got Tensor[2, 7, 64]; need size 32 at axis -1 (got 64)  [shape]
# A mask broadcasts against the scores Tensor[B, nheads, Tq, Tk].
causal_mask = tf.tril(tf.ones(7, 7)) > 0
attended = MultiHeadAttention(64, nheads=8)(x, mask=causal_mask)
padding = MultiHeadAttention(64, nheads=8)(x, mask=tf.ones(2, 1, 1, 7) > 0)
block_mask = MultiHeadAttention(64, nheads=8)(x, mask=tf.tril(tf.ones(16, 16)) > 0)  # E: Cannot broadcast for "MultiHeadAttention(64, nheads=8)": mask has Tensor[16, 16], scores has Tensor[2, 8, 7, 7]; need equal sizes or 1 at axis -2 (16 vs 7)  [shape]
per_sequence = MultiHeadAttention(64, nheads=8)(x, mask=tf.ones(2, 7, 7) > 0)  # E: Cannot broadcast for "MultiHeadAttention(64, nheads=8)": mask has Tensor[2, 7, 7], scores has Tensor[2, 8, 7, 7]; need equal sizes or 1 at axis -3 (2 vs 8); did you mean mask[:, None] (one mask per sequence, for every head)?  [shape]
reveal_type(Embedding(1000, 64)(tf.arange(6).reshape(2, 3)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[3], Literal[64]]"

img = tf.zeros(4, 3, 32, 32)
reveal_type(BatchNorm(3)(img))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[4], Literal[3], Literal[32], Literal[32]]"
wrong_bn = BatchNorm(8)(img)  # E: BatchNorm(8) expects input Tensor[B, 8, ...], got Tensor[4, 3, 32, 32]; need size 8 at axis 1 (got 3)  [shape]
reveal_type(GlobalMeanPool()(img))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[4], Literal[3], Literal[1], Literal[1]]"
reveal_type(AdaptiveMeanPool((4, 4))(img))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[4], Literal[3], Literal[4], Literal[4]]"

net = Chain(Conv((3, 3), 3, 16, relu), BatchNorm(16), GlobalMeanPool(), Flatten())
reveal_type(net(img))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[4], Literal[16]]"
net_bad = Chain(Conv((3, 3), 3, 16, relu), BatchNorm(8), GlobalMeanPool(), Flatten())  # E: Chain layer 2 BatchNorm(8) expects input Tensor[B, 8, ...], but layer 1 Conv((3, 3), 3 => 16, relu) produces Tensor[B, 16, H' - 2, W' - 2]; change BatchNorm(8) to BatchNorm(16)  [shape]
seq = Chain(Embedding(1000, 64), LSTM(64, 32), LayerNorm(32))
seq_bad = Chain(Embedding(1000, 64), LSTM(64, 32), LayerNorm(64))  # E: Chain layer 3 LayerNorm(64) expects input Tensor[..., 64], but layer 2 LSTM(64 => 32) produces Tensor[B, T, 32]; change LayerNorm(64) to LayerNorm(32)  [shape]


# Layer types written by hand take int sizes as for Tensor (Dense[784, 32]); the activation
# is not part of the type, so messages show it as "?".
def annotated(d: Dense[784, 32], x: Tensor[B, 784], bad_x: Tensor[B, 700]) -> Tensor[B, 32]:
    reveal_type(d)  # N: Revealed type is "typedflux.layers.basic.Dense[Literal[784], Literal[32]]"
    wrong = d(bad_x)  # E: Dense(784 => 32, ?) expects input Tensor[..., 784], got Tensor[B, 700]; need size 784 at axis -1 (got 700)  [shape]
    return d(x)


annotated(Dense(784, 32), tf.zeros(2, 784), tf.zeros(2, 700))


mha = MultiHeadAttention(8, nheads=2)
q = tf.zeros(2, 3, 8)
reveal_type(mha(q, tf.zeros(2, 5, 8), tf.zeros(2, 5, 8)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[3], Literal[8]]"
lengths_differ = mha(q, tf.zeros(2, 5, 8), tf.zeros(2, 4, 8))  # E: Sequence lengths differ for "MultiHeadAttention(8, nheads=2)": k has Tensor[2, 5, 8], v has Tensor[2, 4, 8]; need k.shape[1] == v.shape[1] (5 vs 4)  [shape]
causal = tf.tril(tf.ones(3, 3)) > 0
reveal_type(mha(q, q, q, mask=causal))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[3], Literal[8]]"
masked_bad = mha(q, tf.zeros(2, 5, 8), tf.zeros(2, 4, 8), mask=causal)  # E: Sequence lengths differ for "MultiHeadAttention(8, nheads=2)": k has Tensor[2, 5, 8], v has Tensor[2, 4, 8]; need k.shape[1] == v.shape[1] (5 vs 4)  [shape]


# A Chain type written by hand, its convs and pools without their window: channels are still
# checked, spatial sizes are unknown, and the Dense after Flatten still fixes the output.
def hand_typed(
    model: Chain[Conv[Literal[1], Literal[16]], MaxPool, Flatten, Dense[Literal[256], Literal[10]]],
    x: Tensor[B, 1, 8, 8],
) -> Tensor[B, 10]:
    reveal_type(model(x))  # N: Revealed type is "typedflux.tensor.Tensor[B, Literal[10]]"
    return model(x)


hand_typed(Chain(Conv((3, 3), 1, 16, relu, pad=1), MaxPool((2, 2)), Flatten(), Dense(256, 10)), tf.zeros(2, 1, 8, 8))


# An activation held in a variable is shown by the variable's name (the run time shows the
# function it holds: Dense(64 => 32, gelu)).
act = tf.gelu if tf.is_recording() else tf.relu
mlp_bad = Chain(Dense(64, 32, act), Dense(64, 10))  # E: Chain layer 2 Dense(64 => 10) expects input Tensor[..., 64], but layer 1 Dense(64 => 32, act) produces Tensor[B, 32]; change Dense(64 => 10) to Dense(32 => 10)  [shape]
