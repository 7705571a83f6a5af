"""A ``**`` argument written as a dict of literal keys, read key by key.

mypy types ``f(**{"x": a, "y": b})`` as one ``dict[str, V]`` whose ``V`` joins every value's
type (``Tensor[2, int]`` for a ``Tensor[2, 4]`` and a ``Tensor[2, 7]``). A join proves nothing
about one key, so the signature hook (``callbacks/calls.py``) saw an unknown axis and kept
silent, though the call raises. A display of literal keys (``{"x": a, "y": b}``) or a
``dict(x=a, y=b)`` says which value each parameter receives: each value is checked on its
own, against the parameter its key names, as ``@tf.shapecheck`` checks it (``Argument "y" of
"f" has shape ...``; a ``**kwargs: Tensor[...]`` parameter names the keys it collects).
A name bound once, at the top of the scope that unpacks it, to such a dict and only read
after (``kw = {"x": a, "y": b}`` then ``f(**kw)``; reads: ``kw["x"]``, ``kw.get(k)``,
``len(kw)``, ``k in kw``, ``kw.keys()``/``.values()``/``.items()``/``.copy()``, another
``**kw``) is read key by key too, each value typed as mypy typed it in the display. So are
such dicts merged, ``base | over`` and ``{**base, **over}`` (a later key's value wins, as
Python keeps it; mypy types the merge with a union of the values' types, which no parameter
takes: it said nothing); reading ``base`` in a merge leaves it unchanged.

mypy infers a dict's value type from its first display (``dict[str, Tensor[2, 7]]``), and
``callbacks/lists.py`` lets the dict then take values of other shapes (``kw["x"] =
tf.zeros(2, 4)``, ``kw |= {...}``, ``kw.update(...)``, ``kw.setdefault(...)``): after that
the inferred value type says nothing of the values. A dict whose type was inferred (a name or
an attribute, not annotated) that its scope may have changed (mentioned in any other way:
written, passed on, rebound; an attribute always) is :func:`stale`: the parameters it
reaches take its values as they come, unchecked, by the hook and by mypy (``Any``). Anything
else (a computed key, ``{**other}`` of a dict not read so, an annotated dict that is
written to, a parameter)
keeps the value type mypy gave the dict, which every write to it is checked against; an
annotated name bound once to a display and only read is read key by key, as an inferred one.

>>> from mypy.nodes import DictExpr, NameExpr, StrExpr
>>> [k for k, _ in literal_entries(DictExpr([(StrExpr("x"), NameExpr("a"))])) or []]
['x']
>>> literal_entries(NameExpr("d")) is None
True
"""

from __future__ import annotations

from typing import Any, Callable, Dict, Iterator, List, NamedTuple, Optional, Sequence, Set, \
    Tuple, Union

from mypy.nodes import (
    ARG_NAMED, ARG_STAR, ARG_STAR2, GDEF, LDEF, ArgKind, AssignmentStmt, CallExpr,
    ComparisonExpr, DictExpr, Expression, ForStmt, IndexExpr, MemberExpr, NameExpr, OpExpr,
    RefExpr, Statement, StrExpr, Var,
)
from mypy.plugin import FunctionSigContext, MethodSigContext
from mypy.server.subexpr import get_subexpressions
from mypy.types import CallableType, Instance, Type, get_proper_type

from mypy_plugin import per_build
from mypy_plugin.callbacks.call_containers import argument_type
from mypy_plugin.flow_names import binding_targets, checked_scope, target_binds
from mypy_plugin.statements import walk

__all__ = ["literal_entries", "received", "keyed_values", "held", "stale", "taken_apart", "Held"]

SigContext = Union[FunctionSigContext, MethodSigContext]

Entries = List[Tuple[str, Expression]]


