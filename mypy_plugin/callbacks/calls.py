"""Calls of user functions with shaped parameters: bind symbolic dims, check, substitute.

mypy binds plain TypeVar dims itself, but it cannot solve ``Tensor["2*N"]`` against a
``Tensor[6]`` (a ``str`` literal against an ``int`` one), and its mismatch messages talk
about types rather than sizes. This signature hook unifies each shaped parameter with its
argument's shape (``typedflux.shapes.bind.Bindings``, the same code ``@shapecheck`` runs),
reports a provable mismatch with code ``shape`` (the runtime's exact words), and hands mypy
the signature with every bound dim substituted. Anything it cannot read is left to mypy.

Every way an argument reaches a parameter is read: by position or keyword, each argument a
``*args: Tensor[...]`` parameter collects (``"xs[1]"``), each keyword a ``**kwargs: Tensor[...]``
parameter collects, a ``**d`` or ``*xs`` argument whose values are tensors of one type, and
a ``**`` dict of literal keys key by key (keyword_dicts.py). For an overloaded function mypy
asks about every item in turn before choosing one; the hook remembers each item's verdict for
the call, and when no item takes the arguments' shapes it reports that once, in the words of
``@shapecheck`` (``No overload of "head" takes these shapes: ...``).

>>> callable(signature_hook("pkg.f"))
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Dict, Iterator, List, Optional, Tuple, Union

from mypy.nodes import ARG_STAR, ARG_STAR2, Expression, SetExpr, StarExpr
from mypy.plugin import FunctionSigContext, MethodSigContext
from mypy.types import (
    AnyType, CallableType, FunctionLike, TupleType, Type, TypeOfAny, UnionType, UnpackType,
    get_proper_type,
)

from mypy_plugin import per_build, translate
from mypy_plugin.callbacks.boundaries import tensor_member
from mypy_plugin.callbacks.callable_args import callable_mismatch, has_shaped_callable
from mypy_plugin.callbacks.call_containers import (
    actual_kind, argument_type, bind_set, container_items, item_patterns, union_patterns,
    unpacked_value,
)
from mypy_plugin.callbacks.common import (
    names_in_scope, report_shape_error, run_guarded, substitution_types,
)
from mypy_plugin.callbacks.generic_context import from_arguments
from mypy_plugin.callbacks.generic_dims import (
    bind_class_arguments, generic_dims_check, receiver_result)
from mypy_plugin.callbacks.held_methods import held_container_method, held_method_result
from mypy_plugin.callbacks.inferred_receivers import inferred_receiver
from mypy_plugin.callbacks.invariant_solves import shared_solve
from mypy_plugin.callbacks.unbound_adders import operator_hook
from mypy_plugin.callbacks.int_dims import unknown_size_params
from mypy_plugin.callbacks.keyword_dicts import keyed_values, stale, taken_apart
from mypy_plugin.callbacks.leaked_dims import out_of_scope
from mypy_plugin.callbacks.protocol_dims import check_with_bound_dims
from mypy_plugin.callbacks.protocol_members import protocol_member_message, protocol_signatures
from mypy_plugin.callbacks.union_contexts import union_context_safe
from mypy_plugin.callbacks.unknown_dims import constructor_name, loosened, unknown_axes
from mypy_plugin.callbacks.layer_params import (
    callable_patterns, is_call_protocol, layer_argument_mismatch, misses_other_member,
    protocol_call,
)
from mypy_plugin.codes import SHAPE
from typedflux.shapes import messages
from typedflux.shapes.bind import Bindings
from typedflux.shapes.shape import star_index
from typedflux.shapes.errors import ShapeError

__all__ = ["signature_hook", "has_shaped_params", "qualname", "pattern_of"]

SigContext = Union[FunctionSigContext, MethodSigContext]


def _pattern(formal: Type) -> Optional[translate.StaticShape]:
    """The dims a parameter asks for: ``Tensor[...]``, or the tensor member of a union a
    tensor can only be that member of (``Optional[Tensor[...]]``: a ``None`` argument has no
    shape to check)."""
    p = get_proper_type(formal)
    if isinstance(p, UnionType):
        member = tensor_member(p)  # (``Union[Tensor[B, 4], int]`` too)
        return translate.tensor_pattern(member) if member is not None else None
    return translate.tensor_pattern(formal)


def pattern_of(formal: Type) -> Optional[translate.StaticShape]:
    """The dims a parameter annotated ``formal`` asks for (``None``: not a tensor's).

    >>> from mypy.types import AnyType, TypeOfAny
    >>> pattern_of(AnyType(TypeOfAny.special_form)) is None
    True
    """
    return _pattern(formal)


@per_build.by_param_types  # (asked at every call: kept per tuple of types for the build)
def has_shaped_params(sig: CallableType) -> bool:
    """Cheap pre-check: does any parameter annotation name dims (a tensor's, or the tensors'
    in a container: ``List[Tensor[B, 64]]``)?

    >>> callable(has_shaped_params)  # exercised by tests/typecheck/case_calls.py
    True
    """
    return any(
        _pattern(t) is not None or item_patterns(t) is not None or has_shaped_callable(t)
        or is_call_protocol(t) or union_patterns(t) is not None
        or protocol_signatures(t) is not None
        for t in sig.arg_types
    )


def qualname(fullname: str, is_method: bool) -> str:
    """How the runtime's ``@shapecheck`` names a function: its ``__qualname__``.

    >>> qualname("pkg.mod.Model.forward", True), qualname("pkg.mod.predict", False)
    ('Model.forward', 'predict')
    """
    parts = fullname.split(".")
    return ".".join(parts[-2:]) if is_method else parts[-1]


def _labelled(
    ctx: SigContext, sig: CallableType, i: int
) -> Iterator[Tuple[str, Expression, Type]]:
    """(label, expression, type) for each argument parameter ``i`` receives."""
    pname = sig.arg_names[i] or f"#{i + 1}"
    formal = sig.arg_kinds[i]
    position = 0
    for e in ctx.args[i]:
        if isinstance(e, StarExpr):
            return
        kind, keyword = actual_kind(ctx, e)
        if kind == ARG_STAR2 and (keyed := keyed_values(ctx, sig, i, e)) is not None:
            yield from keyed  # (``**{"x": a}``: each key's own value, keyword_dicts.py)
            continue
        t = argument_type(ctx, e)
        if t is None:
            continue
        if kind == ARG_STAR and formal not in (ARG_STAR, ARG_STAR2):
            item = _tuple_item(ctx, sig, i, e, t)  # ``f(*(a, b))``: its item for this one
            if item is not None:
                yield pname, e, item
                continue
        if kind in (ARG_STAR, ARG_STAR2):
            # Each value of ``*xs``/``**d`` reaches this parameter; which position or keyword
            # it lands at is unknown, so it is named after the parameter. (A list whose type
            # mypy inferred from its display and which may have changed since, ``xs[0] =
            # ...``: its values are unknown, keyword_dicts.stale.)
            value = None if kind == ARG_STAR and stale(ctx.api, e, ctx.context) else \
                unpacked_value(t, kind, pname)
            if value is not None:
                yield pname, e, value
            if formal in (ARG_STAR, ARG_STAR2):
                return  # the positions/keywords after it are unknown too
            continue
        if formal == ARG_STAR:
            yield f"{pname}[{position}]", e, t
            position += 1
        elif formal == ARG_STAR2:
            yield keyword or pname, e, t
        else:
            yield pname, e, t


def _tuple_item(ctx: SigContext, sig: CallableType, i: int, e: Expression,
                t: Type) -> Optional[Type]:
    """The item of a fixed tuple passed as ``*args`` that parameter ``i`` receives: mypy
    gives its items to consecutive positional parameters, in order; None when the tuple
    is not spread over positional parameters only."""
    p = get_proper_type(t)
    if not isinstance(p, TupleType) or any(isinstance(x, UnpackType) for x in p.items):
        return None
    holders = [j for j, actuals in enumerate(ctx.args) if any(a is e for a in actuals)]
    if len(holders) != len(p.items) or any(
            sig.arg_kinds[j] in (ARG_STAR, ARG_STAR2) for j in holders if j < len(sig.arg_kinds)):
        return None
    return p.items[holders.index(i)]


@dataclass
class _Outcome:
    """The result of binding one signature's parameters to a call's arguments."""

    env: Bindings
    names: translate.Names
    failed: Dict[int, bool] = field(default_factory=dict)
    error: Optional[Tuple[ShapeError, Expression]] = None
    # Parameters given a union of tensor shapes (a loop's variable), or a ``**`` dict read key by
    # key or changed (keyword_dicts): taken as they come (a member, a join proves nothing).
    unions: Dict[int, bool] = field(default_factory=dict)
    # Failed parameters whose formal stays for mypy to check (a Protocol member missing).
    kept: Dict[int, bool] = field(default_factory=dict)
    # Axes where an argument's dim is unknown and the parameter's known (unknown_dims.py).
    loose: Dict[int, List[int]] = field(default_factory=dict)
    # Union parameters (``Union[Tensor[B, 32], Tensor[B, T, 32]]``) whose one member the
    # argument fits: that member, for mypy to check the argument against.
    members: Dict[int, Type] = field(default_factory=dict)


def _bind(ctx: SigContext, sig: CallableType, name: str) -> _Outcome:
    # Dims in the signature that are not the callee's own type variables are the caller's
    # (a generic class's dims, filled in from the instance's type): rigid, never bound.
    own = {v.name for v in sig.variables}
    rigid = frozenset(translate.bare_typevar_names(sig.arg_types) - own)
    if rigid:  # (but not another function's, met out of it: leaked_dims.py)
        rigid -= out_of_scope(ctx.api, sig.arg_types)
    out = _Outcome(Bindings(name, rigid), translate.Names())
    callables: List[int] = []  # (callable parameters: checked again below)
    for i, formal in enumerate(sig.arg_types):
        if i >= len(ctx.args):
            continue
        if taken_apart(ctx, i) or any(actual_kind(ctx, e)[0] == ARG_STAR and stale(
                ctx.api, e, ctx.context) for e in ctx.args[i]):  # (``*xs`` changed since)
            out.unions[i] = True  # (``f(**{"x": a})``, ``f(**d)`` after ``d["x"] = ...``)
        members = protocol_signatures(formal)
        if members is not None:  # a protocol with tensor-annotated methods
            for label, e, t in _labelled(ctx, sig, i):
                text = protocol_member_message(name, label, members, formal, t)
                if text is not None:
                    out.failed[i] = True
                    out.error = (ShapeError(text), e)
                    return out
            continue
        takes_gives = callable_patterns(formal)
        if takes_gives is not None:
            callables.append(i)
            for label, e, t in _labelled(ctx, sig, i):
                message = callable_mismatch(name, label, protocol_call(formal), t) or \
                    layer_argument_mismatch(name, label, takes_gives, t)
                if message is not None:
                    out.failed[i] = True
                    out.error = (ShapeError(message), e)
                    if misses_other_member(formal, t):
                        out.kept[i] = True  # mypy's missing-member error stays too
                    return out
            continue
        union = union_patterns(formal)
        if union is not None:
            for label, e, t in _labelled(ctx, sig, i):
                actual = translate.shape_of(t, out.names)
                if actual is None:
                    continue
                try:
                    k = out.env.bind_union(f'argument "{label}"', [s for _, s in union], actual)
                except ShapeError as err:
                    out.failed[i] = True
                    out.error = (err, e)
                    return out
                if k is not None and sig.arg_kinds[i] not in (ARG_STAR, ARG_STAR2):
                    out.members[i] = union[k][0]
                elif k is None and any(star_index(s) is not None for _, s in union):
                    # Several members take it (``Union[Tensor[*Xs], Tensor[T, *Xs]]`` and a
                    # vector: pyright's typeVarTuple8): mypy's inference of a union of
                    # variadic members gives ``Never`` and refuses the argument; the shapes
                    # fit, so it is taken as it is.
                    out.unions[i] = True
            continue
        pattern = _pattern(formal)
        items = item_patterns(formal) if pattern is None else None
        if pattern is None and items is None:
            continue
        for label, e, t in _labelled(ctx, sig, i):
            if items is not None and isinstance(e, SetExpr):
                try:
                    bind_set(ctx, out, label, items(0), e)
                except ShapeError as err:
                    out.failed[i] = True
                    out.error = (err, e)
                    return out
                continue
            if items is not None and not (sig.arg_kinds[i] in (ARG_STAR, ARG_STAR2)):
                values = [(lb, items(k), ex, it) for lb, k, ex, it in container_items(ctx, label, e, t)]
            else:
                values = [(label, pattern, e, t)]
            for lb, pat, ex, it in values:
                actual = translate.shape_of(it, out.names)
                if pat is not None and actual is None and _tensor_union(it):
                    out.unions[i] = True
                if pat is None or actual is None:
                    continue
                try:
                    out.env.bind(f'argument "{lb}"', pat, actual)
                except ShapeError as err:
                    out.failed[i] = True
                    out.error = (err, ex)
                    return out
                if items is None:
                    out.loose.setdefault(i, []).extend(unknown_axes(pat, actual))
    classes = bind_class_arguments(ctx, sig, out.env)  # (``c: Cache[B, N]``: generic_dims.py)
    if classes is not None:
        out.failed[classes[0]], out.error = True, (classes[1], classes[2])
        return out
    # Generic callable parameters (``f: Module[I, H]``) again, with the dims bound above.
    for i in callables if out.env.dims or out.env.stars else ():
        formal = sig.arg_types[i]
        found = check_with_bound_dims(name, out.env, formal, list(_labelled(ctx, sig, i)))
        if found is not None:
            out.failed[i] = True
            out.error = (found[0], found[1])
            if misses_other_member(formal, found[2]):
                out.kept[i] = True
            return out
    return out


def _tensor_union(t: Type) -> bool:
    p = get_proper_type(t)
    return isinstance(p, UnionType) and all(translate.is_tensor(m) for m in p.items)


def _check(ctx: SigContext, name: str) -> CallableType:
    sig = inferred_receiver(ctx, held_container_method(ctx) or ctx.default_signature)  # (b.set)
    if not has_shaped_params(sig):
        out = held_method_result(ctx, generic_dims_check(ctx, name) or sig)
        return unknown_size_params(ctx, out)
    name = constructor_name(ctx.default_signature, name)  # as @tf.shapecheck names it
    outcome = _bind(ctx, sig, name)
    if outcome.error is not None:
        err, e = outcome.error
        report_shape_error(ctx.api, err, e)
    out = _finish(ctx, sig, outcome)
    if (ret := receiver_result(ctx, name, outcome.env)) is not None:
        out = out.copy_modified(ret_type=ret)  # (``c.append(k)`` of a ``Cache[2, 4]``)
    return unknown_size_params(ctx, held_method_result(ctx, out))


def _finish(ctx: SigContext, sig: CallableType, outcome: _Outcome) -> CallableType:
    env, failed = outcome.env, outcome.failed
    if outcome.members:  # (the member of a union the argument fits)
        sig = sig.copy_modified(arg_types=[
            outcome.members.get(i, t) for i, t in enumerate(sig.arg_types)])
    everything = [*sig.arg_types, sig.ret_type]
    in_strings = translate.string_dim_symbols(everything)
    if outcome.unions:
        any_type = AnyType(TypeOfAny.special_form)
        taken = translate.bare_typevar_names([sig.arg_types[i] for i in outcome.unions])
        sig = sig.copy_modified(arg_types=[
            any_type if i in outcome.unions else t for i, t in enumerate(sig.arg_types)])
        # (a dim only those gave is unknown: mypy's, from ``Any``, is "Need type annotation")
        in_strings |= taken - translate.bare_typevar_names(sig.arg_types) - frozenset(
            env.dims) - env.rigid  # (the receiver's fixed sizes stay)
    bound = frozenset(env.dims) | env.rigid
    if not (failed or env.dims or env.stars or in_strings):
        # plain TypeVar dims only: mypy's own inference does the same job
        return loosened(sig, outcome.loose, bound)
    return loosened(_substituted(ctx, sig, env, outcome.names, failed, in_strings, outcome.kept),
                    outcome.loose, bound)


def _substituted(
    ctx: SigContext,
    sig: CallableType,
    env: Bindings,
    names: translate.Names,
    failed: Dict[int, bool],
    in_strings: frozenset[str],
    kept: Optional[Dict[int, bool]] = None,
) -> CallableType:
    api = ctx.api
    names_in_scope(api, names)
    int_type, str_type, tuple_any = substitution_types(api)
    bound = set(env.dims) | set(env.stars)
    # What mypy cannot infer becomes unknown: symbols only written inside strings, and after
    # a reported mismatch every remaining symbol (the call is already an error).
    sig_vars = {v.name for v in sig.variables}
    if failed:
        unsolved = frozenset((sig_vars | in_strings) - bound)
    else:
        bare = translate.bare_typevar_names(sig.arg_types)
        unsolved = frozenset(in_strings - bound - bare)
        # A string dim mentioning a bare TypeVar mypy will infer still cannot be rewritten by
        # mypy: make those dims unknown too, but keep the TypeVar itself for mypy to solve.
        string_unsolved = frozenset(in_strings - bound)
    if failed:
        string_unsolved = unsolved

    def sub(t: Type, strings_too: bool) -> Type:
        return translate.substitute_type(
            t,
            env.dims,
            env.stars,
            names,
            int_type,
            str_type,
            tuple_any,
            unsolved=string_unsolved if strings_too else unsolved,
        )

    arg_types: List[Type] = []
    for i, t in enumerate(sig.arg_types):
        if kept and i in kept:
            arg_types.append(t)
        elif failed and (i in failed or _pattern(t) is not None or item_patterns(t) is not None):
            # A mismatch is reported in shape words: keep mypy from repeating it as arg-type,
            # and from reporting the next tensor argument in other words (the first one is
            # the call's error, as at run time; the next shows once it is fixed).
            arg_types.append(AnyType(TypeOfAny.special_form))
        else:
            arg_types.append(sub(t, True))
    gone = bound | unsolved
    variables = [v for v in sig.variables if v.name not in gone]
    return sig.copy_modified(
        arg_types=arg_types, ret_type=sub(sig.ret_type, True), variables=variables
    )


@dataclass
class _OverloadCall:
    """The verdicts so far on one call's overload items (mypy asks about them in order)."""

    seen: int = 0
    failures: List[str] = field(default_factory=list)
    fits: bool = False


class _Overloads:
    """Remembers, per call, which overload items took the arguments' shapes."""

    def __init__(self, items: int) -> None:
        self.items = items
        self.calls: Dict[int, _OverloadCall] = {}

    def check(self, ctx: SigContext, name: str) -> CallableType:
        sig = ctx.default_signature
        key = id(ctx.context)
        call = self.calls.setdefault(key, _OverloadCall())
        call.seen += 1
        last = call.seen >= self.items
        if last:
            del self.calls[key]  # the next check of this call (mypy may repeat it) starts over
        if not has_shaped_params(sig):
            call.fits = True
            return sig
        outcome = _bind(ctx, sig, name)
        if outcome.error is None:
            call.fits = True
            return _finish(ctx, sig, outcome)
        call.failures.append(outcome.error[0].brief)
        if not last or call.fits or len(call.failures) != self.items:
            return sig  # an item that does not fit: mypy tries the others, silently
        # No item takes these shapes: say so once, and let this last item take the call
        # (its mismatching parameters unknown) so mypy does not repeat it.
        ctx.api.fail(messages.overload_mismatch(name, call.failures), ctx.context, code=SHAPE)
        any_type = AnyType(TypeOfAny.special_form)
        arg_types = [any_type if _pattern(t) is not None else t for t in sig.arg_types]
        template = translate.shape_of(sig.ret_type)
        ret = sig.ret_type
        if template is not None:
            ret = translate.substitute_type(
                ret, {}, {}, translate.Names(), *substitution_types(ctx.api),
                unsolved=frozenset(v.name for v in sig.variables)
                | translate.string_dim_symbols([ret]),
            )
        return sig.copy_modified(arg_types=arg_types, ret_type=ret, variables=[])


def signature_hook(
    fullname: str, is_method: bool = False, overload_items: int = 0,
    skips: Optional[Callable[[object], bool]] = None,
) -> Callable[[SigContext], FunctionLike]:
    """The signature hook for calls of ``fullname`` (a user function or method; of an overload
    of ``overload_items`` items, each asked in turn: reported when none takes the shapes).

    >>> callable(signature_hook("pkg.predict"))
    True
    """
    # (``operator.setitem(d, k, h)`` on an inferred container: unbound_adders.py)
    return operator_hook(fullname, CallCheck(qualname(fullname, is_method),
                                             _Overloads(overload_items) if overload_items
                                             else None, skips))


class CallCheck:
    """One callee's signature hook: an object, not closures (~5k callees a build, whose
    closures its garbage collector walked); an exception is a note, as ``guarded`` makes it.

    >>> CallCheck("predict", None, None).name
    'predict'
    """
    __slots__ = ("name", "_overloads", "_skips")  # (skips(api): a module left alone, reach.py)

    def __init__(self, name: str, overloads: Optional[_Overloads],
                 skips: Optional[Callable[[object], bool]]) -> None:
        self.name, self._overloads, self._skips = name, overloads, skips

    def __call__(self, ctx: SigContext) -> FunctionLike:
        if self._skips is not None and self._skips(ctx.api):
            return _default_signature(ctx)
        return run_guarded("call check", self._check, _default_signature, ctx)

    def _check(self, ctx: SigContext) -> FunctionLike:
        if self._overloads is not None:
            return self._overloads.check(ctx, constructor_name(ctx.default_signature, self.name))
        if not (out := _check(ctx, self.name)).variables:
            return out  # (what from_arguments and union_context_safe give it then)
        # (merge([h2x2], [h3]) of List[T]: T of unknown sizes, not mypy's [misc]:
        # invariant_solves.py)
        return union_context_safe(ctx, shared_solve(ctx, from_arguments(ctx, out)))


def _default_signature(ctx: SigContext) -> FunctionLike:
    return union_context_safe(ctx, ctx.default_signature)
