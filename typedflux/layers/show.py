"""Showing models: ``outputsize`` (from the layer shape rules, no forward pass) and
``summary`` (a table of layers, output shapes and parameter counts).

``outputsize`` runs the same layer rules the mypy plugin runs, so it cannot drift from the
static checker; a callable with no known rule is run once on zeros of the given shape.

>>> import typedflux as tf
>>> model = tf.Chain(tf.Conv((3, 3), 1, 8, tf.relu), tf.MaxPool((2, 2)), tf.Flatten(), tf.Dense(1352, 10))
>>> outputsize(model, (16, 1, 28, 28))
(16, 10)
"""

from __future__ import annotations

from typing import Any, Iterator, List, Optional, Sequence, Tuple

import numpy as np

from typedflux.engine.tree import named_params, named_tensors
from typedflux.layers.callables import layer_repr, shape_item
from typedflux.layers.containers import Chain, output_shape
from typedflux.shapes.errors import CannotTell, ShapeError
from typedflux.shapes.chains import template_of
from typedflux.shapes.layer_config import Several
from typedflux.shapes.layers import Shape
from typedflux.shapes.messages import fmt_shape

__all__ = ["outputsize", "summary", "Summary"]


def outputsize(model: Any, input_shape: Sequence[int]) -> Tuple[int, ...]:
    """The output shape of ``model`` for an input of shape ``input_shape`` (batch included),
    computed by the layer shape rules; raises the same ``ShapeError`` a call would. A model
    with several outputs (``PairwiseFusion``) gives a shape per output.

    >>> import typedflux as tf
    >>> outputsize(tf.Dense(784, 32), (16, 784))
    (16, 32)
    >>> outputsize(tf.Chain(tf.Dense(784, 32), tf.Dense(32, 10)), (16, 100))
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.LayerInputError: Chain layer 1 Dense(784 => 32) expects input Tensor[..., 784], got Tensor[16, 100]; need size 784 at axis -1 (got 100)
    """
    out = output_shape(_model_arg("outputsize", model), _shape_arg("outputsize", input_shape))
    if isinstance(out, Several):  # several outputs (PairwiseFusion): a shape for each
        return tuple(tuple(int(d) for d in o) for o in out)  # type: ignore[misc]
    return tuple(int(d) for d in out)  # type: ignore[arg-type]


def _model_arg(fn: str, model: Any) -> Any:
    """``model`` if it can be a model (a layer, a Chain, a function), else a ``TypeError``."""
    if not callable(model):
        raise TypeError(f"{fn}: model must be a layer, a Chain or a function, got "
                        f"{type(model).__name__}")
    return model


def _shape_arg(fn: str, input_shape: Any) -> Tuple[int, ...]:
    """``input_shape`` as a tuple of ints, or an error naming ``fn`` and the argument.

    >>> _shape_arg("outputsize", [2, np.int64(3)])
    (2, 3)
    >>> _shape_arg("summary", 1.5)
    Traceback (most recent call last):
    ...
    TypeError: summary: input_shape must be a tuple of ints (batch included), got 1.5
    """
    if not isinstance(input_shape, (tuple, list)) or not all(
        isinstance(d, (int, np.integer)) and not isinstance(d, bool) for d in input_shape
    ):
        raise TypeError(f"{fn}: input_shape must be a tuple of ints (batch included), got "
                        f"{input_shape!r:.60}")
    shape = tuple(int(d) for d in input_shape)
    if any(d < 0 for d in shape):
        raise ValueError(f"{fn}: input_shape must hold sizes >= 0, got {shape}")
    return shape


class Summary(str):
    """A summary table: a ``str`` that shows itself as the table at the prompt."""

    def __repr__(self) -> str:
        return str(self)


def _count(layer: Any) -> Tuple[int, int]:
    """(trainable parameters, all tensor elements incl. buffers) of a layer."""
    trainable = sum(int(t.data.size) for _, t in named_params(layer))
    total = sum(int(t.data.size) for _, t in named_tensors(layer))
    return trainable, total


def _nonfinite(layer: Any) -> str:
    """Flux's ``show`` note for a layer's tensors: ``(some NaN)``, ``(some Inf)`` or ``""``."""
    nan = inf = False
    for _, t in named_tensors(layer):
        a = t.data
        if a.dtype.kind in "fc" and a.size:
            nan = nan or bool(np.isnan(a).any())
            inf = inf or bool(np.isinf(a).any())
    return "(some NaN)" if nan else "(some Inf)" if inf else ""


