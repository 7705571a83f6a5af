"""Maxout and PairwiseFusion, Flux's two fusing containers: their shape rules, shared by the
run time (``typedflux/layers/combine.py``) and the mypy plugin
(``mypy_plugin/callbacks/fusions.py``), so both say the same words.

- ``Maxout(l_1, ..., l_n)`` gives every layer the same input; its output is the elementwise
  maximum's (broadcast) shape over the layers' outputs. :func:`check_maxout` runs where it
  is built: a layer that cannot take the input the others take, or outputs that cannot be
  compared, fail for every input.
- ``PairwiseFusion(connection, l_1, ..., l_n)`` gives ``(y_1, ..., y_n)`` with
  ``y_1 = l_1(x_1)`` and ``y_i = l_i(connection(y_{i-1}, x_i))`` (Flux's order): one shape
  per layer (:class:`Several`). :func:`check_fusion` runs where it is built, from the first
  layer's template.

>>> from typedflux.shapes.catalog import SPECS
>>> from typedflux.shapes.compose import op_connection_rule
>>> from typedflux.shapes.items import layer_item
>>> from typedflux.shapes.layers_basic import DenseConfig
>>> maxout_item([layer_item(DenseConfig(5, 7))] * 2).run((3, 5))
(3, 7)
>>> fusion_shapes([layer_item(DenseConfig(4, 4))] * 2, op_connection_rule(SPECS["add_n"]),
...               "add", [(3, 4)])
Several((3, 4), (3, 4))
"""

from __future__ import annotations

from typing import Callable, List, Optional, Sequence

from typedflux.shapes.catalog import SPECS
from typedflux.shapes.compose import JoinRule
from typedflux.shapes.errors import CannotTell, ShapeError
from typedflux.shapes.items import (
    Item,
    apply_item,
    erase_names,
    holds_for_any_size,
    in_fresh_scope,
    is_rank_error,
    item_text,
    rule_item,
    start_shape,
    template_of,
)
from typedflux.shapes.layer_config import Several, Shape
from typedflux.shapes.messages import fusion_mismatch, maxout_mismatch

__all__ = [
    "maxout_repr",
    "fusion_repr",
    "max_join",
    "maxout_item",
    "check_maxout",
    "fusion_shapes",
    "fusion_item",
    "check_fusion",
]


def maxout_repr(layers: Sequence[str]) -> str:
    """``Maxout(Dense(5 => 7), Dense(5 => 7))``.

    >>> maxout_repr(["relu", "tanh"])
    'Maxout(relu, tanh)'
    """
    return f"Maxout({', '.join(layers)})"


def fusion_repr(connection: str, layers: Sequence[str]) -> str:
    """``PairwiseFusion(add, Dense(4 => 4), Dense(4 => 2))``.

    >>> fusion_repr("add", ["relu"])
    'PairwiseFusion(add, relu)'
    """
    return f"PairwiseFusion({', '.join([connection, *layers])})"


def max_join(shapes: Sequence[Shape]) -> Shape:
    """The elementwise maximum's rule over several outputs (``tf.maximum``'s, pairwise).

    >>> max_join([(3, 1), (1, 4), (3, 4)])
    (3, 4)
    """
    rule = SPECS["maximum"].rule
    out = shapes[0]
    for s in shapes[1:]:
        out = rule(x=out, y=s)
    return tuple(out)


def _texts(items: Sequence[Optional[Item]]) -> List[str]:
    return [item_text(i) for i in items]


def _start(items: Sequence[Optional[Item]]) -> Optional[Shape]:
    """The template of the first layer whose input is known (every layer gets it)."""
    for it in items:
        t = template_of(it)
        if t is not None:
            return t
    return None


def maxout_item(branches: Sequence[Optional[Item]],
                text: Optional[Callable[[], str]] = None) -> Optional[Item]:
    """A Maxout as a chain item: every branch on the input, then the maximum's shape (None
    when a branch has no rule). ``text`` gives its repr (by default from the branches')."""
    if any(b is None for b in branches):
        return None
    items = [b for b in branches if b is not None]

    def run(x: Shape) -> Shape:
        return max_join([apply_item(it, x) for it in items])

    return rule_item(text or (lambda: maxout_repr(_texts(items))), run, _start(items))


