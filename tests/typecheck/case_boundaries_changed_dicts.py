"""A dict held in a name and unpacked into a call (`f(**kw)`): read key by key, or not at all.

A name bound once to a dict of literal keys and only read after is read key by key, as the
display itself is (`Argument "y" of "blend" has shape ...`; mypy joins the values into one
`Tensor[2, int]`, which proves nothing). mypy infers a dict's value type from its first display,
and the dict may then take values of other shapes (`kw["x"] = ...`, `kw |= {...}`,
`kw.update(...)`, `kw.setdefault(...)`, a function it is passed to, a method writing an
attribute): its values are then unknown, and the call is checked neither by the plugin nor by
mypy (was a false `[shape]` against the first display's shape: redteam s10 fa04). An annotated
dict keeps its annotation, which each write is checked against. `@tf.shapecheck` raises the
same words for each error, and every fixed or changed program here runs.
"""

from typing import Any, Dict, TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)


@tf.shapecheck
def blend(x: Tensor[B, 4], y: Tensor[B, 4]) -> Tensor[B, 4]:
    return (x + y) * 0.5


@tf.shapecheck
def one(x: Tensor[B, 4]) -> Tensor[B, 4]:
    return x


@tf.shapecheck
def log_all(step: int, **named: Tensor[B, 10]) -> int:
    return step + len(named)


kw = {"x": tf.zeros(2, 4), "y": tf.zeros(2, 7)}
if "x" in kw and len(kw) == 2:
    seen = kw["x"].shape
blended = blend(**kw)  # E: Argument "y" of "blend" has shape Tensor[2, 7], which does not match the annotation Tensor[B, 4]: axis 1 is 7, expected 4  [shape]  # N: B=2
kw_fixed = {"x": tf.zeros(2, 4), "y": tf.zeros(2, 4)}
blended_fixed = blend(**kw_fixed)
named = {"logits": tf.zeros(8, 10), "probs": tf.zeros(8, 11)}
logged = log_all(1, **named)  # E: Argument "probs" of "log_all" has shape Tensor[8, 11], which does not match the annotation Tensor[B, 10]: axis 1 is 11, expected 10  [shape]  # N: B=8
named_fixed = dict(logits=tf.zeros(8, 10), probs=tf.zeros(8, 10))
logged_fixed = log_all(1, **named_fixed)
declared: Dict[str, Tensor[int, 7]] = {"x": tf.zeros(3, 7)}
declared_one = one(**declared)  # E: Argument "x" of "one" has shape Tensor[3, 7], which does not match the annotation Tensor[B, 4]: axis 1 is 7, expected 4  [shape]  # N: B=3


def item_written() -> Tensor[2, 4]:
    d = {"x": tf.zeros(2, 7)}
    d["x"] = tf.zeros(2, 4)
    out = one(**d)  # (its batch size is unknown; no "Need type annotation" either)
    return out


def or_assigned() -> Tensor[2, 4]:
    d = {"x": tf.zeros(2, 7), "y": tf.zeros(2, 4)}
    d |= {"x": tf.zeros(2, 4)}
    return blend(**d)


def updated() -> None:
    d = {"x": tf.zeros(2, 7)}
    d.update(x=tf.zeros(2, 4))
    one(**d)


def defaulted() -> None:
    d = {"z": tf.zeros(2, 7)}
    d.setdefault("x", tf.zeros(2, 4))
    del d["z"]
    one(**d)


def fix(d: Dict[str, Any]) -> None:
    d["x"] = tf.zeros(2, 4)


def passed_on() -> None:
    d = {"x": tf.zeros(2, 7)}
    fix(d)
    one(**d)


def written_inside() -> None:
    d = {"x": tf.zeros(2, 7)}

    def mend() -> None:
        d["x"] = tf.zeros(2, 4)

    mend()
    one(**d)


options = {"x": tf.zeros(5, 7)}


def mend_options() -> None:
    options["x"] = tf.zeros(5, 4)


def use_options() -> Tensor[5, 4]:
    return one(**options)


class Head:
    def __init__(self) -> None:
        self.kw = {"x": tf.zeros(2, 7)}

    def mend(self) -> None:
        self.kw["x"] = tf.zeros(2, 4)

    def run(self) -> Tensor[2, 4]:
        return one(**self.kw)


shared: Dict[str, Any] = {}


def mend_shared() -> None:
    shared["x"] = tf.zeros(2, 4)


def rebound_global() -> Tensor[2, 4]:
    # (a global the function rebinds: another function writes it before the call)
    global shared
    shared = {"x": tf.zeros(2, 7)}
    mend_shared()
    return one(**shared)


item_written()
or_assigned()
updated()
defaulted()
passed_on()
written_inside()
mend_options()
use_options()
head = Head()
head.mend()
head.run()
rebound_global()
