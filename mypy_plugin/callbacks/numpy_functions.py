"""numpy's reductions called on a Tensor (``np.sum(x, axis=1)``), typed as the Tensor's method.

At run time ``Tensor.__array_function__`` sends these calls to the Tensor's own method
(typedflux/numpy_calls.py), so ``np.mean(x)`` is a Tensor on the tape. numpy's stubs know
nothing of that and type it ``floating`` (or ``Any``): a correct program that passes the result
on as a Tensor would fail mypy, and a wrong axis would go unseen. So when the array argument
is a Tensor, the call is typed by the method's shape rule, with the method's words for a
mismatch; on anything else numpy's own type stands. The table of functions is the run time's
(``NUMPY_REDUCTIONS``), so the two cannot drift apart.

>>> numpy_reduction("numpy._core.fromnumeric.amax").spec.name
'max'
>>> numpy_reduction("numpy.linalg.norm") is None
True
"""

from __future__ import annotations

from typing import Any, Callable, Dict, Optional, Tuple

from mypy.errorcodes import ARG_TYPE, CALL_ARG
from mypy.nodes import Decorator, FuncBase, MypyFile, NameExpr
from mypy.plugin import CheckerPluginInterface, FunctionContext, MethodContext
from mypy.types import (
    AnyType,
    CallableType,
    Instance,
    LiteralType,
    TupleType,
    Type,
    TypeOfAny,
    TypeType,
    UnionType,
    get_proper_type,
)

from mypy_plugin import translate
from mypy_plugin.callbacks.common import (
    guarded,
    names_in_scope,
    report_shape_error,
    tensor_template,
)
from mypy_plugin.callbacks.ops import NUMPY_ARRAY_ARGUMENT, run_rule
from mypy_plugin.routing import ROUTES, Route
from typedflux.shapes.catalog import SPECS
from typedflux.shapes.errors import CannotTell, ShapeError
from typedflux.shapes.rules_reduce import (
    NUMPY_OPERATORS,
    NUMPY_REDUCTIONS,
    NUMPY_REFUSED,
    NUMPY_UNARY,
    numpy_instead,
    numpy_refusal,
    numpy_ufunc_refusal,
)

__all__ = ["numpy_reduction", "numpy_reduction_hook", "NUMPY_UFUNC_CALLS", "numpy_ufunc_hook",
           "NDARRAY_OPERATORS", "ndarray_operator_hook"]

# Where numpy's stubs define the reductions (numpy 2 moved ``core`` to ``_core``).
_MODULES = ("numpy._core.fromnumeric", "numpy.core.fromnumeric")
_ROUTES: Dict[str, Route] = {
    f"{module}.{name}": Route(SPECS[method], "numpy")
    for module in _MODULES
    for name, method in NUMPY_REDUCTIONS
}
# numpy's name of each route's function (``amax`` and ``max`` share a method), for messages.
_NUMPY_NAMES: Dict[int, str] = {id(r): f.rsplit(".", 1)[-1] for f, r in _ROUTES.items()}


def numpy_reduction(fullname: str) -> Optional[Route]:
    """The route of a numpy reduction a Tensor computes with its own method, by the fullname
    mypy resolves ``np.<name>`` to; ``None`` for every other function.

    >>> numpy_reduction("numpy._core.fromnumeric.var").role
    'numpy'
    """
    return _ROUTES.get(fullname)