def literal_entries(e: Expression) -> Optional[Entries]:
    """(key, value) of a dict written with literal string keys only (a display or
    ``dict(x=a)``), a repeated key's last value (as Python keeps it); ``None`` otherwise.

    >>> from mypy.nodes import DictExpr, IntExpr, StrExpr
    >>> [(k, v.value) for k, v in literal_entries(DictExpr([(StrExpr("x"), IntExpr(1)),
    ...     (StrExpr("x"), IntExpr(2))])) or []]
    [('x', 2)]
    """
    pairs: List[Tuple[str, Expression]] = []
    if isinstance(e, DictExpr):
        for key, value in e.items:
            if not isinstance(key, StrExpr):
                return None  # (``{**other}``, a computed key: which keys is unknown)
            pairs.append((key.value, value))
    elif isinstance(e, CallExpr) and isinstance(e.callee, NameExpr) and \
            e.callee.fullname == "builtins.dict" and all(k == ARG_NAMED for k in e.arg_kinds):
        pairs = [(n, a) for n, a in zip(e.arg_names, e.args) if n is not None]
    else:
        return None
    return list(dict(pairs).items())


def received(names: Sequence[Optional[str]], kinds: Sequence[ArgKind], i: int,
             entries: Entries) -> Entries:
    """The entries parameter ``i`` (of a signature's parameter ``names`` and ``kinds``)
    receives: the one its name keys, or (a ``**kwargs`` parameter) each key no other
    parameter is named by.

    >>> from mypy.nodes import ARG_POS, ARG_STAR2, IntExpr
    >>> entries = [("x", IntExpr(1)), ("y", IntExpr(2))]
    >>> names, kinds = ["x", "kw"], [ARG_POS, ARG_STAR2]
    >>> [k for k, _ in received(names, kinds, 0, entries)], [k for k, _ in received(names, kinds, 1, entries)]
    (['x'], ['y'])
    """
    if kinds[i] == ARG_STAR2:
        named = {n for n, k in zip(names, kinds) if n is not None and k not in (ARG_STAR, ARG_STAR2)}
        return [(k, v) for k, v in entries if k not in named]
    name = names[i]  # (None for a positional-only parameter: no key reaches it)
    return [(k, v) for k, v in entries if k == name]


def keyed_values(ctx: SigContext, sig: CallableType, i: int,
                 e: Expression) -> Optional[Iterator[Tuple[str, Expression, Type]]]:
    """(label, value, its type) for each value of the ``**`` argument ``e`` parameter ``i``
    receives, when ``e`` is a dict of literal keys, a name :func:`held` reads key by key, or
    such dicts merged (``base | over``, ``{**base, **over}``: a later key's value wins, as
    Python keeps it) (the label: the parameter's name, or a ``**kwargs`` parameter's key);
    none for a :func:`stale` dict, or a merge of one (its values are unknown); ``None`` for
    any other ``e``."""
    found = _keyed(ctx, e, ctx.context, 0)
    if found is None:
        return None
    pname = sig.arg_names[i] or f"#{i + 1}"
    star2 = sig.arg_kinds[i] == ARG_STAR2
    each = {key: (at, typed) for key, _, at, typed in found}
    return ((key if star2 else pname, each[key][0], t)
            for key, value in received(sig.arg_names, sig.arg_kinds, i,
                                       [(key, value) for key, value, _, _ in found])
            if (t := each[key][1](value)) is not None)


# (key, value, where an error is: the value, or for a held name the ``**`` argument, and a
# typing of the value)
Keyed = List[Tuple[str, Expression, Expression, Callable[[Expression], Optional[Type]]]]


def _keyed(ctx: SigContext, e: Expression, call: object, depth: int) -> Optional[Keyed]:
    """Each key of the dict ``e`` with its value, read key by key (``[]`` for a dict whose
    values are unknown, :func:`stale`); ``None`` when ``e`` says nothing of its keys."""
    entries = literal_entries(e)
    if entries is not None:
        typed: Callable[[Expression], Optional[Type]] = lambda v: argument_type(ctx, v)
        return [(k, v, v, typed) for k, v in entries]
    if depth > 8:
        return None
    parts: Optional[List[Expression]] = None
    if isinstance(e, OpExpr) and e.op == "|":
        parts = [e.left, e.right]
    elif isinstance(e, DictExpr) and any(k is None for k, _ in e.items):
        parts = [v if k is None else DictExpr([(k, v)]) for k, v in e.items]
    if parts is not None:
        found = [_keyed(ctx, p, call, depth + 1) for p in parts]
        if any(f is None for f in found):
            return None
        if any(f == [] for f in found):
            return []  # (a part's values are unknown: so are the merged dict's)
        merged = {k: (k, v, at, typed) for f in found for k, v, at, typed in f or []}
        return list(merged.values())
    got = held(ctx.api, e, call)
    if got is None or (got.entries is None and not got.stale):
        return None
    if got.stale:
        return []
    return [(k, v, e, got.typed) for k, v in got.entries or []]


