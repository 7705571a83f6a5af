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

from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple, Union

from typedflux.shapes.compose import JoinRule, RankMismatch
from typedflux.shapes.dims import UNKNOWN, Star, equal
from typedflux.shapes.errors import CannotTell, ShapeError
from typedflux.shapes.layer_spec import LayerConfig, LayerInputError, Shape, dims_only
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

Rule = Callable[[Shape], Shape]


class Item:
    """How the chain checks see one layer (see the module docstring for the kinds).

    ``text`` is its repr (or a function computing it, for deep models); ``run`` its rule;
    ``template`` the input it assumes when it starts a check (None: none).
    """

    __slots__ = ("kind", "_text", "run", "config", "_template", "_children", "_expanded",
                 "names", "parts", "connection", "_summary", "join")

    def __init__(
        self,
        kind: str,
        text: Union[str, Callable[[], str], None],
        run: Optional[Rule] = None,
        config: Optional[LayerConfig] = None,
        template: Optional[Shape] = None,
        children: Optional[Callable[[], Sequence[Optional["Item"]]]] = None,
        names: Optional[Sequence[str]] = None,
        parts: Sequence[Optional["Item"]] = (),
        connection: str = "",
        summary: Optional[Callable[[], Optional["Summary"]]] = None,
    ) -> None:
        self.kind = kind
        self._text = text
        self.run = run
        self.config = config
        self._template = template
        self._children = children
        self._expanded: Optional[List[Optional[Item]]] = None
        self.names = names
        self.parts = tuple(parts)
        self.connection = connection
        self._summary = summary
        self.join: Optional[JoinRule] = None

    def children(self) -> List[Optional["Item"]]:
        """A nested Chain's items, built once (so a re-run meets the same objects)."""
        if self._expanded is None:
            self._expanded = list(self._children()) if self._children is not None else []
        return self._expanded

    def summary(self) -> Optional["Summary"]:
        """A nested Chain's own construction check, when it is known and still holds."""
        return self._summary() if self._summary is not None else None

    def text(self) -> str:
        """Its repr (a nested Chain's built from its items)."""
        return item_text(self)

    def template(self) -> Optional[Shape]:
        """The input it assumes when it starts a check (see :func:`template_of`)."""
        return template_of(self)

    def call(self, xs: Sequence[Shape]) -> Shape:
        """Called with ``xs``: one input, or (a Parallel) one input per branch."""
        if self.config is not None:
            return self.config.call(xs)
        if self.kind == "parallel" and 1 < len(xs) == len(self.parts) and self.join:
            outs = [_container_call(lambda r=_runner(b), x=x: r(x))  # type: ignore[misc]
                    for b, x in zip(self.parts, xs) if b is not None]
            return _join(self.join, outs)
        if len(xs) != 1:
            raise CannotTell(f"{self.kind} called with {len(xs)} inputs")
        return apply_item(self, xs[0])

    def __repr__(self) -> str:
        return f"Item({self.kind}, {self.text()})"


ChainItem = Union[Item, LayerConfig, Tuple[str, Rule], None]
"""What callers may pass as a chain item (configs and ``(repr, rule)`` pairs are wrapped)."""


def layer_item(config: LayerConfig) -> Item:
    """A built-in layer: its config's rule, template and hints."""
    return Item("layer", config.repr, config.rule, config=config, template=config.template())


def rule_item(text: Union[str, Callable[[], str]], run: Rule,
              template: Optional[Shape] = None) -> Item:
    """An op, a typed function or a user layer: its rule (errors are named after it)."""
    return Item("function", text, run, template=template)


def chain_of(children: Callable[[], Sequence[Optional[Item]]],
             names: Optional[Sequence[str]] = None,
             summary: Optional[Callable[[], Optional["Summary"]]] = None) -> Item:
    """A nested Chain whose items ``children()`` gives (called once, when first needed);
    ``summary()`` may give its own construction check (see :data:`Summary`)."""
    return Item("chain", None, children=children, names=names, summary=summary)