@in_fresh_scope
def check_maxout(branches: Sequence[Optional[Item]]) -> None:
    """Where a ``Maxout`` is built: from the input the first layer with a known input takes,
    every layer must run and the outputs must compare. Reported only when it fails for
    every size (names in the template made unknown); a rank the template merely assumed
    proves nothing. The error's ``position`` is the layer at fault (0: the comparison).

    >>> from typedflux.shapes.items import layer_item
    >>> from typedflux.shapes.layers_basic import DenseConfig
    >>> check_maxout([layer_item(DenseConfig(5, 7)), layer_item(DenseConfig(4, 7))])
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Maxout(Dense(5 => 7), Dense(4 => 7)) cannot give layer 2 the input the others take: Dense(4 => 7) expects input Tensor[..., 4], got Tensor[B, 5]; need size 4 at axis -1 (got 5)
    """
    if any(b is None for b in branches):
        return
    items = [b for b in branches if b is not None]
    t = start_shape(_start(items))
    if t is None:
        return
    outs: List[Shape] = []
    for i, it in enumerate(items, 1):
        try:
            outs.append(apply_item(it, t))
        except CannotTell:
            return
        except ShapeError as err:
            if is_rank_error(err) or not holds_for_any_size(
                    lambda x, it=it: apply_item(it, x), t):  # type: ignore[misc]
                return
            raise _positioned(maxout_mismatch(maxout_repr(_texts(items)), i, err.message),
                              err, i) from None
    try:
        max_join(outs)
    except CannotTell:
        return
    except ShapeError as err:
        if not holds_for_any_size(lambda _: max_join([erase_names(o) for o in outs]), ()):
            return
        raise _positioned(maxout_mismatch(maxout_repr(_texts(items)), 0, err.message),
                          err, 0) from None


def _positioned(message: str, err: ShapeError, position: int) -> ShapeError:
    out = ShapeError(message, err.notes)
    out.position = position  # type: ignore[attr-defined]
    out.rank = is_rank_error(err)  # type: ignore[attr-defined]
    return out


def fusion_shapes(branches: Sequence[Item], join: JoinRule, connection: str,
                  xs: Sequence[Shape]) -> Several:
    """The output shapes ``(y_1, ..., y_n)`` for inputs ``xs`` (one for every step, or one
    per layer). A fusion that fails is named by the layer it feeds; the first layer's own
    error is its own (``x_1`` goes to it as it is)."""
    n = len(branches)
    if len(xs) not in (1, n):
        raise CannotTell(f"PairwiseFusion of {n} layers called with {len(xs)} inputs")
    ins = list(xs) if len(xs) == n else [xs[0]] * n
    outs: List[Shape] = []
    for i, (it, x) in enumerate(zip(branches, ins)):
        if i == 0:
            outs.append(apply_item(it, x))
            continue
        try:
            outs.append(apply_item(it, join([outs[-1], x])))
        except ShapeError as err:
            text = fusion_repr(connection, _texts(branches))
            raise _positioned(fusion_mismatch(text, i + 1, err.message), err, i + 1) from None
    return Several(outs)


def fusion_item(branches: Sequence[Optional[Item]], join: Optional[JoinRule],
                connection: str, text: Optional[Callable[[], str]] = None) -> Optional[Item]:
    """A PairwiseFusion called with one input, as an item whose rule gives the ``Several``
    shapes (``tf.outputsize``); None when a part has no rule. (A Chain checks see no rule in
    it: several outputs are no input for a next layer's rule.)"""
    if join is None or any(b is None for b in branches):
        return None
    items = [b for b in branches if b is not None]
    return rule_item(text or (lambda: fusion_repr(connection, _texts(items))),
                     lambda x: fusion_shapes(items, join, connection, [x]), _start(items[:1]))


@in_fresh_scope
def check_fusion(branches: Sequence[Optional[Item]], join: Optional[JoinRule],
                 connection: str) -> None:
    """Where a ``PairwiseFusion`` is built: with one input of the shape its first layer
    takes, each fused value must fit the next layer (reported when it fails for every size).

    >>> from typedflux.shapes.compose import op_connection_rule
    >>> from typedflux.shapes.items import layer_item
    >>> from typedflux.shapes.layers_basic import DenseConfig
    >>> check_fusion([layer_item(DenseConfig(4, 4)), layer_item(DenseConfig(4, 2))],
    ...              op_connection_rule(SPECS["cat"]), "cat")
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: PairwiseFusion(cat, Dense(4 => 4), Dense(4 => 2)) cannot fuse into layer 2: Dense(4 => 2) expects input Tensor[..., 4], got Tensor[B, 8]; need size 4 at axis -1 (got 8)
    """
    if join is None or not branches or any(b is None for b in branches):
        return
    items = [b for b in branches if b is not None]
    t = start_shape(template_of(items[0]))
    if t is None:
        return
    try:
        fusion_shapes(items, join, connection, [t])
    except CannotTell:
        return
    except ShapeError as err:
        if getattr(err, "position", None) is None or is_rank_error(err):
            return  # the first layer refused its own template: its construction says so
        if holds_for_any_size(lambda x: fusion_shapes(items, join, connection, [x]), t):
            raise
