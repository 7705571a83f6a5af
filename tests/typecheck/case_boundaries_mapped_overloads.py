"""`map` of an overloaded function, and of a function with a parameter that is not a tensor.

An overloaded function given to `map` over a display of two shapes, each taken by one item
(redteam s11 fa01): mypy joins the items (`Tensor[2, int]`), no item takes the join, and it
reported `Argument 1 to "map" has incompatible type overloaded function; expected ...
[arg-type]`. Every call `map` makes fits an item, and the call meets no type context (a plain
statement, a name defined there, a `for` loop), so nothing is wrong: no error
(mypy_plugin/callbacks/mapped_functions.py, `mapped_fits`). An item no overload takes is the
run time's `No overload of "ident" takes these shapes: ...` (`@tf.shapecheck` on the
implementation raises the same words). Under an annotation whose item type is not every
result (`List[Tensor[2, 4]]` for a `Tensor[2, 8]` among them) mypy's error stays: true, in
its own words (a known limit).

A function whose parameter is not a tensor (`def label(x: str)`) given to `map` over tensors:
mypy's `[arg-type]` is true and stays, also when the result is the one mypy expected (it was
dropped).
"""

from typing import Any, List, TypeVar, overload

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)


@overload
def ident(x: Tensor[B, 4]) -> Tensor[B, 4]: ...
@overload
def ident(x: Tensor[B, 8]) -> Tensor[B, 8]: ...
@tf.shapecheck
def ident(x: Any) -> Any:
    return x


def label(x: str) -> Tensor[2, 4]:
    return tf.zeros(2, 4)


a = tf.zeros(2, 4)
b = tf.zeros(2, 8)
print(len(list(map(ident, [tf.zeros(2, 4), tf.zeros(2, 8)]))))
both = list(map(ident, [a, b]))
for y in map(ident, [a, b]):
    print(y.shape)
bad = list(map(ident, [tf.zeros(2, 4), tf.zeros(2, 5)]))  # E: No overload of "ident" takes these shapes: overload 1: argument "x" has shape Tensor[2, 5], expected Tensor[B, 4] (axis 1 is 5, expected 4); overload 2: argument "x" has shape Tensor[2, 5], expected Tensor[B, 8] (axis 1 is 5, expected 8)  [shape]
bad_fixed = list(map(ident, [tf.zeros(2, 4), tf.zeros(2, 8)]))
fours: List[Tensor[2, 4]] = list(map(ident, [a, b]))  # E: Argument 1 to "map" has incompatible type overloaded function; expected "Callable[[Tensor[Literal[2], int]], Tensor[Literal[2], Literal[4]]]"  [arg-type]
fours_fixed: List[Tensor[2, 4]] = list(map(ident, [a, a]))
labels: List[Tensor[2, 4]] = list(map(label, [a, a]))  # E: Argument 1 to "map" has incompatible type "Callable[[str], Tensor[Literal[2], Literal[4]]]"; expected "Callable[[Tensor[Literal[2], Literal[4]]], Tensor[Literal[2], Literal[4]]]"  [arg-type]
labels_fixed: List[Tensor[2, 4]] = list(map(label, ["a", "b"]))
unannotated = list(map(label, [a, a]))  # E: Argument 1 to "map" has incompatible type "Callable[[str], Tensor[Literal[2], Literal[4]]]"; expected "Callable[[Tensor[Literal[2], Literal[4]]], Tensor[Literal[2], Literal[4]]]"  [arg-type]