def skip_item(inner: Optional[Item], join: JoinRule, connection: str) -> Optional[Item]:
    """``SkipConnection(inner, connection)``: ``join([inner(x), x])``; None when ``inner``
    is unknown."""
    if inner is None:
        return None
    run_inner = _runner(inner)

    def run(x: Shape) -> Shape:
        out = _container_call(lambda: run_inner(x))
        return _join(join, [out, x])

    return Item("skip", None, run, parts=(inner,), connection=connection)


def parallel_item(branches: Sequence[Optional[Item]], join: JoinRule,
                  connection: str) -> Optional[Item]:
    """``Parallel(connection, *branches)`` called with one input (every branch gets it)."""
    if any(b is None for b in branches):
        return None
    runs = [_runner(b) for b in branches if b is not None]

    def run(x: Shape) -> Shape:
        outs = [_container_call(lambda r=r: r(x)) for r in runs]  # type: ignore[misc]
        return _join(join, outs)

    item = Item("parallel", None, run, parts=tuple(branches), connection=connection)
    item.join = join
    return item


def as_item(item: ChainItem) -> Optional[Item]:
    """Wrap a config or a ``(repr, rule)`` pair as an :class:`Item`."""
    if item is None or isinstance(item, Item):
        return item
    if isinstance(item, LayerConfig):
        return layer_item(item)
    return rule_item(item[0], item[1])


# -- texts and templates ----------------------------------------------------------------------


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


def item_text(root: Optional[Item]) -> str:
    """An item's repr, built without recursion (a deep model is a deep tree of items).

    >>> item_text(chain_of(lambda: [chain_of(lambda: [rule_item("relu", lambda x: x)])]))
    'Chain(Chain(relu))'
    """
    if root is None:
        return "?"
    done: Dict[int, str] = {}
    stack: List[Tuple[Item, bool]] = [(root, False)]
    while stack:
        node, ready = stack.pop()
        if node.kind in ("layer", "function"):
            t = node._text
            done[id(node)] = t() if callable(t) else (t or "?")
            continue
        kids = node.children() if node.kind == "chain" else list(node.parts)
        if not ready:
            stack.append((node, True))
            stack.extend((k, False) for k in kids if k is not None and id(k) not in done)
            continue
        texts = ["?" if k is None else done[id(k)] for k in kids]
        if node.kind == "chain":
            done[id(node)] = chain_repr(texts, node.names)
        elif node.kind == "skip":
            done[id(node)] = skip_repr(texts[0], node.connection)
        else:
            done[id(node)] = parallel_repr(node.connection, texts)
    return done[id(root)]


def template_of(item: Optional[Item]) -> Optional[Shape]:
    """The input ``item`` assumes when it starts a check: a layer's known sizes, a typed
    function's annotation, a Chain's or SkipConnection's first layer's, a Parallel's
    branches' when they agree.

    >>> from typedflux.shapes.layers_basic import DenseConfig
    >>> template_of(chain_of(lambda: [layer_item(DenseConfig(4, 2))]))
    (B, 4)
    """
    while item is not None:
        if item.kind in ("layer", "function"):
            return item._template
        if item.kind == "chain":
            kids = item.children()
            item = kids[0] if kids else None
        elif item.kind == "skip":
            item = item.parts[0]
        else:
            found = [t for t in (template_of(b) for b in item.parts) if t is not None]
            return found[0] if found and all(t == found[0] for t in found) else None
    return None


# -- running -----------------------------------------------------------------------------------


def _runner(item: Item) -> Rule:
    if item.kind == "chain":
        return lambda x: _walk(item.children(), x, build=False)  # type: ignore[return-value]
    assert item.run is not None
    return item.run


def _container_call(run: Callable[[], Shape]) -> Shape:
    # Inside a container the runtime's Chain names the container, not the inner layer
    # ("Chain layer 2 SkipConnection(...): <inner message>"): a plain ShapeError gets that.
    try:
        return run()
    except LayerInputError as err:
        out = ShapeError(err.message, err.notes)
        out.rank = err.axis is None  # type: ignore[attr-defined]
        raise out from None


