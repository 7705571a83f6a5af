"""Chain items: how the Chain checks see each layer, and the texts and templates of items.

The run-time ``Chain`` (``typedflux/layers/callables.py``) and the mypy plugin
(``mypy_plugin/callbacks/chain_items.py``) both describe layers as items:
:func:`layer_item` (a built-in layer: its config), :func:`rule_item` (an op, a typed user
function or layer class: a rule and, when its annotation says, the input it takes),
:func:`chain_of` (a nested Chain, expanded lazily), :func:`skip_item` and
:func:`parallel_item` (containers); ``None`` is a layer whose shape behaviour is unknown.
Reprs and templates are computed without recursion, so a model of any depth has them.

>>> from typedflux.shapes.layers_basic import DenseConfig
>>> item = chain_of(lambda: [layer_item(DenseConfig(4, 2)), rule_item("relu", lambda x: x)])
>>> item.text(), item.template()
('Chain(Dense(4 => 2), relu)', (B, 4))
"""

from __future__ import annotations

import functools
import threading
from contextlib import contextmanager
from typing import Any, Callable, Dict, Iterator, List, Optional, Sequence, Tuple, TypeVar, Union

from typedflux.shapes.compose import JoinRule, RankMismatch
from typedflux.shapes.dims import FRESH_MARK, UNKNOWN, Expr, Star, evaluate, fresh, symbols
from typedflux.shapes.errors import CannotTell, LayerInputError, ShapeError
from typedflux.shapes.layer_config import LayerConfig, Shape, dims_only

__all__ = [
    "Rule",
    "Item",
    "ChainItem",
    "Summary",
    "SHAPE",
    "NOTHING",
    "STOP",
    "layer_item",
    "located",
    "rule_item",
    "chain_of",
    "skip_item",
    "parallel_item",
    "as_item",
    "chain_repr",
    "skip_repr",
    "parallel_repr",
    "item_text",
    "template_of",
    "fresh_scope",
    "start_shape",
    "in_fresh_scope",
    "erase_names",
    "apply_item",
    "holds_for_any_size",
    "is_rank_error",
    "rank_fits",
]

Rule = Callable[[Shape], Shape]

SHAPE, NOTHING, STOP = "shape", "nothing", "stop"
Summary = Tuple[str, Optional[Shape]]
"""A Chain's construction check, kept so an enclosing Chain need not walk it again:
(SHAPE, output) from its first template, (NOTHING, None) when it ended with nothing known,
(STOP, None) when a rank it merely assumed stopped it."""


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
        """Its repr (a nested Chain's: its own text when it was given one, else built from its
        items)."""
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
    """A built-in layer: its config's rule, template and hints. One that gives several
    tensors (``LSTM(..., return_state=True)``) checks its input, and what it gives the next
    item is not known here (a lambda taking ``(y, (h, c))`` must not be given ``y``)."""
    run: Rule = config.rule
    if config.gives_several():
        def run(x: Shape) -> Shape:
            config.rule(x)
            raise CannotTell(f"{config.repr()} gives several tensors")
    return Item("layer", config.repr, run, config=config, template=config.template())


def rule_item(text: Union[str, Callable[[], str]], run: Rule,
              template: Optional[Shape] = None) -> Item:
    """An op, a typed function or a user layer: its rule (errors are named after it)."""
    return Item("function", text, run, template=template)


