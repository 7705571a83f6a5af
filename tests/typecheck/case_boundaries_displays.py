"""Items of list and dict displays at a boundary that no hook can report: a number on the
left of an operator as a list item (``return [2 * x]``), a bare name or a scaled value as a
dict value (``return {"h": x}``). mypy reports the display's item itself (``[list-item]``,
``[dict-item]``); the checker rewords that error in the boundary's words, naming the item
(mypy_plugin/callbacks/reworded.py). Concrete and symbolic, each fix clean.
`@tf.shapecheck` raises the same words at run time (the calls at the bottom).
"""

from typing import Dict, List, Mapping, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)

proj = Dense(32, 64)


# -- a number on the left as a list item --------------------------------------------------------
@tf.shapecheck
def widened(x: Tensor[B, 32]) -> List[Tensor[B, 64]]:
    return [2 * x]  # E: Return shape Tensor[B, 32] (list item 0) does not match the annotation Tensor[B, 64]: axis 1 is 32, expected 64  [shape]


@tf.shapecheck
def widened_fixed(x: Tensor[B, 32]) -> List[Tensor[B, 64]]:
    return [2 * proj(x)]


@tf.shapecheck
def halves(x: Tensor[4, 32], y: Tensor[4, 64]) -> List[Tensor[4, 64]]:
    return [0.5 * y, 0.5 * x]  # E: Return shape Tensor[4, 32] (list item 1) does not match the annotation Tensor[4, 64]: axis 1 is 32, expected 64  [shape]


@tf.shapecheck
def halves_fixed(x: Tensor[4, 32], y: Tensor[4, 64]) -> List[Tensor[4, 64]]:
    return [0.5 * y, 0.5 * proj(x)]


# -- dict values: a bare name, a scaled value ---------------------------------------------------
@tf.shapecheck
def named(x: Tensor[B, 32]) -> Dict[str, Tensor[B, 64]]:
    return {"h": x}  # E: Return shape Tensor[B, 32] (dict entry 0) does not match the annotation Tensor[B, 64]: axis 1 is 32, expected 64  [shape]


@tf.shapecheck
def named_fixed(x: Tensor[B, 32]) -> Dict[str, Tensor[B, 64]]:
    return {"h": proj(x)}


@tf.shapecheck
def outputs(x: Tensor[4, 32], y: Tensor[4, 64]) -> Mapping[str, Tensor[4, 64]]:
    return {"y": y, "x": 3 * x}  # E: Return shape Tensor[4, 32] (dict entry 1) does not match the annotation Tensor[4, 64]: axis 1 is 32, expected 64  [shape]


@tf.shapecheck
def outputs_fixed(x: Tensor[4, 32], y: Tensor[4, 64]) -> Mapping[str, Tensor[4, 64]]:
    return {"y": y, "x": 3 * proj(x)}


def kept(x: Tensor[B, 32]) -> None:
    hs: Dict[str, Tensor[B, 64]] = {"h": x}  # E: Assigned shape Tensor[B, 32] (dict entry 0) does not match the annotation Tensor[B, 64] of "hs": axis 1 is 32, expected 64  [shape]
    ws: List[Tensor[B, 64]] = [2 * x]  # E: Assigned shape Tensor[B, 32] (list item 0) does not match the annotation Tensor[B, 64] of "ws": axis 1 is 32, expected 64  [shape]


def kept_fixed(x: Tensor[B, 32]) -> None:
    hs: Dict[str, Tensor[B, 64]] = {"h": proj(x)}
    ws: List[Tensor[B, 64]] = [2 * proj(x)]


# -- not only a shape: mypy's own error stays ---------------------------------------------------
def keyed(x: Tensor[B, 64]) -> Dict[int, Tensor[B, 64]]:
    return {"h": x}  # E: Dict entry 0 has incompatible type "str": "Tensor[B, Literal[64]]"; expected "int": "Tensor[B, Literal[64]]"  [dict-item]


x4 = tf.zeros(4, 32)
y4 = tf.zeros(4, 64)
widened(x4)
widened_fixed(x4)
halves(x4, y4)
halves_fixed(x4, y4)
named(x4)
named_fixed(x4)
outputs(x4, y4)
outputs_fixed(x4, y4)
kept(x4)
kept_fixed(x4)
