"""An item of a dict display read back by a string literal: mypy joins the display's values
(``dict[str, Tensor[*tuple[Literal[5] | Literal[3], ...]]]``), so ``params["w"]`` had no shape
and a bug after it went unseen. When nothing can have changed the dict between the display
and the read (a name bound to the display in its scope, mentioned in between only to read
items by string literals), the item is the display's value for that key. A dict that may have
changed (an item assigned, a method called on it, passed on, bound again) keeps mypy's joined
type: no shape, never a false alarm."""

from typing import TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)

x = tf.randn(40, 5)
params = {"w": tf.randn(5, 3) * 0.1, "b": tf.zeros(5)}
reveal_type(params["w"])  # N: Revealed type is "typedflux.tensor.Tensor[Literal[5], Literal[3]]"
pred = x @ params["w"] + params["b"]  # E: Cannot broadcast for "add": x has Tensor[40, 3], y has Tensor[5]; need equal sizes or 1 at axis -1 (3 vs 5)  [shape]
params_fixed = {"w": tf.randn(5, 3) * 0.1, "b": tf.zeros(3)}
reveal_type(x @ params_fixed["w"] + params_fixed["b"])  # N: Revealed type is "typedflux.tensor.Tensor[Literal[40], Literal[3]]"
for step in range(3):
    params = {k: params[k] * 0.5 for k in params}
reveal_type(params["w"])  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Literal[5] | Literal[3], ...]]"


@tf.shapecheck
def linear(h: Tensor[B, 5]) -> Tensor[B, 3]:
    p = {"w": tf.randn(5, 3), "b": tf.zeros(5)}
    return h @ p["w"] + p["b"]  # E: Cannot broadcast for "add": x has Tensor[B, 3], y has Tensor[5]; need equal sizes or 1 at axis -1 (3 vs 5)  [shape]


@tf.shapecheck
def linear_fixed(h: Tensor[B, 5]) -> Tensor[B, 3]:
    p = {"w": tf.randn(5, 3), "b": tf.zeros(3)}
    return h @ p["w"] + p["b"]


def changed() -> None:
    p = {"w": tf.randn(5, 3), "b": tf.zeros(3)}
    p["w"] = tf.randn(2)  # (another shape: the dict now mixes shapes, read as unknown)
    reveal_type(p["w"])  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...]]"
    q = {"w": tf.randn(5, 3), "b": tf.zeros(3)}
    later = lambda: q["w"]  # may run after a change: not read
    reveal_type(later())  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Literal[5] | Literal[3], ...]]"
    r = {"w": tf.randn(5, 3), "b": tf.zeros(3)}
    print(len(r))  # passed on: it may have changed
    reveal_type(r["w"])  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Literal[5] | Literal[3], ...]]"


shared = {"a": tf.zeros(2), "b": tf.zeros(3, 4)}


def reset() -> None:
    shared["a"] = tf.zeros(9)  # a function that may run before the read


reset()
reveal_type(shared["a"])  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Literal[2] | Literal[3] | Literal[4], ...]]"
linear(tf.randn(4, 5))
linear_fixed(tf.randn(4, 5))
changed()
