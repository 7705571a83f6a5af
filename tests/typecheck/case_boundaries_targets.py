"""Names declared with a shape bound by a walrus, a `for` or a `with`: mypy assigns the
value (the iterable's item, the context manager's `__enter__` result) to the name itself and
reports `[assignment]` in `Literal` words; the checker says it as an annotated assignment
(mypy_plugin/callbacks/inner_places.py for the walrus, callbacks/loop_targets.py for `for`
and `with`). Concrete and symbolic, each fix clean. Static only, as any variable annotation:
these lines run.
"""

from contextlib import contextmanager
from typing import Iterator, List, Optional, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)


@contextmanager
def opened(n: int) -> Iterator[Tensor[2, 5]]:
    yield tf.zeros(2, n)


y: Tensor[2, 16]
if (y := tf.zeros(2, 8)) is not None:  # E: Assigned shape Tensor[2, 8] does not match the annotation Tensor[2, 16] of "y": axis 1 is 8, expected 16  [shape]
    pass
if (y := tf.zeros(2, 16)) is not None:
    pass

x: Tensor[2, 16]
for x in [tf.zeros(2, 7)]:  # E: Assigned shape Tensor[2, 7] does not match the annotation Tensor[2, 16] of "x": axis 1 is 7, expected 16  [shape]
    pass
for x in [tf.zeros(2, 16)]:
    pass

t: Tensor[2, 16]
with opened(5) as t:  # E: Assigned shape Tensor[2, 5] does not match the annotation Tensor[2, 16] of "t": axis 1 is 5, expected 16  [shape]
    pass

u: Tensor[2, 5]
with opened(5) as u:
    pass


def rows(x: Tensor[B, 8], xs: List[Tensor[B, 8]]) -> Optional[Tensor[B, 4]]:
    h: Tensor[B, 4]
    if (h := Dense(8, 3)(x)) is not None:  # E: Assigned shape Tensor[B, 3] does not match the annotation Tensor[B, 4] of "h": axis 1 is 3, expected 4  [shape]
        pass
    g: Tensor[B, 4]
    for g in xs:  # E: Assigned shape Tensor[B, 8] does not match the annotation Tensor[B, 4] of "g": axis 1 is 8, expected 4  [shape]
        pass
    return None


def rows_fixed(x: Tensor[B, 8], xs: List[Tensor[B, 8]]) -> Optional[Tensor[B, 4]]:
    h: Tensor[B, 4]
    if (h := Dense(8, 4)(x)) is not None:
        pass
    g: Tensor[B, 8]
    for g in xs:
        pass
    return None


rows(tf.zeros(3, 8), [tf.zeros(3, 8)])
rows_fixed(tf.zeros(3, 8), [tf.zeros(3, 8)])