def numpy_reduction_hook(route: Route) -> Callable[[FunctionContext], Type]:
    """The function hook for one numpy reduction (see the module docstring); it never
    crashes mypy.

    >>> callable(numpy_reduction_hook(numpy_reduction("numpy._core.fromnumeric.sum")))
    True
    """

    def hook(ctx: FunctionContext) -> Type:
        names = ctx.callee_arg_names
        if NUMPY_ARRAY_ARGUMENT not in names:
            return ctx.default_return_type
        types = ctx.arg_types[names.index(NUMPY_ARRAY_ARGUMENT)]
        if len(types) != 1 or not translate.is_tensor(types[0]):
            return ctx.default_return_type
        for key in NUMPY_REFUSED:
            i = names.index(key) if key in names else -1
            given = ctx.args[i] if i >= 0 else []
            if any(not (isinstance(e, NameExpr) and e.fullname == "builtins.None") for e in given):
                # Refused at run time by name (a TypeError, not a shape): in the same words
                # when the value cannot be None; numpy's type stands.
                if all(_never_none(t) for t in ctx.arg_types[i]):
                    name = _NUMPY_NAMES.get(id(route), route.spec.name)
                    ctx.api.fail(numpy_refusal(name, key, route.spec.name), ctx.context,
                                 code=CALL_ARG)
                return ctx.default_return_type
        # The result is a Tensor even where its shape is not known.
        bare = tensor_template(ctx.api)
        if bare is not None:
            ctx = ctx._replace(default_return_type=bare)
        return run_rule(route, ctx)

    return guarded(f'"np.{route.spec.name}"', hook, lambda ctx: ctx.default_return_type)


def _never_none(t: Type) -> bool:
    """Whether a value of type ``t`` is surely not ``None`` (a class, an instance, a literal)."""
    p = get_proper_type(t)
    if isinstance(p, UnionType):
        return all(_never_none(i) for i in p.items)
    if isinstance(p, Instance):
        return p.type.fullname not in ("builtins.object", "types.NoneType")
    return isinstance(p, (TypeType, LiteralType, TupleType, CallableType))


def _tensor_of(api: CheckerPluginInterface, shape: Any, bare: Instance,
               names: translate.Names) -> Type:
    if not isinstance(shape, tuple):
        return bare
    names_in_scope(api, names)
    return translate.type_of_shape(
        shape, bare, names, api.named_generic_type("builtins.int", []),
        api.named_generic_type("builtins.str", []),
        api.named_generic_type("builtins.tuple", [AnyType(TypeOfAny.special_form)]))


# numpy's ufuncs, by the classes numpy's stubs give them (``np.multiply`` is a
# ``_UFunc_Nin2_Nout1[Literal["multiply"], ...]``): a call is that class's ``__call__``.
_INPUTS: Dict[str, int] = {
    "_UFunc_Nin1_Nout1": 1, "_UFunc_Nin2_Nout1": 2, "_GUFunc_Nin2_Nout1": 2,
    "_UFunc_Nin1_Nout2": 1, "_UFunc_Nin2_Nout2": 2,
}
NUMPY_UFUNC_CALLS = frozenset(f"numpy._typing._ufunc.{c}.__call__" for c in _INPUTS)
_BINARY: Dict[str, Tuple[str, str]] = {name: (m, r) for name, m, r in NUMPY_OPERATORS}
_UNARY: Dict[str, str] = dict(NUMPY_UNARY)


def _ufunc_name(t: Type) -> Optional[str]:
    p = get_proper_type(t)
    if not isinstance(p, Instance) or not p.args:
        return None
    name = get_proper_type(p.args[0])
    return name.value if isinstance(name, LiteralType) and isinstance(name.value, str) else None


