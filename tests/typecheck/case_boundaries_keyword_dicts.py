"""A dict unpacked into a call (`f(**{"x": a, "y": b})`, `f(**dict(x=a, y=b))`): `[shape]` errors.

mypy types such a dict as one `dict[str, V]`, `V` the join of its values (`Tensor[2, int]` for a
`Tensor[2, 4]` and a `Tensor[2, 7]`), which proves nothing about one key: the call was silent
and raised at run time. Written with literal keys, each value is checked against the parameter
its key names (mypy_plugin/callbacks/keyword_dicts.py), a `**kwargs` parameter's by its key;
dicts merged (`base | over`, `{**base, **over}`) the same way, a later key's value winning.
An overloaded function given a dict no item takes is reported once, in shape words (mypy's
`[arg-type]` for its first item, `"**dict[str, Tensor[Literal[2], Literal[7]]]"`, is that
error again). Symbolic and concrete, each with its fix; `@tf.shapecheck` raises the same words.
"""

from typing import Any, TypeVar, overload

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)


@tf.shapecheck
def blend(x: Tensor[B, 4], y: Tensor[B, 4]) -> Tensor[B, 4]:
    return (x + y) * 0.5


a = blend(**{"x": tf.zeros(2, 4), "y": tf.zeros(2, 7)})  # E: Argument "y" of "blend" has shape Tensor[2, 7], which does not match the annotation Tensor[B, 4]: axis 1 is 7, expected 4  [shape]  # N: B=2
a_fixed = blend(**{"x": tf.zeros(2, 4), "y": tf.zeros(2, 4)})
b = blend(**dict(x=tf.zeros(3, 5), y=tf.zeros(3, 4)))  # E: Argument "x" of "blend" has shape Tensor[3, 5], which does not match the annotation Tensor[B, 4]: axis 1 is 5, expected 4  [shape]  # N: B=3
b_fixed = blend(**dict(x=tf.zeros(3, 4), y=tf.zeros(3, 4)))
c = blend(tf.zeros(2, 4), **{"y": tf.zeros(3, 4)})  # E: Dim "B" differs for "blend": argument "x" gives B = 2, argument "y" gives B = 3; need one size for B (2 vs 3)  [shape]  # N: B=2
c_fixed = blend(tf.zeros(2, 4), **{"y": tf.zeros(2, 4)})


@tf.shapecheck
def fuse(x: Tensor[B, 4], y: Tensor[B, 8]) -> Tensor[B, 12]:
    return tf.cat(x, y, axis=1)


# Values of two shapes, each right for its key (mypy's join, `Tensor[2, int]`, fits neither
# parameter: its two [arg-type] errors were false, redteam s11 kw01).
fused: Tensor[2, 12] = fuse(**{"x": tf.zeros(2, 4), "y": tf.zeros(2, 8)})
fused_too: Tensor[2, 12] = fuse(**dict(x=tf.zeros(2, 4), y=tf.zeros(2, 8)))


@tf.shapecheck
def log_all(step: int, **named: Tensor[B, 10]) -> int:
    return step + len(named)


n = log_all(1, **{"logits": tf.zeros(8, 10), "probs": tf.zeros(8, 11)})  # E: Argument "probs" of "log_all" has shape Tensor[8, 11], which does not match the annotation Tensor[B, 10]: axis 1 is 11, expected 10  [shape]  # N: B=8
n_fixed = log_all(1, **{"logits": tf.zeros(8, 10), "probs": tf.zeros(8, 10)})


@tf.shapecheck
def shifted(h: Tensor[B, T, 4]) -> Tensor[B, 4]:
    return blend(**{"x": h[:, 0], "y": h[:, 1:]})  # E: Argument "y" of "blend" has shape Tensor[B, T - 1, 4], which does not match the annotation Tensor[B, 4]: rank is 3, expected 2  [shape]  # N: B=B


@tf.shapecheck
def shifted_fixed(h: Tensor[B, T, 4]) -> Tensor[B, 4]:
    return blend(**{"x": h[:, 0], "y": h[:, -1]})


@overload
def head(x: Tensor[B, 8]) -> Tensor[B, 16]: ...
@overload
def head(x: Tensor[B, T, 8], pooled: bool = ...) -> Tensor[B, T, 16]: ...
@tf.shapecheck
def head(x: Any, pooled: bool = False) -> Any:
    return Dense(8, 16)(x)


y = head(**{"x": tf.zeros(2, 7)})  # E: No overload of "head" takes these shapes: overload 1: argument "x" has shape Tensor[2, 7], expected Tensor[B, 8] (axis 1 is 7, expected 8); overload 2: argument "x" has shape Tensor[2, 7], expected Tensor[B, T, 8] (rank is 2, expected 3)  [shape]
y_fixed = head(**{"x": tf.zeros(2, 8)})


@tf.shapecheck
def headed(h: Tensor[B, T]) -> Tensor[B, 16]:
    return head(**{"x": h})  # E: No overload of "head" takes these shapes: overload 1: argument "x" has shape Tensor[B, T], expected Tensor[B, 8] (axis 1 is T, expected 8); overload 2: argument "x" has shape Tensor[B, T], expected Tensor[B, T, 8] (rank is 2, expected 3)  [shape]


# Dicts merged (`base | over`, `{**base, **over}`): a later key's value wins, each checked on
# its own (mypy's type for the merge is a union of the values' types: it said nothing).
base = {"x": tf.zeros(2, 4)}
over = {"y": tf.zeros(2, 9)}
over_fixed = {"y": tf.zeros(2, 8)}
merged = fuse(**(base | over))  # E: Argument "y" of "fuse" has shape Tensor[2, 9], which does not match the annotation Tensor[B, 8]: axis 1 is 9, expected 8  [shape]  # N: B=2
merged_fixed = fuse(**(base | over_fixed))
spread = fuse(**{**base, **over})  # E: Argument "y" of "fuse" has shape Tensor[2, 9], which does not match the annotation Tensor[B, 8]: axis 1 is 9, expected 8  [shape]  # N: B=2
spread_fixed = fuse(**{**base, **over_fixed})
displays = fuse(**({"x": tf.zeros(2, 4), "y": tf.zeros(2, 4)} | {"y": tf.zeros(2, 7)}))  # E: Argument "y" of "fuse" has shape Tensor[2, 7], which does not match the annotation Tensor[B, 8]: axis 1 is 7, expected 8  [shape]  # N: B=2
displays_fixed = fuse(**({"x": tf.zeros(2, 4), "y": tf.zeros(2, 4)} | {"y": tf.zeros(2, 8)}))


shifted(tf.zeros(2, 5, 4))
shifted_fixed(tf.zeros(2, 5, 4))
headed(tf.zeros(2, 3))