def _join(join: JoinRule, shapes: List[Shape]) -> Shape:
    try:
        return join(shapes)
    except ShapeError as err:
        ranks = {len(s) for s in shapes if not any(isinstance(d, Star) for d in s)}
        if len(ranks) > 1:
            err.rank = True  # type: ignore[attr-defined]
        raise


def erase_names(shape: Shape) -> Shape:
    """``shape`` with every dim that holds a name made unknown (``(B, 16*T, 8)`` ->
    ``(?, ?, 8)``).

    >>> from typedflux.shapes.dims import sym
    >>> erase_names((sym("B"), 16 * sym("T"), 8))
    (?, ?, 8)
    """
    return tuple(d if isinstance(d, (int, Star)) else UNKNOWN for d in shape)


def _holds_for_any_size(run: Callable[[Shape], Any], x: Shape) -> bool:
    """At construction, names in a template (``B``, ``T``, an annotation's ``N``) stand
    for any size, but the rules hold names rigid: a failure is proven only when it stays
    with those names made unknown."""
    try:
        run(erase_names(x))
    except ShapeError:
        return True
    except CannotTell:
        return False
    return False


def _is_rank_error(err: ShapeError) -> bool:
    if isinstance(err, LayerInputError):
        return err.axis is None
    return isinstance(err, RankMismatch) or bool(getattr(err, "rank", False))


def _rank_fits(cfg: LayerConfig, x: Shape) -> bool:
    dims = dims_only(x)
    if dims is None:
        return True
    if cfg.ranks is not None:
        return len(dims) in cfg.ranks
    return len(dims) >= cfg.min_rank


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


SHAPE, NOTHING, STOP = "shape", "nothing", "stop"
Summary = Tuple[str, Optional[Shape]]
"""A Chain's construction check, kept so an enclosing Chain need not walk it again:
(SHAPE, output) from its first template, (NOTHING, None) when it ended with nothing known,
(STOP, None) when a rank it merely assumed stopped it."""


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
            x, f.prev, f.pos = None, None, f.pos + 1
            continue
        if item.kind == "chain":
            summary = item.summary() if build and x is None and subst is None else None
            if summary is None:
                frames.append(_Frame(item.children(), x))
                continue
            status, x = summary
            if status == STOP:
                return (STOP, None)
            f.prev = (position, item, None) if x is not None else None
            f.pos += 1
            continue
        if x is None:
            x = template_of(item)
            if x is None:
                f.pos += 1
                continue
            f.start = position
        if build and item.config is not None and not _rank_fits(item.config, x):
            return (STOP, None)  # a rank the template merely assumed: nothing proven from here
        assert item.run is not None
        try:
            y = item.run(x)
        except CannotTell:
            if not build:
                raise
            x, f.prev, f.pos = None, None, f.pos + 1
            continue
        except ShapeError as err:
            if build and _is_rank_error(err):
                return (STOP, None)
            if build and not _holds_for_any_size(item.run, x):
                # It failed only because of a name the template gave a size (T in
                # Embedding's (B, T)): no proof; follow on with nothing known.
                x, f.prev, f.pos = None, None, f.pos + 1
                continue
            raise _reword(err, frames, item, x, ctx, hints) from None
        f.prev = (position, item, x)
        x = y
        f.pos += 1
    return (SHAPE, x) if x is not None else (NOTHING, None)


class _Context:
    """What a hint needs to re-run the whole check with one layer changed."""

    __slots__ = ("top", "x0", "build", "subst", "start")

    def __init__(self, top: List[Optional[Item]], x0: Optional[Shape], build: bool,
                 subst: Optional[Dict[int, Item]], start: int) -> None:
        self.top, self.x0, self.build, self.subst, self.start = top, x0, build, subst, start


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
            hint = _hint(err, f, item, x, ctx) if hints else None
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
    out.position = frames[0].pos + ctx.start  # type: ignore[attr-defined]
    return out


