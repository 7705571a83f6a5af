"""Reads of a model's ``self`` a construction's run does not follow: what they may change.

A construction's run (flow_instances.py) holds the instance being built as a
:class:`~mypy_plugin.flow_values.Record` and follows ``self.<name>`` reads and writes, and
the ``self.<method>(...)`` calls that are a statement's whole value (flow_methods.py). Any
other way the statement reaches the instance could change it behind the run's back, and a
later read would be stale (a size from before the change: a false ``[shape]``)::

    more = self._more           # a method held: it may run at any later point
    more()                      # (``_more`` appends to ``self.ws``)
    self.head = Dense(self.ws[-1], 4)

:func:`self_reads` sorts a statement's reads of the instance before the run runs it:

- a method held, not called where it is read (``more = self._more``, ``call(self._more)``,
  ``HOOKS.append(self.reset)``, ``type(self)._more``, ``self.__class__._more``), ``self``
  itself given or bound anywhere (``me = self``, ``setup(self)``, ``getattr(self, "_more")``)
  or read inside a nested ``lambda``/``def``/``class`` (it may run later): the instance is
  unknown from here on (:data:`ESCAPES`);
- a method called where it is read but not run by the run (``Dense(self._width(), 4)``,
  nested in an expression): the attributes that method, and the methods it calls in turn,
  name on ``self`` (the run forgets them: unknown from here on), or :data:`ESCAPES` when it
  reaches the instance in one of the ways above, or is not a plain method of the module
  (decorated, a class method, another module's);
- everything else: an attribute read or written (``self.ws``, ``self.head = ...``; a
  property too: its getter changes nothing a model keeps), ``isinstance(self, C)``,
  ``hasattr(self, "x")``, ``id(self)``, ``type(self).__name__``, the followed call itself,
  ``Base.__init__(self, ...)`` (flow_inits.py runs it on the same instance).

>>> self_reads([], set(), None, None, None)
set()
"""

from __future__ import annotations

from typing import List, Optional, Sequence, Set

from mypy.nodes import (
    CallExpr,
    ClassDef,
    Decorator,
    Expression,
    FuncDef,
    IfStmt,
    ForStmt,
    LambdaExpr,
    MemberExpr,
    NameExpr,
    Node,
    OverloadedFuncDef,
    RefExpr,
    Statement,
    TypeInfo,
    Var,
)
from mypy.server.subexpr import get_subexpressions

from mypy_plugin.flow_names import own_expressions
from mypy_plugin.statements import walk

__all__ = ["self_reads", "statement_reads", "ESCAPES"]

ESCAPES = None  # (the result that says: the instance is unknown from here on)

# Calls given ``self`` that neither keep it nor call anything of it that may change it.
_PLAIN = frozenset({"builtins.isinstance", "builtins.hasattr", "builtins.id",
                    "builtins.callable"})


def statement_reads(st: Statement, selves: Set[Var], info: Optional[TypeInfo],
                    followed: Optional[Expression], base_init: Optional[Expression],
                    whole: bool = False) -> Optional[Set[str]]:
    """:func:`self_reads` of what a run reads of ``st`` before its body: an ``if``'s
    conditions and a ``for``'s iterable (their bodies run statement by statement), any
    other statement whole (a ``while``, ``with``, ``try``, ``def`` the run does not step
    into); ``whole``: an ``if`` or ``for`` too (a loop the run does not unroll)."""
    if isinstance(st, (IfStmt, ForStmt)) and not whole:
        exprs: List[Expression] = own_expressions(st)
        nested: List[Node] = []
    else:
        exprs = list(get_subexpressions(st))
        nested = [s for s in walk([st]) if isinstance(
            s, (FuncDef, ClassDef, Decorator, OverloadedFuncDef))]
    return self_reads(exprs, selves, info, followed, base_init, nested)