class Held(NamedTuple):
    """What a ``**`` argument naming a dict says of its values: its display's entries when
    it is bound once to one and only read (``None`` otherwise), and whether its type is
    :func:`stale`; ``typed`` gives an entry's value the type mypy gave it in the display."""

    entries: Optional[Entries]
    stale: bool
    typed: Callable[[Expression], Optional[Type]]


def taken_apart(ctx: SigContext, i: int) -> bool:
    """Whether parameter ``i`` receives the values of a ``**`` dict read key by key (each
    checked by the hook, which mypy, seeing their join, cannot do) or of a :func:`stale` one
    (unknown): mypy is to take them as they come."""
    call = ctx.context
    return isinstance(call, CallExpr) and any(
        k == ARG_STAR2 and any(a is e for e in ctx.args[i]) and _keyed(ctx, a, call, 0) is not None
        for a, k in zip(call.args, call.arg_kinds))


def stale(api: Any, e: Expression, call: object) -> bool:
    """Whether the dict ``e`` (a ``**`` argument of ``call``) has a value type mypy inferred
    from a first display, and may have been changed since (a name mentioned other than to
    read it, an attribute): what it holds is unknown.

    >>> stale(object(), NameExpr("d"), None)  # (no scope being checked: not a variable's)
    False
    """
    found = held(api, e, call)
    return found is not None and found.stale


def held(api: Any, e: Expression, call: object) -> Optional[Held]:
    """:class:`Held` for a ``**`` argument ``e`` of ``call`` that names a variable or an
    attribute; ``None`` for anything else (its type is the dict's: a display's, a call's)."""
    try:
        return _held(api, e, call)
    except Exception:  # noqa: BLE001 - a construct not modelled here: known to be unknown
        return None if not isinstance(getattr(e, "node", None), Var) else \
            Held(None, getattr(e, "node").is_inferred, _untyped)


def _untyped(_: Expression) -> Optional[Type]:
    return None


def _held(api: Any, e: Expression, call: object) -> Optional[Held]:
    var = e.node if isinstance(e, NameExpr) else _attribute(api, e)
    if not isinstance(var, Var):
        return None
    if not isinstance(e, NameExpr):
        return Held(None, var.is_inferred, _untyped)  # (any method may write an attribute)
    scope = checked_scope(api)
    tree = getattr(api, "tree", None)
    if scope is None:
        return Held(None, var.is_inferred, _untyped)
    body: Sequence[Statement] = scope[1]
    own, read_only, once = _uses(body, e.name, var)
    if own and e.kind == GDEF and scope[0] is not None:
        # (a global the function rebinds: another function may write it before the call)
        return Held(None, var.is_inferred, _untyped)
    if not own and e.kind == GDEF and tree is not None and scope[0] is not None:
        body = tree.defs  # (a module's dict, read in a function)
        own, read_only, once = _uses(body, e.name, var)
    if not own or e.kind not in (GDEF, LDEF):
        return Held(None, var.is_inferred, _untyped)  # (bound elsewhere: an outer function's)
    if not read_only:
        return Held(None, var.is_inferred, _untyped)
    entries = literal_entries(once.rvalue) if once is not None and once in body and \
        body is scope[1] and once.line < getattr(call, "line", -1) else None
    lookup = getattr(api, "lookup_type_or_none", None)
    if entries is None or lookup is None:
        return Held(None, False, _untyped)
    types = [lookup(v) for _, v in entries]
    if any(t is None for t in types):
        return Held(None, False, _untyped)  # (not typed yet: the dict's own type, the join)
    return Held(entries, False, lambda v: lookup(v))


