"""Conv options: groups that do not divide the channels, "same" and per-side padding, a
transposed conv's outpad; concrete and symbolic, each with a version that is clean."""

from typing import TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)

img = tf.zeros(2, 6, 9, 9)
reveal_type(tf.Conv((3, 3), 6, 12, groups=3)(img))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[12], Literal[7], Literal[7]]"
bad_groups = tf.Conv((3, 3), 6, 12, groups=4)  # E: Invalid arguments for "Conv": in_channels = 6, groups = 4; need in_channels divisible by groups (6 % 4 = 2)  [shape]
bad_out_groups = tf.Conv((3, 3), 6, 8, groups=3)  # E: Invalid arguments for "Conv": out_channels = 8, groups = 3; need out_channels divisible by groups (8 % 3 = 2)  [shape]
wrong_input = tf.Conv((3, 3), 4, 8, groups=2)(img)  # E: Conv((3, 3), 4 => 8, groups=2) expects input Tensor[B, 4, H, W], got Tensor[2, 6, 9, 9]; need size 4 at axis 1 (got 6)  [shape]

# "same": ceil(H/stride), an even kernel padded (1, 0, 1, 0) as Flux's SamePad() does.
reveal_type(tf.Conv((2, 2), 6, 6, pad="same", groups=6)(img))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[6], Literal[9], Literal[9]]"
reveal_type(tf.Conv((3, 3), 6, 4, stride=2, pad="same")(img))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[4], Literal[5], Literal[5]]"
reveal_type(tf.Conv((1, 1), 6, 4, pad=(2, 1, 0, 0))(img))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[4], Literal[12], Literal[9]]"
too_small = tf.Conv((5, 5), 6, 4, pad=(0, 0, 0, 0))(tf.zeros(2, 6, 3, 9))  # E: Input too small for "Conv((5, 5), 6 => 4)": x has Tensor[2, 6, 3, 9]; need an output size >= 1 on every spatial axis (got -1x5)  [shape]
negative_pad = tf.Conv((3, 3), 6, 4, pad=(1, 1, -1, 0))  # E: Invalid argument for "Conv": pad = (1, 1, -1, 0); need an int >= 0, a pair or a 4-tuple of them, or "same"  [shape]

# A transposed conv undoing a stride-2 conv of an odd size: outpad adds the last row back.
down = tf.Conv((3, 3), 6, 6, stride=2, pad=1)(img)
reveal_type(down)  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[6], Literal[5], Literal[5]]"
reveal_type(tf.ConvTranspose((3, 3), 6, 6, stride=2, pad=1)(down))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[6], Literal[9], Literal[9]]"
reveal_type(tf.ConvTranspose((3, 3), 6, 3, stride=2, pad=1, outpad=1, groups=3)(down))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[3], Literal[10], Literal[10]]"
too_much = tf.ConvTranspose((3, 3), 6, 6, stride=2, pad=1, outpad=2)  # E: Invalid arguments for "ConvTranspose": stride = 2, dilation = 1, outpad = 2; need outpad < max(stride, dilation) on each axis (2 vs 2)  [shape]
bad_transpose_groups = tf.ConvTranspose((3, 3), 6, 4, groups=3)  # E: Invalid arguments for "ConvTranspose": out_channels = 4, groups = 3; need out_channels divisible by groups (4 % 3 = 1)  [shape]
same_up = tf.ConvTranspose((2, 2), 6, 6, stride=3, pad="same")  # E: Invalid arguments for "ConvTranspose": kernel = 2, stride = 3, pad = "same"; need kernel >= stride on each axis for a transposed conv's "same" padding  [shape]


# Symbolic: a depthwise conv over whatever channels the input has keeps its type; "same"
# keeps H and W; a grouped conv whose channels are not the input's is reported.
def depthwise(x: Tensor[B, C, H, W]) -> Tensor[B, C, H, W]:
    conv = tf.Conv((3, 3), x.shape[1], x.shape[1], pad="same", groups=x.shape[1])
    return conv(x)


def upsample(x: Tensor[B, 8, H, W]) -> Tensor[B, 4, "2*H", "2*W"]:
    return tf.ConvTranspose((4, 4), 8, 4, stride=2, pad="same", groups=4)(x)


def grouped_wrong_input(x: Tensor[B, 6, H, W]) -> None:
    tf.Conv((3, 3), 4, 4, groups=4)(x)  # E: Conv((3, 3), 4 => 4, groups=4) expects input Tensor[B, 4, H, W], got Tensor[B, 6, H, W]; need size 4 at axis 1 (got 6)  [shape]


def grouped_wrong_groups(x: Tensor[B, 6, H, W]) -> None:
    tf.Conv((3, 3), x.shape[1], 8, groups=4)  # E: Invalid arguments for "Conv": in_channels = 6, groups = 4; need in_channels divisible by groups (6 % 4 = 2)  [shape]


depthwise(tf.ones(2, 3, 5, 4))
upsample(tf.ones(2, 8, 3, 5))
grouped_wrong_input(tf.ones(2, 6, 5, 5))
grouped_wrong_groups(tf.ones(2, 6, 5, 5))