def chain_of(children: Callable[[], Sequence[Optional[Item]]],
             names: Optional[Sequence[str]] = None,
             summary: Optional[Callable[[], Optional["Summary"]]] = None,
             text: Optional[Callable[[], str]] = None) -> Item:
    """A nested Chain whose items ``children()`` gives (called once, when first needed);
    ``summary()`` may give its own construction check (see :data:`Summary`); ``text()`` its
    repr when the Chain itself is at hand (a layer with no rule, ``None`` among the items,
    still has a name: ``<lambda>``), else it is built from the items' texts."""
    return Item("chain", text, children=children, names=names, summary=summary)


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
        outs = []
        for k, r in enumerate(runs, 1):
            try:
                outs.append(_container_call(lambda r=r: r(x)))  # type: ignore[misc]
            except ShapeError as err:
                err.branch = k  # type: ignore[attr-defined]  # (the plugin reports on its line)
                raise
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
    >>> item_text(chain_of(lambda: [None], text=lambda: "Chain(<lambda>)"))
    'Chain(<lambda>)'
    """
    if root is None:
        return "?"
    done: Dict[int, str] = {}
    stack: List[Tuple[Item, bool]] = [(root, False)]
    while stack:
        node, ready = stack.pop()
        if node.kind in ("layer", "function") or (node.kind == "chain" and node._text):
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


class _Generations(threading.local):
    depth = 0
    next = 0


_GENERATIONS = _Generations()


@contextmanager
def fresh_scope() -> Iterator[None]:
    """One construction check: the inputs it starts from get fresh sizes of their own
    (:func:`start_shape`); a check run inside another continues its numbering."""
    g = _GENERATIONS
    if g.depth == 0:
        g.next = 0
    g.depth += 1
    try:
        yield
    finally:
        g.depth -= 1


F = TypeVar("F", bound=Callable[..., Any])


def in_fresh_scope(check: F) -> F:
    """``check`` (a construction check) run in a :func:`fresh_scope`."""

    @functools.wraps(check)
    def scoped(*args: Any, **kwargs: Any) -> Any:
        with fresh_scope():
            return check(*args, **kwargs)

    return scoped  # type: ignore[return-value]


def start_shape(x: Optional[Shape]) -> Optional[Shape]:
    """A template (or a nested Chain's kept output) as the input a check starts from: its
    fresh sizes (a Conv's ``H'``, ``W'``) renamed to a generation no other start of the same
    check uses, so sizes of two inputs never meet as one (a Chain restarting after an unknown
    layer inside a SkipConnection starts from another tensor than the one it adds to).

    >>> from typedflux.shapes.dims import equal
    >>> from typedflux.shapes.layers_conv import ConvConfig, Window
    >>> t = ConvConfig(3, 8, Window.of(3)).template()
    >>> with fresh_scope():
    ...     start_shape(t), start_shape(t)
    ((B, 3, H', W'), (B, 3, H', W'))
    >>> equal(start_shape(t)[2], t[2]) is None  # a size of another input
    True
    """
    if x is None:
        return None
    g = _GENERATIONS
    generation = g.next
    g.next += 1
    env: Dict[str, Any] = {}
    for d in x:
        for name in symbols(d) if isinstance(d, Expr) else ():
            if FRESH_MARK in name and name not in env:
                env[name] = fresh(name.split(FRESH_MARK)[0], generation)
    if not env:
        return x
    return tuple(evaluate(d, env) if isinstance(d, Expr) else d for d in x)


# -- running -------------------------------------------------------------------------------


def _runner(item: Item) -> Rule:
    if item.kind == "chain":
        from typedflux.shapes.chains import _walk  # the walk imports items

        return lambda x: _walk(item.children(), x, build=False)  # type: ignore[return-value]
    assert item.run is not None
    return item.run


def located(
    err: ShapeError, position: int, inner: Sequence[int], item: Item, cause: ShapeError
) -> ShapeError:
    """``err`` (a Chain's reworded error for ``cause``, raised by ``item``) with where its
    failing layer sits: ``position`` in the top Chain, and ``path``, its position in each
    Chain down from there (``inner``: the nested Chains'; a SkipConnection's inner Chain's own
    path after them), and ``branch``, the branch of a failing Parallel that refused its
    input, so the plugin reports on that layer's line.

    >>> located(ShapeError("x"), 2, [1], rule_item("f", lambda x: x), ShapeError("y")).path
    (2, 1)
    """
    err.position = position  # type: ignore[attr-defined]
    deeper = getattr(cause, "path", ()) if item.kind == "skip" else ()
    err.path = (position, *inner, *deeper)  # type: ignore[attr-defined]
    # A Parallel's branch that refused the input: its place among the branches (1 first).
    err.branch = getattr(cause, "branch", None) if item.kind == "parallel" else None  # type: ignore[attr-defined]
    return err


def _container_call(run: Callable[[], Shape]) -> Shape:
    # Inside a container the runtime's Chain names the container, not the inner layer
    # ("Chain layer 2 SkipConnection(...): <inner message>"): a plain ShapeError gets that.
    try:
        return run()
    except LayerInputError as err:
        out = ShapeError(err.message, err.notes)
        out.rank = err.axis is None  # type: ignore[attr-defined]
        out.path = getattr(err, "path", ())  # type: ignore[attr-defined]
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
    ``(?, ?, 8)``); a dim of fresh symbols only (``H' - 2``) is kept.

    >>> from typedflux.shapes.dims import sym
    >>> erase_names((sym("B"), 16 * sym("T"), 8))
    (?, ?, 8)
    """
    return tuple(d if isinstance(d, (int, Star)) or _only_fresh(d) else UNKNOWN for d in shape)


def _only_fresh(d: object) -> bool:
    # A fresh symbol already stands for any size (it is never held rigid): it is kept.
    return isinstance(d, Expr) and all(FRESH_MARK in n for n in symbols(d))


def holds_for_any_size(run: Callable[[Shape], Any], x: Shape) -> bool:
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


def is_rank_error(err: ShapeError) -> bool:
    if isinstance(err, LayerInputError):
        return err.axis is None
    return isinstance(err, RankMismatch) or bool(getattr(err, "rank", False))


def rank_fits(cfg: LayerConfig, x: Shape) -> bool:
    dims = dims_only(x)
    if dims is None:
        return True
    if cfg.ranks is not None:
        return len(dims) in cfg.ranks
    return len(dims) >= cfg.min_rank


def apply_item(item: Item, x: Shape) -> Shape:
    """Any item on a known shape: a Chain's layers in turn (errors name the position), a
    layer or container alone (its own words).

    >>> from typedflux.shapes.layers_basic import DenseConfig
    >>> apply_item(layer_item(DenseConfig(3, 2)), (4, 3))
    (4, 2)
    """
    if item.kind == "chain":
        from typedflux.shapes.chains import chain_rule  # the walk imports items

        return chain_rule(item.children(), x)
    assert item.run is not None
    return item.run(tuple(x))
