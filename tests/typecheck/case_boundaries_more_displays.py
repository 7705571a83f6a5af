"""More displays at a boundary: a set display (`return {x}`: mypy's `[arg-type]` of `<set>`,
its items unnumbered, as a set's order is not its display's), a tuple inside a list display
(`return [(x, 1)]`: mypy's `[list-item]` naming the whole tuple), a conditional expression
inside another (`y if a else (y if b else x)`: mypy's `[return-value]` naming the union), and
a list variable inside a list display (`xs = [x]; return [xs]`: mypy's `[list-item]` naming
`list[...]`). The checker rewords each in the boundary's words, naming the item; a layer's
result there is reported by its own hook. Concrete and symbolic, each fix clean.
`@tf.shapecheck` raises the same words at run time (the calls at the bottom).
"""

from typing import List, Set, Tuple, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)

proj = Dense(32, 64)
narrow = Dense(32, 16)


# -- a set display ---------------------------------------------------------------------------------
@tf.shapecheck
def unique(x: Tensor[B, 32]) -> Set[Tensor[B, 64]]:
    return {x}  # E: Return shape Tensor[B, 32] (set item) does not match the annotation Tensor[B, 64]: axis 1 is 32, expected 64  [shape]


@tf.shapecheck
def unique_fixed(x: Tensor[B, 32]) -> Set[Tensor[B, 64]]:
    return {proj(x)}


@tf.shapecheck
def scaled_set(x: Tensor[4, 32], y: Tensor[4, 64]) -> Set[Tensor[4, 64]]:
    return {y, 2 * x}  # E: Return shape Tensor[4, 32] (set item) does not match the annotation Tensor[4, 64]: axis 1 is 32, expected 64  [shape]


@tf.shapecheck
def scaled_set_fixed(x: Tensor[4, 32], y: Tensor[4, 64]) -> Set[Tensor[4, 64]]:
    return {y, 2 * proj(x)}


# -- a tuple inside a list display ---------------------------------------------------------------
@tf.shapecheck
def tagged(x: Tensor[B, 32]) -> List[Tuple[Tensor[B, 64], int]]:
    return [(x, 1)]  # E: Return shape Tensor[B, 32] (tuple item 0 of list item 0) does not match the annotation Tensor[B, 64]: axis 1 is 32, expected 64  [shape]


@tf.shapecheck
def tagged_fixed(x: Tensor[B, 32]) -> List[Tuple[Tensor[B, 64], int]]:
    return [(proj(x), 1)]


@tf.shapecheck
def pairs(x: Tensor[4, 32], y: Tensor[4, 64]) -> List[Tuple[int, Tensor[4, 64]]]:
    return [(0, y), (1, 2 * x)]  # E: Return shape Tensor[4, 32] (tuple item 1 of list item 1) does not match the annotation Tensor[4, 64]: axis 1 is 32, expected 64  [shape]


@tf.shapecheck
def pairs_fixed(x: Tensor[4, 32], y: Tensor[4, 64]) -> List[Tuple[int, Tensor[4, 64]]]:
    return [(0, y), (1, 2 * proj(x))]


# -- a conditional inside a conditional ----------------------------------------------------------
@tf.shapecheck
def chosen(x: Tensor[B, 32], y: Tensor[B, 64], a: bool, b: bool) -> Tensor[B, 64]:
    return y if a else (y if b else x)  # E: Return shape Tensor[B, 32] does not match the annotation Tensor[B, 64]: axis 1 is 32, expected 64  [shape]


@tf.shapecheck
def chosen_fixed(x: Tensor[B, 32], y: Tensor[B, 64], a: bool, b: bool) -> Tensor[B, 64]:
    return y if a else (y if b else proj(x))


@tf.shapecheck
def chosen4(x: Tensor[4, 32], y: Tensor[4, 64], a: bool, b: bool) -> Tensor[4, 64]:
    return (x if b else y) if a else y  # E: Return shape Tensor[4, 32] does not match the annotation Tensor[4, 64]: axis 1 is 32, expected 64  [shape]


