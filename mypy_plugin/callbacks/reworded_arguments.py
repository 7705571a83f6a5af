"""mypy's ``[arg-type]`` error at an argument no signature hook checked, in shape words.

Some calls run no plugin hook that could check their arguments: ``super().__init__(x)`` and
``super().step(x)`` (mypy gives a ``super()`` callee no name to look a hook up by), a
callable read from a container (``self.table["f"](x)``), a generic library function such as
``dataclasses.field(default=x)``. mypy then compares each argument with its parameter itself
and reports ``Argument 1 to "__init__" of "Base" has incompatible type "Tensor[Literal[2],
Literal[5]]"; expected "Tensor[Literal[2], Literal[4]]"  [arg-type]``.

The argument's own hook (an op, a layer call, a user function's call: ``tf.zeros(2, 5)``)
still runs, with the parameter's type as its type context; when its result provably differs,
``boundaries.check_boundary`` notes the two types at the argument
(``reworded.note_argument``). mypy's error at that very position is reworded here only when
its message is exactly mypy's words for those two types (so they are the types mypy
compared), or for the parameter's type with the callee's type variables solved from the
argument, as mypy solves them (``step(x: Tensor[B, 4])`` given ``Tensor[3, 6]``: mypy's
expected type is ``Tensor[3, 4]``). The words are the signature hook's and ``@shapecheck``'s
(``typedflux.shapes.bind.Bindings``): ``Argument "x" of "Base.__init__" has shape Tensor[2,
5], which does not match the annotation Tensor[2, 4]: axis 1 is 5, expected 4``, the parameter
named from the callee's definition when this module defines it (else ``#1``, its position).
An argument that runs no hook (a bare name) keeps mypy's error (docs/errors.md).

>>> parsed('Argument 1 to "step" of "Base" has incompatible type "A"; expected "B"')
('Base.step', 'step', 'Base', 1, None, '"A"', '"B"')
>>> parsed('Argument "h" to "field" has incompatible type "A"; expected "B"')
('field', 'field', None, None, 'h', '"A"', '"B"')
>>> parsed('Argument 1 has incompatible type "A"; expected "B"')  # (a callee mypy names not)
('', '', None, 1, None, '"A"', '"B"')
>>> parsed("Incompatible return value type") is None
True

A callee mypy names no function for (``self.table["f"](tf.zeros(2, 7))``: ``Argument 1 has
incompatible type ...``) is named by its text (``self.table['f']``), found by the argument's
position (``inner_places.call_arguments``); an item of a TypedDict built by calling it
(``TD(h=tf.zeros(2, 9))``, mypy's ``[typeddict-item]``) is an argument of that call named
by its key.
"""

from __future__ import annotations

import re
from typing import Any, Dict, Optional, Tuple

from mypy.nodes import (
    CallExpr, Decorator, Expression, FuncDef, IndexExpr, IntExpr, MemberExpr, MypyFile, NameExpr,
    StrExpr, TypeInfo,
)
from mypy.types import CallableType, Instance, Type, TypeVarType, get_proper_type

from mypy_plugin import translate
from typedflux.shapes.bind import Bindings
from typedflux.shapes.errors import ShapeError

__all__ = ["parsed", "argument_words", "typed_here"]

_ARGUMENT = re.compile(
    r'^Argument (?:(?P<n>\d+)|"(?P<kw>[^"]+)") (?:to "(?P<f>[^"]+)"(?: of "(?P<cls>[^"]+)")? )?'
    r"has incompatible type (?P<got>.+); expected (?P<want>.+)$"
)
# mypy's error at an item of a TypedDict built by calling it (``TD(h=x)``).
_TYPEDDICT_ITEM = re.compile(
    r'^Incompatible types \(expression has type (?P<got>.+), '
    r'TypedDict item "(?P<kw>[^"]+)" has type (?P<want>.+)\)$'
)

