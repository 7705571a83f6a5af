"""Displays inside displays and conditional expressions at a boundary, where mypy reports
the value itself: an item of a list inside a list, a dict or a tuple (``return [[y], [x]]``,
``return {"h": [x]}``, ``return h, [x]``; mypy's ``[list-item]``; ``return y, (y, x)``, its
``[return-value]``), ``dict(h=x)`` (mypy reads
it as ``{"h": x}``: ``[dict-item]``), and ``x if c else y`` whose branch has another shape
(mypy's ``[return-value]`` naming the union of the branches; ``x if c else None`` against an
``Optional`` one too). The checker rewords each in the
boundary's words, naming the item innermost first (``list item 0 of dict entry 1``) or the
branch's shape; concrete and symbolic, each fix clean. `@tf.shapecheck` raises the same words
at run time (the calls at the bottom; a conditional raises when the wrong branch is taken).
"""

from typing import Dict, List, Optional, Tuple, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)

proj = Dense(32, 64)


# -- a list inside a list -------------------------------------------------------------------------
@tf.shapecheck
def grid(x: Tensor[B, 32], y: Tensor[B, 64]) -> List[List[Tensor[B, 64]]]:
    return [[y], [x]]  # E: Return shape Tensor[B, 32] (list item 0 of list item 1) does not match the annotation Tensor[B, 64]: axis 1 is 32, expected 64  [shape]


@tf.shapecheck
def grid_fixed(x: Tensor[B, 32], y: Tensor[B, 64]) -> List[List[Tensor[B, 64]]]:
    return [[y], [proj(x)]]


@tf.shapecheck
def grid4(x: Tensor[4, 32], y: Tensor[4, 64]) -> List[List[Tensor[4, 64]]]:
    return [[y, 2 * x]]  # E: Return shape Tensor[4, 32] (list item 1 of list item 0) does not match the annotation Tensor[4, 64]: axis 1 is 32, expected 64  [shape]


@tf.shapecheck
def grid4_fixed(x: Tensor[4, 32], y: Tensor[4, 64]) -> List[List[Tensor[4, 64]]]:
    return [[y, 2 * proj(x)]]


# -- a list inside a dict, a list inside a tuple --------------------------------------------------
@tf.shapecheck
def grouped(x: Tensor[B, 32], y: Tensor[B, 64]) -> Dict[str, List[Tensor[B, 64]]]:
    return {"a": [y], "b": [y, x]}  # E: Return shape Tensor[B, 32] (list item 1 of dict entry 1) does not match the annotation Tensor[B, 64]: axis 1 is 32, expected 64  [shape]


@tf.shapecheck
def grouped_fixed(x: Tensor[B, 32], y: Tensor[B, 64]) -> Dict[str, List[Tensor[B, 64]]]:
    return {"a": [y], "b": [y, proj(x)]}


@tf.shapecheck
def paired(x: Tensor[4, 32], y: Tensor[4, 64]) -> Tuple[Tensor[4, 64], List[Tensor[4, 64]]]:
    return y, [x]  # E: Return shape Tensor[4, 32] (list item 0 of tuple item 1) does not match the annotation Tensor[4, 64]: axis 1 is 32, expected 64  [shape]


@tf.shapecheck
def paired_fixed(x: Tensor[4, 32], y: Tensor[4, 64]) -> Tuple[Tensor[4, 64], List[Tensor[4, 64]]]:
    return y, [proj(x)]


# -- a tuple inside a tuple ------------------------------------------------------------------------
@tf.shapecheck
def states(x: Tensor[B, 32], y: Tensor[B, 64]) -> Tuple[Tensor[B, 64], Tuple[Tensor[B, 64], Tensor[B, 64]]]:
    return y, (y, x)  # E: Return shape Tensor[B, 32] (tuple item 1 of tuple item 1) does not match the annotation Tensor[B, 64]: axis 1 is 32, expected 64  [shape]


@tf.shapecheck
def states_fixed(x: Tensor[B, 32], y: Tensor[B, 64]) -> Tuple[Tensor[B, 64], Tuple[Tensor[B, 64], Tensor[B, 64]]]:
    return y, (y, proj(x))


@tf.shapecheck
def states4(x: Tensor[4, 32], y: Tensor[4, 64]) -> Tuple[Tuple[Tensor[4, 64], int], Tensor[4, 64]]:
    return (2 * x, 1), y  # E: Return shape Tensor[4, 32] (tuple item 0 of tuple item 0) does not match the annotation Tensor[4, 64]: axis 1 is 32, expected 64  [shape]


@tf.shapecheck
def states4_fixed(x: Tensor[4, 32], y: Tensor[4, 64]) -> Tuple[Tuple[Tensor[4, 64], int], Tensor[4, 64]]:
    return (2 * proj(x), 1), y


# -- dict(h=x) --------------------------------------------------------------------------------------
@tf.shapecheck
def keyworded(x: Tensor[B, 32], y: Tensor[B, 64]) -> Dict[str, Tensor[B, 64]]:
    return dict(y=y, h=x)  # E: Return shape Tensor[B, 32] (dict entry 1) does not match the annotation Tensor[B, 64]: axis 1 is 32, expected 64  [shape]


@tf.shapecheck
def keyworded_fixed(x: Tensor[B, 32], y: Tensor[B, 64]) -> Dict[str, Tensor[B, 64]]:
    return dict(y=y, h=proj(x))


@tf.shapecheck
def scaled(x: Tensor[4, 32], y: Tensor[4, 64]) -> Dict[str, Tensor[4, 64]]:
    return dict(y=y, h=0.5 * x)  # E: Return shape Tensor[4, 32] (dict entry 1) does not match the annotation Tensor[4, 64]: axis 1 is 32, expected 64  [shape]


