"""``@shapecheck``: check a function's ``Tensor[...]`` annotations at run time, per call.

The same annotation mypy's plugin proves statically is enforced here where the checker could
not see: symbolic dims are bound at each call (unification shared with the plugin, in
``typedflux.shapes.bind``), every tensor argument (each of ``*xs`` and ``**kw`` too), the
return value and each value a generator yields are checked, and a mismatch raises
``ShapeError`` in the plugin's words, naming the argument, the annotation, the axis and the
bindings so far. A call of an ``@overload``-ed function is checked against the first item
that takes the arguments' shapes, as mypy's plugin chooses it. A layer passed for a parameter typed as a
callable of tensors (a ``Protocol`` whose ``__call__`` is annotated, a ``Callable[[Tensor[...]],
Tensor[...]]``) is run through its rule on the annotation's input before the call
(``typedflux.shapes.layer_params``, the plugin's rule).

>>> from typing import TypeVar
>>> import typedflux as tf
>>> from typedflux import Tensor
>>> B = TypeVar("B", bound=int)
>>> @tf.shapecheck
... def first_half(x: Tensor[B, "2*N"]) -> Tensor[B, "N"]:
...     return x[:, : x.shape[1] // 2]
>>> first_half(tf.zeros(3, 8)).shape
(3, 4)
>>> first_half(tf.zeros(3, 7))
Traceback (most recent call last):
...
typedflux.shapes.errors.ShapeError: Argument "x" of "first_half" has shape Tensor[3, 7], which does not match the annotation Tensor[B, 2*N]: axis 1 is 7, expected 2*N
  B=3
"""

from __future__ import annotations

import collections.abc
import dataclasses
import functools
import inspect
import sys
import typing
from typing import Annotated, Any, Callable, Dict, List, Optional, Tuple, TypeVar, Union, cast

from typing_extensions import get_overloads

from typedflux.shapecheck_attributes import bind_attributes
from typedflux.shapecheck_async import checked_async_items, checked_coroutine, same_kind
from typedflux.shapecheck_paths import ResultPath, yielded_item
from typedflux.shapecheck_constants import annotation_value, reading, remember_enclosing
from typedflux.shapecheck_dims import Pattern, annotation_shape
from typedflux.shapecheck_unions import tensor_member, tensor_members
from typedflux.shapes import messages
from typedflux.shapes.bind import Bindings
from typedflux.shapes.errors import ReturnMismatch, ShapeError
from typedflux.shapes.shape import Shape
from typedflux.tensor import Tensor

__all__ = ["shapecheck", "annotation_shape", "evaluated_annotations"]

F = TypeVar("F", bound=Callable[..., Any])

@dataclasses.dataclass(frozen=True)
class _Members:
    """The patterns of the tensor members of a union annotation, in order."""

    shapes: Tuple[Shape, ...]


