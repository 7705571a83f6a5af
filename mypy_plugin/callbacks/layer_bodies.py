"""A user layer whose ``__call__`` takes a bare ``Tensor``: its body is its rule.

Flux's idea is that any callable is a layer, and model code writes its own blocks so::

    class Block:
        def __init__(self) -> None:
            self.up = Dense(64, 256, gelu)
            self.down = Dense(256, 64)

        def __call__(self, x: tf.Tensor) -> tf.Tensor:
            return self.down(self.up(x))

The annotation names no shape, so the signature says nothing. When the body is straight-line
(body_steps.py: locals bound once each, or unpacked from a tuple: ``mu, logvar =
self.encode(x)``, ``_, (h, c) = self.rnn(x)``, ``q, k, v = tf.chunk(self.qkv(x), 3, axis=-1)``, ``b, c, h, w = x.shape``;
``self.a = ...`` read back later; and ``for layer in self.layers: x = layer(x)`` or ``for ff,
norm in zip(self.ffs, self.norms):`` loops of such lines, then one ``return``) and
every value in it is known — the inputs, the layers and tensors the instance holds (by their
declared types: ``self.up`` is a ``Dense[64, 256]``; or what its ``__init__`` built, for an
instance traced to the call that built it: flow_instances.py, which alone knows a list's
layers), numbers, ops with rules (``bodies.py`` evaluates it), the instance's own methods
with bare parameters and such bodies (``self.encode(x)``, run on their arguments as at run
time) — the output is what the body gives for the inputs: a call ``block(x)`` (or ``net(a,
b)``) is typed by it (a tuple of tensors too), a mismatch in it is reported at the call
(where the run time raises), and in a ``Chain`` the block is a layer with that rule (checked
where the Chain is called, like a lambda). Another method of the instance called with known
inputs (``layer.step(x)``, ``model.encode(x)``) is run the same way
(:func:`user_method_call`; its first call on a fresh instance with the state its
construction left: flow_fresh.py). An ``if past is not None:`` of such lines runs the
branch the call's value takes, or both, joined, for an argument typed ``Optional[...]``
(flow_branches.py), and an ``if self.norm_first:`` the branch the instance's values take
(both, joined, when not known); a parameter may be such an ``Optional``, or a tuple of
tensors, and a result a tuple holding tuples. Anything else (a ``while``, a decorated method,
an attribute of no known type, a list not known) leaves mypy's type. A list attribute the
instance is known to hold reads as its layers (``[emb(cats[:, i]) for i, emb in
enumerate(self.embs)]``: bodies.py's comprehensions).

Why this module is long: the rule of a user layer's body and the instance it reads (its
attributes, its layers' calls, its own methods, ``super()``) call each other at every step;
split, each part would import the other.

>>> from mypy.types import AnyType, TypeOfAny
>>> user_layer_rule(AnyType(TypeOfAny.special_form)) is None
True
"""

from __future__ import annotations

from contextlib import contextmanager
from functools import partial
from typing import (
    Any, Callable, Dict, FrozenSet, Iterator, List, Optional, Sequence, Set, Tuple,
)

from mypy.nodes import (
    ARG_POS,
    CallExpr,
    Expression,
    FuncDef,
    MemberExpr,
    RefExpr,
    TypeInfo,
)
from mypy.subtypes import find_member
from mypy.types import (
    AnyType, CallableType, Instance, NoneType, TupleType, Type, TypeOfAny, UnionType,
    get_proper_type,
)

from mypy_plugin import translate
from mypy_plugin.callbacks.bodies import SELF, Receiver, run_body, tensor_shape, tensor_value
from mypy_plugin.callbacks.body_steps import HeldLayer, Step, held_call, straight_body, unrolled
from mypy_plugin.callbacks.common import names_in_scope, report_shape_error, tensor_template
from mypy_plugin.flow_branches import MIXED
from mypy_plugin.flow_arguments import (
    ANY as _ANY, any_value, bare as _bare, declared_result, fits, none_default, plain, value,
)
from mypy_plugin.flow_every import every_input_report
from mypy_plugin.flow_fresh import fresh_state
from mypy_plugin.flow_generics import generic_conflict, generic_result
from mypy_plugin.flow_instances import construction_of, construction_values, instance_attributes
from mypy_plugin.flow_overrides import followed_skips, held_attributes
from mypy_plugin.flow_ranges import own_call
from mypy_plugin.flow_records import Fields
from mypy_plugin.flow_unbound import bound, has_attribute
from mypy_plugin.flow_values import ConfigRecord, Item, Seq
from mypy_plugin import per_build
from typedflux.shapes.errors import CannotTell, ShapeError
from typedflux.shapes.layer_config import Shape, is_int