def self_reads(exprs: List[Expression], selves: Set[Var], info: Optional[TypeInfo],
               followed: Optional[Expression], base_init: Optional[Expression],
               nested: Optional[Sequence[Node]] = None, seen: Optional[Set[str]] = None
               ) -> Optional[Set[str]]:
    """The attributes of the instance (``selves``: the names that hold it) that ``exprs``
    may change where the run does not follow them, or :data:`ESCAPES` (see the module's
    docstring). ``info``: the instance's class (None: any attribute read may be a method);
    ``followed``: the callee the run itself runs (``self._make_layer`` of the statement's
    own call); ``base_init``: a ``Base.__init__(self, ...)`` call the run follows;
    ``nested``: the functions and classes defined in the statement; ``seen``: the methods
    whose bodies are being read (a method calling itself)."""
    if not selves:
        return set()
    inner: Set[int] = set()  # (expressions of a nested scope: they may run later)
    for x in exprs:
        if isinstance(x, LambdaExpr):
            inner.update(id(y) for y in get_subexpressions(x) if y is not x)
    for d in nested or []:
        inner.update(id(y) for y in get_subexpressions(d))
    callees = {id(x.callee): x for x in exprs if isinstance(x, CallExpr)}
    allowed: Set[int] = set()  # (reads of ``self`` sorted below as harmless)
    called: Set[str] = set()
    for x in exprs:
        if id(x) in inner:
            continue
        if isinstance(x, MemberExpr):
            this = _instance(x.expr, selves)
            if this is None:
                continue
            kind = _kind(info, x.name)
            if kind == "method" and x is not followed:
                if id(x) not in callees:
                    return ESCAPES  # (held, passed, stored: it may run at any later point)
                called.add(x.name)
            elif kind == "class":
                continue  # (``self.__class__`` itself: sorted where it is a base, or not)
            allowed.update(this)
        elif isinstance(x, CallExpr) and x.args and isinstance(x.args[0], NameExpr) and \
                x.args[0].node in selves and (x is base_init or isinstance(
                    x.callee, RefExpr) and x.callee.fullname in _PLAIN):
            allowed.add(id(x.args[0]))
    if any(isinstance(x, NameExpr) and x.node in selves and id(x) not in allowed
           for x in exprs):
        return ESCAPES  # (``me = self``, ``setup(self)``, ``getattr(self, "_more")``, a
        # lambda reading ``self``: what changes it is not followed)
    out: Set[str] = set()
    for name in sorted(called):
        touched = _touched(info, name, set() if seen is None else seen)
        if touched is ESCAPES:
            return ESCAPES
        out |= touched
    return out


def _instance(e: Expression, selves: Set[Var]) -> Optional[List[int]]:
    """The ids of the reads of ``self`` that make ``e`` the instance or its class (``self``,
    ``type(self)``, ``self.__class__``), else None."""
    if isinstance(e, NameExpr) and e.node in selves:
        return [id(e)]
    if isinstance(e, CallExpr) and isinstance(e.callee, RefExpr) and \
            e.callee.fullname == "builtins.type" and len(e.args) == 1:
        return _instance(e.args[0], selves)
    if isinstance(e, MemberExpr) and e.name == "__class__":
        inner = _instance(e.expr, selves)
        return inner + [id(e)] if inner is not None else None
    return None


def _kind(info: Optional[TypeInfo], name: str) -> str:
    """``"method"`` when ``name`` on the instance is a method (or may be one: ``info``
    unknown), ``"class"`` for ``__class__``, else ``"attribute"`` (a property too)."""
    if name == "__class__":
        return "class"
    if info is None:
        return "method"
    sym = info.get(name)
    node = sym.node if sym is not None else None
    if isinstance(node, FuncDef):
        return "attribute" if node.is_property else "method"
    if isinstance(node, OverloadedFuncDef):
        return "attribute" if node.is_property else "method"
    if isinstance(node, Decorator):
        return "attribute" if node.var.is_property else "method"
    return "attribute"


def _touched(info: Optional[TypeInfo], name: str, seen: Set[str]) -> Optional[Set[str]]:
    """The attributes the method ``name`` (and the methods it calls on ``self``) names on
    ``self``, or :data:`ESCAPES` when it reaches the instance in a way not followed, or is
    not a plain method of the module's (a static method touches nothing of it)."""
    if name in seen:
        return set()
    seen.add(name)
    sym = info.get(name) if info is not None else None
    node = sym.node if sym is not None else None
    if isinstance(node, Decorator) and node.func.is_static and not node.func.is_class:
        return set()  # (given no ``self``: what it is given is read where it is called)
    if not isinstance(node, FuncDef) or node.is_static or node.is_class or \
            not node.arguments or node.is_generator or node.is_coroutine:
        return ESCAPES
    assert info is not None
    if node.info is None or node.info.module_name != info.module_name:
        return ESCAPES  # (another module's body: not read here)
    this = {node.arguments[0].variable}
    exprs = list(get_subexpressions(node))
    nested = [s for s in walk(node.body.body) if isinstance(
        s, (FuncDef, ClassDef, Decorator, OverloadedFuncDef))]
    found = self_reads(exprs, this, info, None, None, nested, seen)
    if found is ESCAPES:
        return ESCAPES
    out = set(found)
    out.update(x.name for x in exprs if isinstance(x, MemberExpr) and isinstance(
        x.expr, NameExpr) and x.expr.node in this and _kind(info, x.name) == "attribute")
    return out