def _trial(ctx: _Context, subst: Dict[int, Item]) -> Tuple[bool, Optional[Shape]]:
    """Whether the whole check passes with ``subst`` applied, and the output it ends with."""
    try:
        out = _walk(ctx.top, ctx.x0, ctx.build, subst, hints=False, start=ctx.start)
    except CannotTell:
        return True, None
    except ShapeError:
        return False, None
    return True, out


def _hint(err: LayerInputError, f: _Frame, item: Item, x: Shape, ctx: _Context) -> Optional[str]:
    """"change X to Y" for a fix that makes the whole Chain compose, or None.

    Candidates: the failing layer taking what it is given; the layer before giving what is
    expected; the failing layer with its sizes swapped when it already gives what it is given
    (``Dense(32, 128)`` fed 128); and, when the check started at the layer before (its own
    input unknown) and that layer keeps its size (a norm), that layer taking what is
    expected. Each is tried on the whole Chain; among those that compose, one that gives
    back the Chain's own input width (as a residual branch must) comes first, then the
    order above. In the norm case the other layer's fix is offered as the alternative.
    """
    cfg = item.config
    assert cfg is not None and f.prev is not None
    base = dict(ctx.subst or {})
    prev_pos, prev_item, _ = f.prev
    axis = err.axis
    if axis is None:
        return None
    expected = err.expected[axis] if -len(err.expected) <= axis < len(err.expected) else None
    got = x[axis] if -len(x) <= axis < len(x) else None
    if isinstance(expected, Star) or isinstance(got, Star) or expected is None or got is None:
        return None
    fix = err.fix
    swap = fix.with_output(expected) if fix is not None and cfg.with_output(got) == cfg else None
    prev_cfg = prev_item.config if prev_item.kind == "layer" else None
    prev_fix = prev_cfg.with_output(expected) if prev_cfg is not None else None
    ambiguous = (prev_cfg is not None and f.start == prev_pos
                 and prev_cfg.with_output(expected) is None)
    norm_fix = prev_cfg.with_input(expected) if ambiguous and prev_cfg is not None else None

    candidates: List[Tuple[Item, LayerConfig]] = []
    for target, new in ((item, fix), (prev_item, prev_fix), (prev_item, norm_fix),
                        (item, swap)):
        if new is not None and new != target.config:
            candidates.append((target, new))
    ranked: List[Tuple[int, int, Item, LayerConfig]] = []
    for n, (target, new) in enumerate(candidates):
        trial = dict(base)
        trial[id(target)] = layer_item(new)
        ok, out = _trial(ctx, trial)
        if not ok:
            continue
        width = _input_width(f, trial, axis)
        back = (
            out is not None and width is not None and -len(out) <= axis < len(out)
            and not isinstance(out[axis], Star) and equal(out[axis], width) is True  # type: ignore[arg-type]
        )
        ranked.append((0 if back else 1, n, target, new))
    flatten = _flatten_hint(ctx, item, x, expected, base)
    if flatten is not None:
        return flatten
    if not ranked:
        return None
    ranked.sort(key=lambda r: (r[0], r[1]))
    _, _, target, new = ranked[0]
    text = f"change {item_text(target)} to {new.repr()}"
    if ambiguous:
        other = next((r for r in ranked[1:] if r[2] is not target), None)
        if other is not None:
            text += f", or {item_text(other[2])} to {other[3].repr()}"
    return text


def _flatten_hint(ctx: _Context, item: Item, x: Shape, expected: Any,
                  base: Dict[int, Item]) -> Optional[str]:
    """A feature layer given an image (or any rank > 2) whose sizes after the batch multiply
    to what it expects (``Dense(64, 10)`` after ``GlobalMeanPool()`` gets ``(B, 64, 1, 1)``):
    a ``Flatten()`` is missing, when inserting it makes the Chain compose."""
    from typedflux.shapes.layer_spec import LAYERS

    dims = dims_only(x)
    if dims is None or len(dims) < 3 or not isinstance(expected, int):
        return None
    size = 1
    for d in dims[1:]:
        if not isinstance(d, int):
            return None
        size *= d
    if size != expected:
        return None
    if item.config is None:
        return None
    flat = layer_item(LAYERS["Flatten"].configure_static({}))
    same = layer_item(item.config)  # a new object: the substitution must not meet itself
    trial = dict(base)
    trial[id(item)] = chain_of(lambda: [flat, same])
    ok, _ = _trial(ctx, trial)
    return f"insert Flatten() before {item_text(item)}" if ok else None