__all__ = ["user_layer_rule", "built_output", "user_layer_call", "user_method_call",
           "traced_layers", "traced_chain_items"]


def user_layer_rule(t: Type, attrs: Optional[Dict[str, Any]] = None
                    ) -> Optional[Callable[[Shape], Shape]]:
    """The rule of an instance of a user class whose ``__call__(self, x)`` takes a tensor of
    any shape (None: not one, or a body not read here). ``attrs``: what the instance is
    known to hold beyond its declared types (flow_instances.py; else what
    :func:`traced_layers` knows of this very type object)."""
    if attrs is None:
        hit = _KNOWN.get(id(t))
        attrs = hit[1] if hit is not None and hit[0] is t else None
    # Its own methods are followed when the instance is traced to its construction (its
    # class is known exactly: no derived class's method runs instead).
    body = _body_rule(t, 1, attrs, frozenset() if attrs is not None else None)
    if body is None:
        return None

    def rule(x: Shape) -> Shape:
        out = body([tensor_value(x)])
        if isinstance(out, tuple):
            raise CannotTell("a layer that gives several tensors")
        return tensor_shape(out)

    return rule


def built_output(t: Type, attrs: Dict[str, Any], args: Sequence[Any]) -> Optional[Any]:
    """What an instance built with known values (``attrs``: flow_instances.py) gives for
    ``args`` (a tensor, or several: ``blk(x, mask)``) by its own ``__call__``'s rule: a
    tensor value, or a tuple of them (nested: an encoder's ``(out, (h, c))``); None when
    that rule cannot tell (the caller then reads its declared attributes).

    >>> callable(built_output)
    True
    """
    rule = _body_rule(t, len(args), attrs, frozenset())
    try:
        out = rule(args) if rule is not None else None
    except CannotTell:
        return None
    return out if _tensors(out) else None


def _tensors(v: Any) -> bool:
    """Whether a body's value is a tensor or a tuple of them, nested (an encoder's ``(h, c)``
    handed on in the caller's body: ``self.decoder(tgt, self.encoder(src))``)."""
    if isinstance(v, tuple):
        return bool(v) and all(map(_tensors, v))
    return _shape(v) is not None


def _plain_method(method: Any) -> bool:
    return isinstance(method, FuncDef) and not (
        method.is_decorated or method.is_generator or method.is_coroutine or method.is_static
        or method.is_class)


def _holds(declared: Type, v: Any) -> bool:
    """Whether a method the body calls runs here with ``v`` for a parameter of type
    ``declared``: a bare tensor parameter, or a layer given to a parameter of any type but a
    tensor (``self.causal(self.conv1, x)`` of ``def causal(self, conv: Conv, x: Tensor)``:
    the body calls it, as at run time)."""
    if isinstance(v, Receiver):
        return not translate.is_tensor(get_proper_type(declared))
    return _bare(declared)


