"""A named function given to `map` or `functools.reduce` whose parameters the items do not fit.

mypy reports the function itself (`Argument 1 to "map" has incompatible type "Callable[[Tensor[B,
Literal[4]]], Tensor[B, Literal[4]]]"; expected "Callable[[Tensor[Literal[2], Literal[10]]],
...]"  [arg-type]`); what fails is a call `map` or `reduce` makes, in the run time's words for
it (mypy_plugin/callbacks/mapped_functions.py): items of a display one call each (mypy joins
them), `reduce`'s accumulator the last result; at a `return` too, where mypy may name a
display's item instead (`[list-item]`, its type taken from the annotation). Symbolic and
concrete, each with its fix; `@tf.shapecheck` on the functions raises the same words when the
calls run.
"""

from functools import reduce
from typing import List, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)


@tf.shapecheck
def scale(x: Tensor[B, 4]) -> Tensor[B, 4]:
    return x * 2.0


@tf.shapecheck
def add(x: Tensor[B, 4], y: Tensor[B, 4]) -> Tensor[B, 4]:
    return x + y


@tf.shapecheck
def widen(x: Tensor[B, 4], y: Tensor[B, 4]) -> Tensor[B, 8]:
    return tf.cat(x, y, axis=1)


class Head:
    @tf.shapecheck
    def step(self, h: Tensor[B, 4]) -> Tensor[B, 4]:
        return h + 1.0


scaled = list(map(scale, [tf.zeros(2, 4), tf.zeros(2, 10)]))  # E: Argument "x" of "scale" has shape Tensor[2, 10], which does not match the annotation Tensor[B, 4]: axis 1 is 10, expected 4  [shape]
scaled_fixed = list(map(scale, [tf.zeros(2, 4), tf.zeros(2, 4)]))
summed = reduce(add, [tf.zeros(2, 4), tf.zeros(2, 4), tf.zeros(2, 9)])  # E: Argument "y" of "add" has shape Tensor[2, 9], which does not match the annotation Tensor[B, 4]: axis 1 is 9, expected 4  [shape]
summed_fixed = reduce(add, [tf.zeros(2, 4), tf.zeros(2, 4), tf.zeros(2, 4)])
started = reduce(add, [tf.zeros(3, 4)], tf.zeros(2, 4))  # E: Dim "B" differs for "add": argument "x" gives B = 2, argument "y" gives B = 3; need one size for B (2 vs 3)  [shape]
started_fixed = reduce(add, [tf.zeros(2, 4)], tf.zeros(2, 4))
widened = reduce(widen, [tf.zeros(2, 4), tf.zeros(2, 4), tf.zeros(2, 4)])  # E: Argument "x" of "widen" has shape Tensor[2, 8], which does not match the annotation Tensor[B, 4]: axis 1 is 8, expected 4  [shape]
paired = list(map(add, [tf.zeros(2, 4)], [tf.zeros(2, 6)]))  # E: Argument "y" of "add" has shape Tensor[2, 6], which does not match the annotation Tensor[B, 4]: axis 1 is 6, expected 4  [shape]
paired_fixed = list(map(add, [tf.zeros(2, 4)], [tf.zeros(2, 4)]))
stepped = list(map(Head().step, (tf.zeros(5, 3),)))  # E: Argument "h" of "Head.step" has shape Tensor[5, 3], which does not match the annotation Tensor[B, 4]: axis 1 is 3, expected 4  [shape]
stepped_fixed = list(map(Head().step, (tf.zeros(5, 4),)))
rows: List[Tensor[3, 7]] = [tf.zeros(3, 7)]
mapped_rows = list(map(scale, rows))  # E: Argument "x" of "scale" has shape Tensor[3, 7], which does not match the annotation Tensor[B, 4]: axis 1 is 7, expected 4  [shape]
rows_fixed: List[Tensor[3, 4]] = [tf.zeros(3, 4)]
mapped_rows_fixed = list(map(scale, rows_fixed))


@tf.shapecheck
def doubled(x: Tensor[B, T]) -> Tensor[B, "2*T"]:
    return tf.cat(x, x, axis=1)


# A result with an expression dim under an annotation: every call fits and gives the item
# type the annotation asks for (mypy, which cannot solve "2*T" against 8, reported the
# function in Literal words: a false [arg-type], redteam s10 fa06).
wide: List[Tensor[2, 8]] = list(map(doubled, [tf.zeros(2, 4), tf.zeros(2, 4)]))
wide_rows: List[Tensor[3, 14]] = list(map(doubled, rows))


