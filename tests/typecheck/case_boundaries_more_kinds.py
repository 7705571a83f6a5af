"""More annotation boundaries said in shape words where mypy alone says `[assignment]` or
`[arg-type]` in `Literal` words: a parameter's default, a property's setter, targets a tuple
is unpacked into, a `Union` parameter, a function assigned to a `Callable` variable, the
arguments a `functools.partial` of a shaped function holds, and an item added to a list
declared with its item's shape. A bare name there (a default `= WIDE`, `c.h = h`, `h, n =
wide, 1`, `later = narrow3` after `later: Callable[...]`) runs no hook: mypy's own error is
reworded (callbacks/bare_boundaries.py).

Run time: a `Union` parameter and a partial's arguments raise the same words (the partial is
called on its line; a call of a partial binds the arguments held and the call's together); a default, a setter's value, an unpacked target, a `Callable` variable
and a list item are met by no run-time check (`@tf.shapecheck` checks the arguments a call
passes; a variable annotation is not evaluated), so those lines run without a ShapeError.
"""

import functools
from typing import Callable, List, Optional, Tuple, TypeVar, Union

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


# -- parameter defaults --------------------------------------------------------------------------
def scaled(x: Tensor[2, 4] = tf.zeros(2, 5)) -> None: ...  # E: Default shape Tensor[2, 5] of parameter "x" of "scaled" does not match the annotation Tensor[2, 4]: axis 1 is 5, expected 4  [shape]
def scaled_fixed(x: Tensor[2, 4] = tf.zeros(2, 4)) -> None: ...
def rows(x: Tensor[B, 4] = tf.zeros(2, 3)) -> None: ...  # E: Default shape Tensor[2, 3] of parameter "x" of "rows" does not match the annotation Tensor[B, 4]: axis 1 is 3, expected 4  [shape]
def masks(xs: List[Tensor[N, 4]] = [tf.zeros(3, 5)]) -> None: ...  # E: Default shape Tensor[3, 5] (list item 0) of parameter "xs" of "masks" does not match the annotation Tensor[N, 4]: axis 1 is 5, expected 4  [shape]
def maybe(x: Optional[Tensor[2, 4]] = None) -> None: ...
WIDE = tf.zeros(2, 5)
def named_default(x: Tensor[2, 4] = WIDE) -> None: ...  # E: Default shape Tensor[2, 5] of parameter "x" of "named_default" does not match the annotation Tensor[2, 4]: axis 1 is 5, expected 4  [shape]


class Scaler:
    def __init__(self, w: Tensor[3, 4] = tf.zeros(4, 3)) -> None:  # E: Default shape Tensor[4, 3] of parameter "w" of "Scaler.__init__" does not match the annotation Tensor[3, 4]: axis 0 is 4, expected 3  [shape]
        self.w = w


# -- property setters ----------------------------------------------------------------------------
class Cell:
    def __init__(self) -> None:
        self._h = tf.zeros(2, 8)

    @property
    def h(self) -> Tensor[2, 8]:
        return self._h

    @h.setter
    def h(self, value: Tensor[2, 8]) -> None:
        self._h = value


cell = Cell()
cell.h = tf.zeros(2, 16)  # E: Assigned shape Tensor[2, 16] does not match the annotation Tensor[2, 8] of "cell.h": axis 1 is 16, expected 8  [shape]
cell.h = tf.zeros(2, 8)


def set_state(c: Cell, h: Tensor[2, 16], h8: Tensor[2, 8]) -> None:
    c.h = h  # E: Assigned shape Tensor[2, 16] does not match the annotation Tensor[2, 8] of "c.h": axis 1 is 16, expected 8  [shape]
    c.h = h8


# -- targets a tuple is unpacked into ------------------------------------------------------------
def pair() -> Tuple[Tensor[2, 4], int]:
    return tf.zeros(2, 4), 1


state: Tensor[2, 3]
count: int
state, count = pair()  # E: Assigned shape Tensor[2, 4] does not match the annotation Tensor[2, 3] of "state": axis 1 is 4, expected 3  [shape]
state, count = tf.zeros(2, 5), 1  # E: Assigned shape Tensor[2, 5] does not match the annotation Tensor[2, 3] of "state": axis 1 is 5, expected 3  [shape]
state, count = tf.zeros(2, 3), 1
width: Tensor[2, 4]
width, count = pair()


def step(h: Tensor[B, 8], c: Tensor[B, 8]) -> Tuple[Tensor[B, 8], Tensor[B, 16]]:
    return h, tf.cat(h, c, axis=1)


def unroll(h0: Tensor[B, 8]) -> None:
    h: Tensor[B, 8]
    c: Tensor[B, 8]
    h, c = step(h0, h0)  # E: Assigned shape Tensor[B, 16] does not match the annotation Tensor[B, 8] of "c": axis 1 is 16, expected 8  [shape]
    c2: Tensor[B, 16]
    h, c2 = step(h0, h0)
    wide: Tensor[B, 16]
    h, n = wide, 1  # E: Assigned shape Tensor[B, 16] does not match the annotation Tensor[B, 8] of "h": axis 1 is 16, expected 8  [shape]
    h, n = h0, 1