def _input_width(f: _Frame, trial: Dict[int, Item], axis: int) -> Any:
    """This Chain's own input size on ``axis`` with a trial change applied: the template of
    the layer its check started from, or the input it was given; None when unknown."""
    if f.start is not None:
        first = f.items[f.start - 1]
        x0 = template_of(trial.get(id(first), first)) if first is not None else None
    else:
        x0 = f.x_in
    if x0 is None or not -len(x0) <= axis < len(x0) or isinstance(x0[axis], Star):
        return None
    return x0[axis]


# -- public entry points -----------------------------------------------------------------------


def layer_rule(config: LayerConfig, x: Shape) -> Shape:
    """Run a layer's rule: ``rule(config, input_shape) -> output_shape``.

    >>> from typedflux.shapes.layers_basic import DenseConfig
    >>> layer_rule(DenseConfig(784, 32, "relu"), (16, 100))
    Traceback (most recent call last):
    ...
    typedflux.shapes.layer_spec.LayerInputError: Dense(784 => 32, relu) expects input Tensor[..., 784], got Tensor[16, 100]; need size 784 at axis -1 (got 100)
    """
    return config.rule(x)


def chain_rule(items: Sequence[ChainItem], x: Shape, start: int = 1) -> Shape:
    """Thread a shape through a Chain's layers; errors name the failing position.

    ``None`` items (unknown layers) make the rest unknown (``CannotTell``).

    >>> from typedflux.shapes.layers_basic import DenseConfig
    >>> chain_rule([DenseConfig(784, 32, "relu"), DenseConfig(64, 10)], (16, 784))
    Traceback (most recent call last):
    ...
    typedflux.shapes.layer_spec.LayerInputError: Chain layer 2 Dense(64 => 10) expects input Tensor[..., 64], but layer 1 Dense(784 => 32, relu) produces Tensor[16, 32]; change Dense(64 => 10) to Dense(32 => 10)
    """
    out = _walk([as_item(i) for i in items], tuple(x), build=False, start=start)
    assert out is not None
    return out


def apply_item(item: Item, x: Shape) -> Shape:
    """Any item on a known shape: a Chain's layers in turn (errors name the position), a
    layer or container alone (its own words).

    >>> from typedflux.shapes.layers_basic import DenseConfig
    >>> apply_item(layer_item(DenseConfig(3, 2)), (4, 3))
    (4, 2)
    """
    if item.kind == "chain":
        return chain_rule(item.children(), x)
    assert item.run is not None
    return item.run(tuple(x))


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
    return _walk([as_item(i) for i in items], None, build=True)


def check_chain_summary(items: Sequence[ChainItem]) -> Summary:
    """:func:`check_chain`, with how it ended (for a Chain to keep, see :data:`Summary`)."""
    return _walk_status([as_item(i) for i in items], None, build=True)


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
    typedflux.shapes.errors.ShapeError: SkipConnection(Dense(8 => 4), add) cannot join its input and its layer's output: Cannot broadcast for "add": xs[0] has Tensor[B, 4], xs[1] has Tensor[B, 8]; need equal sizes or 1 at axis -1 (4 vs 8); change Dense(8 => 4) to Dense(8 => 8)
    """
    if inner is None or join is None:
        return
    t = template_of(inner)
    if t is None:
        return
    out = _build_run(inner, t)
    if out is None or not _joinable([out, t]):
        return
    try:
        join([out, t])
    except CannotTell:
        return
    except ShapeError as err:
        if not _holds_for_any_size(lambda _: join([erase_names(out), erase_names(t)]), t):
            return
        whole = skip_item(inner, join, connection)
        assert whole is not None
        hint = _last_output_hint(inner, lambda new: _skip_composes(new, join, t))
        if hint is None:
            hint = _projection_hint(inner, join, t, connection)
        raise _container_error(item_text(whole), err, hint, "its input and its layer's output")


def check_parallel(branches: Sequence[Optional[Item]], join: Optional[JoinRule],
                   connection: str) -> None:
    """Where a ``Parallel`` is built: its branches' outputs, each from the input it takes,
    must join. (A branch with no known input leaves the check to the call.)

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
        t = template_of(b)
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
        if not _holds_for_any_size(lambda _: join([erase_names(o) for o in outs]), ()):
            return
        whole = parallel_item(branches, join, connection)
        assert whole is not None
        raise _container_error(item_text(whole), err, None, "its branches")


