"""A module's own overloaded function called at a boundary whose annotation is another item's
result: mypy picks the item by that annotation and reports the argument (`Argument 1 to
"proj" has incompatible type "Tensor[B, T, Literal[8]]"; expected "Tensor[B, Literal[8]]"
[arg-type]`); the argument fits the other item, whose result is what meets the annotation,
in the boundary's words (mypy_plugin/callbacks/overload_boundaries.py), the arguments given
by position or keyword, one or several. Symbolic and concrete, each fix clean.
`@tf.shapecheck` raises the same words at the returns (the calls at the bottom); an annotated
variable is static only.
"""

from typing import Any, List, Optional, Tuple, TypeVar, overload

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
T = TypeVar("T", bound=int)
H = TypeVar("H", bound=int)


@overload
def proj(x: Tensor[B, 8]) -> Tensor[B, 16]: ...
@overload
def proj(x: Tensor[B, N, 8]) -> Tensor[B, N, 16]: ...
def proj(x: Tensor) -> Tensor:
    return Dense(8, 16)(x)


@tf.shapecheck
def pooled(x: Tensor[B, T, 8]) -> Tensor[B, 16]:
    return proj(x)  # E: Return shape Tensor[B, T, 16] does not match the annotation Tensor[B, 16]: rank is 3, expected 2  [shape]


@tf.shapecheck
def pooled_fixed(x: Tensor[B, T, 8]) -> Tensor[B, 16]:
    return proj(x).mean(axis=1)


@tf.shapecheck
def counted(x: Tensor[B, T, 8]) -> Tuple[Tensor[B, 16], int]:
    return proj(x), 1  # E: Return shape Tensor[B, T, 16] (tuple item 0) does not match the annotation Tensor[B, 16]: rank is 3, expected 2  [shape]


@tf.shapecheck
def counted_fixed(x: Tensor[B, T, 8]) -> Tuple[Tensor[B, T, 16], int]:
    return proj(x), 1


@tf.shapecheck
def listed(x: Tensor[B, T, 8]) -> List[Tensor[B, 16]]:
    return [proj(x)]  # E: Return shape Tensor[B, T, 16] (list item 0) does not match the annotation Tensor[B, 16]: rank is 3, expected 2  [shape]


def kept(x: Tensor[B, T, 8]) -> None:
    y: Tensor[B, 16] = proj(x)  # E: Assigned shape Tensor[B, T, 16] does not match the annotation Tensor[B, 16] of "y": rank is 3, expected 2  [shape]
    z: Tensor[B, T, 16] = proj(x)


d: Tensor[2, 16] = proj(tf.zeros(2, 3, 8))  # E: Assigned shape Tensor[2, 3, 16] does not match the annotation Tensor[2, 16] of "d": rank is 3, expected 2  [shape]
e: Tensor[2, 3, 16] = proj(tf.zeros(2, 3, 8))



# -- called by keyword, or with several arguments: each reaches its item's parameter ----------
@overload
def mix(x: Tensor[B, 8], y: Tensor[B, 8]) -> Tensor[B, 16]: ...
@overload
def mix(x: Tensor[B, N, 8], y: Tensor[B, N, 8]) -> Tensor[B, N, 16]: ...
def mix(x: Tensor, y: Tensor) -> Tensor:
    return Dense(8, 16)(x + y)


@tf.shapecheck
def pooled_by_keyword(x: Tensor[B, T, 8]) -> Tensor[B, 16]:
    return proj(x=x)  # E: Return shape Tensor[B, T, 16] does not match the annotation Tensor[B, 16]: rank is 3, expected 2  [shape]


@tf.shapecheck
def pooled_by_keyword_fixed(x: Tensor[B, T, 8]) -> Tensor[B, 16]:
    return proj(x=x.mean(axis=1))


@tf.shapecheck
def mixed(x: Tensor[B, T, 8], y: Tensor[B, T, 8]) -> Tensor[B, 16]:
    return mix(x, y=y)  # E: Return shape Tensor[B, T, 16] does not match the annotation Tensor[B, 16]: rank is 3, expected 2  [shape]


@tf.shapecheck
def mixed_fixed(x: Tensor[B, T, 8], y: Tensor[B, T, 8]) -> Tensor[B, T, 16]:
    return mix(x, y=y)


@tf.shapecheck
def mixed_module() -> Tensor[2, 16]:
    return mix(tf.zeros(2, 3, 8), tf.zeros(2, 3, 8))  # E: Return shape Tensor[2, 3, 16] does not match the annotation Tensor[2, 16]: rank is 3, expected 2  [shape]


@tf.shapecheck
def mixed_module_fixed() -> Tensor[2, 3, 16]:
    return mix(tf.zeros(2, 3, 8), tf.zeros(2, 3, 8))

# -- an item's own size no argument binds (its parameter left out) is unknown: ``?`` ---------------
@overload
def sized(x: Tensor[B, 8]) -> Tensor[B, 16]: ...
@overload
def sized(x: Tensor[B, N, 8], h: Tensor[B, H] = ...) -> Tensor[B, N, H]: ...
def sized(x: Any, h: Optional[Any] = None) -> Any:
    if x.ndim == 2:
        return tf.cat(x, x, axis=1)
    return tf.zeros(x.shape[0], x.shape[1], 16 if h is None else h.shape[1])


@tf.shapecheck
def sized_pooled(x: Tensor[B, T, 8]) -> Tensor[B, 16]:
    return sized(x)  # E: Return shape Tensor[B, T, ?] does not match the annotation Tensor[B, 16]: rank is 3, expected 2  [shape]


@tf.shapecheck
def sized_pooled_fixed(x: Tensor[B, T, 8]) -> Tensor[B, 16]:
    return sized(x.mean(axis=1))


x3 = tf.zeros(2, 3, 8)
sized_pooled(x3)
sized_pooled_fixed(x3)
pooled(x3)
pooled_fixed(x3)
counted(x3)
counted_fixed(x3)
listed(x3)
kept(x3)
pooled_by_keyword(x3)
pooled_by_keyword_fixed(x3)
mixed(x3, x3)
mixed_fixed(x3, x3)
mixed_module()
mixed_module_fixed()
