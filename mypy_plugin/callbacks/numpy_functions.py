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

from typing import Callable, Dict, Optional

from mypy.nodes import NameExpr
from mypy.plugin import FunctionContext
from mypy.types import Type

from mypy_plugin import translate
from mypy_plugin.callbacks.common import guarded, tensor_template
from mypy_plugin.callbacks.ops import NUMPY_ARRAY_ARGUMENT, run_rule
from mypy_plugin.routing import Route
from typedflux.shapes.catalog import SPECS
from typedflux.shapes.rules_reduce import NUMPY_REDUCTIONS, NUMPY_REFUSED

__all__ = ["numpy_reduction", "numpy_reduction_hook"]

# Where numpy's stubs define the reductions (numpy 2 moved ``core`` to ``_core``).
_MODULES = ("numpy._core.fromnumeric", "numpy.core.fromnumeric")
_ROUTES: Dict[str, Route] = {
    f"{module}.{name}": Route(SPECS[method], "numpy")
    for module in _MODULES
    for name, method in NUMPY_REDUCTIONS
}


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
            given = ctx.args[names.index(key)] if key in names else []
            if any(not (isinstance(e, NameExpr) and e.fullname == "builtins.None") for e in given):
                # Refused at run time by name (a TypeError, not a shape): mypy's view stands.
                return ctx.default_return_type
        # The result is a Tensor even where its shape is not known.
        bare = tensor_template(ctx.api)
        if bare is not None:
            ctx = ctx._replace(default_return_type=bare)
        return run_rule(route, ctx)

    return guarded(f'"np.{route.spec.name}"', hook, lambda ctx: ctx.default_return_type)