def _container_error(text: str, err: ShapeError, hint: Optional[str], what: str) -> ShapeError:
    message = f"{text} cannot join {what}: {err.message}"
    if hint:
        message += f"; {hint}"
    return ShapeError(message, err.notes)


def _skip_composes(inner: Item, join: JoinRule, t: Shape) -> bool:
    try:
        out = _walk([inner], t, build=True, hints=False)
        if out is not None:
            join([out, t])
    except CannotTell:
        return True
    except ShapeError:
        return False
    return True


def _last_output_hint(inner: Item, composes: Callable[[Item], bool]) -> Optional[str]:
    """"change X to Y" where X is the main path's last layer with an output size, when
    giving the input's size back makes the container compose."""
    # Find the last config-bearing leaf of the main path (through nested Chains).
    path: List[Tuple[Item, int]] = []
    node: Optional[Item] = inner
    while node is not None and node.kind == "chain":
        kids = node.children()
        if not kids:
            return None
        path.append((node, len(kids) - 1))
        node = kids[-1]
    if node is None or node.kind != "layer" or node.config is None:
        return None
    for size in _candidate_sizes(inner):
        new = node.config.with_output(size)
        if new is None or new == node.config:
            continue
        replaced = _replace_leaf(inner, path, layer_item(new))
        if composes(replaced):
            return f"change {item_text(node)} to {new.repr()}"
    return None


def _projection_hint(inner: Item, join: JoinRule, t: Shape, connection: str) -> Optional[str]:
    """For an image block whose main path changes the channels (and maybe the size, by a
    stride): the 1x1 convolution that makes a projection shortcut compose, as a Parallel,
    when one does for every input size tried."""
    from typedflux.shapes.layer_spec import LAYERS

    if len(t) != 4 or any(isinstance(d, Star) for d in t) or not isinstance(t[1], int):
        return None
    cin = t[1]
    probes = [(2, cin, h, h + 1) for h in (16, 23, 32)]
    try:
        outs = [_walk([inner], p, build=False, hints=False) for p in probes]
    except (ShapeError, CannotTell):
        return None
    if any(o is None or len(o) != 4 or not isinstance(o[1], int) for o in outs):
        return None
    cout = outs[0][1]  # type: ignore[index]
    for stride in (1, 2, 4, 8):
        proj = LAYERS["Conv"].configure_static(
            {"kernel": (1, 1), "in_channels": cin, "out_channels": cout,
             "stride": (stride, stride)})
        try:
            if all(join([o, proj.rule(p)]) for o, p in zip(outs, probes)):  # type: ignore[list-item]
                return (f"project the shortcut: Parallel({connection}, <the layer>, "
                        f"{proj.repr()})")
        except ShapeError:
            continue
    return None


def _candidate_sizes(inner: Item) -> List[Any]:
    t = template_of(inner)
    if t is None:
        return []
    return [d for d in t if not isinstance(d, Star)]


def _replace_leaf(inner: Item, path: List[Tuple[Item, int]], leaf: Item) -> Item:
    if not path:
        return leaf
    new = leaf
    for node, index in reversed(path):
        kids = list(node.children())
        kids[index] = new
        new = chain_of(lambda kids=kids: kids, node.names)  # type: ignore[misc]
    return new


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