def _body_rule(t: Type, inputs: int, attrs: Optional[Dict[str, Any]],
               skipped: Optional[FrozenSet[str]], name: str = "__call__", generic: bool = False
               ) -> Optional[Callable[[Sequence[Any]], Any]]:
    """The rule of such a ``__call__`` (or of the method ``name``: ``layer.step(x)``) taking
    ``inputs`` values (tensors, ``None``, tuples, ``Maybe``: flow_arguments.value): the body's
    value (a tensor, or a tuple of values). ``skipped``: the instance's own methods not
    followed (a derived class may redefine them; None: none followed). ``generic``: a class
    generic in a dim given an input its construction's size does not fit
    (flow_generics.py), whose body is run whatever its annotations say."""
    p = get_proper_type(t)
    if not isinstance(p, Instance) or (p.args and not generic) or \
            p.type.fullname.startswith("typedflux."):
        return None  # (a generic class: its dims' names are not the caller's)
    method = p.type.get_method(name)
    if not isinstance(method, FuncDef) or not _plain_method(method):
        return None
    try:
        arguments, kinds = method.arguments, method.arg_kinds
    except AttributeError:  # a class read from mypy's cache (a library's): no body here
        return None
    if len(arguments) != inputs + 1 or not all(
            k == ARG_POS or none_default(a) for a, k in zip(arguments, kinds)):
        return None  # (``mask: Optional[Tensor] = None`` left out holds None)
    sig = method.type
    if isinstance(sig, CallableType) and not generic and not all(map(plain, sig.arg_types[1:])):
        return None  # a shaped parameter: its signature is its rule (chain_items.py)
    body = straight_body(method)
    if body is None:
        return None
    instance = p
    declared = list(sig.arg_types[1:]) if isinstance(sig, CallableType) else []
    anything = [any_value(d) for d in declared] if len(declared) == inputs else [_ANY] * inputs

    def rule(xs: Sequence[Any]) -> Any:
        if not generic and len(declared) == len(xs) and not all(map(fits, declared, xs)):
            raise CannotTell("an argument its parameter's type does not hold")
        try:
            return _Self(instance, attrs, skipped).run(method, body, xs)
        except ShapeError:
            try:
                _Self(instance, None, skipped, declared=True).run(method, body, anything)
            except ShapeError:
                # It fails for any input with the declared attributes: mypy reports it in
                # the body already (checked with its bare annotations); a call adds nothing.
                raise CannotTell("a body that fails for every input") from None
            except CannotTell:
                pass
            raise

    return rule


def _held_tensor(t: Optional[Type]) -> bool:
    """A tensor attribute's type (or ``Optional`` of one: ``None`` until a first batch)."""
    p = get_proper_type(t)
    if isinstance(p, UnionType):
        return any(map(_held_tensor, p.items)) and all(
            isinstance(get_proper_type(i), NoneType) or _held_tensor(i) for i in p.items)
    return p is not None and translate.is_tensor(p)


