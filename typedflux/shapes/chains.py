"""Chain checking: threading a shape through a Chain's layers, at construction and at calls.

The run-time ``Chain`` and the mypy plugin both describe a Chain's layers as *items* and
call these functions, so a failing Chain reads the same in both:

- :func:`layer_item` (a built-in layer: its config), :func:`rule_item` (an op, a typed user
  function or layer class: a rule and, when its annotation says, the input it takes),
  :func:`chain_of` (a nested Chain, expanded lazily), :func:`skip_item` and
  :func:`parallel_item` (containers); ``None`` is a layer whose shape behaviour is unknown.
- :func:`check_chain` runs where a Chain is built: it starts from the first layer's
  *template* (its known sizes, batch ``B``), restarts after an unknown layer, and reports
  only what holds for every input (a rank it merely assumed proves nothing).
- :func:`chain_rule` runs where a Chain is called with a known shape.
- :func:`check_skip` / :func:`check_parallel` run where a container is built: a
  ``SkipConnection`` whose main path changes the shape its connection must join, or a
  ``Parallel`` whose branches cannot be joined, fails for every input.

Nested Chains are walked with an explicit stack (a Chain nested 1,000 deep needs no
recursion), and a hint ("change X to Y") is offered only when the changed model composes.

>>> from typedflux.shapes.layers_basic import DenseConfig
>>> check_chain([DenseConfig(784, 32), DenseConfig(32, 10)])
(B, 10)
"""

from __future__ import annotations

from typing import Dict, List, Optional, Sequence, Tuple

from typedflux.shapes.compose import JoinRule
from typedflux.shapes.dims import UNKNOWN, Star
from typedflux.shapes.errors import CannotTell, LayerInputError, ShapeError
from typedflux.shapes.hints import chain_hint, skip_hint
from typedflux.shapes.items import (
    NOTHING,
    SHAPE,
    STOP,
    ChainItem,
    Item,
    Rule,
    Summary,
    apply_item,
    as_item,
    chain_of,
    chain_repr,
    erase_names,
    holds_for_any_size,
    in_fresh_scope,
    is_rank_error,
    item_text,
    layer_item,
    located,
    parallel_item,
    parallel_repr,
    rank_fits,
    rule_item,
    skip_item,
    skip_repr,
    start_shape,
    template_of,
)
from typedflux.shapes.layer_config import LayerConfig, Shape
from typedflux.shapes.messages import chain_mismatch, fmt_shape, layer_input_mismatch

__all__ = [
    "Rule",
    "Item",
    "ChainItem",
    "layer_item",
    "rule_item",
    "chain_of",
    "skip_item",
    "parallel_item",
    "as_item",
    "template_of",
    "erase_names",
    "apply_item",
    "item_text",
    "layer_rule",
    "chain_rule",
    "check_chain",
    "check_chain_summary",
    "Summary",
    "check_skip",
    "check_parallel",
    "reword_in_chain",
    "chain_repr",
    "skip_repr",
    "parallel_repr",
]


class _Frame:
    """One Chain being walked: its items, where we are, what fed the last layer."""

    __slots__ = ("items", "pos", "prev", "x_in", "start")

    def __init__(self, items: Sequence[Optional[Item]], x_in: Optional[Shape]) -> None:
        self.items = items
        self.pos = 0
        # (position, item, its input) of the last layer that ran in this Chain.
        self.prev: Optional[Tuple[int, Item, Optional[Shape]]] = None
        self.x_in = x_in
        self.start: Optional[int] = None  # where a template started the check (build)


def _walk(
    items: Sequence[Optional[Item]],
    x: Optional[Shape],
    build: bool,
    subst: Optional[Dict[int, Item]] = None,
    hints: bool = True,
    start: int = 1,
) -> Optional[Shape]:
    """Thread ``x`` through ``items`` (``x`` None and ``build``: start from templates).

    Returns the output shape, or None (build only) when nothing could be followed to the
    end. Raises the re-worded ``ShapeError`` of the first layer that fails.
    """
    return _walk_status(items, x, build, subst, hints, start)[1]