@tf.shapecheck
def chosen4_fixed(x: Tensor[4, 32], y: Tensor[4, 64], a: bool, b: bool) -> Tensor[4, 64]:
    return (proj(x) if b else y) if a else y


@tf.shapecheck
def chosen_narrow(x: Tensor[B, 32], y: Tensor[B, 64], a: bool, b: bool) -> Tensor[B, 64]:
    return y if a else (y if b else narrow(x))  # E: Return shape Tensor[B, 16] does not match the annotation Tensor[B, 64]: axis 1 is 16, expected 64  [shape]


# -- a list variable inside a list display ---------------------------------------------------------
@tf.shapecheck
def rows(x: Tensor[B, 32]) -> List[List[Tensor[B, 64]]]:
    xs = [x]
    return [xs]  # E: Return shape Tensor[B, 32] (list item 0 of list item 0) does not match the annotation Tensor[B, 64]: axis 1 is 32, expected 64  [shape]


@tf.shapecheck
def rows_fixed(x: Tensor[B, 32]) -> List[List[Tensor[B, 64]]]:
    xs = [proj(x)]
    return [xs]


@tf.shapecheck
def rows4(x: Tensor[4, 32], y: Tensor[4, 64]) -> List[List[Tensor[4, 64]]]:
    ys = [y]
    xs = [x, x]
    return [ys, xs]  # E: Return shape Tensor[4, 32] (list item 0 of list item 1) does not match the annotation Tensor[4, 64]: axis 1 is 32, expected 64  [shape]


@tf.shapecheck
def rows4_fixed(x: Tensor[4, 32], y: Tensor[4, 64]) -> List[List[Tensor[4, 64]]]:
    ys = [y]
    xs = [proj(x), proj(x)]
    return [ys, xs]


def kept(x: Tensor[B, 32], y: Tensor[B, 64], a: bool, b: bool) -> None:
    s: Set[Tensor[B, 64]] = {x}  # E: Assigned shape Tensor[B, 32] (set item) does not match the annotation Tensor[B, 64] of "s": axis 1 is 32, expected 64  [shape]
    t: List[Tuple[Tensor[B, 64], int]] = [(x, 1)]  # E: Assigned shape Tensor[B, 32] (tuple item 0 of list item 0) does not match the annotation Tensor[B, 64] of "t": axis 1 is 32, expected 64  [shape]
    h: Tensor[B, 64] = y if a else (y if b else x)  # E: Assigned shape Tensor[B, 32] does not match the annotation Tensor[B, 64] of "h": axis 1 is 32, expected 64  [shape]


def kept_fixed(x: Tensor[B, 32], y: Tensor[B, 64], a: bool, b: bool) -> None:
    s: Set[Tensor[B, 64]] = {proj(x)}
    t: List[Tuple[Tensor[B, 64], int]] = [(proj(x), 1)]
    h: Tensor[B, 64] = y if a else (y if b else proj(x))


# -- not provable: left to mypy --------------------------------------------------------------------
def grown(x: Tensor[B, 32]) -> List[List[Tensor[B, 64]]]:
    xs = [x]
    xs.clear()
    return [xs]  # E: List item 0 has incompatible type "list[Tensor[B, Literal[32]]]"; expected "list[Tensor[B, Literal[64]]]"  [list-item]


x4 = tf.zeros(4, 32)
y4 = tf.zeros(4, 64)
unique(x4)
unique_fixed(x4)
scaled_set(x4, y4)
scaled_set_fixed(x4, y4)
tagged(x4)
tagged_fixed(x4)
pairs(x4, y4)
pairs_fixed(x4, y4)
chosen(x4, y4, False, False)
chosen_fixed(x4, y4, False, False)
chosen4(x4, y4, True, True)
chosen4_fixed(x4, y4, True, True)
chosen_narrow(x4, y4, False, False)
rows(x4)
rows_fixed(x4)
rows4(x4, y4)
rows4_fixed(x4, y4)
kept(x4, y4, False, False)
kept_fixed(x4, y4, False, False)