class _Checked:
    """The parsed annotations of one function, read lazily (forward references resolve late)."""

    __slots__ = (
        "params", "kinds", "containers", "callables", "owns", "protocols", "result", "yields",
        "method", "globals")

    def __init__(self, fn: Callable[..., Any]) -> None:
        hints = evaluated_annotations(fn)
        parameters = list(inspect.signature(fn).parameters.values())
        kinds = {p.name: p.kind for p in parameters}
        self.method = bool(parameters) and parameters[0].name == "self"
        self.globals: Dict[str, Any] = getattr(fn, "__globals__", {})
        # A parameter's pattern, or the patterns of its union's tensor members (a tuple of
        # them in a ``_Members``), in the parameters' order (the order they are bound in).
        self.params: Dict[str, Union[Shape, _Members]] = {}
        self.kinds: Dict[str, Any] = {}
        # Parameters holding tensors in a list or tuple: the pattern of each position.
        self.containers: Dict[str, Callable[[int], Optional[Shape]]] = {}
        # Parameters typed as a callable of tensors (a Protocol's ``__call__``, a Callable):
        # the tensor it is given and the one it gives back, checked on a layer passed.
        from typedflux.shapecheck_layers import callable_own, callable_patterns, protocol_members
        # Parameters typed with a protocol whose methods annotate tensors: its members.
        self.protocols: Dict[str, Tuple[Any, Dict[str, Any]]] = {}
        self.callables: Dict[str, Tuple[Pattern, Pattern]] = {}
        self.owns: Dict[str, frozenset[str]] = {}  # (a protocol's ``__call__``'s own dims)
        for name, ann in hints.items():
            if name == "return":
                continue
            members = tensor_members(ann)
            if members is not None and len(members) > 1:  # Union[Tensor[B, 32], Tensor[B, T, 32]]
                self.params[name] = _Members(tuple(annotation_shape(m) or () for m in members))
                self.kinds[name] = kinds.get(name)
                continue
            pattern = annotation_shape(tensor_member(ann))  # (Optional[...] too)
            if pattern is not None:
                self.params[name] = pattern
                self.kinds[name] = kinds.get(name)
                continue
            items = _item_patterns(ann)
            if items is not None:
                self.containers[name] = items
                continue
            takes_gives = callable_patterns(ann)
            if takes_gives is not None:
                self.callables[name] = takes_gives
                self.owns[name] = callable_own(ann)
                continue
            methods = protocol_members(ann)
            if methods is not None:
                self.protocols[name] = (ann, methods)
        returned = hints.get("return")
        self.yields: Patterns = ()
        if inspect.isgeneratorfunction(fn) or inspect.isasyncgenfunction(fn):
            self.yields = _result_patterns(yielded_item(returned))
            returned = None
        self.result: Patterns = _result_patterns(returned)

    def bind_arguments(
        self, env: Bindings, signature: inspect.Signature, args: Any, kwargs: Any
    ) -> Bindings:
        """Bind every tensor argument (each item of ``*xs``, each value of ``**kw``).

        In a method, the dims the instance's annotated tensor attributes fix (a generic
        class's ``weight: Tensor[O, I]``) are the class's, as mypy reads them from the
        instance's type: they are put into the annotations first, and returned (to put into
        the result's annotation too).
        """
        fixed = Bindings(env.function)
        if self.method and args:
            bind_attributes(fixed, args[0], self.globals)
        if not self.params and not self.containers and not self.callables and not self.protocols:
            return fixed
        bound = signature.bind(*args, **kwargs)
        if self.protocols:
            from typedflux.shapecheck_layers import check_protocol_argument
        for pname, (protocol, members) in self.protocols.items():
            value = bound.arguments.get(pname)
            if value is not None:
                check_protocol_argument(env.function, pname, value, protocol, members)
        if self.callables:
            from typedflux.shapecheck_layers import check_layer_argument, check_layer_with_bound
        for pname, (takes, gives) in self.callables.items():
            check_layer_argument(env.function, pname, bound.arguments.get(pname), takes, gives)
        for pname, pattern in self.params.items():
            value = bound.arguments.get(pname)
            kind = self.kinds.get(pname)
            if kind == inspect.Parameter.VAR_POSITIONAL and isinstance(value, tuple):
                values = [(f"{pname}[{i}]", v) for i, v in enumerate(value)]
            elif kind == inspect.Parameter.VAR_KEYWORD and isinstance(value, dict):
                values = list(value.items())
            else:
                values = [(pname, value)]
            for label, v in values:
                if not isinstance(v, Tensor):
                    continue
                if isinstance(pattern, _Members):
                    env.bind_union(f'argument "{label}"',
                                   [fixed.substitute(p) for p in pattern.shapes], v.shape)
                else:
                    env.bind(f'argument "{label}"', fixed.substitute(pattern), v.shape)
        for pname, items in self.containers.items():
            value = bound.arguments.get(pname)
            if isinstance(value, (list, tuple)):
                for k, v in enumerate(value):
                    item = items(k)
                    if item is not None and isinstance(v, Tensor):
                        env.bind(f'argument "{pname}[{k}]"', fixed.substitute(item), v.shape)
            elif isinstance(value, (set, frozenset)):
                # No order: each item on its own, named by the parameter (as the checker).
                element = items(0)
                if element is not None:
                    env.bind_unordered(f'argument "{pname}"', fixed.substitute(element),
                                       [v.shape for v in value if isinstance(v, Tensor)])
        # Generic callable parameters (``f: Module[I, H]``) again, with the dims bound above,
        # in parameter order: each layer's output binds the dims its annotation's result names.
        for pname, (takes, gives) in self.callables.items():
            if env.dims or env.stars:
                check_layer_with_bound(env, pname, bound.arguments.get(pname), takes, gives,
                                       self.owns.get(pname, frozenset()))
        return fixed


