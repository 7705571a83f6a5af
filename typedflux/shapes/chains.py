"""Chain checking: threading a shape through a Chain's layers, at construction and at calls.

A Chain's layers are seen as *items*: a layer config (:class:`LayerConfig`), a bare rule
``(repr, rule)`` for callables with a known rule (activations, nested Chains, containers),
or None for a callable whose shape behaviour is unknown. The run-time ``Chain`` and the mypy
plugin both call these functions, so a failing Chain reads the same in both.

>>> from typedflux.shapes.layers_basic import DenseConfig
>>> check_chain([DenseConfig(784, 32), DenseConfig(32, 10)])
(B, 10)
"""

from __future__ import annotations

from typing import Callable, Optional, Sequence, Tuple, Union

from typedflux.shapes.errors import CannotTell, ShapeError
from typedflux.shapes.layer_spec import LayerConfig, LayerInputError, Shape, dims_only
from typedflux.shapes.messages import chain_mismatch, fmt_shape, layer_input_mismatch

__all__ = [
    "Rule",
    "ChainItem",
    "layer_rule",
    "chain_rule",
    "check_chain",
    "reword_in_chain",
    "chain_repr",
    "skip_repr",
    "parallel_repr",
]


def layer_rule(config: LayerConfig, x: Shape) -> Shape:
    """Run a layer's rule: ``rule(config, input_shape) -> output_shape``.

    >>> from typedflux.shapes.layers_basic import DenseConfig
    >>> layer_rule(DenseConfig(784, 32, "relu"), (16, 100))
    Traceback (most recent call last):
    ...
    typedflux.shapes.layer_spec.LayerInputError: Dense(784 => 32, relu) expects input Tensor[..., 784], got Tensor[16, 100]; need size 784 at axis -1 (got 100)
    """
    return config.rule(x)


Rule = Callable[[Shape], Shape]
# A chain item: a layer config, a bare rule (for callables with a known rule: activations,
# nested chains), or None for a layer whose shape behaviour is unknown.
ChainItem = Union[LayerConfig, Tuple[str, Rule], None]


def _item_repr(item: ChainItem) -> str:
    if item is None:
        return "?"
    if isinstance(item, LayerConfig):
        return item.repr()
    return item[0]


def reword_in_chain(
    err: ShapeError, position: int, layer_text: str, prev: Optional[Tuple[int, str]], x: Shape,
    input_error: bool = True,
) -> ShapeError:
    """A layer's error re-worded to name its Chain position (and the layer feeding it, by its
    repr), used by the run-time Chain and the static Chain rule alike. ``input_error=False``
    keeps a :class:`LayerInputError` generic (a container layer's inner error).

    >>> from typedflux.shapes.layers_basic import DenseConfig
    >>> try:
    ...     DenseConfig(64, 10).rule((16, 32))
    ... except LayerInputError as e:
    ...     print(reword_in_chain(e, 2, "Dense(64 => 10)", (1, "Dense(784 => 32)"), (16, 32)))
    Chain layer 2 Dense(64 => 10) expects input Tensor[..., 64], but layer 1 Dense(784 => 32) produces Tensor[16, 32]; change Dense(64 => 10) to Dense(32 => 10)
    """
    if isinstance(err, LayerInputError) and input_error:
        if prev is None:
            text = layer_input_mismatch(err.layer, err.expected, x, err.axis, position)
        else:
            hint = f"change {err.layer} to {err.fix.repr()}" if err.fix is not None else None
            text = chain_mismatch(position, err.layer, err.expected, prev[0], prev[1], x, hint)
        out = LayerInputError(text, err.layer, err.expected, x, err.axis, err.fix)
        out.notes = err.notes
        return out
    return ShapeError(
        f"Chain layer {position} {layer_text}: {err.message}",
        (*err.notes, f"input to layer {position}: {fmt_shape(x)}"),
    )


def _reword(
    err: ShapeError, position: int, item: ChainItem, prev: Optional[Tuple[int, ChainItem]],
    x: Shape,
) -> ShapeError:
    before = None if prev is None else (prev[0], _item_repr(prev[1]))
    return reword_in_chain(err, position, _item_repr(item), before, x)