def _walk_status(
    items: Sequence[Optional[Item]],
    x: Optional[Shape],
    build: bool,
    subst: Optional[Dict[int, Item]] = None,
    hints: bool = True,
    start: int = 1,
) -> Summary:
    top = list(items)
    frames = [_Frame(top, x)]
    ctx = _Context(top, x, build, subst, start)
    # Whether x's rank holds for every input (it came out of a layer with an ``out_rank``,
    # then only through layers that keep their input's rank): a layer refusing that rank then
    # fails for every input, also where the Chain is built.
    certain = False
    while frames:
        f = frames[-1]
        if f.pos == len(f.items):
            frames.pop()
            if frames:
                parent = frames[-1]
                done = parent.items[parent.pos]
                assert done is not None
                parent.prev = (parent.pos + 1, done, f.x_in) if x is not None else None
                parent.pos += 1
            continue
        item = f.items[f.pos]
        if item is not None and subst is not None:
            item = subst.get(id(item), item)
        position = f.pos + 1
        if item is None:
            if not build:
                raise CannotTell(f"Chain layer {position} has no shape rule")
            x, f.prev, f.pos, certain = None, None, f.pos + 1, False
            continue
        if item.kind == "chain":
            summary = item.summary() if build and x is None and subst is None else None
            if summary is None:
                frames.append(_Frame(item.children(), x))
                continue
            status, x = summary
            x, certain = start_shape(x), False  # another tensor than any the check started from
            if status == STOP:
                return (STOP, None)
            f.prev = (position, item, None) if x is not None else None
            f.pos += 1
            continue
        if x is None:
            x, certain = start_shape(template_of(item)), False
            if x is None and item.config is not None and item.config.out_rank is not None \
                    and item.config.ranks is None:  # (a pool: the next template keeps H')
                x = (Star(),)  # no template, but its output's rank holds for any input
            if x is None:
                f.pos += 1
                continue
            f.start = position
        if build and not certain and item.config is not None and not rank_fits(item.config, x):
            return (STOP, None)  # a rank the template merely assumed: nothing proven from here
        assert item.run is not None
        try:
            y = item.run(x)
        except CannotTell:
            if not build:
                raise
            x, f.prev, f.pos, certain = None, None, f.pos + 1, False
            continue
        except ShapeError as err:
            if build and is_rank_error(err) and not certain:
                return (STOP, None)
            if build and not holds_for_any_size(item.run, x):
                # It failed only because of a name the template gave a size (T in
                # Embedding's (B, T)): no proof; follow on with nothing known.
                x, f.prev, f.pos, certain = None, None, f.pos + 1, False
                continue
            raise _reword(err, frames, item, x, ctx, hints) from None
        f.prev = (position, item, x)
        x = y
        certain = item.config is not None and (
            item.config.out_rank is not None
            or (certain and (item.config.keeps_rank or item.config.adds_rank)))
        f.pos += 1
    return (SHAPE, x) if x is not None else (NOTHING, None)


class _Context:
    """What a hint needs to re-run the whole check with one layer changed."""

    __slots__ = ("top", "x0", "build", "subst", "start")

    def __init__(self, top: List[Optional[Item]], x0: Optional[Shape], build: bool,
                 subst: Optional[Dict[int, Item]], start: int) -> None:
        self.top, self.x0, self.build, self.subst, self.start = top, x0, build, subst, start

    def trial(self, subst: Dict[int, Item]) -> Tuple[bool, Optional[Shape]]:
        """Whether the whole check passes with ``subst`` applied, and its output."""
        try:
            out = _walk(self.top, self.x0, self.build, subst, hints=False, start=self.start)
        except CannotTell:
            return True, None
        except ShapeError:
            return False, None
        return True, out


