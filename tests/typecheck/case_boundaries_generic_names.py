"""A user generic class's instance held in a name bound once, returned after other statements.

``b = Box(x[1:]); log(b); return b`` for ``-> Box[B]``: no hook runs at the ``return`` (mypy
reads the name's type), so this was mypy's ``[return-value]`` with ``Box[Literal['B - 1']]``;
the rewording watcher compares the name's type with the annotation type argument by type
argument, as at any boundary (mypy_plugin/callbacks/generic_names.py). Concrete and symbolic,
each fix clean. A name bound again (in a loop, by a walrus, a ``for`` or ``with`` target) keeps
mypy's error.

Static only: the run time does not know a generic instance's type arguments (Python erases
them), so these lines run without a ShapeError (every function is called at the bottom).
"""

from typing import Generic, List, Literal, TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)

seen: List[object] = []


class Box(Generic[B]):
    def __init__(self, h: Tensor[B, 16]) -> None:
        self.h = h


def log(b: object) -> None:
    seen.append(b)


def shrunk(x: Tensor[B, 16]) -> Box[B]:
    b = Box(x[1:])
    log(b)
    return b  # E: Return value Box[B - 1] does not match the annotation Box[B]: type argument 0 is B - 1, expected B  [shape]


def shrunk_fixed(x: Tensor[B, 16]) -> Box[B]:
    b = Box(x)
    log(b)
    return b


def sized(flag: bool) -> Box[Literal[3]]:
    b = Box(tf.zeros(2, 16))
    if flag:
        log(b.h)
        return b  # E: Return value Box[2] does not match the annotation Box[3]: type argument 0 is 2, expected 3  [shape]
    return Box(tf.zeros(3, 16))


def sized_fixed(flag: bool) -> Box[Literal[3]]:
    b = Box(tf.zeros(3, 16))
    if flag:
        log(b.h)
        return b
    return Box(tf.zeros(3, 16))


# Bound again in a loop: its type at the return is its first value's, which proves nothing
# about the last one (mypy's error stays).
def looped(x: Tensor[B, 16], n: int) -> Box[B]:
    b = Box(x[1:])
    for _ in range(n):
        log(b)
        b = Box(b.h)
    return b  # E: Incompatible return value type (got "Box[Literal['B - 1']]", expected "Box[B]")  [return-value]


x16 = tf.zeros(4, 16)
shrunk(x16)
shrunk_fixed(x16)
sized(True)
sized_fixed(True)
looped(x16, 2)