class _Self(Receiver):
    """The instance a user layer's body reads: what its attributes are declared as, or
    known to hold (``known``: an instance traced to the call that built it). ``declared``:
    the body as mypy checks it, a call of the instance's own method typed by its signature
    (its body is checked with its parameters' declared types)."""

    def __init__(self, instance: Instance, known: Optional[Dict[str, Any]] = None,
                 skipped: Optional[FrozenSet[str]] = None, declared: bool = False) -> None:
        self.instance = instance
        self.known = known or {}
        self.skipped = skipped
        self.declared = declared
        self.written: Dict[str, Any] = {}  # attributes the body wrote (``self.cache = ...``)
        # Those of them a path not taken for sure may have left unwritten (a method writing
        # ``self.seen`` called on one branch only): ``hasattr`` of them is not known.
        self.partly: Set[str] = set()

    def run(self, method: FuncDef, body: Tuple[List[Step], Expression], args: Any) -> Any:
        """``method``'s straight-line ``body`` on this instance and ``args`` (values)."""
        local, ret = body
        env: Dict[int, Any] = {id(method.arguments[0].variable): self, SELF: self}
        env.update((id(a.variable), v) for a, v in zip(method.arguments[1:], args))
        steps = [(self._target(t), v) for t, v in unrolled(local, self.known, env)]
        return run_body(env, steps, ret)

    def _target(self, t: Any) -> Any:
        """A step's target, a write to the instance (an attribute's name) made the call that
        records it."""
        if isinstance(t, str):
            return partial(self._write, t)
        return tuple(map(self._target, t)) if isinstance(t, tuple) else t

    def _type(self, name: str) -> Optional[Type]:
        v = self.known.get(name)
        if isinstance(v, Item):
            return v.type
        return find_member(name, self.instance, self.instance)

    def _write(self, name: str, v: Any) -> None:
        self.written[name] = v
        self.partly.discard(name)

    def has(self, name: str) -> Optional[bool]:  # ``hasattr(self, "shortcut")``
        held = has_attribute(self.known, name)  # (what the construction left)
        if name not in self.written:
            return held
        if name not in self.partly:
            return True
        return True if held else None  # (written on some paths only)

    def attribute(self, name: str) -> Any:
        from mypy_plugin.callbacks.chain_items import chain_item  # (it imports this module)

        if name in self.written:
            if self.written[name] is MIXED:  # (branches wrote it differently: flow_branches.py)
                raise CannotTell("an attribute the branches left differently")
            return self.written[name]
        bound(self.known, name)  # (one the construction left unbound: flow_unbound.py)
        v = self.known.get(name)
        if is_int(v) or isinstance(v, (bool, str)):
            return v  # (``if self.norm_first:`` of ``norm_first=True``: flow_branches.py)
        if name in self.known and v is None:
            return None  # (``self.proj = ... if a != b else None`` took None: flow_run.py)
        if isinstance(v, ConfigRecord):
            return Fields(v)  # (``self.cfg.block_size``: flow_records.py)
        if isinstance(v, Seq) and all(isinstance(i, Item) for i in v.items):
            return tuple(HeldLayer(i.type, i.attrs) for i in v.items)  # (``self.embs``)
        t = get_proper_type(self._type(name))
        if isinstance(t, Instance) and chain_item(t) is not None:
            return HeldLayer(t)  # a layer (read as a value: ``self.proj is None`` is False)
        if isinstance(t, Instance) and t.type.fullname in ("builtins.int", "builtins.float"):
            return 0.0  # a number: in an operator it broadcasts as a scalar
        s = translate.shape_of(t, translate.Names()) if t is not None else None
        if s is None or not all(isinstance(d, int) for d in s):
            if _held_tensor(t):
                # (``self.hidden`` the body and the training loop both rebind, of no shape
                # known here: a tensor of any shape, as a bare ``Tensor`` parameter is)
                return _ANY
            raise CannotTell("an attribute of no known fixed shape")
        return tensor_value(tuple(s))

    def call(self, name: str, args: List[Any], kinds: List[Any],
             names: Optional[Sequence[Optional[str]]] = None) -> Any:
        if name in self.written:  # (a layer the body stored: called as it is)
            held = self.written[name]
            if not isinstance(held, Receiver):
                raise CannotTell("an attribute written with no known layer")
            return held.call("__call__", args, kinds, names)
        bound(self.known, name)
        method = None if name in self.known else self.instance.type.get_method(name)
        if method is not None and (self.skipped is None or name in self.skipped):
            raise CannotTell("a method a derived class may redefine")
        if isinstance(method, FuncDef) and _plain_method(method):
            if name == "__call__":  # ``self(idx)`` in a generate loop (flow_ranges.py)
                return own_call(self._method_call, method, args, kinds)
            return self._method_call(method, args, kinds)  # ``self.encode(x)``
        held = self.known.get(name)
        # (a model instance its construction built with known values: flow_instances.py;
        # else what its declared attributes give: ``self.rnn(x, h)``, ``mask=m``)
        return held_call(self._type(name), held.attrs if isinstance(held, Item) else None,
                         args, kinds, names)

    def super_call(self, after: TypeInfo, name: str, args: List[Any], kinds: List[Any]) -> Any:
        """``super().forward(x)`` in a method of ``after``: the next ``forward`` of the
        instance's MRO (a class of the program's, a plain method) runs on the arguments, as
        ``self.forward(x)`` does (:meth:`_method_call`)."""
        if self.skipped is None:  # (the instance's class, so its MRO, is not known)
            raise CannotTell("super() of an instance of a class not known")
        mro = self.instance.type.mro
        later = mro[mro.index(after) + 1:] if after in mro else []
        owner = next((c for c in later if name in c.names), None)
        method = owner.names[name].node if owner is not None else None
        if owner is None or owner.fullname.startswith(("typedflux.", "builtins.")) or \
                not isinstance(method, FuncDef) or not _plain_method(method):
            raise CannotTell("a base's method not read here")
        return self._method_call(method, args, kinds)

    def _method_call(self, method: FuncDef, args: List[Any], kinds: List[Any]) -> Any:
        """``self.encode(x)``: the instance's own method with plain parameters and a
        straight-line body runs on the arguments, as at run time."""
        try:
            params = method.arguments[1:]
        except AttributeError:  # (read from mypy's cache: no body)
            raise CannotTell("a method with no body here") from None
        sig = method.type
        body = straight_body(method)
        if body is None or not isinstance(sig, CallableType) or len(params) != len(args) \
                or any(k != ARG_POS for k in kinds + method.arg_kinds[1:]) \
                or not all(map(_holds, sig.arg_types[1:], args)):
            raise CannotTell("a method not read here")
        if not self.declared:
            return self.run(method, body, args)
        try:  # (an error the body gives for any input: mypy reports it in the method)
            self.run(method, body, [_ANY] * len(args))
        except CannotTell:
            pass
        return declared_result(sig.ret_type)


