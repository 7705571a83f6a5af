"""A lambda whose returned value meets an annotation: which boundary it stands at.

mypy checks a lambda that has a type context (``return lambda x: head(x)`` from a function
annotated ``-> Callable[[Tensor[B, 8]], Tensor[B, 4]]``, ``field(default_factory=lambda:
tf.zeros(2, 8))`` for ``h: Tensor[2, 16]``) as a function whose return type is the
context's: the body's value meets that return type, and the hook that types the value sees it
as its own type context. Without a boundary there mypy reports two errors in ``Literal``
words: the body's ``Incompatible return value type`` and the whole lambda's (``[return-value]``
or ``[arg-type]`` naming two ``Callable`` types), one fact. With one,
``boundaries.check_boundary`` reports it once, in the words of a function met by an
annotation (``Return value is a function whose return shape Tensor[B, 3] does not match the
annotation Tensor[B, 4]: axis 1 is 3, expected 4``), and hands mypy the annotation's return
type, so the lambda fits and mypy says nothing more.

Two ways a lambda meets one:

- it is (an item of) a value returned, yielded, given as a default or assigned to an
  annotated name (``boundary_index`` marks its body: :func:`subject` names it);
- it is an argument of a call whose parameter is a ``Callable`` (a function's, a class's
  constructor's, or a method's as mypy bound it to its receiver: ``self.run(lambda t: ...)``,
  :func:`_bound_method`): :func:`argument_of` finds the call (an index of the file's lambda arguments, built only when a value in a lambda's
  body provably differs from its context). When the parameter's return type is a sized
  tensor (``f: Callable[[Tensor[B, 8]], Tensor[B, 4]]``) the annotation is the callee's; when
  it is a type variable that is the callee's result (``field(default_factory: Callable[[],
  T]) -> T``), mypy took it from the annotation the call meets, so only a call standing at a
  boundary counts. A type variable mypy took from another argument (``reduce(lambda a, b:
  tf.cat(a, b, axis=1), xs)``: the accumulator's type, a typing rule, not a shape the run
  time refuses) keeps mypy's errors.

Static only: the run time does not check what a lambda returns.

>>> from mypy.nodes import Block, LambdaExpr, NameExpr, ReturnStmt
>>> body = NameExpr("x")
>>> lambda_return(LambdaExpr([], Block([ReturnStmt(body)]))) is body
True
"""

from __future__ import annotations

from typing import Any, List, Optional, Tuple

from mypy.nodes import (
    ARG_POS, FUNC_NO_INFO, CallExpr, Decorator, Expression, FuncDef, LambdaExpr, ListExpr, MypyFile,
    MemberExpr, NameExpr, OverloadedFuncDef, ReturnStmt, TupleExpr, TypeInfo,
)
from mypy.types import CallableType, Overloaded, TypeVarType, get_proper_type

from mypy_plugin.callbacks.common import top_level_words
from mypy_plugin.callbacks.inner_places import inner_places, lambda_return

__all__ = ["lambda_return", "subject", "argument_of", "returns_apart"]


def subject(kind: str, target: str, part: Optional[str], annotated: bool, owner: str
            ) -> Optional[str]:
    """How a message names the value a lambda is (part of), met by an annotation at a
    boundary of ``kind``; ``None`` where no annotation is met (a name typed by its first
    value).

    >>> subject("return", "", "tuple item 0", False, "")
    'Return value (tuple item 0)'
    >>> subject("assign", "fs", "list item 1", True, "")
    'Value assigned to "fs" (list item 1)'
    """
    where = f" ({part})" if part else ""
    if kind == "return":
        return f"Return value{where}"
    if kind == "yield":
        return f"Yielded value{where}"
    if kind == "assign" and annotated:
        return f'Value assigned to "{target}"{where}'
    if kind == "default":
        return f'Default value{where} of parameter "{target}" of "{owner}"'
    return None




def argument_of(api: Any, tree: MypyFile, node: object
                ) -> Optional[Tuple[CallExpr, str, bool, Optional[str]]]:
    """For ``node``, the expression a lambda being checked returns, when that lambda is an
    argument of a call whose parameter's annotation asks for its return: (the call, how a
    message names the argument, whether the annotation is the callee's result type variable,
    so the call must itself stand at a boundary, and the item of a display the lambda returns
    ``node`` is, if one); ``None`` otherwise.

    >>> argument_of(object(), MypyFile([], []), None) is None
    True
    """
    scope = getattr(api, "scope", None)
    top = scope.current_function() if scope is not None else None
    body = lambda_return(top) if isinstance(top, LambdaExpr) else None
    part = None if body is node else _item_of(body, node)
    if body is None or (body is not node and part is None):
        return None  # (cheap exit: not the value of the lambda mypy is checking, nor its item)
    hit = inner_places(tree).get(id(body))
    call = hit[0] if hit is not None else None
    if hit is None or not isinstance(call, CallExpr):
        return None
    i = hit[1]
    callee = call.callee
    if not isinstance(callee, (NameExpr, MemberExpr)):
        return None
    signatures, owner = _signatures(callee.node), callee.name
    if not signatures and isinstance(callee, MemberExpr):
        signatures, owner = _bound_method(api, callee)
    if not signatures:
        return None
    keyword = call.arg_names[i]
    needs_boundary = False
    name: Optional[str] = keyword
    takes = False
    for sig in signatures:
        j = _formal(sig, call, i)
        param = get_proper_type(sig.arg_types[j]) if j is not None else None
        if j is None or not isinstance(param, CallableType):
            continue  # (an overload item no lambda can be given to there)
        takes = True
        ret = get_proper_type(param.ret_type)
        if len(signatures) > 1 and not isinstance(ret, TypeVarType):
            # (overload items whose own sizes differ: mypy tries each, and the annotation's
            # type handed back after a report could make a wrong one fit)
            return None
        if isinstance(ret, TypeVarType):
            result = get_proper_type(sig.ret_type)
            if not (isinstance(result, TypeVarType) and result.id == ret.id) and not (
                    isinstance(callee.node, TypeInfo) and ret.name in callee.node.type_vars):
                return None  # (taken from another argument: a typing rule, mypy's words)
            needs_boundary = True  # (the result's: mypy took it from the annotation met)
        if name is None and len(signatures) == 1 and sig.arg_names[j] is not None:
            name = sig.arg_names[j]
    if not takes:
        return None
    label = name if name is not None else f"#{i + 1}"
    return call, f'Argument "{label}" of "{owner}"', needs_boundary, part