Parsed = Tuple[str, str, Optional[str], Optional[int], Optional[str], str, str]


def parsed(message: str) -> Optional[Parsed]:
    """(qualified name, function, class, position, keyword, got, expected) of mypy's
    ``[arg-type]`` message for a named callee, or ``None``."""
    m = _ARGUMENT.match(message) or _TYPEDDICT_ITEM.match(message)
    if m is None:
        return None
    groups = m.groupdict()
    function, cls = groups.get("f") or "", groups.get("cls")
    name = f"{cls}.{function}" if cls else function
    n = int(groups["n"]) if groups.get("n") else None
    return name, function, cls, n, groups["kw"], groups["got"], groups["want"]


def typed_here(checker: Any, e: Expression) -> Optional[Type]:
    """The type mypy gave ``e``, an argument of the call an error the watcher sees is at: the
    checker's type map, or (a call a ``return`` gives its type as context, whose errors mypy
    adds back before it stores its types: ``checker.infer_context_dependent``) ``e``
    inferred again, quietly, as a signature hook infers an argument
    (``call_containers.argument_type``).

    >>> typed_here(None, None) is None
    True
    """
    if checker is None:
        return None
    t: Optional[Type] = checker.lookup_type_or_none(e)
    if t is not None:
        return t
    with checker.msg.filter_errors(filter_revealed_type=True):
        return checker.get_expression_type(e)  # type: ignore[no-any-return]


def argument_words(
    message: str, got: Type, expected: Type, declared: Instance, options: Any,
    tree: Optional[MypyFile], at: Tuple[int, int] = (-1, -1),
) -> Optional[str]:
    """Our words for mypy's ``message`` at an argument (starting at ``at``) whose hook gave
    ``got`` where the parameter's type ``expected`` (the tensor ``declared`` in it) was its
    context; ``None`` when the message is not mypy's for these types or no shape difference
    is proven."""
    from mypy.messages import format_type_distinctly

    p = parsed(message)
    if p is None:
        return None
    name, function, cls, n, keyword, said_got, said_want = p
    if not name:
        name = function = _callee_text(tree, at) or ""
        if not name:
            return None
    g, d = format_type_distinctly(got, expected, options=options)
    if (g, d) == (said_got, said_want):
        # mypy compared the parameter's type as written: its type variables are the
        # caller's own (a generic function passing its B on), fixed here.
        rigid = translate.bare_typevar_names([declared])
    else:
        solved = _solved(expected, declared, got)
        if solved is None:
            return None
        g, d = format_type_distinctly(got, solved, options=options)
        if (g, d) != (said_got, said_want):
            return None
        rigid = frozenset()  # (the callee's own, solved from this argument as mypy did)
    actual = translate.shape_of(got)
    if actual is None:
        return None
    func = _callee(tree, function, cls)
    param, written = _parameter(func, n or 0, keyword)
    pattern = translate.shape_of(declared)
    tries = [(pattern, rigid)]
    if func is not None and written is not None and isinstance(func.type, CallableType):
        # The annotation as written (``Tensor[B, 4]``, its B the callee's own, bound by the
        # argument), as the signature hook and ``@shapecheck`` word it: only when it is the
        # type mypy compared (another module's class of the same name is not).
        own = {v.name for v in func.type.variables}
        fixed = translate.bare_typevar_names([written]) - own
        shape = translate.shape_of(written)
        if shape is not None and pattern is not None and _agrees(name, shape, fixed, pattern):
            tries.insert(0, (shape, fixed))
    for pattern, fixed in tries:
        if pattern is None:
            continue
        try:
            Bindings(name, fixed).bind(f'argument "{param}"', pattern, actual)
        except ShapeError as e:
            return str(e).split("\n")[0]  # (a note of the bound dims: mypy's error has one line)
    return None


