"""A connection that only forwards its inputs to one typedflux op: ``lambda a, b: tf.cat(a, b,
axis=1)``, the Flux idiom for U-Net and DenseNet joins.

Where a container is built, the run time runs no user code, so a lambda has no rule there
and a ``Parallel`` joined by one was checked only where it was called. Such a lambda's whole
body is one call of a typedflux op: its parameters in order (``tf.cat(a, b)``, or one list
of them, ``tf.concat([a, b])``) and constant keywords (``axis=1``). That call is read from
the function's code object (nothing is run) and the connection gets the op's rule with
those keywords (:func:`typedflux.shapes.compose.forwarded_connection_rule`); the plugin
reads the same lambda from its source (``mypy_plugin/callbacks/forwarded_lambdas.py``), so
both report where the container is built, in the same words. Anything else (a closure, a
default, an annotation, ``*args``, a second operation, an attribute of something that is no
module, an instruction not listed below, as another Python version may compile it) gives
no rule: the container is then checked where it is called, as before, never an error here.
The instructions read are those CPython 3.10 to 3.13 compile such a body to; checked on 3.11
and 3.12 (tests/layers/test_forwarded.py on 3.11; the same forms by hand on 3.12).

>>> import typedflux as tf
>>> forwarded_join(lambda a, b: tf.cat(a, b, axis=1))([(2, 3, 8), (2, 5, 8)])
(2, 8, 8)
>>> forwarded_join(lambda a, b: tf.cat(a, b * 2)) is None
True
"""

from __future__ import annotations

import dis
import inspect
import types
from typing import Any, Dict, List, Optional, Tuple

from typedflux.shapes import compose

__all__ = ["forwarded_join"]

# Instructions that move nothing the reading needs (a call's bookkeeping, a line's start).
_SKIP = frozenset({"RESUME", "NOP", "PRECALL", "PUSH_NULL", "CACHE", "EXTENDED_ARG",
                   "COPY_FREE_VARS", "MAKE_CELL"})
_FAST = frozenset({"LOAD_FAST", "LOAD_FAST_CHECK", "LOAD_FAST_BORROW"})
_PAIRS = frozenset({"LOAD_FAST_LOAD_FAST", "LOAD_FAST_BORROW_LOAD_FAST_BORROW"})
_CALLS = frozenset({"CALL", "CALL_FUNCTION", "CALL_METHOD", "CALL_KW", "CALL_FUNCTION_KW"})


class _Param:
    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name


class _Display:
    __slots__ = ("items",)

    def __init__(self, items: List[Any]) -> None:
        self.items = items


class _Call:
    __slots__ = ("fn", "args", "keywords")

    def __init__(self, fn: Any, args: List[Any], keywords: Dict[str, Any]) -> None:
        self.fn, self.args, self.keywords = fn, args, keywords


class _Const:
    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value


def forwarded_join(fn: Any) -> Optional[compose.JoinRule]:
    """The join rule of a connection whose body only forwards its parameters to a typedflux
    op (see the module docstring); None for any other callable."""
    call = _forwarded_call(fn)
    if call is None:
        return None
    op, display, keywords = call
    spec = _spec_of(op)
    if spec is None:
        return None
    if display == _takes_var_positional(op):
        return None  # (``tf.concat(a, b)`` for a list parameter: not the op's own call)
    return compose.forwarded_connection_rule(spec, keywords, fn.__code__.co_argcount)


def _spec_of(op: Any) -> Any:
    name = getattr(op, "__name__", None)
    module = getattr(op, "__module__", "") or ""
    if not isinstance(name, str) or not module.startswith("typedflux"):
        return None
    return compose.function_spec(name)


def _takes_var_positional(op: Any) -> bool:
    try:
        params = list(inspect.signature(op).parameters.values())
    except (TypeError, ValueError):
        return False
    return bool(params) and params[0].kind is inspect.Parameter.VAR_POSITIONAL


def _forwarded_call(fn: Any) -> Optional[Tuple[Any, bool, Dict[str, Any]]]:
    """(the op, whether its inputs are given as one list, the keywords) of ``fn``'s body,
    when it is one call of a module attribute or global on every parameter in order."""
    try:
        return _read_call(fn)
    except Exception:  # noqa: BLE001 - a code shape not foreseen: no rule, never an error
        return None