def _item_patterns(ann: Any) -> Optional[Callable[[int], Optional[Shape]]]:
    """For ``List[Tensor[...]]``, ``Sequence[...]``, ``Tuple[Tensor[...], ...]`` or a fixed
    ``Tuple[Tensor[..], Tensor[..]]``: the pattern of the item at each position."""
    origin = typing.get_origin(ann)
    args = typing.get_args(ann)
    if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
        items = [annotation_shape(a) for a in args]
        if not any(i is not None for i in items):
            return None
        return lambda k: items[k] if k < len(items) else None
    if origin in (list, tuple, collections.abc.Sequence, collections.abc.Iterable,
                  collections.abc.Collection, *_SETS) and args:
        element = annotation_shape(args[0])
        return None if element is None else (lambda k: element)
    return None


# Patterns of a result: (how to reach the tensor in it, its pattern).
Patterns = Tuple[Tuple[ResultPath, Shape], ...]


def evaluated_annotations(fn: Callable[..., Any]) -> Dict[str, Any]:
    """``fn``'s annotations by parameter name (and ``"return"``), those written as strings
    (``from __future__ import annotations``) evaluated in ``fn``'s module.

    >>> def f(x: int) -> Tensor[3]: ...
    >>> evaluated_annotations(f)
    {'x': <class 'int'>, 'return': typedflux.tensor.Tensor[3]}
    """
    raw = dict(getattr(fn, "__annotations__", {}))
    globalns = getattr(fn, "__globals__", {})
    out: Dict[str, Any] = {}
    for name, ann in raw.items():  # (a string under ``from __future__ import annotations``)
        value = annotation_value(ann, globalns, name, fn) if isinstance(ann, str) else ann
        # ``Annotated[Tensor[B, 4], "features"]``: the shape is its first argument's, as mypy reads it
        out[name] = typing.get_args(value)[0] if typing.get_origin(value) is Annotated else value
    return out


_SETS = (set, frozenset, collections.abc.Set, collections.abc.MutableSet)


def _result_patterns(ann: Any, depth: int = 0) -> Patterns:
    """Patterns of a result annotation: a Tensor (or ``Optional`` of one), or tuples, lists,
    sets and dicts holding Tensors (``Dict[str, List[Tensor[B, 64]]]``)."""
    if ann is None or depth > 8:
        return ()
    pattern = annotation_shape(ann)
    if pattern is not None:
        return ((ResultPath(), pattern),)
    origin = typing.get_origin(ann)
    args = typing.get_args(ann)
    if origin is typing.Union:
        found = [p for p in (annotation_shape(a) for a in args) if p is not None]
        return ((ResultPath(), found[0]),) if len(found) == 1 and depth == 0 else ()
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:  # Tuple[X, ...]: every item
        steps = [("tuples", 0, args[0])]
    elif origin is tuple:
        steps = [("tuple", i, a) for i, a in enumerate(args)]
    elif origin is list and len(args) == 1:
        steps = [("list", 0, args[0])]
    elif origin in _SETS and len(args) == 1:
        steps = [("set", 0, args[0])]
    elif origin in (dict, collections.abc.Mapping) and len(args) == 2:
        steps = [("dict", 0, args[1])]
    else:
        return ()
    return tuple((path.inside(kind, i), p) for kind, i, a in steps
                 for path, p in _result_patterns(a, depth + 1))