def _attribute(api: Any, e: Expression) -> Optional[Var]:
    """The attribute ``e`` (``self.kw``) names, as its receiver's class declares it."""
    if not isinstance(e, MemberExpr):
        return None
    if isinstance(e.node, Var):
        return e.node
    with api.msg.filter_errors(filter_revealed_type=True):
        owner = get_proper_type(api.get_expression_type(e.expr))
    node = owner.type.get(e.name) if isinstance(owner, Instance) else None
    return node.node if node is not None and isinstance(node.node, Var) else None


# Reading a dict: ``d.get(k)``, ``d.keys()``, ... (no method of these changes it)
_READERS = frozenset({"get", "keys", "values", "items", "copy", "__getitem__", "__contains__",
                      "__len__", "__iter__"})

# A scope's variables read and written by name (``globals()["d"]["y"] = ...``,
# ``sys.modules[__name__].d``): a scope that mentions one (called, held in a name, through
# ``builtins.``) may change any dict of it unseen.
_SPACES = frozenset({"builtins.globals", "builtins.locals", "builtins.vars", "sys.modules"})

Uses = Tuple[bool, bool, Optional[AssignmentStmt]]

_USES: Dict[Tuple[int, int], Tuple[Sequence[Statement], Var, Uses]] = {}
per_build.forget_each_build(_USES)  # (holds mypy nodes: this build's only)


def _uses(body: Sequence[Statement], name: str, var: Var) -> Uses:
    """Whether a statement of ``body`` (nested functions, lambdas and classes too) binds the
    name ``name``; whether ``body`` only reads the dict besides binding it; and the one
    statement binding it, when exactly one does (``name = value``, nothing else on the left)."""
    key = (id(body), id(var))
    hit = _USES.get(key)
    if hit is not None and hit[0] is body and hit[1] is var:
        return hit[2]
    found = _read_uses(body, name, var)
    if len(_USES) >= 64:
        del _USES[next(iter(_USES))]
    _USES[key] = (body, var, found)
    return found


def _read_uses(body: Sequence[Statement], name: str, var: Var) -> Uses:
    bindings = [st for st in walk(body) if any(target_binds(t, name) for t in binding_targets(st))]
    once = bindings[0] if len(bindings) == 1 else None
    if not (isinstance(once, AssignmentStmt) and len(once.lvalues) == 1 and
            isinstance(once.lvalues[0], NameExpr)):
        once = None
    allowed: Set[int] = {id(once.lvalues[0])} if once is not None else set()
    mentions: List[NameExpr] = []
    stored: Set[int] = set()
    unseen = False  # (``globals()["d"]["y"] = ...``: a write not seen here)
    for st in walk(body):
        for t in binding_targets(st):
            stored.update([id(t), *(id(x) for x in get_subexpressions(t))])
        if isinstance(st, ForStmt):
            allowed.add(id(st.expr))  # (``for k in d``)
    for top in body:
        for x in get_subexpressions(top):
            unseen = unseen or isinstance(x, RefExpr) and x.fullname in _SPACES
            if isinstance(x, CallExpr):
                allowed.update(id(a) for a, k in zip(x.args, x.arg_kinds)
                               if k in (ARG_STAR, ARG_STAR2))  # (``f(*xs)``: read too)
                if isinstance(x.callee, NameExpr) and x.callee.fullname == "builtins.len":
                    allowed.update(id(a) for a in x.args)
                if isinstance(x.callee, MemberExpr) and x.callee.name in _READERS:
                    allowed.add(id(x.callee.expr))
            elif isinstance(x, IndexExpr) and id(x) not in stored:
                allowed.add(id(x.base))
            elif isinstance(x, ComparisonExpr) and x.operators in (["in"], ["not in"]):
                allowed.add(id(x.operands[1]))
            elif isinstance(x, OpExpr) and x.op == "|":
                allowed.update((id(x.left), id(x.right)))  # (``base | over``: a new dict)
            elif isinstance(x, DictExpr):
                allowed.update(id(v) for k, v in x.items if k is None)  # (``{**base}``)
            elif isinstance(x, NameExpr) and (x.node is var or x.name == name):
                mentions.append(x)
    return bool(bindings), not unseen and all(id(m) in allowed for m in mentions), once