def _read_call(fn: Any) -> Optional[Tuple[Any, bool, Dict[str, Any]]]:
    if not isinstance(fn, types.FunctionType):
        return None
    code = fn.__code__
    n = code.co_argcount
    if (n < 1 or fn.__defaults__ or fn.__kwdefaults__ or code.co_kwonlyargcount
            or code.co_flags & (inspect.CO_VARARGS | inspect.CO_VARKEYWORDS)
            or code.co_freevars or any(p in fn.__annotations__ for p in code.co_varnames[:n])):
        return None
    params = list(code.co_varnames[:n])
    result = _run(fn, code)
    if not isinstance(result, _Call):
        return None
    if all(isinstance(a, _Param) for a in result.args):
        given, display = result.args, False
    elif len(result.args) == 1 and isinstance(result.args[0], _Display):
        given, display = result.args[0].items, True
    else:
        return None
    if [a.name if isinstance(a, _Param) else None for a in given] != params:
        return None
    return result.fn, display, result.keywords


def _run(fn: types.FunctionType, code: types.CodeType) -> Any:
    """The value ``fn``'s straight-line body returns, read from its instructions: a
    ``_Call`` of an object found by name, or None when the body does anything else."""
    # Why the code object and not the source: a lambda's source is a whole line that may hold
    # several lambdas, and a program may have none (built by exec). The instructions are read
    # symbolically, as a stack of names; nothing of the user's is called or evaluated.
    stack: List[Any] = []
    kwnames: Tuple[str, ...] = ()
    for ins in dis.get_instructions(code):
        op = ins.opname
        if op in _SKIP:
            continue
        if op == "LOAD_GLOBAL":
            found = _global(fn, str(ins.argval))
            if found is None:
                return None
            stack.append(found[0])
        elif op in ("LOAD_ATTR", "LOAD_METHOD"):
            if not stack or not isinstance(stack[-1], types.ModuleType):
                return None  # (only a module's attribute: reading another object may run code)
            value = _attribute(stack.pop(), str(ins.argval))
            if value is None:
                return None
            stack.append(value)
        elif op in _FAST:
            stack.append(_Param(str(ins.argval)))
        elif op in _PAIRS and isinstance(ins.argval, tuple):
            stack.extend(_Param(str(v)) for v in ins.argval)
        elif op == "LOAD_CONST":
            stack.append(_Const(ins.argval))
        elif op in ("BUILD_LIST", "BUILD_TUPLE"):
            count = int(ins.arg or 0)
            if len(stack) < count:
                return None
            items = stack[len(stack) - count:] if count else []
            del stack[len(stack) - count:]
            stack.append(_Display(list(items)))
        elif op == "KW_NAMES":
            names = ins.argval if isinstance(ins.argval, tuple) else code.co_consts[int(ins.arg or 0)]
            kwnames = tuple(names)
        elif op in _CALLS:
            if op in ("CALL_KW", "CALL_FUNCTION_KW"):
                if not stack or not isinstance(stack[-1], _Const):
                    return None
                kwnames = tuple(stack.pop().value)
            count = int(ins.arg or 0)
            if len(stack) < count + 1:
                return None
            args = stack[len(stack) - count:] if count else []
            del stack[len(stack) - count:]
            callee = stack.pop()
            split = len(args) - len(kwnames)
            if split < 0 or any(isinstance(a, _Const) for a in args[:split]):
                return None
            keywords = {}
            for name, value in zip(kwnames, args[split:]):
                if not isinstance(value, _Const):
                    return None
                keywords[name] = value.value
            stack.append(_Call(callee, list(args[:split]), keywords))
            kwnames = ()
        elif op == "RETURN_VALUE":
            return stack[-1] if len(stack) == 1 else None
        else:
            return None
    return None


def _attribute(module: types.ModuleType, name: str) -> Any:
    """A module's attribute: typedflux's own resolve lazily (``tf.cat``: its package's
    ``__getattr__``, our code); any other module's only as it holds it already."""
    if (getattr(module, "__name__", "") or "").split(".")[0] == "typedflux":
        try:
            return getattr(module, name, None)
        except Exception:  # noqa: BLE001 - no attribute to read: not a forwarding body
            return None
    return module.__dict__.get(name)


def _global(fn: types.FunctionType, name: str) -> Optional[Tuple[Any]]:
    if name in fn.__globals__:
        return (fn.__globals__[name],)
    return None
