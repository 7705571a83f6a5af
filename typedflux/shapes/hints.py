"""Hints: "change X to Y" only for a change that makes the model compose.

When a layer of a Chain refuses what it is given, :func:`chain_hint` proposes fixes (the
failing layer taking what it is given; the layer before giving what is expected; swapped
sizes; the norm that started the check; a missing ``Flatten()``) and keeps those with which
the *whole* check passes, re-run by the walk in :mod:`typedflux.shapes.chains`. A
SkipConnection that cannot join its branches gets its main path's last layer giving back the
input's size (with the norms after it, ``BatchNorm(96)`` to ``BatchNorm(16)``), or a
projection shortcut (:func:`skip_hint`).

>>> from typedflux.shapes.chains import check_chain
>>> from typedflux.shapes.layers_basic import DenseConfig
>>> try:
...     check_chain([DenseConfig(784, 32), DenseConfig(64, 10)])
... except ShapeError as err:
...     print(err.message.split("; ")[-1])
change Dense(64 => 10) to Dense(32 => 10)
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional, Tuple

from typedflux.shapes.compose import JoinRule
from typedflux.shapes.dims import Star, equal
from typedflux.shapes.errors import CannotTell, LayerInputError, ShapeError
from typedflux.shapes.items import (Item, chain_of, item_text, layer_item, parallel_item, start_shape,
                                    template_of)
from typedflux.shapes.layer_config import LayerConfig, Shape, dims_only

__all__ = ["Trial", "Run", "chain_hint", "skip_hint"]

Trial = Callable[[Dict[int, Item]], Tuple[bool, Optional[Shape]]]
"""Re-runs the whole check with items replaced (by id): (passes, output shape)."""
Run = Callable[[Item, Shape, bool], Optional[Shape]]
"""Runs one item on a shape, at construction or not (errors raised)."""


def chain_hint(err: LayerInputError, prev: Tuple[int, Item, Optional[Shape]], start: Optional[int],
               items: Any, x_in: Optional[Shape], item: Item, x: Shape, trial: Trial,
               base: Dict[int, Item]) -> Optional[str]:
    """"change X to Y" for a fix that makes the whole Chain compose, or None.

    Candidates: the failing layer taking what it is given; the layer before giving what is
    expected; the failing layer with its sizes swapped when it already gives what it is given
    (``Dense(32, 128)`` fed 128); and, when the check started at the layer before (its own
    input unknown) and that layer keeps its size (a norm), that layer taking what is
    expected. Each is tried on the whole Chain; among those that compose, one that gives
    back the Chain's own input width (as a residual branch must) comes first, then the
    order above. In the norm case the other layer's fix is offered as the alternative, and
    the norm's comes first when the layer before the items the check could not follow (a
    lambda) already gives what is expected; a failing norm's own fix is the alternative when
    the layer before's came first.

    Giving back the input width does not count when the failing layer is a copy of the
    layer before (a repeated block, ``Chain(*[Dense(D, 2 * D) for _ in range(2)])``, or a
    line written twice): nothing says such a Chain must give its input back, and keeping the
    copy's output size is the smaller change (``Dense(128 => 128)``, not the reversed
    ``Dense(128 => 64)``). A GPT MLP's down projection is no copy (``Dense(32 => 128,
    gelu)`` then ``Dense(32 => 128)``): it still gets ``Dense(128 => 32)``.
    """
    cfg = item.config
    assert cfg is not None
    prev_pos, prev_item, _ = prev
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
    ambiguous = (prev_cfg is not None and start == prev_pos
                 and prev_cfg.with_output(expected) is None)
    copy = prev_cfg is not None and prev_cfg == cfg
    norm_fix = prev_cfg.with_input(expected) if ambiguous and prev_cfg is not None else None

    candidates: List[Tuple[Item, LayerConfig]] = []
    for target, new in ((item, fix), (prev_item, prev_fix), (prev_item, norm_fix),
                        (item, swap)):
        if new is not None and new != target.config:
            candidates.append((target, new))
    # A norm that started the check after an item it could not follow (a lambda): when the
    # layer before that item already gives what is expected, the norm is the odd one out.
    odd_norm = ambiguous and _given_before(items, start, expected)
    ranked: List[Tuple[int, int, int, Item, LayerConfig]] = []
    for n, (target, new) in enumerate(candidates):
        subst = dict(base)
        subst[id(target)] = layer_item(new)
        ok, out = trial(subst)
        if not ok:
            continue
        width = None if copy else _input_width(start, items, x_in, subst, axis)
        back = (
            out is not None and width is not None and -len(out) <= axis < len(out)
            and not isinstance(out[axis], Star) and equal(out[axis], width) is True  # type: ignore[arg-type]
        )
        first = odd_norm and target is prev_item and new == norm_fix
        ranked.append((0 if first else 1, 0 if back else 1, n, target, new))
    flatten = _flatten_hint(trial, item, x, expected, base)
    if flatten is not None:
        return flatten
    if not ranked:
        return None
    ranked.sort(key=lambda r: r[:3])
    target, new = ranked[0][3:]
    text = f"change {item_text(target)} to {new.repr()}"
    # A norm refusing what the layer before gives, whose own change composes too, is named
    # as the other fix when the layer before came first (it gives the Chain's input width
    # back): the Chain alone cannot tell a residual branch from a Parallel's branch whose
    # siblings give the norm's input (``Chain(Conv((3, 3), 16 => 8, pad=1), BatchNorm(16))``).
    if ambiguous or (target is prev_item and _sized_by_input(item)):
        other = next((r for r in ranked[1:] if r[3] is not target), None)
        if other is not None:
            text += f", or {item_text(other[3])} to {other[4].repr()}"
    return text


def _given_before(items: Any, start: Optional[int], expected: Any) -> bool:
    """Whether the last layer before the items the check started past (a lambda, a typed
    function) already gives ``expected``: ``Dense(32 => 64), lambda h: 2 * h, LayerNorm(256),
    Dense(64 => 10)``. Evidence for which of two changes to name first, not a proof."""
    if start is None:
        return False
    before: List[Optional[Item]] = list(items[: start - 1])
    for it in reversed(before):
        if it is None or it.kind == "function":
            continue
        cfg = it.config if it.kind == "layer" else None
        if cfg is None:
            return False
        out = cfg.with_output(expected)
        return bool(out == cfg if out is not None else cfg.with_input(expected) == cfg)
    return False


def _flatten_hint(trial: Trial, item: Item, x: Shape, expected: Any,
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
    subst = dict(base)
    subst[id(item)] = chain_of(lambda: [flat, same])
    ok, _ = trial(subst)
    return f"insert Flatten() before {item_text(item)}" if ok else None


def _input_width(start: Optional[int], items: Any, x_in: Optional[Shape],
                 subst: Dict[int, Item], axis: int) -> Any:
    """This Chain's own input size on ``axis`` with a trial change applied: the template of
    the layer its check started from, or the input it was given; None when unknown."""
    if start is not None:
        first = items[start - 1]
        x0 = template_of(subst.get(id(first), first)) if first is not None else None
    else:
        x0 = x_in
    if x0 is None or not -len(x0) <= axis < len(x0) or isinstance(x0[axis], Star):
        return None
    return x0[axis]


def skip_hint(inner: Item, join: JoinRule, t: Shape, connection: str,
              run: Run) -> Optional[str]:
    """A SkipConnection whose connection cannot join its layer's output with its input:
    the main path's last layer giving back the input's size, or (an image block) a
    projection shortcut; None when neither composes."""
    composes: Callable[[Item], bool] = lambda new: _composes(new, join, t, run)
    hint = _last_output_hint(inner, composes) or _tail_hint(
        inner, lambda new: composes(new) and _gives_back(new, t, run))
    first = _first_input_hint(inner, join, t, run)
    if hint is not None and first is not None:
        # Built alone, the block does not say which side is wrong: keeping its input
        # (the last layer gives it back: a residual MLP's down projection) or its output (the
        # first layer takes what it gives: a block fed by a layer of that width). The
        # enclosing Chain, built after it, is not known here, at run time nor to mypy.
        layer, new = first
        same = hint.startswith(f"change {layer} to ")  # (one layer: ", or to Y")
        return f"{hint}, or to {new}" if same else f"{hint}, or {layer} to {new}"
    if hint is None and first is not None:
        hint = f"change {first[0]} to {first[1]}"
    return hint if hint is not None else _projection_hint(inner, join, t, connection, run)


def _first_input_hint(inner: Item, join: JoinRule, t: Shape, run: Run
                      ) -> Optional[Tuple[str, str]]:
    """(X, Y) of "change X to Y", where X is one of the main path's first layers with an
    input size (:func:`_first_leaves`), taking the size the main path gives, when that makes
    the block compose from its new input."""
    leaves = _first_leaves(inner)
    if not leaves:
        return None
    try:
        out = run(inner, t, True)
    except (ShapeError, CannotTell):
        return None
    if out is None:
        return None
    if len(out) != len(t) or any(isinstance(d, Star) for d in (*out, *t)):
        return None
    # The sizes the path gives where it differs from what it takes (a width, the channels):
    # written sizes only (a stride's ``(H' + 1)//2`` is no size a layer is built with).
    sizes = [o for o, i in zip(out, t)
             if isinstance(o, int) and not isinstance(i, Star) and equal(o, i) is False]
    for path, node in leaves:
        assert node.config is not None
        for size in sizes:
            new = node.config.with_input(size)
            if new is None or new == node.config:
                continue
            replaced = _replace_leaf(inner, path, layer_item(new))
            t2 = start_shape(template_of(replaced))
            if t2 is not None and _composes(replaced, join, t2, run):
                return item_text(node), new.repr()
    return None


def _first_leaves(inner: Item) -> List[Tuple[List[Tuple[Item, int]], Item]]:
    """The main path's first layers with a config, each with its way there: through nested
    Chains (past leading layers with no size of their own) and into every branch of a
    Parallel, since each branch takes the input (``Parallel(add, Chain(relu, ...),
    Dense(11 => 4))``: the Dense). Changing one is a fix only when no sibling branch still
    takes the old size; the trial in :func:`_first_input_hint` decides."""
    found: List[Tuple[List[Tuple[Item, int]], Item]] = []
    stack: List[Tuple[List[Tuple[Item, int]], Optional[Item]]] = [([], inner)]
    while stack:  # (no recursion: a model of any depth)
        path, node = stack.pop()
        if node is None:
            continue
        if node.kind == "chain":
            kids = list(node.children())
            if not kids:
                continue
            i = 0
            while i + 1 < len(kids) and _no_output(kids[i]):
                i += 1  # (a leading activation: the first sized layer takes the input)
            stack.append(([*path, (node, i)], kids[i]))
        elif node.kind == "parallel":
            stack.extend(([*path, (node, k)], b) for k, b in reversed(list(enumerate(node.parts))))
        elif node.kind == "layer" and node.config is not None:
            found.append((path, node))
    return found


def _skip_composes(inner: Item, join: JoinRule, t: Shape,
                   run: Run) -> bool:
    try:
        out = run(inner, t, True)
        if out is not None:
            join([out, t])
    except CannotTell:
        return True
    except ShapeError:
        return False
    return True


def _composes(inner: Item, join: JoinRule, t: Shape, run: Run) -> bool:
    """Whether a changed block joins its input, at symbolic sizes and at the sizes an image
    block is tried at (the test every skip hint's candidate must pass)."""
    return _skip_composes(inner, join, t, run) and _joins_at_sizes(inner, join, t, run)


def _joins_at_sizes(inner: Item, join: JoinRule, t: Shape, run: Run) -> bool:
    """For an image block (``t`` of rank 4 with known channels), whether ``inner`` joins its
    input at the sizes :func:`_projection_hint` tries too: at symbolic sizes a stride's
    ``(H' + 1)//2`` beside ``H'`` cannot be told apart, so a change that only fixes the
    channels (``Conv((3, 3), 32 => 16, pad=1)`` after a stride-2 conv) would pass there."""
    probes = _image_probes(t)
    if probes is None:
        return True
    try:
        for p in probes:
            out = run(inner, p, False)
            if out is not None:
                join([out, p])
    except (ShapeError, CannotTell):  # (at concrete sizes a size it cannot tell is no fix)
        return False
    return True


def _image_probes(t: Shape) -> Optional[List[Shape]]:
    """Concrete inputs like ``t`` (an image of known channels) at several sizes, or None."""
    if len(t) != 4 or any(isinstance(d, Star) for d in t) or not isinstance(t[1], int):
        return None
    return [(2, t[1], h, h + 1) for h in (16, 23, 32)]


def _last_leaf(inner: Item) -> Optional[Tuple[List[Tuple[Item, int]], Optional[Item]]]:
    """The way to the last item of ``inner``'s main path through nested Chains (each Chain
    with its last index) and that item; None when a Chain on the way is empty."""
    path: List[Tuple[Item, int]] = []
    node: Optional[Item] = inner
    while node is not None and node.kind == "chain":
        kids = node.children()
        if not kids:
            return None
        path.append((node, len(kids) - 1))
        node = kids[-1]
    return path, node


def _last_output_hint(inner: Item, composes: Callable[[Item], bool]) -> Optional[str]:
    """"change X to Y" where X is the main path's last layer with an output size, when
    giving the input's size back makes the container compose."""
    # Find the last config-bearing leaf of the main path (through nested Chains).
    found = _last_leaf(inner)
    if found is None:
        return None
    path, node = found
    # Past trailing layers with no output size of their own (Dropout, an activation), the
    # last one that has one (``Dense(128 => 128), Dropout(0.1)``): the trial below decides.
    while path and _no_output(node) and path[-1][1] > 0:
        parent, index = path[-1]
        path[-1] = (parent, index - 1)
        node = parent.children()[index - 1]
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


def _tail_hint(inner: Item, composes: Callable[[Item], bool]) -> Optional[str]:
    """"change X to Y and N to M" where X is the main path's last layer with an output size
    and the layers after it are norms sized by their input (``Conv((1, 1), 96 => 96),
    BatchNorm(96)`` ending a MobileNet inverted residual that must project back to 16): X
    giving the input's size back, and those norms taking it, when that makes the container
    compose."""
    found = _last_leaf(inner)
    if found is None:
        return None
    path, _ = found
    if not path:
        return None
    parent, index = path[-1]
    kids = list(parent.children())
    keepers: List[int] = []
    i = index
    while i >= 0 and (_no_output(kids[i]) or _sized_by_input(kids[i])):
        if _sized_by_input(kids[i]):
            keepers.append(i)
        i -= 1
    sizing = kids[i] if i >= 0 else None
    if not keepers or sizing is None or sizing.kind != "layer" or sizing.config is None:
        return None
    for size in _candidate_sizes(inner):
        new = sizing.config.with_output(size)
        if new is None or new == sizing.config:
            continue
        changed: List[Tuple[Item, LayerConfig]] = [(sizing, new)]
        trial = list(kids)
        trial[i] = layer_item(new)
        for k in reversed(keepers):
            keeper = kids[k]
            norm = keeper.config.with_input(size) if keeper and keeper.config else None
            if keeper is None or norm is None:
                break
            trial[k] = layer_item(norm)
            changed.append((keeper, norm))
        else:
            chain = chain_of(lambda trial=trial: trial, parent.names)  # type: ignore[misc]
            if composes(_replace_leaf(inner, path[:-1], chain)):
                return "change " + " and ".join(
                    f"{item_text(old)} to {cfg.repr()}" for old, cfg in changed)
    return None


def _gives_back(inner: Item, t: Shape, run: Run) -> bool:
    """Whether ``inner`` gives back exactly the shape ``t`` it is given (every dim provably
    equal): a main path that then joins its input for every size, not only some."""
    try:
        out = run(inner, t, True)
    except (ShapeError, CannotTell):
        return False
    return out is not None and len(out) == len(t) and all(
        not isinstance(a, Star) and not isinstance(b, Star) and equal(a, b) is True
        for a, b in zip(out, t))


def _sized_by_input(node: Optional[Item]) -> bool:
    """A norm: no output size of its own, but sized by its input (``BatchNorm(96)``)."""
    config = node.config if node is not None and node.kind == "layer" else None
    return config is not None and config.with_output(1) is None and config.with_input(1) is not None


def _no_output(node: Optional[Item]) -> bool:
    """A layer with no size of its own (Dropout) or a typed function (an activation): one
    the last sized layer's output passes through unchanged in size."""
    if node is None:
        return False
    if node.kind == "function":
        return True
    config = node.config
    return (node.kind == "layer" and config is not None and config.with_output(1) is None
            and config.with_input(1) is None)


def _projection_hint(inner: Item, join: JoinRule, t: Shape, connection: str,
                     run: Run) -> Optional[str]:
    """For an image block whose main path changes the channels (and maybe the size, by a
    stride): the 1x1 convolution that makes a projection shortcut compose, as a Parallel,
    when one does for every input size tried."""
    from typedflux.shapes.layer_spec import LAYERS

    probes = _image_probes(t)
    if probes is None:
        return None
    cin = t[1]
    try:
        outs = [run(inner, p, False) for p in probes]
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
    """``inner`` with the item at the end of ``path`` (Chains and Parallels, each with the
    index taken) replaced by ``leaf``: new containers on the way, the rest shared."""
    new = leaf
    for node, index in reversed(path):
        if node.kind == "parallel" and node.join is not None:
            parts = list(node.parts)
            parts[index] = new
            rebuilt = parallel_item(parts, node.join, node.connection)
            if rebuilt is None:  # (never: a Parallel item has every branch)
                return inner
            new = rebuilt
            continue
        kids = list(node.children())
        kids[index] = new
        new = chain_of(lambda kids=kids: kids, node.names)  # type: ignore[misc]
    return new
