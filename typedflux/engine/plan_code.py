"""The generated code of a model's :class:`~typedflux.engine.plan.Plan`: its picker (a
gradient structure to each parameter's entry) and its sameness check (whether every walked
object still holds what it held). A loop over paths or objects costs more than the whole job
for a small Chain (``Plan.valid``'s loop ~1.1 us for three Dense layers, twice a training
step; the generated check ~0.5). Values are passed as the code's globals, never written
into its source.

>>> import typedflux as tf
>>> from typedflux.engine.tree import Grads
>>> picker([("w",), ("layers", "0")])(Grads(w=1, layers=(2,)))
[1, 2]
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from typedflux.engine.tree import _INFO, _LEAF, Grads, _info, _step

__all__ = ["picker", "sameness"]

# (class, attribute names, values) of a plain object, as Plan keeps it.
Entry = Tuple[type, Tuple[str, ...], Tuple[Any, ...]]


def picker(paths: List[Tuple[str, ...]]) -> Callable[[Any], List[Any]]:
    """A function taking a gradient structure to its entries at ``paths``: generated code,
    one statement per distinct path prefix (``layers``, ``layers.0``, ...), each a step as
    :func:`~typedflux.engine.tree._step` takes it with Grads and tuples (what ``withgradient`` builds) inline."""
    lines: List[str] = []
    consts: List[str] = []
    # (variable of the prefix, next key) -> variable of the longer prefix: each path is
    # followed step by step (never re-sliced), so a path of length L costs L lookups.
    var_of: Dict[Tuple[str, str], str] = {}
    outs: List[str] = []
    for path in paths:
        parent = "g"
        for key in path:
            var = var_of.get((parent, key))
            if var is None:
                var = var_of[(parent, key)] = f"v{len(lines)}"
                k = f"K[{len(consts)}]"
                consts.append(key)
                if key.isdigit():
                    i = int(key)
                    lines.append(
                        f"{var} = {parent}.__dict__.get({k}) if type({parent}) is G else "
                        f"({parent}[{i}] if len({parent}) > {i} else None) "
                        f"if type({parent}) is tuple else S({parent}, {k})"
                    )
                else:
                    lines.append(
                        f"{var} = {parent}.__dict__.get({k}) if type({parent}) is G else "
                        f"S({parent}, {k})"
                    )
            parent = var
        outs.append(parent)
    out = ", ".join(outs)
    src = "def pick(g):\n" + "".join(f"    {ln}\n" for ln in lines) + f"    return [{out}]\n"
    scope: Dict[str, Any] = {"G": Grads, "S": _step, "K": consts}
    exec(compile(src, "<typedflux plan>", "exec"), scope)
    picker: Callable[[Any], List[Any]] = scope["pick"]
    return picker


def sameness(
    root: Optional[Entry],
    objects: Sequence[Tuple[Any, type, Tuple[str, ...], Tuple[Any, ...]]],
    marks: Sequence[Tuple[type, Any]],
    checks: Sequence[Tuple[Any, Callable[[Any], Any], Any]],
    ints: Sequence[Any],
    root_marker: Any,
) -> Callable[[Any], bool]:
    """``Plan.valid``'s comparisons as one generated function of the root: True when the
    root (its ``root`` entry) and every other object of ``objects`` has the same class,
    attribute names in the same order and values (the very object, or a leaf of the same
    class where a leaf was: a number, a string, a function; never for the freeze mark),
    every class of ``marks`` the same ``_frozen`` default, every ``checks`` snapshot the
    same (``root_marker`` standing for the root) and every tensor of ``ints`` integer data.
    False means "look closer": ``Plan.valid``'s loop says what changed.

    >>> import typedflux as tf
    >>> d = tf.Dense(2, 3)
    >>> same = sameness((type(d), tuple(vars(d)), tuple(vars(d).values())), [], [], [], [], None)
    >>> same(d), same(tf.Dense(2, 3))
    (True, False)
    """
    scope: Dict[str, Any] = {"getattr": getattr}
    lines: List[str] = []

    def const(value: Any) -> str:
        name = f"c{len(scope)}"
        scope[name] = value
        return name

    def object_lines(obj: str, entry: Entry) -> None:
        cls, keys, vals = entry
        conds = [f"type({obj}) is not {const(cls)}", f"tuple(d) != {const(keys)}"]
        for k, v in zip(keys, vals):
            # A leaf may become another leaf of its class (Plan.valid's _only_leaves_changed
            # says the same of any two leaves); the freeze mark and everything else must be
            # the same object.
            if k != "_frozen" and (_INFO.get(type(v)) or _info(type(v))).kind is _LEAF:
                conds.append(f"type(d[{const(k)}]) is not {const(type(v))}")
            else:
                conds.append(f"d[{const(k)}] is not {const(v)}")
        lines.append(f"d = {obj}.__dict__")
        lines.append(f"if {' or '.join(conds)}: return False")

    if root is not None:
        object_lines("r", root)
    for obj, cls, keys, vals in objects:
        object_lines(const(obj), (cls, keys, vals))
    for cls, default in marks:
        lines.append(f"if getattr({const(cls)}, '_frozen', None) is not {const(default)}: "
                     "return False")
    for obj, snap, old in checks:
        arg = "r" if obj is root_marker else const(obj)
        lines.append(f"if {const(snap)}({arg}) != {const(old)}: return False")
    for t in ints:
        lines.append(f"if {const(t)}.data.dtype.kind in 'fc': return False")
    src = "def same(r):\n" + "".join(f"    {ln}\n" for ln in lines) + "    return True\n"
    exec(compile(src, "<typedflux plan>", "exec"), scope)
    same: Callable[[Any], bool] = scope["same"]
    return same
