"""einsum subscripts and rearrange patterns, read by the checker: labels and names bound to
dims, sizes solved symbolically, patterns that do not fit the shape reported on the line."""

from typing import Final, TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
S = TypeVar("S", bound=int)
D = TypeVar("D", bound=int)
N = TypeVar("N", bound=int)

HEADS: Final = 8
SPLIT_HEADS: Final = "b t (h d) -> b h t d"

a = tf.zeros(2, 3, 4)
b = tf.zeros(2, 4, 5)
reveal_type(tf.einsum("bij,bjk->bik", a, b))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[3], Literal[5]]"
wrong_inner = tf.einsum("bij,bjk->bik", a, a)  # E: Sizes differ for "einsum": xs[0] has Tensor[2, 3, 4], xs[1] has Tensor[2, 3, 4]; need one size for "j" in "bij,bjk->bik" (4 at axis 2 of xs[0] vs 3 at axis 1 of xs[1])  [shape]
wrong_count = tf.einsum("bij,bjk->bik", a)  # E: Wrong number of operands for "einsum": subscripts "bij,bjk->bik" name 2; need 2 tensors (1 given)  [shape]
wrong_rank = tf.einsum("ij,jk->ik", a, b)  # E: Wrong rank for "einsum": xs[0] has Tensor[2, 3, 4], term "ij" of "ij,jk->ik" names 2 axes; need rank 2 (got 3)  [shape]
typo = tf.einsum("bij,bjk->bil", a, b)  # E: Invalid subscripts for "einsum": subscripts is "bij,bjk->bil"; need every output label among the inputs ("l" is not)  [shape]
reveal_type(tf.einsum("ii", tf.zeros(3, 3)))  # N: Revealed type is "typedflux.tensor.Tensor[()]"

x = tf.zeros(2, 10, 512)
reveal_type(tf.rearrange(x, "b t (h d) -> b h t d", h=8))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[8], Literal[10], Literal[64]]"
reveal_type(tf.rearrange(x, SPLIT_HEADS, h=HEADS))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[8], Literal[10], Literal[64]]"
six_heads = tf.rearrange(x, "b t (h d) -> b h t d", h=6)  # E: Cannot split axis for "rearrange": x has Tensor[2, 10, 512], pattern "b t (h d) -> b h t d" with h=6; need 512 divisible by 6 to split axis 2 into (h d) (512 % 6 = 2)  [shape]
too_few = tf.rearrange(x, "b t -> t b")  # E: Wrong rank for "rearrange": x has Tensor[2, 10, 512], pattern "b t -> t b" names 2 axes; need rank 2 (got 3)  [shape]
both_given = tf.rearrange(x, "b t (h d) -> b h t d", h=8, d=60)  # E: Sizes differ for "rearrange": x has Tensor[2, 10, 512], pattern "b t (h d) -> b h t d" with h=8, d=60; need h*d == 512 at axis 2 (480 vs 512)  [shape]
reveal_type(tf.reduce(x, "b t d -> b d", "mean"))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[512]]"
pooled = tf.reduce(x, "b (t k) d -> b t d", "max", k=3)  # E: Cannot split axis for "reduce": x has Tensor[2, 10, 512], pattern "b (t k) d -> b t d" with k=3; need 10 divisible by 3 to split axis 1 into (t k) (10 % 3 = 1)  [shape]
reveal_type(tf.rearrange(x, "b ... -> b (...)"))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[5120]]"


def attention_scores(q: Tensor[B, T, D], k: Tensor[B, S, D]) -> Tensor[B, T, S]:
    return tf.einsum("btd,bsd->bts", q, k)


def attention_scores_swapped(q: Tensor[B, T, D], k: Tensor[B, D, S]) -> Tensor[B, T, S]:
    return tf.einsum("btd,bsd->bts", q, k)  # E: Sizes differ for "einsum": xs[0] has Tensor[B, T, D], xs[1] has Tensor[B, D, S]; need one size for "d" in "btd,bsd->bts" (D at axis 2 of xs[0] vs S at axis 2 of xs[1])  [shape]


def attention_scores_fixed(q: Tensor[B, T, D], k: Tensor[B, D, S]) -> Tensor[B, T, S]:
    return tf.einsum("btd,bds->bts", q, k)


def split_heads(x: Tensor[B, T, D]) -> Tensor[B, 8, T, "D//8"]:
    return tf.rearrange(x, "b t (h d) -> b h t d", h=8)


def split_heads_exact(x: Tensor[B, T, "8*N"]) -> Tensor[B, 8, T, N]:
    return tf.rearrange(x, SPLIT_HEADS, h=HEADS)


def merge_heads(x: Tensor[B, 8, T, N]) -> Tensor[B, T, "8*N"]:
    return tf.rearrange(x, "b h t d -> b t (h d)")


def split_odd(x: Tensor[B, T, 7]) -> None:
    tf.rearrange(x, "b t (h d) -> b h t d", h=2)  # E: Cannot split axis for "rearrange": x has Tensor[B, T, 7], pattern "b t (h d) -> b h t d" with h=2; need 7 divisible by 2 to split axis 2 into (h d) (7 % 2 = 1)  [shape]


def transpose_wrong_rank(x: Tensor[B, T]) -> None:
    tf.rearrange(x, "b t d -> b d t")  # E: Wrong rank for "rearrange": x has Tensor[B, T], pattern "b t d -> b d t" names 3 axes; need rank 3 (got 2)  [shape]


attention_scores(tf.ones(2, 5, 16), tf.ones(2, 7, 16))
attention_scores_swapped(tf.ones(2, 5, 16), tf.ones(2, 16, 7))
attention_scores_fixed(tf.ones(2, 5, 16), tf.ones(2, 16, 7))
split_heads(tf.ones(2, 5, 64))
split_heads_exact(tf.ones(2, 5, 64))
merge_heads(tf.ones(2, 8, 5, 4))
split_odd(tf.ones(2, 5, 7))
transpose_wrong_rank(tf.ones(2, 5))