def numpy_ufunc_hook() -> Callable[[MethodContext], Type]:
    """The method hook of numpy's ufunc calls: one that is a Python operator
    (``NUMPY_OPERATORS``, ``NUMPY_UNARY``) given a Tensor and no keyword runs the tensor's
    operator at run time (``np.multiply(a, x)`` is ``x.__rmul__(a)``), so it is a Tensor,
    typed by that operator's rule (its mismatch in the operator's words); numpy's stubs say
    ``ndarray``. Any other ufunc given a Tensor (``np.exp(x)``, an operator with a keyword)
    is a ``TypeError`` at run time: the same words here, ``[arg-type]``. A call with no
    Tensor keeps numpy's type.

    >>> callable(numpy_ufunc_hook())
    True
    """

    def hook(ctx: MethodContext) -> Type:
        name = _ufunc_name(ctx.type)
        p = get_proper_type(ctx.type)
        inputs = _INPUTS.get(p.type.name, 0) if isinstance(p, Instance) else 0
        if name is None or inputs == 0 or len(ctx.args) < inputs:
            return ctx.default_return_type
        if any(len(a) != 1 for a in ctx.args[:inputs]):
            return ctx.default_return_type
        if not any(translate.is_tensor(ctx.arg_types[i][0]) for i in range(inputs)):
            return ctx.default_return_type
        n = 2 if name in _BINARY else 1 if name in _UNARY else 0
        if n != inputs or any(ctx.args[n:]):
            return _refused(ctx, name)
        types = [ctx.arg_types[i][0] for i in range(n)]
        first = translate.is_tensor(types[0])
        if not first and not (n == 2 and translate.is_tensor(types[1])):
            return ctx.default_return_type
        bare = tensor_template(ctx.api)
        if bare is None:
            return ctx.default_return_type
        if n == 1:
            method, shapes_of = _UNARY[name], types
        else:
            method = _BINARY[name][0 if first else 1]
            shapes_of = types if first else types[::-1]  # self first, as the run calls it
        route = ROUTES.methods.get(method)
        names = translate.Names()
        shapes = [translate.operand_shape(t, names) for t in shapes_of]
        if route is None or any(s is None for s in shapes) or len(route.spec.args) < n:
            return bare  # a Tensor of a shape not known (an ndarray operand)
        spec = route.spec
        if route.role == "reflected":
            shapes = shapes[::-1]
        kwargs = {a.name: s for a, s in zip(spec.args, shapes)}
        try:
            for a in spec.args[n:]:
                kwargs[a.name] = a.omitted()
            shape = spec.rule(**kwargs)
        except CannotTell:
            return bare
        except ShapeError as err:
            report_shape_error(ctx.api, err, ctx.context)
            return bare
        return _tensor_of(ctx.api, shape, bare, names)

    return guarded("a numpy ufunc", hook, lambda ctx: ctx.default_return_type)


# An array's operator given a Tensor (``arr * x``, ``pe + x``): numpy hands it to the tensor
# (its ``__array_ufunc__`` runs ``x.__rmul__(arr)``), so the value is a Tensor; numpy's stubs
# say ``ndarray``, which made passing it to a layer a false ``[arg-type]``.
NDARRAY_OPERATORS = frozenset(f"numpy.ndarray.{method}" for _, method, _r in NUMPY_OPERATORS)


def ndarray_operator_hook() -> Callable[[MethodContext], Type]:
    """The method hook of an ``ndarray``'s operators (``NDARRAY_OPERATORS``): given a Tensor,
    the result is a Tensor of a shape not known here (an array's shape is not), as the run
    time gives; otherwise numpy's own type.

    >>> callable(ndarray_operator_hook())
    True
    """

    def hook(ctx: MethodContext) -> Type:
        if len(ctx.arg_types) != 1 or len(ctx.arg_types[0]) != 1 or not translate.is_tensor(
                ctx.arg_types[0][0]):
            return ctx.default_return_type
        bare = tensor_template(ctx.api)
        return ctx.default_return_type if bare is None else bare

    return guarded("an array's operator", hook, lambda ctx: ctx.default_return_type)


def _refused(ctx: MethodContext, name: str) -> Type:
    """A ufunc given a Tensor that the run time refuses (``np.exp(x)``, or an operator with a
    keyword: ``TypeError``): reported in the run time's words, ``[arg-type]``; the call's
    value is ``Any`` (it has none). With ``out=`` the run time says other words: numpy's own
    type stands, unreported."""
    if "out" in ctx.callee_arg_names and ctx.args[ctx.callee_arg_names.index("out")]:
        return ctx.default_return_type
    modules: Dict[str, MypyFile] = getattr(ctx.api, "modules", {})  # (the TypeChecker's)
    package = modules.get("typedflux")

    def typedflux_has(n: str) -> bool:
        node = package.names[n].node if package is not None and n in package.names else None
        return isinstance(node, (FuncBase, Decorator))

    use = numpy_instead(name, typedflux_has)
    ctx.api.fail(numpy_ufunc_refusal(name, name, use), ctx.context, code=ARG_TYPE)
    return AnyType(TypeOfAny.from_error)
