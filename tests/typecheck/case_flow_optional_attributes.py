"""Optional layer attributes set by a conditional: ``self.proj = Dense(a, b) if a != b else
None``, then ``x if self.proj is None else self.proj(x)`` in ``__call__``.

A model traced to its construction (flow_instances.py) runs ``__init__`` on that call's
values: a conditional expression whose condition is known there binds the branch it takes
(a layer, or ``None``). A bare-``Tensor`` ``__call__`` body then reads ``self.proj is None``
(or ``is not None``) as known, and a conditional expression with a known condition takes
that branch (bodies.py), so the residual's sum is checked where the block is called with a
known shape, as the run time raises there. Not known (silent): a condition on a value not
known at the construction (a plain ``int`` parameter), an instance not traced, and a
condition on anything but a known value. The same lines fail at run time with the same words.
"""

from typing import Optional, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor, relu

B = TypeVar("B", bound=int)


class Residual:
    def __init__(self, cin: int, cout: int) -> None:
        self.fc = Dense(cin, cout, relu)
        self.proj: Optional[Dense] = Dense(cin, cin) if cin != cout else None

    def __call__(self, x: Tensor) -> Tensor:
        shortcut = x if self.proj is None else self.proj(x)
        return self.fc(x) + shortcut


class ResidualFixed:
    def __init__(self, cin: int, cout: int) -> None:
        self.fc = Dense(cin, cout, relu)
        self.proj: Optional[Dense] = Dense(cin, cout) if cin != cout else None

    def __call__(self, x: Tensor) -> Tensor:
        shortcut = x if self.proj is None else self.proj(x)
        return self.fc(x) + shortcut


Residual(16, 16)(tf.randn(2, 16))
Residual(16, 32)(tf.randn(2, 16))  # E: Cannot broadcast for "add": x has Tensor[2, 32], y has Tensor[2, 16]; need equal sizes or 1 at axis -1 (32 vs 16)  [shape]
ResidualFixed(16, 16)(tf.randn(2, 16))
ResidualFixed(16, 32)(tf.randn(2, 16))
Dense(16, 4)(ResidualFixed(16, 32)(tf.randn(2, 16)))  # E: Dense(16 => 4) expects input Tensor[..., 16], got Tensor[2, 32]; need size 16 at axis -1 (got 32)  [shape]


class Gated:
    def __init__(self, d: int, gate: bool) -> None:
        self.body = Dense(d, d)
        self.gate = Dense(d, 2 * d) if gate else None

    def __call__(self, x: Tensor) -> Tensor:
        h = self.body(x)
        return h if self.gate is None else h * tf.sigmoid(self.gate(x))


@tf.shapecheck
def gated(x: Tensor[B, 8]) -> Tensor[B, 8]:
    return Gated(8, True)(x)  # E: Cannot broadcast for "mul": x has Tensor[B, 8], y has Tensor[B, 16]; need equal sizes or 1 at axis -1 (8 vs 16)  [shape]


@tf.shapecheck
def plain(x: Tensor[B, 8]) -> Tensor[B, 8]:
    return Gated(8, False)(x)


gated(tf.randn(3, 8))
plain(tf.randn(3, 8))


# Not known: the widths are plain ints here, so which branch ``__init__`` took is not known.
def unknown(cin: int, cout: int) -> None:
    Residual(cin, cout)(tf.randn(2, cin))
