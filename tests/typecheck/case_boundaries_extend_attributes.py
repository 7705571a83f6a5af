"""Two more places a value meets a declared shape, in mypy's words before: items a display
gives ``extend`` on a list declared with its item's shape (`[list-item]`), and a bare name
assigned to an attribute of an attribute declared with a shape (``self.cell.h = x``:
`[assignment]`). Both are `Assigned shape ...` errors now (static only: a variable's
annotation is invisible at run time). A list typed by its first items may mix shapes
(``extend`` as ``append``)."""

from typing import List, TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)


class Cell:
    h: Tensor[2, 16]

    def __init__(self) -> None:
        self.h = tf.zeros(2, 16)


class Model:
    def __init__(self) -> None:
        self.cell = Cell()

    def reset(self, x: Tensor[2, 8]) -> None:
        self.cell.h = x  # E: Assigned shape Tensor[2, 8] does not match the annotation Tensor[2, 16] of "self.cell.h": axis 1 is 8, expected 16  [shape]

    def reset_fixed(self, x: Tensor[2, 16]) -> None:
        self.cell.h = x


def outer(m: Model, x: Tensor[2, 8]) -> None:
    m.cell.h = x  # E: Assigned shape Tensor[2, 8] does not match the annotation Tensor[2, 16] of "m.cell.h": axis 1 is 8, expected 16  [shape]


def history(xs: List[Tensor[B, 3]], x: Tensor[B, 4]) -> None:
    xs.extend([x])  # E: Assigned shape Tensor[B, 4] (extended item 0) does not match the annotation Tensor[B, 3] of "xs": axis 1 is 4, expected 3  [shape]


def history_fixed(xs: List[Tensor[B, 3]], x: Tensor[B, 3]) -> None:
    xs.extend([x, x])


seen: List[Tensor[2, 3]] = []
seen.extend([tf.zeros(2, 3), tf.zeros(2, 5)])  # E: Assigned shape Tensor[2, 5] (extended item 1) does not match the annotation Tensor[2, 3] of "seen": axis 1 is 5, expected 3  [shape]
seen.extend([tf.zeros(2, 3)])
mixed = [tf.zeros(2, 3)]
mixed.extend([tf.zeros(2, 4)])
reveal_type(mixed.pop())  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...]]"
