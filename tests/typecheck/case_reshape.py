"""reshape: element counts must agree; -1 is solved; the batch dim carried by x.shape[0]."""

from typing import TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)

img = tf.zeros(16, 28, 28)
flat = img.reshape(16, 700)  # E: Cannot reshape for "reshape": x has Tensor[16, 28, 28], target is (16, 700); need equal element counts (12544 vs 11200)  [shape]
flat_fixed = img.reshape(16, 784)
reveal_type(flat_fixed)  # N: Revealed type is "typedflux.tensor.Tensor[Literal[16], Literal[784]]"
reveal_type(img.reshape(16, -1))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[16], Literal[784]]"
reveal_type(img.reshape(-1, 28 * 28))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[16], Literal[784]]"
two_holes = img.reshape(-1, -1)  # E: Cannot reshape for "reshape": x has Tensor[16, 28, 28], target is (-1, -1); need at most one -1 (2 given)  [shape]
reveal_type(tf.reshape(img, (16, 784)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[16], Literal[784]]"
reveal_type(tf.flatten(img))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[16], Literal[784]]"


def flatten_images(x: Tensor[B, 28, 28]) -> Tensor[B, 784]:
    return x.reshape(x.shape[0], 700)  # E: Cannot reshape for "reshape": x has Tensor[B, 28, 28], target is (B, 700); need equal element counts (784*B vs 700*B)  [shape]


def flatten_images_fixed(x: Tensor[B, 28, 28]) -> Tensor[B, 784]:
    return x.reshape(x.shape[0], 784)


def flatten_images_hole(x: Tensor[B, 28, 28]) -> Tensor[B, 784]:
    return x.reshape(x.shape[0], -1)


def unflatten(x: Tensor[B, 784]) -> Tensor[B, 28, 28]:
    b = x.shape[0]
    return x.reshape(b, 28, 28)


def unflatten_hole(x: Tensor[B, 784]) -> Tensor[B, 28, 28]:
    return x.reshape(-1, 28, 28)


flatten_images(tf.zeros(4, 28, 28))
flatten_images_fixed(tf.zeros(4, 28, 28))
flatten_images_hole(tf.zeros(4, 28, 28))
unflatten(tf.zeros(4, 784))
unflatten_hole(tf.zeros(4, 784))


def unknown_batch(n: int) -> None:
    x = tf.zeros(n, 28, 28)
    reveal_type(x.reshape(n, 784))  # N: Revealed type is "typedflux.tensor.Tensor[Any, Literal[784]]"
    reveal_type(x.reshape(-1, 784))  # N: Revealed type is "typedflux.tensor.Tensor[Any, Literal[784]]"
    bad = x.reshape(n, 700)


# A size read from x.shape keeps an expression dim (an int that remembers it): n // 4 is N.
def frames(x: Tensor[B, "4*N"]) -> Tensor[B, N, 4]:
    b, n = x.shape
    return x.reshape(b, n // 4, 4)


def frames_wrong(x: Tensor[B, "4*N"]) -> Tensor[B, N, 4]:
    b, n = x.shape
    return x.reshape(b, n // 2, 4)  # E: Cannot reshape for "reshape": x has Tensor[B, 4*N], target is (B, 2*N, 4); need equal element counts (4*B*N vs 8*B*N)  [shape]


frames(tf.zeros(2, 12))
frames_wrong(tf.zeros(2, 12))


# A count that holds only for some sizes (N even) proves nothing about a generic N: it is
# checked at run time, on the sizes the call gives (an odd N fails there, and statically
# where N is known). Counts that differ for every size stay errors (frames_wrong above;
# tests/shapes/test_shapes_symbolic.py).
def halves(x: Tensor[B, N]) -> None:
    b, n = x.shape
    pairs = x.reshape(b, n // 2, 2)
    reveal_type(pairs)  # N: Revealed type is "typedflux.tensor.Tensor[B, Literal['N//2'], Literal[2]]"


halves(tf.zeros(2, 8))
odd = tf.zeros(2, 7).reshape(2, 7 // 2, 2)  # E: Cannot reshape for "reshape": x has Tensor[2, 7], target is (2, 3, 2); need equal element counts (14 vs 12)  [shape]


# A starred slice of the shape among the sizes (``x.view(*x.shape[:-1], heads, -1)``, as
# Hugging Face code writes it): the slice's sizes, in place.
T = TypeVar("T", bound=int)
seq = tf.zeros(2, 5, 16)
reveal_type(seq.reshape(*seq.shape[:-1], 4, -1))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[5], Literal[4], Literal[4]]"
reveal_type(seq.reshape(2, *seq.shape[1:]))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[5], Literal[16]]"
three_heads = seq.reshape(*seq.shape[:-1], 3, -1)  # E: Cannot reshape for "reshape": x has Tensor[2, 5, 16], target is (2, 5, 3, -1); need the element count divisible by the other target sizes (160 vs 30)  [shape]


@tf.shapecheck
def split_heads(q: Tensor[B, T, 64]) -> Tensor[B, T, 8, 8]:
    return q.reshape(*q.shape[:-1], 8, -1)


@tf.shapecheck
def split_heads_wrong(q: Tensor[B, T, 64]) -> Tensor[B, T, 8, 8]:
    return q.reshape(*q.shape[:-1], 4, -1)  # E: Return shape Tensor[B, T, 4, 16] does not match the annotation Tensor[B, T, 8, 8]: axis 2 is 4, expected 8  [shape]


def split_by(q: Tensor[B, T, 64], lead: tuple[int, ...]) -> None:
    # A tuple of unknown length: the result's rank is unknown (no error can be proven).
    reveal_type(q.reshape(*lead, 8, -1))  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...]]"


split_heads(tf.zeros(2, 5, 64))
split_heads_wrong(tf.zeros(2, 5, 64))
