"""A container that cannot join its parts for ANY input size is an error where it is built.

Where built, a Conv's input has sizes no program can name (``H'``, ``W'``): a conflict that
holds for every value of them (``H' - 2`` against ``H'``: they always differ) is reported
there, on the line of the part at fault; one that holds only for some sizes (``tf.add`` of
``H' - 2`` and ``H'`` broadcasts when ``H' = 3``) is left to the call, where the shape is
known. The run time's constructors raise the same words (the same check); fixes clean.
"""

from typing import TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Chain, Conv, PairwiseFusion, Parallel, SkipConnection, Tensor, relu

B = TypeVar("B", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)

x = tf.zeros(2, 16, 10, 10)

# A 3x3 branch without padding against a padded one: H' - 2 vs H' whenever both branches get
# one input, as in a Chain, so the Chain is refused where built. A Parallel alone may be
# called with one input per branch (p(x10, x8) joins): it is checked where called.
shrinking = Parallel(tf.cat, Conv((3, 3), 16, 8), Conv((3, 3), 16, 8, pad=1))
reveal_type(shrinking(x, tf.zeros(2, 16, 8, 8)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[8], Literal[8], Literal[16]]"
one_input = shrinking(x)  # E: Sizes differ for "cat": xs[0] has Tensor[2, 8, 8, 8], xs[1] has Tensor[2, 8, 10, 10]; need equal sizes except at axis 3 (8 vs 10 at axis 2)  [shape]
bad_chain = Chain(Conv((1, 1), 16, 16), Parallel(tf.cat, Conv((3, 3), 16, 8), Conv((3, 3), 16, 8, pad=1)))  # E: Chain layer 2 Parallel(cat, Conv((3, 3), 16 => 8), Conv((3, 3), 16 => 8, pad=1)): Sizes differ for "cat": xs[0] has Tensor[B, 8, H' - 2, W' - 2], xs[1] has Tensor[B, 8, H', W']; need equal sizes except at axis 3 (H' - 2 vs H' at axis 2)  [shape]  # N: input to layer 2: Tensor[B, 16, H', W']
fixed_chain = Chain(Conv((1, 1), 16, 16), Parallel(tf.cat, Conv((3, 3), 16, 8, pad=1), Conv((3, 3), 16, 8, pad=1)))
reveal_type(fixed_chain(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[8], Literal[10], Literal[20]]"

# A SkipConnection concatenating a shrunk map with its input.
bad_skip = SkipConnection(Conv((3, 3), 16, 16), tf.cat)  # E: SkipConnection(Conv((3, 3), 16 => 16), cat) cannot join its input and its layer's output: Sizes differ for "cat": xs[0] has Tensor[B, 16, H' - 2, W' - 2], xs[1] has Tensor[B, 16, H', W']; need equal sizes except at axis 3 (H' - 2 vs H' at axis 2)  [shape]
fixed_skip = SkipConnection(Conv((3, 3), 16, 16, pad=1), tf.cat)
reveal_type(fixed_skip(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[16], Literal[10], Literal[20]]"

# PairwiseFusion: the first layer's output is fused with the input of the second.
bad_fusion = PairwiseFusion(tf.cat, Conv((3, 3), 16, 16), Conv((3, 3), 16, 16, pad=1))  # E: PairwiseFusion(cat, Conv((3, 3), 16 => 16), Conv((3, 3), 16 => 16, pad=1)) cannot fuse into layer 2: Sizes differ for "cat": xs[0] has Tensor[B, 16, H' - 2, W' - 2], xs[1] has Tensor[B, 16, H', W']; need equal sizes except at axis 3 (H' - 2 vs H' at axis 2)  [shape]
fixed_fusion = PairwiseFusion(tf.cat, Conv((3, 3), 16, 16, pad=1), Conv((3, 3), 16, 16, pad=1))
reveal_type(fixed_fusion(x))  # N: Revealed type is "tuple[typedflux.tensor.Tensor[Literal[2], Literal[16], Literal[10], Literal[10]], typedflux.tensor.Tensor[Literal[2], Literal[16], Literal[10], Literal[20]]]"

# Nested Chains, strides (floor division) and dilation: still proven for every size.
bad_nested = Chain(
    Conv((1, 1), 16, 16),
    Parallel(  # E: Chain layer 2 Parallel(cat, Chain(Conv((1, 1), 16 => 8, relu), Chain(Conv((3, 3), 8 => 8, stride=2))), Conv((3, 3), 16 => 8, stride=2, pad=1)): Sizes differ for "cat": xs[0] has Tensor[B, 8, (H' + 1)//2 - 1, (W' + 1)//2 - 1], xs[1] has Tensor[B, 8, (H' + 1)//2, (W' + 1)//2]; need equal sizes except at axis 3 ((H' + 1)//2 - 1 vs (H' + 1)//2 at axis 2)  [shape]  # N: input to layer 2: Tensor[B, 16, H', W']
        tf.cat,
        Chain(Conv((1, 1), 16, 8, relu), Chain(Conv((3, 3), 8, 8, stride=2))),
        Conv((3, 3), 16, 8, stride=2, pad=1),
    ),
)
fixed_nested = Chain(
    Conv((1, 1), 16, 16),
    Parallel(
        tf.cat,
        Chain(Conv((1, 1), 16, 8, relu), Chain(Conv((3, 3), 8, 8, stride=2, pad=1))),
        Conv((3, 3), 16, 8, stride=2, pad=1),
    ),
)
reveal_type(fixed_nested(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[8], Literal[5], Literal[10]]"
bad_dilated = SkipConnection(Chain(Conv((3, 3), 16, 16, dilation=2), Conv((3, 3), 16, 16, pad=1)), tf.cat)  # E: SkipConnection(Chain(Conv((3, 3), 16 => 16, dilation=2), Conv((3, 3), 16 => 16, pad=1)), cat) cannot join its input and its layer's output: Sizes differ for "cat": xs[0] has Tensor[B, 16, H' - 4, W' - 4], xs[1] has Tensor[B, 16, H', W']; need equal sizes except at axis 3 (H' - 4 vs H' at axis 2)  [shape]
# Equal for every size, however written: no error.
dilated = SkipConnection(Conv((5, 5), 16, 16, dilation=2, pad=4), tf.cat)
same = Chain(Conv((1, 1), 16, 16), Parallel(tf.cat, Conv((3, 3), 16, 8, pad="same", stride=2), Conv((1, 1), 16, 8, stride=2)))
reveal_type(same(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[8], Literal[5], Literal[10]]"

# tf.add broadcasts H' - 2 with H' when H' = 3: not an error where built; where called with a
# known size, it is (concrete here, symbolic in the function below).
summed = Chain(Conv((1, 1), 16, 16), Parallel(tf.add, Conv((3, 3), 16, 8), Conv((3, 3), 16, 8, pad=1)))
reveal_type(summed(tf.zeros(2, 16, 3, 3)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[8], Literal[3], Literal[3]]"
summed_bad = summed(x)  # E: Chain layer 2 Parallel(add, Conv((3, 3), 16 => 8), Conv((3, 3), 16 => 8, pad=1)): Cannot broadcast for "add": xs[0] has Tensor[2, 8, 8, 8], xs[1] has Tensor[2, 8, 10, 10]; need equal sizes or 1 at axis -2 (8 vs 10)  [shape]  # N: input to layer 2: Tensor[2, 16, 10, 10]
summed_fixed = Parallel(tf.add, Conv((3, 3), 16, 8, pad=1), Conv((1, 1), 16, 8))
reveal_type(summed_fixed(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[8], Literal[10], Literal[10]]"


@tf.shapecheck
def block(y: Tensor[B, 16, H, W]) -> Tensor[B, 8, H, W]:
    return summed(y)  # E: Chain layer 2 Parallel(add, Conv((3, 3), 16 => 8), Conv((3, 3), 16 => 8, pad=1)): Cannot broadcast for "add": xs[0] has Tensor[B, 8, H - 2, W - 2], xs[1] has Tensor[B, 8, H, W]; need equal sizes or 1 at axis -2 (H - 2 vs H)  [shape]  # N: input to layer 2: Tensor[B, 16, H, W]


@tf.shapecheck
def block_fixed(y: Tensor[B, 16, H, W]) -> Tensor[B, 8, H, W]:
    return summed_fixed(y)


block(x)
block_fixed(x)
