"""Maps mypy fullnames to callbacks; the table is built from ``typedflux.shapes.catalog.SPECS``.

Nothing here is written by hand per op: each spec's ``functions`` become function hooks,
``methods``/``reflected`` become ``Tensor`` method hooks and ``properties`` attribute hooks.
Public names are resolved to the fullnames where they are *defined* (``typedflux.zeros`` may
live in ``typedflux.ops.creation``) by looking them up in mypy's symbol tables, lazily, since
those modules are only loaded when the checked code imports typedflux.

>>> ROUTES.functions["matmul"].spec.name, ROUTES.methods["__rmatmul__"].role
('matmul', 'reflected')
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Callable, Dict, Optional, Set

from mypy.nodes import SymbolTableNode, TypeInfo

import typedflux.shapes  # noqa: F401  (importing the package registers every rule in SPECS)
from typedflux.shapes.catalog import SPECS, OpSpec

__all__ = [
    "Route",
    "Routes",
    "ROUTES",
    "TENSOR_FULLNAME",
    "PUBLIC_MODULE",
    "PUBLIC_MODULES",
    "specs_digest",
    "SPECS",
    "OpSpec",
]

TENSOR_FULLNAME = "typedflux.tensor.Tensor"
PUBLIC_MODULE = "typedflux"
# Where spec ``functions`` are public: the package, and the losses namespace (``tf.losses.mse``).
PUBLIC_MODULES = (PUBLIC_MODULE, "typedflux.losses")


@dataclass(frozen=True)
class Route:
    """One way to reach an op: ``role`` is function, method, reflected or property.

    >>> Route(SPECS["add"], "method").role
    'method'
    """

    spec: OpSpec
    role: str


@dataclass
class Routes:
    """The hook table: public names from SPECS, plus the fullnames they resolve to.

    >>> "reshape" in ROUTES.methods and "reshape" in ROUTES.functions
    True
    """

    functions: Dict[str, Route] = field(default_factory=dict)
    methods: Dict[str, Route] = field(default_factory=dict)
    properties: Dict[str, Route] = field(default_factory=dict)
    by_function_fullname: Dict[str, Route] = field(default_factory=dict)
    by_method_fullname: Dict[str, Route] = field(default_factory=dict)
    by_property_fullname: Dict[str, Route] = field(default_factory=dict)
    functions_resolved: bool = False
    methods_resolved: bool = False
    modules_resolved: Set[str] = field(default_factory=set)

    def resolve(self, lookup: Callable[[str], Optional[SymbolTableNode]]) -> None:
        """Find where each public name is defined, once its module is loaded."""
        if not self.functions_resolved:
            for module in PUBLIC_MODULES:
                if module in self.modules_resolved or lookup(module + ".__name__") is None:
                    continue
                for name, route in self.functions.items():
                    sym = lookup(f"{module}.{name}")
                    fullname = getattr(getattr(sym, "node", None), "fullname", None)
                    if isinstance(fullname, str) and fullname:
                        self.by_function_fullname.setdefault(fullname, route)
                self.modules_resolved.add(module)
            self.functions_resolved = len(self.modules_resolved) == len(PUBLIC_MODULES)
        if not self.methods_resolved:
            sym = lookup(TENSOR_FULLNAME)
            info = getattr(sym, "node", None)
            if isinstance(info, TypeInfo):
                for table, out in (
                    (self.methods, self.by_method_fullname),
                    (self.properties, self.by_property_fullname),
                ):
                    for name, route in table.items():
                        for base in info.mro:
                            if name in base.names:
                                out[f"{base.fullname}.{name}"] = route
                                break
                self.methods_resolved = True


def _build() -> Routes:
    routes = Routes()
    for spec in SPECS.values():
        for fn in spec.functions:
            routes.functions[fn] = Route(spec, "function")
            routes.by_function_fullname[f"{PUBLIC_MODULE}.{fn}"] = Route(spec, "function")
            # The losses are public as tf.losses.<fn> (defined in typedflux/losses.py).
            routes.by_function_fullname[f"{PUBLIC_MODULE}.losses.{fn}"] = Route(spec, "function")
        for m in spec.methods:
            routes.methods[m] = Route(spec, "method")
            routes.by_method_fullname[f"{TENSOR_FULLNAME}.{m}"] = Route(spec, "method")
        for m in spec.reflected:
            routes.methods[m] = Route(spec, "reflected")
            routes.by_method_fullname[f"{TENSOR_FULLNAME}.{m}"] = Route(spec, "reflected")
        for p in spec.properties:
            routes.properties[p] = Route(spec, "property")
            routes.by_property_fullname[f"{TENSOR_FULLNAME}.{p}"] = Route(spec, "property")
    return routes


ROUTES = _build()


def specs_digest() -> str:
    """A short hash of the op table, so mypy's cache is invalidated when SPECS changes.

    >>> len(specs_digest())
    12
    """
    h = hashlib.sha256()
    for name in sorted(SPECS):
        s = SPECS[name]
        h.update(repr((name, [(a.name, a.kind.value, repr(a.default)) for a in s.args],
                       s.functions, s.methods, s.reflected, s.properties)).encode())
    return h.hexdigest()[:12]