def _rows(model: Any, shape: Optional[Shape], depth: int,
          rows: List[Tuple[str, str, str, str]]) -> Optional[Shape]:
    """The table's rows: a Chain layer by layer (nested ones indented, walked without
    recursion), anything else as one row. Returns the output shape (None: unknown)."""

    def entries(chain: Any) -> List[Tuple[str, Any]]:
        if not isinstance(chain, Chain):
            return [("", chain)]
        names = list(chain.layers) if isinstance(chain.layers, dict) else None
        return [(f"{names[i]}=" if names else "", l) for i, l in enumerate(chain)]

    stack: List[Tuple[Iterator[Tuple[str, Any]], int]] = [(iter(entries(model)), depth)]
    if isinstance(model, Chain) and depth > 0:
        rows.append(("  " * (depth - 1) + "Chain(", "", "", ""))
    while stack:
        it, level = stack[-1]
        entry = next(it, None)
        if entry is None:
            stack.pop()
            if stack or (isinstance(model, Chain) and depth > 0):
                rows.append(("  " * (level - 1) + ")", "", "", ""))
            continue
        label, layer = entry
        if isinstance(layer, Chain):
            rows.append(("  " * level + "Chain(", "", "", ""))
            stack.append((iter(entries(layer)), level + 1))
            continue
        out: Optional[Shape] = None
        if shape is not None:
            try:
                out = output_shape(layer, shape)
            except (CannotTell, ShapeError):
                out = None
        trainable, total = _count(layer)
        count = "" if total == 0 else f"{trainable:,}" + (
            f" ({total - trainable:,} non-trainable)" if total != trainable else "")
        rows.append(("  " * level + label + layer_repr(layer),
                     fmt_shape(out) if out is not None else "?", count, _nonfinite(layer)))
        shape = out
    return shape


def _template(model: Any) -> Optional[Shape]:
    """The input a Chain's construction check assumes: its first layer's known sizes."""
    item = shape_item(model)
    return None if item is None else template_of(item)


def summary(model: Any, input_shape: Optional[Sequence[int]] = None) -> Summary:
    """A table of the model's layers (a Chain is listed layer by layer), each with its
    output shape and its parameter count, then the totals. Without ``input_shape`` the
    shapes are those the first layer implies (batch ``B``, unknown sizes ``?``). As Flux's
    ``show``, a layer with NaN or infinite values in its tensors is marked ``(some NaN)`` or
    ``(some Inf)``.

    >>> import typedflux as tf
    >>> print(summary(tf.Chain(tf.Dense(4, 3, tf.relu), tf.Dense(3, 2))))
    Layer                Output        Params
    -----------------------------------------
    Dense(4 => 3, relu)  Tensor[B, 3]      15
    Dense(3 => 2)        Tensor[B, 2]       8
    -----------------------------------------
    Total: 23 parameters (23 trainable)

    >>> import typedflux as tf
    >>> summary(tf.Chain(tf.Dense(784, 32, tf.relu), tf.Dense(32, 10)), (16, 784))
    Layer                   Output          Params
    ----------------------------------------------
    Dense(784 => 32, relu)  Tensor[16, 32]  25,120
    Dense(32 => 10)         Tensor[16, 10]     330
    ----------------------------------------------
    Total: 25,450 parameters (25,450 trainable)

    >>> d = tf.Dense(2, 2); d.bias.data[0] = float("nan")
    >>> print(summary(tf.Chain(d, tf.Dense(2, 1))))
    Layer          Output        Params
    -----------------------------------
    Dense(2 => 2)  Tensor[B, 2]       6  (some NaN)
    Dense(2 => 1)  Tensor[B, 1]       3
    -----------------------------------
    Total: 9 parameters (9 trainable); some NaN in them
    """
    _model_arg("summary", model)
    shape: Optional[Shape] = (
        _shape_arg("summary", input_shape) if input_shape is not None else _template(model)
    )
    rows: List[Tuple[str, str, str, str]] = []
    _rows(model, shape, 0, rows)
    trainable, total = _count(model)
    head = ("Layer", "Output", "Params", "")
    w0 = max(len(r[0]) for r in rows + [head])
    w1 = max(len(r[1]) for r in rows + [head])
    w2 = max(len(r[2]) for r in rows + [head])
    width = w0 + 2 + w1 + 2 + w2
    lines = [f"{head[0]:<{w0}}  {head[1]:<{w1}}  {head[2]:>{w2}}", "-" * width]
    lines += [f"{a:<{w0}}  {b:<{w1}}  {c:>{w2}}  {d}".rstrip() for a, b, c, d in rows]
    lines.append("-" * width)
    extra = f", {total - trainable:,} non-trainable" if total != trainable else ""
    bad = _nonfinite(model)
    note = f"; {bad[1:-1]} in them" if bad else ""
    lines.append(f"Total: {total:,} parameters ({trainable:,} trainable{extra}){note}")
    return Summary("\n".join(lines))