# -- Union parameters ----------------------------------------------------------------------------
@tf.shapecheck
def head(x: Union[Tensor[B, 4], int]) -> None: ...


head(tf.zeros(2, 5))  # E: Argument "x" of "head" has shape Tensor[2, 5], which does not match the annotation Tensor[B, 4]: axis 1 is 5, expected 4  [shape]  # N: B=2
head(tf.zeros(2, 4))
head(3)


@tf.shapecheck
def anything(x: Union[Tensor[B, 4], object]) -> None: ...


anything(tf.zeros(2, 5))  # a tensor of any shape is an object: nothing proven


# -- functions assigned to Callable variables ----------------------------------------------------
def narrow3(x: Tensor[B, 4]) -> Tensor[B, 3]:
    return x[:, :3]


def narrow2(x: Tensor[B, 4]) -> Tensor[B, 2]:
    return x[:, :2]


proj: Callable[[Tensor[B, 4]], Tensor[B, 2]] = narrow3  # E: Value assigned to "proj" is a function whose return shape Tensor[B, 3] does not match the annotation Tensor[B, 2]: axis 1 is 3, expected 2  [shape]
proj_fixed: Callable[[Tensor[B, 4]], Tensor[B, 2]] = narrow2
cut: Callable[[Tensor[B, 4]], Tensor[B, 2]] = lambda x: x[:, :3]  # E: Value assigned to "cut" is a function whose return shape Tensor[B, 3] does not match the annotation Tensor[B, 2]: axis 1 is 3, expected 2  [shape]
cut_fixed: Callable[[Tensor[B, 4]], Tensor[B, 2]] = lambda x: x[:, :2]
later: Callable[[Tensor[B, 4]], Tensor[B, 2]]
later = narrow3  # E: Value assigned to "later" is a function whose return shape Tensor[B, 3] does not match the annotation Tensor[B, 2]: axis 1 is 3, expected 2  [shape]
later = narrow2
cut3: Callable[[Tensor[5, 4]], Tensor[5, 2]] = lambda x: x[:, :3]  # E: Value assigned to "cut3" is a function whose return shape Tensor[5, 3] does not match the annotation Tensor[5, 2]: axis 1 is 3, expected 2  [shape]


# -- functools.partial of a shaped function ------------------------------------------------------
@tf.shapecheck
def add(x: Tensor[B, 4], y: Tensor[B, 4]) -> Tensor[B, 4]:
    return x + y


functools.partial(add, tf.zeros(2, 5))(tf.zeros(2, 4))  # E: Argument "x" of "add" has shape Tensor[2, 5], which does not match the annotation Tensor[B, 4]: axis 1 is 5, expected 4  [shape]  # N: B=2
functools.partial(add, y=tf.zeros(3, 3))(tf.zeros(3, 4))  # E: Argument "y" of "add" has shape Tensor[3, 3], which does not match the annotation Tensor[B, 4]: axis 1 is 3, expected 4  [shape]  # N: B=3
added = functools.partial(add, tf.zeros(2, 4))(tf.zeros(2, 4))
add2 = functools.partial(add, tf.zeros(2, 4))
wider = add2(tf.zeros(2, 5))  # E: Argument "y" of "add" has shape Tensor[2, 5], which does not match the annotation Tensor[B, 4]: axis 1 is 5, expected 4  [shape]  # N: B=2
taller = add2(y=tf.zeros(3, 4))  # E: Dim "B" differs for "add": argument "x" gives B = 2, argument "y" gives B = 3; need one size for B (2 vs 3)  [shape]  # N: B=2
summed = add2(tf.zeros(2, 4))


# -- items added to a list declared with their shape ---------------------------------------------
history: List[Tensor[2, 3]] = []
history.append(tf.zeros(2, 4))  # E: Assigned shape Tensor[2, 4] (appended item) does not match the annotation Tensor[2, 3] of "history": axis 1 is 4, expected 3  [shape]
history.insert(0, tf.zeros(4, 3))  # E: Assigned shape Tensor[4, 3] (inserted item) does not match the annotation Tensor[2, 3] of "history": axis 0 is 4, expected 2  [shape]
history.append(tf.zeros(2, 3))
skips = [tf.zeros(2, 3)]
skips.append(tf.zeros(5, 5))  # a list typed by its first item may mix shapes


def collect(xs: List[Tensor[B, 64]], h: Tensor[B, 32], g: Tensor[B, 64]) -> None:
    xs.append(h)  # E: Assigned shape Tensor[B, 32] (appended item) does not match the annotation Tensor[B, 64] of "xs": axis 1 is 32, expected 64  [shape]
    xs.append(g)