def _check_result(
    env: Bindings, fixed: Bindings, what: str, patterns: Patterns, result: Any
) -> None:
    for path, pattern in patterns:
        for part, value in path.values(result):
            if isinstance(value, Tensor):
                env.bind(what + part, fixed.substitute(pattern), value.shape)


def _copy(env: Bindings) -> Bindings:
    out = Bindings(env.function)
    out.dims.update(env.dims)
    out.stars.update(env.stars)
    out.origin.update(env.origin)
    return out


def _checked_items(gen: Any, env: Bindings, fixed: Bindings, patterns: Patterns) -> Any:
    """Run generator ``gen``, checking each yielded value (against the arguments' bindings,
    fresh for each: a last, smaller batch binds nothing for the next)."""
    try:
        item = next(gen)
        while True:
            try:
                _check_result(_copy(env), fixed, "yielded value", patterns, item)
            except ShapeError as err:
                # Raised inside the generator, at the ``yield`` the value came from; at a
                # ``yield from``, there too (where the checker reports it), not inside the
                # iterable it delegates to, whose items may be right for its own annotation:
                # that one is closed first, so the error surfaces at the ``yield from``.
                delegate = getattr(gen, "gi_yieldfrom", None)
                if delegate is not None and hasattr(delegate, "close"):
                    delegate.close()
                item = gen.throw(err)
                continue
            try:
                sent = yield item
            except GeneratorExit:
                raise
            except BaseException as exc:  # forwarded to the generator, as ``yield from`` does
                item = gen.throw(exc)
            else:
                item = gen.send(sent)
    except StopIteration as stop:
        return stop.value
    finally:
        gen.close()


def _overloads(fn: Callable[..., Any]) -> List[Tuple[inspect.Signature, "_Checked"]]:
    """The ``@overload`` items declared for ``fn`` (the implementation), parsed (an item
    itself under ``@tf.shapecheck`` is read as written: its annotations name its module's
    TypeVars, not this one's)."""
    items = [inspect.unwrap(o) for o in get_overloads(fn)]
    return [(inspect.signature(o), _Checked(o)) for o in items]


def _pick_overload(
    name: str, items: List[Tuple[inspect.Signature, "_Checked"]], args: Any, kwargs: Any
) -> Optional[Tuple[Bindings, Bindings, "_Checked"]]:
    """The first overload item that takes the arguments' shapes, as the plugin chooses it.

    ``None`` when some item cannot take the arguments at all (Python's own error comes
    then); a ShapeError naming each item's mismatch when every item fails on shapes.
    """
    failures: List[str] = []
    for sig, spec in items:
        env = Bindings(name)
        try:
            fixed = spec.bind_arguments(env, sig, args, kwargs)
        except TypeError:
            return None
        except ShapeError as err:
            failures.append(err.brief)
            continue
        return env, fixed, spec
    raise ShapeError(messages.overload_mismatch(name, failures))