# Beyond this many enclosing Chains a message names only the outermost and innermost ones
# (a Chain nested 1,000 deep would otherwise repeat its whole repr at every level).
_MAX_LEVELS = 6
_MAX_TEXT = 400


def _short(text: str) -> str:
    return text if len(text) <= _MAX_TEXT else text[: _MAX_TEXT - 5] + " ...)"


def _reword(err: ShapeError, frames: List[_Frame], item: Item, x: Shape, ctx: _Context,
            hints: bool) -> ShapeError:
    """The failing layer's error, named by its position in each enclosing Chain."""
    f = frames[-1]
    offset = ctx.start - 1 if len(frames) == 1 else 0
    position = f.pos + 1 + offset
    out: ShapeError
    if isinstance(err, LayerInputError) and item.kind == "layer":
        if f.prev is None:
            text = layer_input_mismatch(err.layer, err.expected, x, err.axis, position)
        else:
            hint = chain_hint(err, f.prev, f.start, f.items, f.x_in, item, x, ctx.trial,
                              dict(ctx.subst or {})) if hints else None
            text = chain_mismatch(position, err.layer, err.expected, f.prev[0] + offset,
                                  _short(item_text(f.prev[1])), x, hint)
        out = LayerInputError(text, err.layer, err.expected, x, err.axis, err.fix)
        out.notes = err.notes
    else:
        out = ShapeError(
            f"Chain layer {position} {_short(item_text(item))}: {err.message}",
            (*err.notes, f"input to layer {position}: {fmt_shape(x)}"),
        )
    levels = list(range(len(frames) - 2, -1, -1))
    if len(levels) > _MAX_LEVELS:
        levels = levels[: _MAX_LEVELS // 2] + levels[-(_MAX_LEVELS // 2):]
    for n, depth in enumerate(levels):
        parent, child = frames[depth], frames[depth + 1]
        nested = parent.items[parent.pos]
        p = parent.pos + 1 + (ctx.start - 1 if depth == 0 else 0)
        x_in = child.x_in
        note = () if x_in is None else (f"input to layer {p}: {fmt_shape(x_in)}",)
        skipped = n == _MAX_LEVELS // 2 and len(frames) - 1 > _MAX_LEVELS
        between = f"... {len(frames) - 1 - _MAX_LEVELS} more Chains ...: " if skipped else ""
        out = ShapeError(
            f"Chain layer {p} {_short(item_text(nested))}: {between}{out.message}",
            (*out.notes, *note),
        )
    return located(out, frames[0].pos + ctx.start, [fr.pos + 1 for fr in frames[1:]], item, err)


# -- public entry points -----------------------------------------------------------------------


def layer_rule(config: LayerConfig, x: Shape) -> Shape:
    """Run a layer's rule: ``rule(config, input_shape) -> output_shape``.

    >>> from typedflux.shapes.layers_basic import DenseConfig
    >>> layer_rule(DenseConfig(784, 32, "relu"), (16, 100))
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.LayerInputError: Dense(784 => 32, relu) expects input Tensor[..., 784], got Tensor[16, 100]; need size 784 at axis -1 (got 100)
    """
    return config.rule(x)


def chain_rule(items: Sequence[ChainItem], x: Shape, start: int = 1) -> Shape:
    """Thread a shape through a Chain's layers; errors name the failing position.

    ``None`` items (unknown layers) make the rest unknown (``CannotTell``).

    >>> from typedflux.shapes.layers_basic import DenseConfig
    >>> chain_rule([DenseConfig(784, 32, "relu"), DenseConfig(64, 10)], (16, 784))
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.LayerInputError: Chain layer 2 Dense(64 => 10) expects input Tensor[..., 64], but layer 1 Dense(784 => 32, relu) produces Tensor[16, 32]; change Dense(64 => 10) to Dense(32 => 10)
    """
    out = _walk([as_item(i) for i in items], tuple(x), build=False, start=start)
    assert out is not None
    return out


@in_fresh_scope
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
    typedflux.shapes.errors.LayerInputError: Chain layer 2 Dense(64 => 10) expects input Tensor[..., 64], but layer 1 Dense(784 => 32, relu) produces Tensor[B, 32]; change Dense(64 => 10) to Dense(32 => 10)
    >>> check_chain([DenseConfig(784, 32), DenseConfig(32, 10)])
    (B, 10)
    """
    return _walk([as_item(i) for i in items], None, build=True)


@in_fresh_scope
def check_chain_summary(items: Sequence[ChainItem]) -> Summary:
    """:func:`check_chain`, with how it ended (for a Chain to keep, see :data:`Summary`)."""
    return _walk_status([as_item(i) for i in items], None, build=True)


def _run_one(item: Item, x: Shape, build: bool) -> Optional[Shape]:
    """One item on a shape, no hints (errors raised)."""
    return _walk([item], x, build=build, hints=False)


def _build_run(item: Item, x: Shape) -> Optional[Shape]:
    """``item`` on a template-derived input, at construction: None when not provable."""
    try:
        return _walk([item], x, build=True, hints=False)
    except ShapeError:
        return None  # the inner part's own construction reports its own errors


def _joinable(shapes: Sequence[Shape]) -> bool:
    # Shapes derived from templates join provably only at one known rank.
    if any(isinstance(d, Star) for s in shapes for d in s):
        return False
    return len({len(s) for s in shapes}) == 1


def _leading_run(t: Shape) -> bool:
    """A template of any leading dims then known ones (``LayerNorm(64)``'s ``(*?, 64)``)."""
    return len(t) > 1 and isinstance(t[0], Star) and not any(isinstance(d, Star) for d in t[1:])


_RANKS = (0, 1, 2, 3)
"""The lengths of a template's leading run tried before a SkipConnection is refused."""


def _fails_at_each_rank(inner: Item, join: JoinRule, t: Shape) -> bool:
    """A template's leading run stands for any number of dims: the join must fail with
    each of a few lengths of it, every dim unknown (a rule that depends on the rank, a
    Flatten, say, is then not refused)."""
    for k in _RANKS:
        x = erase_names((UNKNOWN,) * k + tuple(t[1:]))
        out = _build_run(inner, x)
        if out is None:
            return False
        try:
            join([erase_names(out), x])
        except ShapeError:
            continue
        except CannotTell:
            return False
        return False
    return True


@in_fresh_scope
def check_skip(inner: Optional[Item], join: Optional[JoinRule], connection: str) -> None:
    """Where a ``SkipConnection`` is built: ``join(inner(x), x)`` must hold for the input
    ``inner`` takes. A main path that changes what the connection joins fails for every input
    (a ResNet downsampling block without a projection shortcut), with a hint that composes.

    >>> from typedflux.shapes.catalog import SPECS
    >>> from typedflux.shapes.compose import op_connection_rule
    >>> from typedflux.shapes.layers_basic import DenseConfig
    >>> check_skip(layer_item(DenseConfig(8, 4)), op_connection_rule(SPECS["add_n"]), "add")
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: SkipConnection(Dense(8 => 4), add) cannot join its input and its layer's output: Cannot broadcast for "add": xs[0] has Tensor[B, 4], xs[1] has Tensor[B, 8]; need equal sizes or 1 at axis -1 (4 vs 8); change Dense(8 => 4) to Dense(8 => 8), or to Dense(4 => 4)
    """
    if inner is None or join is None:
        return
    t = start_shape(template_of(inner))
    if t is None:
        return
    out = _build_run(inner, t)
    if out is None:
        return
    leading = not _joinable([out, t])
    if leading and not _leading_run(t):
        return
    try:
        join([out, t])
    except CannotTell:
        return
    except ShapeError as err:
        if leading and not _fails_at_each_rank(inner, join, t):
            return
        if not leading and not holds_for_any_size(
            lambda _: join([erase_names(out), erase_names(t)]), t
        ):
            return
        whole = skip_item(inner, join, connection)
        assert whole is not None
        hint = skip_hint(inner, join, t, connection, _run_one)
        raise _container_error(item_text(whole), err, hint, "its input and its layer's output")


@in_fresh_scope
def check_parallel(branches: Sequence[Optional[Item]], join: Optional[JoinRule],
                   connection: str) -> None:
    """Where a ``Parallel`` is built: its branches' outputs, each from the input it takes,
    must join. (A branch with no known input leaves the check to the call; each branch may
    get an input of its own, so sizes that depend on the input, a Conv's, are checked where
    it is called or inside a Chain, where one input feeds every branch.)

    >>> from typedflux.shapes.catalog import SPECS
    >>> from typedflux.shapes.compose import op_connection_rule
    >>> from typedflux.shapes.layers_basic import DenseConfig
    >>> check_parallel([layer_item(DenseConfig(8, 3)), layer_item(DenseConfig(8, 5))],
    ...                op_connection_rule(SPECS["add_n"]), "add")
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Parallel(add, Dense(8 => 3), Dense(8 => 5)) cannot join its branches: Cannot broadcast for "add": xs[0] has Tensor[B, 3], xs[1] has Tensor[B, 5]; need equal sizes or 1 at axis -1 (3 vs 5)
    """
    if join is None or any(b is None for b in branches):
        return
    outs: List[Shape] = []
    for b in branches:
        assert b is not None
        # Sizes of its own for each branch: a Parallel may be called with one input per
        # branch (only what no input can change, a Dense's output size, is proven here).
        t = start_shape(template_of(b))
        out = _build_run(b, t) if t is not None else None
        if out is None:
            return
        outs.append(out)
    if not _joinable(outs):
        return
    try:
        join(outs)
    except CannotTell:
        return
    except ShapeError as err:
        if not holds_for_any_size(lambda _: join([erase_names(o) for o in outs]), ()):
            return
        whole = parallel_item(branches, join, connection)
        assert whole is not None
        raise _container_error(item_text(whole), err, None, "its branches")


def _container_error(text: str, err: ShapeError, hint: Optional[str], what: str) -> ShapeError:
    message = f"{text} cannot join {what}: {err.message}"
    if hint:
        message += f"; {hint}"
    return ShapeError(message, err.notes)


def reword_in_chain(
    err: ShapeError, position: int, layer_text: str, prev: Optional[Tuple[int, str]], x: Shape,
    input_error: bool = True,
) -> ShapeError:
    """A layer's error re-worded to name its Chain position (and the layer feeding it, by its
    repr). ``input_error=False`` keeps a :class:`LayerInputError` generic (a container
    layer's inner error). (No hint: :func:`chain_rule` offers hints that compose.)

    >>> from typedflux.shapes.layers_basic import DenseConfig
    >>> try:
    ...     DenseConfig(64, 10).rule((16, 32))
    ... except LayerInputError as e:
    ...     print(reword_in_chain(e, 2, "Dense(64 => 10)", (1, "Dense(784 => 32)"), (16, 32)))
    Chain layer 2 Dense(64 => 10) expects input Tensor[..., 64], but layer 1 Dense(784 => 32) produces Tensor[16, 32]
    """
    if isinstance(err, LayerInputError) and input_error:
        if prev is None:
            text = layer_input_mismatch(err.layer, err.expected, x, err.axis, position)
        else:
            text = chain_mismatch(position, err.layer, err.expected, prev[0], prev[1], x, None)
        out = LayerInputError(text, err.layer, err.expected, x, err.axis, err.fix)
        out.notes = err.notes
        return out
    return ShapeError(
        f"Chain layer {position} {layer_text}: {err.message}",
        (*err.notes, f"input to layer {position}: {fmt_shape(x)}"),
    )