@tf.shapecheck
def widened_all(h: List[Tensor[B, 4]]) -> List[Tensor[B, 8]]:
    return list(map(doubled, h))


@tf.shapecheck
def shifted(h: Tensor[B, T, 4]) -> int:
    ends = list(map(scale, [h[:, 0], h[:, 1:]]))  # E: Argument "x" of "scale" has shape Tensor[B, T - 1, 4], which does not match the annotation Tensor[B, 4]: rank is 3, expected 2  [shape]
    return len(ends)


@tf.shapecheck
def shifted_fixed(h: Tensor[B, T, 4]) -> int:
    ends = list(map(scale, [h[:, 0], h[:, -1]]))
    return len(ends)


@tf.shapecheck
def folded(h: Tensor[B, T, 4]) -> float:
    total = reduce(add, (h[:, 0], h[:, 1], h[:, 2:]))  # E: Argument "y" of "add" has shape Tensor[B, T - 2, 4], which does not match the annotation Tensor[B, 4]: rank is 3, expected 2  [shape]
    return float(total.sum().item())


@tf.shapecheck
def folded_fixed(h: Tensor[B, T, 4]) -> float:
    total = reduce(add, (h[:, 0], h[:, 1], h[:, 2]))
    return float(total.sum().item())


@tf.shapecheck
def heads(h: Tensor[B, T, 4]) -> List[Tensor[B, 4]]:
    return list(map(scale, [h[:, 0], h[:, 1:]]))  # E: Argument "x" of "scale" has shape Tensor[B, T - 1, 4], which does not match the annotation Tensor[B, 4]: rank is 3, expected 2  [shape]


@tf.shapecheck
def heads_fixed(h: Tensor[B, T, 4]) -> List[Tensor[B, 4]]:
    return list(map(scale, [h[:, 0], h[:, -1]]))


@tf.shapecheck
def total() -> Tensor[2, 4]:
    return reduce(add, [tf.zeros(2, 4), tf.zeros(2, 10)])  # E: Argument "y" of "add" has shape Tensor[2, 10], which does not match the annotation Tensor[B, 4]: axis 1 is 10, expected 4  [shape]


@tf.shapecheck
def total_fixed() -> Tensor[2, 4]:
    return reduce(add, [tf.zeros(2, 4), tf.zeros(2, 4)])


shifted(tf.zeros(2, 5, 4))
shifted_fixed(tf.zeros(2, 5, 4))
folded(tf.zeros(2, 5, 4))
folded_fixed(tf.zeros(2, 5, 4))
heads(tf.zeros(2, 5, 4))
heads_fixed(tf.zeros(2, 5, 4))
total()
total_fixed()
widened_all([tf.zeros(2, 4)])


# With no annotation mypy takes map's item type from doubled's result unsubstituted
# (`Tensor[B, Literal['2*T']]`: a false [shape] at `Dense(8, 3)(y)`, redteam s12 mc01): the
# calls' results are the item type (an axis where they differ: unknown).
@tf.shapecheck
def dense_rows(h: Tensor[B, 4]) -> int:
    n = 0
    for y in map(doubled, [h, h]):
        n += Dense(8, 3)(y).shape[1]
    return n


def dense_rows_wrong(h: Tensor[B, 4]) -> int:
    n = 0
    for y in map(doubled, [h, h]):
        n += Dense(4, 3)(y).shape[1]  # E: Dense(4 => 3) expects input Tensor[..., 4], got Tensor[B, 8]; need size 4 at axis -1 (got 8)  [shape]
    return n


rows_dense = [Dense(8, 3)(y) for y in map(doubled, [tf.zeros(2, 4), tf.zeros(2, 4)])]
dense_rows(tf.zeros(2, 4))
dense_rows_wrong(tf.zeros(2, 4))

# Under a type context (an argument of sum, filter, an outer map) the item type is mypy's with
# its expression dims unknown: mypy infers the map again in the context its outer call solved,
# and an item type of Tensor[2, 8] there made the right overload of sum fail (a false
# [arg-type] on the first overload, Iterable[bool]).
fours = [tf.zeros(2, 4), tf.zeros(2, 4)]
head_sums = sum(map(lambda t: t.sum(), map(doubled, fours)))
summed_items = sum(map(doubled, fours))
kept = list(filter(lambda t: t.shape[0] > 0, map(doubled, fours)))
first_row = Dense(8, 3)(next(map(doubled, fours)))
print(head_sums, summed_items, len(kept), first_row.shape)