def chain_rule(items: Sequence[ChainItem], x: Shape, start: int = 1) -> Shape:
    """Thread a shape through a Chain's layers; errors name the failing position.

    ``None`` items (unknown layers) make the rest unknown (``CannotTell``).

    >>> from typedflux.shapes.layers_basic import DenseConfig
    >>> chain_rule([DenseConfig(784, 32, "relu"), DenseConfig(64, 10)], (16, 784))
    Traceback (most recent call last):
    ...
    typedflux.shapes.layer_spec.LayerInputError: Chain layer 2 Dense(64 => 10) expects input Tensor[..., 64], but layer 1 Dense(784 => 32, relu) produces Tensor[16, 32]; change Dense(64 => 10) to Dense(32 => 10)
    """
    prev: Optional[Tuple[int, ChainItem]] = None
    for i, item in enumerate(items, start):
        if item is None:
            raise CannotTell(f"Chain layer {i} has no shape rule")
        rule = item.rule if isinstance(item, LayerConfig) else item[1]
        try:
            y = rule(x)
        except ShapeError as err:
            raise _reword(err, i, item, prev, x) from None
        prev, x = (i, item), y
    return x


def check_chain(items: Sequence[ChainItem]) -> Optional[Shape]:
    """Construction-time check that adjacent layers compose; returns the output shape
    assumed from the first layer's template, or None when nothing could be followed.

    Starts from the first layer's ``template()`` (its known sizes, batch ``B``). After a layer
    with no rule, checking restarts at the next layer with a template. A layer given an input
    of a rank it does not take stops the check (no false alarm on unusual ranks).

    >>> from typedflux.shapes.layers_basic import DenseConfig
    >>> check_chain([DenseConfig(784, 32, "relu"), DenseConfig(64, 10)])
    Traceback (most recent call last):
    ...
    typedflux.shapes.layer_spec.LayerInputError: Chain layer 2 Dense(64 => 10) expects input Tensor[..., 64], but layer 1 Dense(784 => 32, relu) produces Tensor[B, 32]; change Dense(64 => 10) to Dense(32 => 10)
    >>> check_chain([DenseConfig(784, 32), DenseConfig(32, 10)])
    (B, 10)
    """
    x: Optional[Shape] = None
    prev: Optional[Tuple[int, ChainItem]] = None
    for i, item in enumerate(items, 1):
        if item is None:
            x, prev = None, None
            continue
        if x is None:
            t = item.template() if isinstance(item, LayerConfig) else None
            if t is None:
                continue
            x = t
        if isinstance(item, LayerConfig) and not _rank_fits(item, x):
            return None
        rule = item.rule if isinstance(item, LayerConfig) else item[1]
        try:
            x = rule(x)
        except CannotTell:
            x, prev = None, None
            continue
        except ShapeError as err:
            if isinstance(err, LayerInputError) and err.axis is None:
                return None  # a rank mismatch from an assumed template: not proven
            raise _reword(err, i, item, prev, x) from None
        prev = (i, item)
    return x


def _rank_fits(cfg: LayerConfig, x: Shape) -> bool:
    dims = dims_only(x)
    if dims is None:
        return True
    if cfg.ranks is not None:
        return len(dims) in cfg.ranks
    return len(dims) >= cfg.min_rank


def chain_repr(items: Sequence[str], names: Optional[Sequence[str]] = None) -> str:
    """``Chain(Dense(784 => 32, relu), Dense(32 => 10))``; named: ``Chain(enc=..., dec=...)``.

    >>> chain_repr(["Dense(2 => 3)"], ["enc"])
    'Chain(enc=Dense(2 => 3))'
    """
    if names is None:
        return f"Chain({', '.join(items)})"
    return f"Chain({', '.join(f'{n}={r}' for n, r in zip(names, items))})"


def skip_repr(layer: str, connection: str) -> str:
    """``SkipConnection(Dense(2 => 2), add)``.

    >>> skip_repr("Dense(2 => 2)", "add")
    'SkipConnection(Dense(2 => 2), add)'
    """
    return f"SkipConnection({layer}, {connection})"


def parallel_repr(connection: str, layers: Sequence[str]) -> str:
    """``Parallel(cat, Dense(2 => 3), Dense(2 => 4))``.

    >>> parallel_repr("cat", ["Dense(2 => 3)", "Dense(2 => 4)"])
    'Parallel(cat, Dense(2 => 3), Dense(2 => 4))'
    """
    return f"Parallel({connection}, {', '.join(layers)})"