# Layer types of a Chain being checked -> what the construction written for them in the
# Chain's arguments builds (:func:`traced_layers`); the type object is kept with its entry.
_KNOWN: Dict[int, Tuple[Type, Dict[str, Any]]] = {}
per_build.forget_each_build(_KNOWN)  # (holds mypy nodes: this build's only)


def known_layer(t: Instance, attrs: Dict[str, Any]) -> Instance:
    """A fresh type object for ``t`` holding ``attrs`` (a Chain's block: flow_stages.py)."""
    fresh = t.copy_modified()
    _KNOWN[id(fresh)] = (fresh, attrs)
    return fresh


@contextmanager
def traced_layers(api: Any, call: Any, chain: Instance) -> Iterator[Instance]:
    """While a Chain called as ``net(x)`` is checked: its layers built by a construction in
    the ``Chain(...)`` that ``net`` is traced to (``net = Chain(Block(64, 128), Dense(128,
    10))``, a name bound once: flow_instances.py) are read with what that construction
    builds. Yields the Chain type to walk: each traced layer's type a fresh object of its
    own, as mypy gives one type object to every instance of a plain class
    (``Chain(Block(16, 32), Block(32, 8))``: each block holds its own Dense)."""
    added: List[int] = []
    args = list(chain.args)
    try:
        exprs = _chain_arguments(api, call, chain)
        for i, (e, a) in enumerate(zip(exprs or [], chain.args)):
            attrs = instance_attributes(api, e) if isinstance(e, CallExpr) else None
            p = get_proper_type(a)
            if attrs and isinstance(p, Instance):
                fresh = p.copy_modified()
                _KNOWN[id(fresh)] = (fresh, attrs)
                added.append(id(fresh))
                args[i] = fresh
    except Exception:  # noqa: BLE001 - a construct not modelled here: the declared types
        pass
    try:
        yield chain.copy_modified(args=args) if added else chain
    finally:
        for key in added:
            _KNOWN.pop(key, None)


def traced_chain_items(api: Any, call: Any, chain: Instance) -> Any:
    """``chain_items(chain)`` (chain_items.py) with the layers :func:`traced_layers` knows.

    >>> callable(traced_chain_items)  # exercised by tests/typecheck/case_instance_calls.py
    True
    """
    from mypy_plugin.callbacks.chain_items import chain_items  # (it imports this module)

    with traced_layers(api, call, chain) as walked:
        return chain_items(walked)


def _chain_arguments(api: Any, call: Any, chain: Instance) -> Optional[List[Expression]]:
    """The layer expressions of the ``Chain(...)`` the called name was built by."""
    if not isinstance(call, CallExpr):
        return None
    built = construction_of(api, call.callee)
    if built is None or not isinstance(built.callee, RefExpr) or \
            built.callee.fullname != chain.type.fullname or \
            any(k != ARG_POS for k in built.arg_kinds) or len(built.args) != len(chain.args):
        return None
    return list(built.args)


def user_layer_call(ctx: Any) -> Optional[Type]:
    """``block(x)`` (or ``net(a, b)``) of such a layer with known inputs: the body's output
    type; a mismatch in the body is reported at the call. None: mypy's type."""
    receiver = get_proper_type(getattr(ctx, "type", None))
    if not isinstance(receiver, Instance) or not ctx.arg_types or any(
            len(types) > 1 for types in ctx.arg_types):  # (none: ``mask=None`` left out)
        return None
    call = getattr(ctx, "context", None)
    if receiver.args:  # (a class generic in a dim: its construction's dims, flow_generics.py)
        built = generic_conflict(ctx)
        if built is not None:  # (an input of another size: the body runs on it, as at run time)
            _typed_call(ctx, _body_rule(receiver, len(ctx.arg_types), construction_values(
                ctx.api, built), frozenset(), generic=True), errors_only=True)
            return None
        return generic_result(ctx)
    held = call.callee if isinstance(call, CallExpr) else None
    attrs = held_attributes(ctx.api, held, receiver)  # (``m.encoder(src)``: flow_overrides.py)
    skipped = frozenset() if attrs else followed_skips(ctx.api, held, receiver)
    if skipped is None or "__call__" in skipped:
        return None  # (``m: Base = Sub()``: a derived class's instance runs its own)
    if not attrs:
        attrs = instance_attributes(ctx.api, held) if held is not None else None
    rule = _body_rule(receiver, len(ctx.arg_types), attrs, skipped)
    return every_input_report(ctx, receiver, attrs, _typed_call(ctx, rule))  # flow_every.py


