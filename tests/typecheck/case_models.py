"""Realistic blocks as model zoos write them: each bug once, then the fix (clean).

ResNet blocks with and without a projection shortcut, a U-Net skip, a GPT block (attention
and MLP), an Inception-style Parallel, a user-defined layer class in a Chain. Errors that
hold for every input are reported where the model is built, on the line of the layer at
fault; the others where it is called with a known shape.
"""

from typing import TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import (
    BatchNorm,
    Chain,
    Conv,
    ConvTranspose,
    Dense,
    Dropout,
    Flatten,
    GlobalMeanPool,
    LayerNorm,
    MaxPool,
    MultiHeadAttention,
    Parallel,
    SkipConnection,
    Tensor,
    gelu,
    relu,
)

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)
D = TypeVar("D", bound=int)
H = TypeVar("H", bound=int)
T = TypeVar("T", bound=int)
W = TypeVar("W", bound=int)

# -- ResNet ------------------------------------------------------------------------------------

basic_block = SkipConnection(
    Chain(
        Conv((3, 3), 64, 64, pad=1),
        BatchNorm(64, relu),
        Conv((3, 3), 64, 64, pad=1),
        BatchNorm(64),
    ),
    tf.add,
)
reveal_type(basic_block(tf.zeros(2, 64, 8, 8)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[64], Literal[8], Literal[8]]"

# A downsampling block needs a projection shortcut: the identity cannot be added.
down_no_projection = SkipConnection(
    Chain(
        Conv((3, 3), 64, 128, stride=2, pad=1),  # E: SkipConnection(Chain(Conv((3, 3), 64 => 128, stride=2, pad=1), BatchNorm(128, relu), Conv((3, 3), 128 => 128, pad=1), BatchNorm(128)), add) cannot join its input and its layer's output: Cannot broadcast for "add": xs[0] has Tensor[B, 128, (H' + 1)//2, (W' + 1)//2], xs[1] has Tensor[B, 64, H', W']; need equal sizes or 1 at axis -3 (128 vs 64); project the shortcut: Parallel(add, <the layer>, Conv((1, 1), 64 => 128, stride=2))  [shape]
        BatchNorm(128, relu),
        Conv((3, 3), 128, 128, pad=1),
        BatchNorm(128),
    ),
    tf.add,
)
down = Parallel(
    tf.add,
    Chain(
        Conv((3, 3), 64, 128, stride=2, pad=1),
        BatchNorm(128, relu),
        Conv((3, 3), 128, 128, pad=1),
        BatchNorm(128),
    ),
    Chain(Conv((1, 1), 64, 128, stride=2), BatchNorm(128)),
)
reveal_type(down(tf.zeros(2, 64, 8, 8)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[128], Literal[4], Literal[4]]"
# With a conv after the strided one and no norm at the end, giving the input's channels back
# (Conv((3, 3), 32 => 16, pad=1)) still adds a half-size map to the input: the projection.
down_last_conv = SkipConnection(
    Chain(Conv((3, 3), 16, 32, stride=2, pad=1), BatchNorm(32), relu, Conv((3, 3), 32, 32, pad=1)),  # E: SkipConnection(Chain(Conv((3, 3), 16 => 32, stride=2, pad=1), BatchNorm(32), relu, Conv((3, 3), 32 => 32, pad=1)), add) cannot join its input and its layer's output: Cannot broadcast for "add": xs[0] has Tensor[B, 32, (H' + 1)//2, (W' + 1)//2], xs[1] has Tensor[B, 16, H', W']; need equal sizes or 1 at axis -3 (32 vs 16); project the shortcut: Parallel(add, <the layer>, Conv((1, 1), 16 => 32, stride=2))  [shape]
    tf.add,
)
down_last_conv_fixed = Parallel(
    tf.add,
    Chain(Conv((3, 3), 16, 32, stride=2, pad=1), BatchNorm(32), relu, Conv((3, 3), 32, 32, pad=1)),
    Conv((1, 1), 16, 32, stride=2),
)
assert down_last_conv_fixed(tf.zeros(2, 16, 8, 8)).shape == (2, 32, 4, 4)
# A projection with the wrong stride only fails for the sizes it gets: where called.
down_wrong_stride = Parallel(
    tf.add,
    Chain(Conv((3, 3), 64, 128, stride=2, pad=1), BatchNorm(128)),
    Conv((1, 1), 64, 128),
)
wrong_stride = down_wrong_stride(tf.zeros(2, 64, 8, 8))  # E: Cannot broadcast for "add": xs[0] has Tensor[2, 128, 4, 4], xs[1] has Tensor[2, 128, 8, 8]; need equal sizes or 1 at axis -2 (4 vs 8)  [shape]

resnet_bad = Chain(
    Conv((7, 7), 3, 64, stride=2, pad=3),
    BatchNorm(64, relu),
    MaxPool((3, 3), stride=2, pad=1),
    basic_block,
    down,
    BatchNorm(64),  # E: Chain layer 6 BatchNorm(64) expects input Tensor[B, 64, ...], but layer 5 Parallel(add, Chain(Conv((3, 3), 64 => 128, stride=2, pad=1), BatchNorm(128, relu), Conv((3, 3), 128 => 128, pad=1), BatchNorm(128)), Chain(Conv((1, 1), 64 => 128, stride=2), BatchNorm(128))) produces Tensor[B, 128, (((H' + 1)//2 + 1)//2 + 1)//2, (((W' + 1)//2 + 1)//2 + 1)//2]; change BatchNorm(64) to BatchNorm(128)  [shape]
    GlobalMeanPool(),
    Flatten(),
    Dense(128, 10),
)
resnet = Chain(
    Conv((7, 7), 3, 64, stride=2, pad=3),
    BatchNorm(64, relu),
    MaxPool((3, 3), stride=2, pad=1),
    basic_block,
    down,
    BatchNorm(128),
    GlobalMeanPool(),
    Flatten(),
    Dense(128, 10),
)
reveal_type(resnet(tf.zeros(2, 3, 64, 64)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[10]]"


def classify(x: Tensor[B, 3, H, W]) -> Tensor[B, 10]:
    return resnet(x)


def classify_bad(x: Tensor[B, 1, H, W]) -> Tensor[B, 10]:
    return resnet(x)  # E: Chain layer 1 Conv((7, 7), 3 => 64, stride=2, pad=3) expects input Tensor[B, 3, H, W], got Tensor[B, 1, H, W]; need size 3 at axis 1 (got 1)  [shape]


classify(tf.zeros(2, 3, 32, 32))
classify_bad(tf.zeros(2, 1, 32, 32))

# -- U-Net -------------------------------------------------------------------------------------


def cat_channels(a: Tensor[B, C, H, W], b: Tensor[B, D, H, W]) -> Tensor[B, "C + D", H, W]:
    return tf.cat(a, b, axis=1)


unet_level = SkipConnection(
    Chain(
        MaxPool((2, 2)),
        Conv((3, 3), 16, 32, relu, pad=1),
        ConvTranspose((2, 2), 32, 16, stride=2),
    ),
    cat_channels,
)
reveal_type(unet_level(tf.zeros(1, 16, 32, 32)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[1], Literal[32], Literal[32], Literal[32]]"
odd_size = unet_level(tf.zeros(1, 16, 33, 33))  # E: Dim "H" differs for "cat_channels": argument "a" gives H = 32, argument "b" gives H = 33; need one size for H (32 vs 33)  [shape]  # N: B=1, C=16, H=32, W=32, D=16
unet = Chain(Conv((3, 3), 1, 16, relu, pad=1), unet_level, Conv((1, 1), 16, 2))  # E: Chain layer 3 Conv((1, 1), 16 => 2) expects input Tensor[B, 16, H, W], but layer 2 SkipConnection(Chain(MaxPool((2, 2)), Conv((3, 3), 16 => 32, relu, pad=1), ConvTranspose((2, 2), 32 => 16, stride=2)), cat_channels) produces Tensor[B, 32, 2*(H'//2), 2*(W'//2)]; change Conv((1, 1), 16 => 2) to Conv((1, 1), 32 => 2)  [shape]
unet_fixed = Chain(Conv((3, 3), 1, 16, relu, pad=1), unet_level, Conv((1, 1), 32, 2))
reveal_type(unet_fixed(tf.zeros(1, 1, 32, 32)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[1], Literal[2], Literal[32], Literal[32]]"

# -- GPT block ---------------------------------------------------------------------------------

heads_bad = MultiHeadAttention(64, 6)  # E: Invalid arguments for "MultiHeadAttention": d = 64, nheads = 6; need d divisible by nheads (64 % 6 = 4)  [shape]
attention = SkipConnection(Chain(LayerNorm(64), MultiHeadAttention(64, 4)), tf.add)
mlp_bad = SkipConnection(
    Chain(
        LayerNorm(64),
        Dense(64, 256, gelu),
        Dense(64, 256),  # E: Chain layer 3 Dense(64 => 256) expects input Tensor[..., 64], but layer 2 Dense(64 => 256, gelu) produces Tensor[..., 256]; change Dense(64 => 256) to Dense(256 => 64)  [shape]
        Dropout(0.1),
    ),
    tf.add,
)
mlp_norm_bad = SkipConnection(
    Chain(LayerNorm(256), Dense(64, 256, gelu), Dense(256, 64)),  # E: Chain layer 2 Dense(64 => 256, gelu) expects input Tensor[..., 64], but layer 1 LayerNorm(256) produces Tensor[..., 256]; change LayerNorm(256) to LayerNorm(64), or Dense(64 => 256, gelu) to Dense(256 => 256, gelu)  [shape]
    tf.add,
)
mlp = SkipConnection(
    Chain(LayerNorm(64), Dense(64, 256, gelu), Dense(256, 64), Dropout(0.1)),
    tf.add,
)
gpt_block = Chain(attention, mlp)
reveal_type(gpt_block(tf.zeros(2, 10, 64)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[10], Literal[64]]"
lm_head_bad = Chain(tf.Embedding(100, 64), gpt_block, gpt_block, LayerNorm(64), Dense(128, 100))  # E: Chain layer 5 Dense(128 => 100) expects input Tensor[..., 128], but layer 4 LayerNorm(64) produces Tensor[B, T, 64]; change Dense(128 => 100) to Dense(64 => 100)  [shape]
lm = Chain(tf.Embedding(100, 64), gpt_block, gpt_block, LayerNorm(64), Dense(64, 100))


def logits(tokens: Tensor[B, T]) -> Tensor[B, T, 100]:
    return lm(tokens)


def features_bad(x: Tensor[B, T, 32]) -> Tensor[B, T, 64]:
    return gpt_block(x)  # E: Chain layer 1 SkipConnection(Chain(LayerNorm(64), MultiHeadAttention(64, nheads=4)), add): Chain layer 1 LayerNorm(64) expects input Tensor[..., 64], got Tensor[B, T, 32]; need size 64 at axis -1 (got 32)  [shape]  # N: input to layer 1: Tensor[B, T, 32]


logits(tf.zeros(2, 10, dtype=tf.int64))
features_bad(tf.zeros(2, 10, 32))

# -- Inception ---------------------------------------------------------------------------------

inception_bad = Parallel(
    cat_channels,
    Conv((1, 1), 32, 16),
    Chain(Conv((1, 1), 32, 16, relu), Conv((3, 3), 16, 24)),
)
# The branches' sizes differ only for the input they get: where the Parallel is called.
inception_spatial = inception_bad(tf.zeros(2, 32, 8, 8))  # E: Dim "H" differs for "cat_channels": argument "a" gives H = 8, argument "b" gives H = 6; need one size for H (8 vs 6)  [shape]  # N: B=2, C=16, H=8, W=8, D=24
inception_branches = Parallel(
    cat_channels,
    Conv((1, 1), 32, 16),
    Chain(Conv((1, 1), 32, 16, relu), Conv((3, 3), 16, 24, pad=1)),
)
reveal_type(inception_branches(tf.zeros(2, 32, 8, 8)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[40], Literal[8], Literal[8]]"
after_inception = Chain(inception_branches, BatchNorm(32))  # E: Chain layer 2 BatchNorm(32) expects input Tensor[B, 32, ...], but layer 1 Parallel(cat_channels, Conv((1, 1), 32 => 16), Chain(Conv((1, 1), 32 => 16, relu), Conv((3, 3), 16 => 24, pad=1))) produces Tensor[B, 40, H', W']; change BatchNorm(32) to BatchNorm(40)  [shape]
after_inception_fixed = Chain(inception_branches, BatchNorm(40))
# A branch whose norm refuses its conv's width: alone, the Chain cannot tell a residual path
# (the conv gives its input width back) from a Parallel's branch whose sibling gives the
# norm's input (the norm takes the conv's width), so the hint names both changes.
narrow_branch = Chain(Conv((3, 3), 16, 8, pad=1), BatchNorm(16))  # E: Chain layer 2 BatchNorm(16) expects input Tensor[B, 16, ...], but layer 1 Conv((3, 3), 16 => 8, pad=1) produces Tensor[B, 8, H', W']; change Conv((3, 3), 16 => 8, pad=1) to Conv((3, 3), 16 => 16, pad=1), or BatchNorm(16) to BatchNorm(8)  [shape]
two_branches = Chain(
    Parallel(cat_channels, Chain(Conv((1, 1), 16, 8), BatchNorm(8)),
             Chain(Conv((3, 3), 16, 8, pad=1), BatchNorm(8))),
    Conv((1, 1), 16, 4),
)
assert two_branches(tf.zeros(2, 16, 8, 8)).shape == (2, 4, 8, 8)

# -- A user-defined layer class ----------------------------------------------------------------


class Residual:
    """A residual MLP written by hand: its __call__ annotation is its shape contract."""

    def __init__(self) -> None:
        self.inner = Chain(Dense(64, 64, relu), Dense(64, 64))

    def __call__(self, x: Tensor[B, 64]) -> Tensor[B, 64]:
        return x + self.inner(x)


head_bad = Chain(Dense(784, 32, relu), Residual(), Dense(64, 10))  # E: Chain layer 2 Residual(): Argument "x" of "Residual.__call__" has shape Tensor[B, 32], which does not match the annotation Tensor[B, 64]: axis 1 is 32, expected 64  [shape]  # N: input to layer 2: Tensor[B, 32]
head = Chain(Dense(784, 64, relu), Residual(), Dense(64, 10))
reveal_type(head(tf.zeros(8, 784)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[8], Literal[10]]"
reveal_type(Residual()(tf.zeros(8, 64)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[8], Literal[64]]"
after_user_layer = Chain(Residual(), Dense(32, 10))  # E: Chain layer 2 Dense(32 => 10) expects input Tensor[..., 32], but layer 1 Residual() produces Tensor[B, 64]; change Dense(32 => 10) to Dense(64 => 10)  [shape]
after_user_layer_fixed = Chain(Residual(), Dense(64, 10))


def head_features(x: Tensor[B, 784]) -> Tensor[B, 10]:
    return head(x)


def head_wrong(x: Tensor[B, 700]) -> Tensor[B, 10]:
    return head(x)  # E: Chain layer 1 Dense(784 => 64, relu) expects input Tensor[..., 784], got Tensor[B, 700]; need size 784 at axis -1 (got 700)  [shape]


head_features(tf.zeros(4, 784))
head_wrong(tf.zeros(4, 700))