def _bound_method(api: Any, callee: MemberExpr) -> Tuple[List[CallableType], str]:
    """The signature of a method called through an instance (``runner.run``, ``self.run``):
    its bound type as mypy typed the callee, before the arguments (``self`` left out, the
    class's type arguments filled in), and its name as ``@tf.shapecheck`` names it
    (``Runner.run``); none for anything else (an overloaded method: its items' sizes may
    differ, as a function's)."""
    lookup = getattr(api, "lookup_type_or_none", None)
    t = get_proper_type(lookup(callee)) if lookup is not None else None
    func = t.definition if isinstance(t, CallableType) else None
    if isinstance(func, Decorator):
        func = func.func
    if not isinstance(func, FuncDef) or func.info is FUNC_NO_INFO or not isinstance(t, CallableType):
        return [], ""
    return [t], f"{func.info.name}.{func.name}"


def _item_of(body: Optional[Expression], node: object) -> Optional[str]:
    """``list item 1`` when ``node`` is that item of the display ``body`` a lambda returns."""
    if isinstance(body, (ListExpr, TupleExpr)):
        kind = "list" if isinstance(body, ListExpr) else "tuple"
        for i, item in enumerate(body.items):
            if item is node:
                return f"{kind} item {i}"
    return None


def _signatures(node: object) -> List[CallableType]:
    """The signatures a call of ``node`` may take (an overload's items; a class's
    ``__new__`` or ``__init__``, ``self`` left out)."""
    if isinstance(node, TypeInfo):
        method = node.names.get("__new__") or node.names.get("__init__")
        made = [t for t in _types(method.node if method is not None else None) if t.arg_types]
        return [t.copy_modified(arg_types=t.arg_types[1:], arg_kinds=t.arg_kinds[1:],
                                arg_names=t.arg_names[1:]) for t in made]
    if isinstance(node, (FuncDef, OverloadedFuncDef, Decorator)):
        func = node.func if isinstance(node, Decorator) else node
        if func.info is not FUNC_NO_INFO and not getattr(func, "is_static", False):
            return []  # (a method: its bound signature is not the definition's)
        return _types(func)
    return []


def _types(node: object) -> List[CallableType]:
    """The signature of a function, or its overload's items."""
    if isinstance(node, Decorator):
        node = node.func
    t = get_proper_type(node.type) if isinstance(node, (FuncDef, OverloadedFuncDef)) else None
    items = t.items if isinstance(t, Overloaded) else [t]
    return [item for item in items if isinstance(item, CallableType)]


def _formal(sig: CallableType, call: CallExpr, i: int) -> Optional[int]:
    """The parameter of ``sig`` the call's ``i``-th argument reaches, when a plain one."""
    keyword = call.arg_names[i]
    if keyword is not None:
        return sig.arg_names.index(keyword) if keyword in sig.arg_names else None
    if call.arg_kinds[i] != ARG_POS or any(k != ARG_POS for k in call.arg_kinds[:i]):
        return None
    positional = [j for j, k in enumerate(sig.arg_kinds) if k.is_positional()]
    return positional[i] if i < len(positional) else None


def returns_apart(message: str) -> bool:
    """Whether mypy's ``message`` compares two ``Callable`` types that differ only in their
    tensor return types (``got "Callable[[], Tensor[...5]]", expected "Callable[[],
    Tensor[...4]]"``): mypy's error on a lambda whose returned value (``2 * x``: the
    operator's hook cannot hand mypy the annotation's type) was just reported in shape
    words, the same fact.

    >>> returns_apart('(got "Callable[[A], Tensor[B, Literal[5]]]", expected "Callable[[A], Tensor[B, Literal[4]]]")')
    True
    >>> returns_apart('(got "Callable[[C], Tensor[B, Literal[5]]]", expected "Callable[[A], Tensor[B, Literal[4]]]")')
    False
    """
    quoted = message.split('"')[1::2]
    if len(quoted) < 2:
        return False
    parts = [_callable_parts(t) for t in quoted[-2:]]
    if parts[0] is None or parts[1] is None:
        return False
    (got_args, got_ret), (want_args, want_ret) = parts[0], parts[1]
    return got_args == want_args and got_ret.startswith("Tensor[") and \
        want_ret.startswith("Tensor[")


def _callable_parts(text: str) -> Optional[Tuple[str, str]]:
    """(parameters, return) of mypy's ``Callable[[...], R]`` text."""
    if not (text.startswith("Callable[") and text.endswith("]")):
        return None
    first, *rest = top_level_words(text[len("Callable["):-1], ", ")
    return (first, ", ".join(rest)) if rest else None
