"""typedflux's mypy plugin: enable with ``plugins = ["mypy_plugin"]``.

Proves tensor shapes at type-check time with the same shape rules and messages the runtime
uses. Every hook bails out to mypy's own type when it cannot prove something, so the plugin
never reports what it cannot prove, and a failure inside it is a ``shape-internal`` note.

What it does (hooks, all routed from ``typedflux.shapes.catalog.SPECS`` or the layer specs
``typedflux.shapes.layers.LAYERS``):

- ``Tensor[...]`` annotations: ints, ``Literal[...]``, TypeVars bound to int, string
  expressions (``"2*N"``, kept in normal form as ``Literal['2*N']``), ``int``/``Any``
  (unknown), ``*Bs``; malformed dims are ``[shape-annotation]`` errors with a hint.
- Ops (``tf.zeros(32, 784)``, ``x @ w``, ``x.reshape(x.shape[0], -1)``, ``x.sum(axis=1)``,
  ``x[:, 1:3]``, ``tf.concat([a, b])``, ``tf.losses.mse``...): the op's rule runs on the static
  shapes; a proven mismatch is a ``[shape]`` error, otherwise the result type is refined.
- Calls of user functions whose parameters name dims: dims are bound per call (string dims
  solved, ``Tensor["2*N"]`` against ``Tensor[6]`` gives ``N = 3``), mismatches are ``[shape]``
  errors in ``@tf.shapecheck``'s words, and the return type gets the bound dims.
- Layers: constructors keep literal sizes (``Dense[Literal[784], Literal[32]]``), calls run
  the layer rule, ``Chain(...)`` is checked where it is built and where it is called,
  ``SkipConnection``/``Parallel`` apply their connection's rule or typed signature.
- Annotation boundaries: a value returned, assigned, yielded or passed is checked against the
  annotation it meets, in shape words (``callbacks/boundaries.py``; every hook ends with it).

Recommended configuration: refined types make ``x = x.reshape(...)`` (rebinding a name to a
tensor of another shape) an ``Assigned shape ...`` error, as mypy rejects any rebinding to
another precise type. Set mypy's ``allow_redefinition = True`` so a name (a parameter too)
takes the new type.

Type aliases are run-time expressions that mypy checks itself: write ``Literal[784]`` there
(``Image = Tensor[B, Literal[28], Literal[28]]``); everywhere else ``784`` is fine.

>>> plugin("2.4.1").__name__
'TypedfluxPlugin'
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, Callable, Dict, Optional, Tuple, TypeVar

from mypy.plugin import (
    AnalyzeTypeContext,
    AttributeContext,
    ClassDefContext,
    FunctionContext,
    FunctionSigContext,
    MethodContext,
    MethodSigContext,
    Plugin,
    ReportConfigContext,
)
from mypy.nodes import (
    FuncDef, MypyFile, OverloadedFuncDef, PlaceholderNode, SymbolTableNode, TypeInfo,
)
from mypy.plugins.default import DefaultPlugin
from mypy.types import AnyType, FunctionLike, Type, TypeOfAny

# typedflux's package __init__ is lazy: this loads only the pure-Python typedflux.shapes
# (no numpy, no runtime), so the plugin starts fast.
import typedflux.shapes
from mypy_plugin.callbacks.alias_applications import alias_application_hook, is_tensor_alias
from mypy_plugin.callbacks.alias_dims import forgetting
from mypy_plugin.callbacks.generic_applications import dims_class_application, sized_class
from mypy_plugin.callbacks.generic_dims import never_dims_class
from mypy_plugin.callbacks.batches import LOADER, loader_iter_hook
from mypy_plugin.callbacks.annotations import (
    layer_annotation_hook,
    shape_attribute_hook,
    tensor_annotation_hook,
)
from mypy_plugin.callbacks.boundaries import boundary_attribute_hook, boundary_hook
from mypy_plugin.callbacks.calls import signature_hook
from mypy_plugin.callbacks.generic_dims import clear_memo as clear_dims_memo
from mypy_plugin.callbacks.lambda_context import LAMBDA_TAKERS, lambda_context_hook
from mypy_plugin.callbacks.chain_context import annotated_chain_hook, chain_signature_hook
from mypy_plugin.callbacks.common import guarded
from mypy_plugin.callbacks.conversions import item_hook
from mypy_plugin.callbacks.creation import tensor_literal_hook
from mypy_plugin.callbacks.factories import factory_result
from mypy_plugin.callbacks.chain_parts import chain_attribute_hook, chain_getitem_hook
from mypy_plugin.callbacks.layers import (
    CHAIN,
    CONTAINERS,
    FUSIONS,
    chain_call_hook,
    chain_constructor_hook,
    layer_call_hook,
    layer_constructor_hook,
    container_constructor_hook,
    fusion_constructor_hook,
)
from mypy_plugin.callbacks.lists import ADDERS as LIST_ADDERS, PASSERS as LIST_PASSERS, READERS as LIST_READERS
from mypy_plugin.callbacks.mapped_functions import mapped_result
from mypy_plugin.callbacks.inferred_receivers import class_attribute_getter, constructor_route, library_route, list_add_hooks
from mypy_plugin.callbacks.lists import list_read_hook, mark_passed, pass_items_hook
from mypy_plugin.callbacks.dict_items import DICT_GETITEM, dict_item_hook
from mypy_plugin.callbacks.numbers import POWERS, power_hook
from mypy_plugin.callbacks.partial_layers import partial_call_hook, partial_hook
from mypy_plugin.callbacks.numpy_functions import (
    NDARRAY_OPERATORS,
    NUMPY_UFUNC_CALLS,
    ndarray_operator_hook,
    numpy_reduction,
    numpy_reduction_hook,
    numpy_ufunc_hook,
)
from mypy_plugin.callbacks.reworded import installing
from mypy_plugin.callbacks.ops import op_hook, property_hook
from mypy_plugin.callbacks.user_reprs import record_repr
from mypy_plugin.callbacks.compiled_steps import COMPILED_CALL, compiled_call_hook
from mypy_plugin.flow_chains import chain_subclass_init, subclass_call_hook
from mypy_plugin.flow_instances import attribute_hook as instance_attribute_hook
from mypy_plugin import per_build
from mypy_plugin.reach import Reach
from mypy_plugin.routing import ROUTES, TENSOR_FULLNAME, Route, specs_digest
from typedflux.shapes.layers import LAYERS

_SHAPES_DIR = Path(typedflux.shapes.__file__).parent

__all__ = ["TypedfluxPlugin", "plugin"]

# Calls into these never have shaped parameters: no signature hook, no cost.
_SKIP_PREFIXES = ("builtins.", "typing.", "typing_extensions.", "numpy.", "collections.", "abc.")
_TENSOR_NAMES = frozenset({TENSOR_FULLNAME, "typedflux.Tensor"})
_CHAIN_FULLNAME = "typedflux.layers.containers.Chain"
_ITEM = TENSOR_FULLNAME + ".item"
_record_repr = guarded("class repr", record_repr, lambda ctx: None)
_T = TypeVar("_T")


def _sources_digest() -> str:
    # mypy fingerprints only this entry module; hashing every plugin module (and the shapes
    # package, whose rules decide the results) makes a change anywhere invalidate the cache.
    h = hashlib.sha256()
    for root in (Path(__file__).parent, _SHAPES_DIR):
        for path in sorted(root.rglob("*.py")):
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:12]


_VERSION = f"typedflux-plugin-0.1+{_sources_digest()}"
_CONFIG_DATA = f"{_VERSION}+{specs_digest()}"  # mypy asks once per module: computed once


class TypedfluxPlugin(Plugin):
    """Proves tensor shapes at type-check time (hooks routed from the op catalog).

    >>> TypedfluxPlugin.__mro__[1].__name__
    'Plugin'
    """

    _hooks: Dict[int, Callable[..., Any]]
    _sig_hooks: Dict[str, Callable[..., FunctionLike]]
    get_class_attribute_hook = class_attribute_getter  # (list.append(xs, h): unbound_adders.py)

    def __init__(self, options: Any) -> None:
        super().__init__(options)
        self._reach = Reach()  # (modules the catch-all hooks skip: reach.py)
        self._skips = self._reach.skips  # (one bound method for every callee's CallCheck)
        self._hooks = {}
        self._sig_hooks = {}
        self._subclass_cache: Dict[str, bool] = {}
        self._ctor_hooks: Dict[str, Callable[[FunctionContext], Type]] = {}
        self._chain_call = chain_call_hook()
        self._layer_call = layer_call_hook("layer call")
        self._tensor_literal = tensor_literal_hook()
        # Calls with no shape rule of their own (user functions and methods): the result is
        # only checked against the annotation it is returned, assigned or yielded to.
        self._boundary = boundary_hook()
        self._user_call = guarded("helper call", self._helper_call, lambda ctx: ctx.default_return_type)
        # (a model instance's attributes as its ``__init__`` builds them: flow_instances.py)
        self._boundary_attribute = instance_attribute_hook(self._unless_skipped(
            boundary_attribute_hook(), lambda ctx: ctx.default_attr_type))
        self._chain_getitem = chain_getitem_hook()
        self._compiled_call = guarded("compiled step", compiled_call_hook(self._boundary),
                                      lambda ctx: ctx.default_return_type)
        self._item = item_hook()
        self._batches = loader_iter_hook()
        self._list_add = list_add_hooks(LIST_ADDERS)  # (dict.update: then inferred_receivers)
        self._default = DefaultPlugin(options)
        self._numpy_ufunc = numpy_ufunc_hook()
        self._ndarray_operator = ndarray_operator_hook()
        self._partials: Dict[tuple[str, str], Any] = {}
        # (by getter kind, then fullname: no (kind, name) tuple kept per name for the build)
        self._default_names: Dict[str, Dict[str, bool]] = {}
        # Each getter's answers for the build (per_build.PerBuild): mypy calls the instance's
        # attribute, so the dict's lookup stands in for the method below of the same name.
        self._per_build: Dict[str, per_build.PerBuild] = {
            "get_type_analyze_hook": per_build.PerBuild(self._analyze_hook)}
        for getter in per_build.TYPE_CHECK_GETTERS:
            self._per_build[getter] = per_build.PerBuild(per_build.lasting(getattr(self, getter)))
        for getter, memo in self._per_build.items():
            setattr(self, getter, memo.__getitem__)

    def _mypys(self, kind: str, fullname: str) -> bool:
        """Whether mypy's own plugin has a hook of ``kind`` for ``fullname``
        (``functools.partial``, an enum's ``.value``, ``dataclasses.replace``): mypy asks the
        plugins in order and runs the first hook it gets, so a catch-all hook of ours there
        would hide mypy's (``partial(Dense, activation=relu)`` lost its type)."""
        names = self._default_names.setdefault(kind, {})
        found = names.get(fullname)
        if found is None:
            found = names[fullname] = getattr(self._default, kind)(fullname) is not None
        return found

    def _partial(self, kind: str, fullname: str, wrap: Callable[[Any], Any]) -> Any:
        """mypy's own hook for ``functools.partial`` (or its calls), run first, then ours on
        its result (a partial of a layer class keeps the layer's activation)."""
        key = (kind, fullname)
        hook = self._partials.get(key)
        if hook is None:
            default = getattr(self._default, kind)(fullname)
            hook = self._partials[key] = wrap(default) if default is not None else None
        return hook

    def _unless_skipped(self, hook: Callable[[Any], _T], default: Callable[[Any], _T]
                        ) -> Callable[[Any], _T]:
        """``hook``, except in a module :class:`Reach` skips (there: ``default(ctx)``)."""
        skips = self._skips

        def run(ctx: Any) -> _T:
            return default(ctx) if skips(ctx.api) else hook(ctx)

        return run

    def _helper_call(self, ctx: Any) -> Type:
        # A helper that builds a layer from known ints gets the layer's type, then the
        # boundary check every user call gets. Both are about typedflux types: a module that
        # cannot hold one and whose errors are not shown (torch's) is left alone (reach.py).
        if self._skips(ctx.api):
            default: Type = ctx.default_return_type
            return default
        mark_passed(ctx)  # grow(skips): the list may hold other sizes afterwards
        built = factory_result(ctx)
        if built is None:
            return self._boundary(ctx)
        return self._boundary(ctx._replace(default_return_type=built))

    def _hook_for(self, route: Route, make: Callable[[Route], Callable[..., Any]]) -> Any:
        key = id(route)
        hook = self._hooks.get(key)
        if hook is None:
            hook = self._hooks[key] = make(route)
        return hook

    def _resolve(self) -> None:
        if not (ROUTES.functions_resolved and ROUTES.methods_resolved):
            ROUTES.resolve(self.lookup_fully_qualified)

    def set_modules(self, modules: Dict[str, MypyFile]) -> None:
        super().set_modules(modules)
        for memo in self._per_build.values():  # (a new build, or mypy's daemon after an edit)
            memo.clear()
        self._sig_hooks.clear()  # (a function may have become an overload since)
        self._subclass_cache.clear()  # (a class may derive from Tensor since)
        self._reach.set_modules(modules)
        per_build.clear()  # (answers per parameter types: calls.py, generic_dims.py)
        clear_dims_memo()

    def get_type_analyze_hook(
        self, fullname: str
    ) -> Optional[Callable[[AnalyzeTypeContext], Type]]:
        # (mypy calls the instance's PerBuild lookup in this method's place: its answers
        # that cannot change within a build are kept for the build)
        return self._analyze_hook(fullname)[0]

    def _analyze_hook(
        self, fullname: str
    ) -> Tuple[Optional[Callable[[AnalyzeTypeContext], Type]], bool]:
        """The type-analyze hook for ``fullname``, and whether that answer lasts the build: it
        does unless a symbol was read that is not settled yet (a name not bound yet, a
        placeholder, an alias); a class with no type parameters never gets a hook, nor does
        a name defined where no typedflux type can be (reach.py) unless it is a class."""
        if fullname in _TENSOR_NAMES:
            # (installs the watcher that rewords mypy's errors at bare names: reworded.py;
            # takes back mypy's errors for dims of a ``Tensor[...]`` alias: alias_dims.py)
            return installing(forgetting(tensor_annotation_hook(fullname))), True
        if fullname.startswith("typedflux.layers.") and fullname.rsplit(".", 1)[-1] in LAYERS:
            return installing(layer_annotation_hook(fullname)), True
        if fullname.startswith(_SKIP_PREFIXES):
            return None, True
        sym = self.lookup_fully_qualified(fullname)
        node = sym.node if sym is not None else None
        if isinstance(node, TypeInfo) and not node.type_vars:
            return None, True
        if node is not None and not isinstance(node, (TypeInfo, PlaceholderNode)) and \
                self._reach.unreached_name(fullname):
            # An alias (or a type variable) of a module that cannot see typedflux (torch's
            # ``Number``): never a Tensor alias, and only a class is a class over dims.
            return None, True

        if isinstance(node, TypeInfo):
            if sized_class(node):  # ``Matrix[3, 4]``, ``Keyed[str, 5]`` (a dims class is one)
                return guarded("a generic class over dims applied", dims_class_application,
                               lambda ctx: AnyType(TypeOfAny.from_error)), True
            return None, never_dims_class(node)  # (most classes asked here: a library's)

        def once(_: str) -> Optional[SymbolTableNode]:
            return sym

        if is_tensor_alias(once, fullname):  # ``Vec[4]`` of ``Vec = Tensor[N]``
            return guarded("a Tensor alias applied", forgetting(alias_application_hook),
                           lambda ctx: AnyType(TypeOfAny.from_error)), True
        return None, False

    def get_customize_class_mro_hook(
        self, fullname: str
    ) -> Optional[Callable[[ClassDefContext], None]]:
        # Every user class: a ``__repr__`` returning a literal names its instances in messages.
        return None if fullname.startswith(_SKIP_PREFIXES) else _record_repr

    def get_function_signature_hook(
        self, fullname: str
    ) -> Optional[Callable[[FunctionSigContext], FunctionLike]]:
        if fullname.startswith(_SKIP_PREFIXES):  # (ChainMap(...): invariant_solves.py)
            return constructor_route(fullname, self.lookup_fully_qualified, self._mypys)
        if fullname == _CHAIN_FULLNAME:
            return chain_signature_hook
        if fullname in LAMBDA_TAKERS:  # tf.gradient(lambda m: ..., model): m is the model
            return lambda_context_hook(LAMBDA_TAKERS[fullname],
                                       self._signature_hook(fullname, False))
        if self._mypys("get_function_signature_hook", fullname):
            return None
        return self._signature_hook(fullname, False)

    def get_method_signature_hook(
        self, fullname: str
    ) -> Optional[Callable[[MethodSigContext], FunctionLike]]:
        if fullname in LIST_ADDERS:  # a list of tensors of several shapes
            return self._list_add[fullname]
        if fullname.startswith(_SKIP_PREFIXES) or fullname.startswith(TENSOR_FULLNAME + "."):  # (deque.append)
            return library_route(fullname, self.lookup_fully_qualified, self._mypys, _SKIP_PREFIXES)
        if fullname.startswith("typedflux.") and fullname.endswith(".__call__"):
            owner = fullname.rsplit(".", 2)[-2]
            if owner == CHAIN:
                return self._chain_call
            if owner in LAYERS or owner in CONTAINERS or owner in FUSIONS:
                return self._layer_call
        if self._mypys("get_method_signature_hook", fullname):
            return None
        if fullname.endswith(".__call__") and self._chain_subclass(fullname[:-9]):
            return self._sig_hooks[fullname + "/chain"]  # (a subclass of Chain: flow_chains.py)
        return self._signature_hook(fullname, True)

    def _chain_subclass(self, owner: str) -> bool:
        key = owner + ".__call__/chain"
        if key not in self._sig_hooks:
            node = getattr(self.lookup_fully_qualified(owner), "node", None)
            if not (isinstance(node, TypeInfo) and chain_subclass_init(node) is not None):
                return False  # (not cached: mypy's daemon may bring a new class of that name)
            self._sig_hooks[key] = guarded('"Chain"', subclass_call_hook(
                self._chain_call, self._signature_hook(owner + ".__call__", True)),
                lambda ctx: ctx.default_signature)
        return True

    def _signature_hook(self, fullname: str, is_method: bool) -> Callable[..., FunctionLike]:
        hook = self._sig_hooks.get(fullname)
        if hook is None:
            # mypy runs a signature hook on every item of an overload before it picks one,
            # so for overloads the hook reports only when no item takes the shapes.
            sym = self.lookup_fully_qualified(fullname)
            node = getattr(sym, "node", None)
            items = len(node.items) if isinstance(node, OverloadedFuncDef) else 0
            # (a call in a module reach.py skips has no shaped parameter, nor an annotation
            # that makes one: mypy's signature, made safe under a union context as every
            # signature hook makes it: union_contexts.py)
            hook = signature_hook(fullname, is_method, overload_items=items,
                                  skips=self._skips)
            self._sig_hooks[fullname] = hook
        return hook

    def get_function_hook(self, fullname: str) -> Optional[Callable[[FunctionContext], Type]]:
        if fullname == "functools.partial":
            return self._partial("get_function_hook", fullname, partial_hook)  # type: ignore[no-any-return]
        if not fullname.startswith("typedflux"):
            if fullname == "builtins.map":  # map(widen, xs), widen -> Tensor[B, "2*N"]
                return mapped_result
            if fullname in LIST_PASSERS:  # reversed(skips) of a list of several shapes
                return pass_items_hook
            numpy_route = numpy_reduction(fullname)
            if numpy_route is not None:
                return self._hook_for(numpy_route, numpy_reduction_hook)  # type: ignore[no-any-return]
            if fullname.startswith(_SKIP_PREFIXES) or self._mypys("get_function_hook", fullname):
                return None
            return self._user_call
        self._resolve()
        route = ROUTES.by_function_fullname.get(fullname)
        if route is None:
            return self._layer_constructor(fullname) or self._boundary
        return self._hook_for(route, op_hook)  # type: ignore[no-any-return]

    def _layer_constructor(self, fullname: str) -> Optional[Callable[[FunctionContext], Type]]:
        short = fullname.rsplit(".", 1)[-1]
        if short == "tensor":
            # ``tf.tensor(data)``: data, not an op, so not in SPECS; its shape is the literal's.
            sym = self.lookup_fully_qualified(fullname)
            return self._tensor_literal if isinstance(getattr(sym, "node", None), FuncDef) else None
        if short != CHAIN and short not in LAYERS and short not in CONTAINERS + FUSIONS:
            return None
        hook = self._ctor_hooks.get(fullname)
        if hook is None:
            sym = self.lookup_fully_qualified(fullname)
            if sym is None or not isinstance(sym.node, TypeInfo):
                return None
            if short == CHAIN:
                hook = annotated_chain_hook(chain_constructor_hook())
            elif short in CONTAINERS:
                hook = container_constructor_hook(short)
            elif short in FUSIONS:
                hook = fusion_constructor_hook(short)
            else:
                hook = layer_constructor_hook(LAYERS[short])
            # (a module that only builds layers still gets the watcher: reworded.py)
            hook = installing(hook, call=True)
            self._ctor_hooks[fullname] = hook
        return hook

    def get_method_hook(self, fullname: str) -> Optional[Callable[[MethodContext], Type]]:
        if fullname == _CHAIN_FULLNAME + ".__getitem__":
            return self._chain_getitem
        if fullname == _ITEM:
            return self._item
        if fullname == COMPILED_CALL:  # ``step(model, x, y)`` of ``tf.compile(<lambda>)``
            return self._compiled_call
        if fullname == LOADER + ".__iter__":
            return self._batches
        if fullname in LIST_READERS:
            return list_read_hook
        if fullname == DICT_GETITEM:  # params["w"] of a dict display: the item's own type
            return dict_item_hook
        if fullname in POWERS:
            return power_hook
        if fullname in NUMPY_UFUNC_CALLS:
            return self._numpy_ufunc
        if fullname in NDARRAY_OPERATORS:  # ``arr * x``: the tensor's operator runs
            return self._ndarray_operator
        if fullname == "functools.partial.__call__":
            return self._partial("get_method_hook", fullname, partial_call_hook)  # type: ignore[no-any-return]
        if not fullname.startswith("typedflux"):
            if fullname.startswith(_SKIP_PREFIXES):
                return None
            # An operator on a user subclass of Tensor is named after the subclass.
            member = self._as_tensor_member(fullname, ROUTES.methods)
            if not member:
                return None if self._mypys("get_method_hook", fullname) else self._user_call
            fullname = member
        self._resolve()
        route = ROUTES.by_method_fullname.get(fullname)
        if route is None:
            return self._boundary
        return self._hook_for(route, op_hook)  # type: ignore[no-any-return]

    def _as_tensor_member(self, fullname: str, names: Dict[str, Route]) -> str:
        """``pkg.MyTensor.__add__`` -> ``typedflux.tensor.Tensor.__add__`` for a Tensor
        subclass (cached: asked for every method call in the program)."""
        owner, _, member = fullname.rpartition(".")
        if member not in names:
            return ""
        known = self._subclass_cache.get(owner)
        if known is None:
            sym = self.lookup_fully_qualified(owner) if owner else None
            node = getattr(sym, "node", None)
            known = isinstance(node, TypeInfo) and node.has_base(TENSOR_FULLNAME)
            self._subclass_cache[owner] = known
        return f"{TENSOR_FULLNAME}.{member}" if known else ""

    def get_attribute_hook(self, fullname: str) -> Optional[Callable[[AttributeContext], Type]]:
        if not fullname.startswith("typedflux"):
            # (attributes are named after the class that defines them) A user attribute
            # returned or assigned (``return self.h``) is checked against that annotation.
            if fullname.startswith(_SKIP_PREFIXES) or self._mypys("get_attribute_hook", fullname):
                return None
            return self._boundary_attribute
        if fullname.startswith(_CHAIN_FULLNAME + "."):
            # ``chain.layers``, and named layers reached through ``Chain.__getattr__``.
            name = fullname.rsplit(".", 1)[-1]
            return None if name.startswith("_") else chain_attribute_hook(name)
        if fullname == TENSOR_FULLNAME + ".shape":
            return shape_attribute_hook
        self._resolve()
        route = ROUTES.by_property_fullname.get(fullname)
        if route is None:
            return None
        return self._hook_for(route, property_hook)  # type: ignore[no-any-return]

    def report_config_data(self, ctx: ReportConfigContext) -> Any:
        """Changes to the op table (or the plugin) invalidate mypy's cache."""
        return _CONFIG_DATA


def plugin(version: str) -> type[Plugin]:
    """mypy's entry point.

    >>> plugin("2.4.1") is TypedfluxPlugin
    True
    """
    return TypedfluxPlugin