@tf.shapecheck
def scaled_fixed(x: Tensor[4, 32], y: Tensor[4, 64]) -> Dict[str, Tensor[4, 64]]:
    return dict(y=y, h=0.5 * proj(x))


# -- a layer's result two displays deep (the call's own hook reports it) ------------------------------
@tf.shapecheck
def projected(x: Tensor[B, 32]) -> Dict[str, List[Tensor[B, 64]]]:
    return {"h": [Dense(32, 16)(x)]}  # E: Return shape Tensor[B, 16] (list item 0 of dict entry 0) does not match the annotation Tensor[B, 64]: axis 1 is 16, expected 64  [shape]


@tf.shapecheck
def projected_fixed(x: Tensor[B, 32]) -> Dict[str, List[Tensor[B, 64]]]:
    return {"h": [Dense(32, 64)(x)]}


# -- conditional expressions ------------------------------------------------------------------------
@tf.shapecheck
def either(x: Tensor[B, 32], y: Tensor[B, 64], first: bool) -> Tensor[B, 64]:
    return x if first else y  # E: Return shape Tensor[B, 32] does not match the annotation Tensor[B, 64]: axis 1 is 32, expected 64  [shape]


@tf.shapecheck
def either_fixed(x: Tensor[B, 32], y: Tensor[B, 64], first: bool) -> Tensor[B, 64]:
    return proj(x) if first else y


@tf.shapecheck
def other(x: Tensor[4, 32], y: Tensor[4, 64], first: bool) -> Tensor[4, 64]:
    return y if first else x  # E: Return shape Tensor[4, 32] does not match the annotation Tensor[4, 64]: axis 1 is 32, expected 64  [shape]


@tf.shapecheck
def other_fixed(x: Tensor[4, 32], y: Tensor[4, 64], first: bool) -> Tensor[4, 64]:
    return y if first else proj(x)


@tf.shapecheck
def either_named(x: Tensor[B, 32], first: bool) -> Dict[str, Tensor[B, 64]]:
    return {"h": x} if first else {"h": proj(x)}  # E: Return shape Tensor[B, 32] (dict entry 0) does not match the annotation Tensor[B, 64]: axis 1 is 32, expected 64  [shape]


@tf.shapecheck
def either_named_fixed(x: Tensor[B, 32], first: bool) -> Dict[str, Tensor[B, 64]]:
    return {"h": proj(x)} if first else {"h": proj(x)}


@tf.shapecheck
def maybe(x: Tensor[B, 32], first: bool) -> Optional[Tensor[B, 64]]:
    return x if first else None  # E: Return shape Tensor[B, 32] does not match the annotation Tensor[B, 64]: axis 1 is 32, expected 64  [shape]


@tf.shapecheck
def maybe_fixed(x: Tensor[B, 32], first: bool) -> Optional[Tensor[B, 64]]:
    return proj(x) if first else None


@tf.shapecheck
def maybe4(x: Tensor[4, 32], first: bool) -> Optional[Tensor[4, 64]]:
    return None if first else x  # E: Return shape Tensor[4, 32] does not match the annotation Tensor[4, 64]: axis 1 is 32, expected 64  [shape]


@tf.shapecheck
def maybe4_fixed(x: Tensor[4, 32], first: bool) -> Optional[Tensor[4, 64]]:
    return None if first else proj(x)


def kept(x: Tensor[B, 32], y: Tensor[B, 64], first: bool) -> None:
    hs: Dict[str, List[Tensor[B, 64]]] = {"h": [x]}  # E: Assigned shape Tensor[B, 32] (list item 0 of dict entry 0) does not match the annotation Tensor[B, 64] of "hs": axis 1 is 32, expected 64  [shape]
    h: Tensor[B, 64] = x if first else y  # E: Assigned shape Tensor[B, 32] does not match the annotation Tensor[B, 64] of "h": axis 1 is 32, expected 64  [shape]


def kept_fixed(x: Tensor[B, 32], y: Tensor[B, 64], first: bool) -> None:
    hs: Dict[str, List[Tensor[B, 64]]] = {"h": [proj(x)]}
    h: Tensor[B, 64] = proj(x) if first else y


# -- not only a shape: mypy's own error stays ---------------------------------------------------------
def keyed(x: Tensor[B, 64]) -> Dict[int, List[Tensor[B, 64]]]:
    return {"h": [x]}  # E: Dict entry 0 has incompatible type "str": "list[Tensor[B, Literal[64]]]"; expected "int": "list[Tensor[B, Literal[64]]]"  [dict-item]


x4 = tf.zeros(4, 32)
y4 = tf.zeros(4, 64)
grid(x4, y4)
grid_fixed(x4, y4)
grid4(x4, y4)
grid4_fixed(x4, y4)
grouped(x4, y4)
grouped_fixed(x4, y4)
paired(x4, y4)
paired_fixed(x4, y4)
states(x4, y4)
states_fixed(x4, y4)
states4(x4, y4)
states4_fixed(x4, y4)
keyworded(x4, y4)
keyworded_fixed(x4, y4)
scaled(x4, y4)
scaled_fixed(x4, y4)
projected(x4)
projected_fixed(x4)
either(x4, y4, True)
either_fixed(x4, y4, True)
other(x4, y4, False)
other_fixed(x4, y4, False)
either_named(x4, True)
maybe(x4, True)
maybe_fixed(x4, True)
maybe4(x4, False)
maybe4_fixed(x4, False)
either_named_fixed(x4, True)
kept(x4, y4, True)
kept_fixed(x4, y4, True)