def _agrees(name: str, written: Any, fixed: frozenset[str], compared: Any) -> bool:
    """Whether the annotation ``written`` binds to the type mypy ``compared`` (the same
    annotation with the callee's type variables solved, or fixed ones unchanged)."""
    try:
        Bindings(name, fixed).bind("annotation", written, compared)
    except ShapeError:
        return False
    return True


def _solved(expected: Type, declared: Instance, got: Type) -> Optional[Type]:
    """``expected`` with the type variables that stand as whole dims of ``declared`` replaced
    by the argument's dims at the same axes (as mypy infers them), or ``None``."""
    from mypy.expandtype import expand_type

    g = get_proper_type(got)
    if not isinstance(g, Instance) or len(g.args) != len(declared.args):
        return None
    env: Dict[Any, Type] = {}
    for want, have in zip(declared.args, g.args):
        w = get_proper_type(want)
        if isinstance(w, TypeVarType):
            env.setdefault(w.id, have)
    return expand_type(expected, env) if env else None


def _callee(tree: Optional[MypyFile], function: str, cls: Optional[str]) -> Optional[FuncDef]:
    """The definition of ``function`` (a method of ``cls``) in ``tree``, when it has one."""
    if tree is None:
        return None
    owner = tree.names.get(cls or function)
    node: Optional[object] = owner.node if owner is not None else None
    if cls is not None:
        node = node.get_method(function) if isinstance(node, TypeInfo) else None
    if isinstance(node, Decorator):
        node = node.func
    return node if isinstance(node, FuncDef) else None  # (an overload: no one item's names)


def _parameter(func: Optional[FuncDef], n: int, keyword: Optional[str]
               ) -> Tuple[str, Optional[Type]]:
    """The name of the parameter the ``n``-th argument (1-based, as mypy counts a bound
    method's) or ``keyword`` reaches, and its annotation as written (type variables
    unsolved); ``#n`` and ``None`` when ``func`` is not known."""
    name = keyword or f"#{n}"
    sig = func.type if func is not None else None
    if func is None or not isinstance(sig, CallableType):
        return name, None
    if keyword is None:
        i = n - 1 + (1 if func.info is not None and not func.is_static else 0)
        if not (n >= 1 and 0 <= i < len(sig.arg_names)) or sig.arg_names[i] is None:
            return name, None
        name = str(sig.arg_names[i])
    if name not in sig.arg_names:
        return name, None
    return name, sig.arg_types[sig.arg_names.index(name)]


def _callee_text(tree: Optional[MypyFile], at: Tuple[int, int]) -> Optional[str]:
    """The text of the callee of the call whose argument starts at ``at``
    (``self.table['f']``), when it is made of names, attributes, literal keys and calls."""
    from mypy_plugin.callbacks.inner_places import call_arguments

    hit = call_arguments(tree).get(at) if tree is not None else None
    return _text(hit[0].callee) if hit is not None else None


def _text(e: Expression, depth: int = 0) -> Optional[str]:
    """``self.table['f']`` for its expression; ``None`` for anything else.

    >>> from mypy.nodes import IndexExpr, MemberExpr, NameExpr, StrExpr
    >>> _text(IndexExpr(MemberExpr(NameExpr("self"), "table"), StrExpr("f")))
    "self.table['f']"
    """
    if depth > 8:
        return None
    if isinstance(e, NameExpr):
        return e.name
    if isinstance(e, MemberExpr):
        owner = _text(e.expr, depth + 1)
        return f"{owner}.{e.name}" if owner is not None else None
    if isinstance(e, IndexExpr):
        owner = _text(e.base, depth + 1)
        key = repr(e.index.value) if isinstance(e.index, (StrExpr, IntExpr)) else \
            _text(e.index, depth + 1)
        return f"{owner}[{key}]" if owner is not None and key is not None else None
    if isinstance(e, CallExpr) and not e.args:
        owner = _text(e.callee, depth + 1)
        return f"{owner}()" if owner is not None else None
    return None