def shapecheck(fn: F) -> F:
    """Check ``fn``'s ``Tensor[...]`` annotations on every call; keeps ``fn``'s signature.

    Symbolic dims (TypeVars, names in string dims, ``*Bs``) are bound per call, so nested and
    recursive calls each have their own bindings. Unknown dims (``int``, ``Any``) and
    arguments that are not tensors are not checked. Works on methods (a layer's ``__call__``),
    generators (each yielded value, raised at its ``yield``), ``async def`` functions and
    async generators (the awaited value, each item: ``typedflux/shapecheck_async.py``) and
    overloaded functions (decorate the implementation).

    >>> import typedflux as tf
    >>> from typedflux import Tensor
    >>> @tf.shapecheck
    ... def affine(x: Tensor["B", 3], w: Tensor[3, "K"]) -> Tensor["B", "K"]:
    ...     return x @ w
    >>> affine(tf.ones(2, 3), tf.ones(3, 5)).shape
    (2, 5)
    >>> affine(tf.ones(2, 4), tf.ones(4, 5))
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Argument "x" of "affine" has shape Tensor[2, 4], which does not match the annotation Tensor[B, 3]: axis 1 is 4, expected 3
      B=2
    """
    if not callable(fn):
        raise TypeError(f"tf.shapecheck decorates a function, got {type(fn).__name__}")
    if inspect.isclass(fn):  # wrapping it would turn the class into a function
        raise TypeError(
            f"tf.shapecheck decorates a function or method, got the class {fn.__qualname__}; "
            "decorate its __call__ (or the methods whose annotations should be checked)"
        )
    try:
        signature = inspect.signature(fn)
    except (TypeError, ValueError):
        raise TypeError(
            f"tf.shapecheck needs a function whose signature Python can read, got {fn!r:.60}"
        ) from None
    name = getattr(fn, "__qualname__", type(fn).__qualname__)
    remember_enclosing(fn, sys._getframe(1))  # (a TypeVar made in the enclosing function)
    parsed: List[Tuple[_Checked, List[Tuple[inspect.Signature, _Checked]]]] = []

    @functools.wraps(fn)
    def checked(*args: Any, **kwargs: Any) -> Any:
        if not parsed:
            with reading(getattr(fn, "__globals__", {})):  # "2*D" with D: Final = 4 is 8
                parsed.append((_Checked(fn), _overloads(fn)))
        spec, overloads = parsed[0]
        env = Bindings(name)
        fixed = spec.bind_arguments(env, signature, args, kwargs)
        results = [(env, fixed, spec)]
        if overloads:
            # Calls of an overloaded function are checked against the item that fits, as
            # the plugin checks them (the implementation's own annotations are usually wide).
            picked = _pick_overload(name, overloads, args, kwargs)
            if picked is not None:
                results.append(picked)
        result = fn(*args, **kwargs)
        if spec.yields and inspect.isgenerator(result):
            return _checked_items(result, env, fixed, spec.yields)
        if spec.yields and inspect.isasyncgen(result):
            return checked_async_items(result, env, fixed, spec.yields, _check_result, _copy)
        if inspect.iscoroutine(result):  # its value is checked when it is awaited
            return checked_coroutine(result, results, _check_result)
        try:
            for env_, fixed_, spec_ in results:
                _check_result(env_, fixed_, "return value", spec_.result, result)
        except ShapeError as err:  # mypy reports it on fn's return line, wherever it is called
            raise ReturnMismatch(err.message, err.notes, fn) from None
        return result

    code = getattr(fn, "__code__", None)
    if code is not None and code.co_code in _STUBS:
        # A stub (``...``), such as an ``@overload`` item: typing.overload keys its items by
        # their first line, which every wrapper made here shares; the item's own line keeps
        # the next item from replacing it (redteam s7 fa10). A stub's wrapper never runs, so
        # no traceback shows the moved line.
        wrapper: Any = checked  # (functools.wraps' type does not say it is a function)
        wrapper.__code__ = wrapper.__code__.replace(co_firstlineno=code.co_firstlineno)
    return cast(F, same_kind(fn, checked))


# The bytecodes of a body of ``...`` (or ``pass``), with and without a docstring: an
# ``@overload`` item's. (No docstring on the first: it would be another bytecode.)
def _bare_stub() -> None: ...


def _documented_stub() -> None:
    """A stub."""


_STUBS = frozenset({_bare_stub.__code__.co_code, _documented_stub.__code__.co_code})