def user_method_call(ctx: Any, name: str) -> Optional[Type]:
    """``layer.step(x)`` (or ``model.encode(x)``, ``self.decode(z)``) of a user class's
    undecorated method ``name`` with bare tensor parameters and a straight-line body, called
    with known inputs: run as a bare ``__call__`` is (:func:`user_layer_call`), on what the
    instance is known to hold (flow_instances.py) or its attributes' declared types; the
    call gets the body's output type and a mismatch in the body is reported at the call.
    ``self.cache = ...`` in the body is read back by the rest of it. None: mypy's type.

    >>> user_method_call(object(), "step") is None
    True
    """
    receiver = get_proper_type(getattr(ctx, "type", None))
    call = getattr(ctx, "context", None)
    if not isinstance(receiver, Instance) or not isinstance(call, CallExpr) or not isinstance(
            call.callee, MemberExpr) or not ctx.arg_types or any(
            len(types) > 1 for types in ctx.arg_types):
        return None
    held = call.callee.expr
    traced = held_attributes(ctx.api, held, receiver)  # (``m.encoder.encode(x)``)
    skipped = frozenset() if traced else followed_skips(ctx.api, held, receiver)
    if skipped is None or name in skipped:
        return None  # (a derived class's instance may run its own ``name``)
    inputs = len(ctx.arg_types)
    # The first use of the instance runs on the state its construction left (a KV cache
    # bound again by the method itself): an error there is raised by that first call
    # (flow_fresh.py); the call's type comes from what holds for every call (below).
    state = fresh_state(ctx.api, call)
    if state is not None and _typed_call(ctx, _body_rule(
            receiver, inputs, state, skipped, name), errors_only=True) is _REPORTED:
        return None
    attrs = traced or instance_attributes(ctx.api, held)
    return _typed_call(ctx, _body_rule(receiver, inputs, attrs, skipped, name))


_REPORTED = AnyType(TypeOfAny.special_form)  # (:func:`_typed_call` reported an error)


def _shape(v: Any) -> Optional[Shape]:
    """The shape of a tensor value of the body; None for a value of another kind."""
    try:
        return tensor_shape(v)
    except CannotTell:
        return None


def _typed_call(ctx: Any, rule: Optional[Callable[[Sequence[Any]], Any]],
                errors_only: bool = False) -> Optional[Type]:
    """The type a call gets from a body's ``rule`` run on its arguments' values (a mismatch
    reported at the call); None: mypy's type. ``errors_only``: :data:`_REPORTED` when a
    mismatch was reported, else None."""
    if rule is None:
        return None
    names = translate.Names()
    names_in_scope(ctx.api, names)
    template = tensor_template(ctx.api, ctx.default_return_type)
    if template is None:
        return None
    try:
        out = rule([value(types[0], names) if types else None for types in ctx.arg_types])
    except CannotTell:
        return None
    except ShapeError as err:
        report_shape_error(ctx.api, err, ctx.context)
        return _REPORTED if errors_only else None
    if errors_only:
        return None
    any_type = AnyType(TypeOfAny.special_form)
    tuple_type = ctx.api.named_generic_type("builtins.tuple", [any_type])

    def typed(shape: Shape) -> Type:
        return translate.type_of_shape(
            shape, template, names, ctx.api.named_generic_type("builtins.int", []),
            ctx.api.named_generic_type("builtins.str", []), tuple_type)

    if not isinstance(out, tuple):
        shape = _shape(out)
        return typed(shape) if shape is not None else None

    def typed_item(declared: Type, v: Any) -> Type:
        # ``-> Tuple[Tensor, Tuple[Tensor, Tensor]]``: each tensor the body gives is typed, a
        # value of another kind (a Maybe, what branches bound differently) keeps mypy's type
        p = get_proper_type(declared)
        if isinstance(p, TupleType) and isinstance(v, tuple) and len(v) == len(p.items):
            return p.copy_modified(items=[typed_item(i, x) for i, x in zip(p.items, v)])
        shape = _shape(v) if translate.is_tensor(p) else None
        return typed(shape) if shape is not None else declared

    declared = get_proper_type(ctx.default_return_type)
    if isinstance(declared, TupleType) and len(declared.items) == len(out):
        return typed_item(declared, out)
    return None
