"""Two dim expressions equal on a whole class of sizes (`(H + 1)//2` and `H//2`, `2*((H +
1)//2)` and `H`: equal for every even `H`) are undecided where two computed values meet: a
broadcast, a concat, a layer's input. The program may only ever be given such sizes, so it is
not reported, and the result's axis is unknown there (round9's ResNet-D shortcut and U-Net
level). An annotation the user wrote promises its dims for every size: there the difference
is still reported (`x[::2]` against `-> Tensor["N//2", 6]`, a stride-2 conv against `H//2`).
The run time has numbers: it decides each call.
"""

from typing import TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Conv, ConvTranspose, Dense, MeanPool, Tensor

B = TypeVar("B", bound=int)
H = TypeVar("H", bound=int)
N = TypeVar("N", bound=int)

down = Conv((3, 3), 4, 8, stride=2, pad=1)
pool = MeanPool((2, 2))
widen = Conv((1, 1), 4, 8)
up = ConvTranspose((4, 4), 8, 4, stride=2, pad=1)
head = Dense(4, 10)


@tf.shapecheck
def shortcut_sum(x: Tensor[B, 4, H, H]) -> Tensor[B, 8]:
    h = down(x) + widen(pool(x))
    reveal_type(h)  # N: Revealed type is "typedflux.tensor.Tensor[B, Literal[8], Any, Any]"
    return h.mean(axis=(2, 3))


@tf.shapecheck
def round_trip(x: Tensor[B, 4, H, H]) -> Tensor[B, 8, H, H]:
    skip = tf.cat(up(down(x)), x, axis=1)
    return skip


@tf.shapecheck
def round_trip_head(x: Tensor[B, 4, H, H]) -> Tensor[B, 10]:
    skip = tf.cat(up(down(x)), x, axis=1)
    return head(skip.mean(axis=(2, 3)))  # E: Dense(4 => 10) expects input Tensor[..., 4], got Tensor[B, 8]; need size 4 at axis -1 (got 8)  [shape]


@tf.shapecheck
def even_rows(x: Tensor[N, 6]) -> Tensor["N//2", 6]:
    return x[::2]  # at run time: the body fails  # E: Return shape Tensor[(N + 1)//2, 6] does not match the annotation Tensor[N//2, 6]: axis 0 is (N + 1)//2, expected N//2  [shape]


@tf.shapecheck
def stem(x: Tensor[B, 4, H, H]) -> Tensor[B, 8, "H // 2", "H // 2"]:
    return down(x)  # at run time: the body fails  # E: Return shape Tensor[B, 8, (H + 1)//2, (H + 1)//2] does not match the annotation Tensor[B, 8, H//2, H//2]: axis 2 is (H + 1)//2, expected H//2  [shape]


summed = shortcut_sum(tf.zeros(2, 4, 8, 8))
tripped = round_trip(tf.zeros(2, 4, 8, 8))
tripped_head = round_trip_head(tf.zeros(2, 4, 8, 8))
rows = even_rows(tf.zeros(7, 6))
stemmed = stem(tf.zeros(2, 4, 9, 9))
