"""Primitives: the runtime half of the op registry.

A :class:`Primitive` is declared from its spec (``SPECS[name]``, the static half: argument
names and kinds, public names, shape rule) and gets its entry point at once, built by the
invoke path :func:`~typedflux.engine.invoke.path_of` chooses. The op's module then binds its
forward (on numpy arrays) and its VJP with ``@primitive(name)`` and ``@prim.vjp``
(:mod:`typedflux.ops.registry`). Declaring before binding is what lets ``Tensor``'s class body
hold the entry points of its operators (``__add__ = entry("add")``) without importing the op
modules, which import ``Tensor``.

:func:`entry` is the one way to reach an op at run time: a primitive's entry point, or a
composite's function (bound with ``@composite(name)``), by the op's name.

>>> import typedflux as tf, typedflux.ops  # the op modules bind every primitive
>>> REGISTRY["matmul"].invoke(tf.ones(2, 3), tf.ones(3, 4)).shape
(2, 4)
>>> REGISTRY["matmul"].invoke(tf.ones(1, 2), tf.ones(3, 4))
Traceback (most recent call last):
...
typedflux.shapes.errors.ShapeError: ...matmul...
"""

from __future__ import annotations

import inspect
from typing import TYPE_CHECKING, Any, Callable, Dict, List, Optional, Sequence, Tuple, TypeVar

import numpy as np

import typedflux.shapes  # noqa: F401  (completes SPECS: every rules module registers itself)
from typedflux.engine import lanes
from typedflux.engine.invoke import Entry, path_of, reference
from typedflux.engine.operands import not_loaded
from typedflux.shapes.catalog import SPECS, Kind, OpSpec
from typedflux.shapes.errors import CannotTell

if TYPE_CHECKING:  # for annotations only: the engine is below typedflux.tensor
    from typedflux.tensor import AnyTensor

__all__ = ["Primitive", "REGISTRY", "PATHS", "declare", "entry", "bind_composite"]

REGISTRY: Dict[str, "Primitive"] = {}

_F = TypeVar("_F", bound=Callable[..., Any])

# Every invoke path by the name path_of gives it.
PATHS: Dict[str, Callable[["Primitive"], Entry]] = {
    "binary": lanes.binary,
    "unary": lanes.unary,
    "single": lanes.single,
    "multi": lanes.multi,
    "reference": reference,
}

# A memo of rule results grows with the number of distinct input shapes an op sees; a cap
# keeps a program that sweeps through shapes from growing it without bound.
_CACHE_LIMIT = 4096
_ndarray = np.ndarray
_asarray = np.asarray


def _unbound(name: str) -> Callable[..., Any]:
    def forward(*args: Any) -> Any:
        raise not_loaded(name)

    return forward


def _flat_vjp(fn: Callable[..., Any], name: str) -> Callable[..., Any]:
    # The tape expects one gradient per input id; a TENSORS argument's VJP entry is a list
    # of gradients, spliced in here so the backward loop never has to look.
    def flat(*a: Any) -> Tuple[Any, ...]:
        out: List[Any] = []
        for g in fn(*a):
            if isinstance(g, (list, tuple)):
                out.extend(g)
            else:
                out.append(g)
        return tuple(out)

    flat.__name__ = f"{name}_vjp"
    return flat


class Primitive:
    """One primitive op: its spec, the forward and VJP bound to it, its entry point
    ``invoke`` (every argument positional, in spec order) and the memo of its rule.

    >>> import typedflux.ops  # the op modules bind every primitive
    >>> REGISTRY["exp"].spec.functions, REGISTRY["exp"].path
    (('exp',), 'unary')
    """

    __slots__ = (
        "name",
        "spec",
        "path",
        "forward",
        "vjp_fn",
        "examples_fn",
        "invoke",
        "_bind",
        "_cache",
        "__weakref__",
    )

    def __init__(self, spec: OpSpec, path: Optional[str] = None) -> None:
        self.name = spec.name
        self.spec = spec
        self.forward: Callable[..., Any] = _unbound(spec.name)
        self.vjp_fn: Optional[Callable[..., Any]] = None
        self.examples_fn: Optional[Callable[[], List[Tuple[Any, ...]]]] = None
        self._cache: Dict[Any, Any] = {}
        # ``path`` overrides the choice for a stand-alone copy (a test compares every path
        # with the reference one).
        self.path = path or path_of(spec)
        self.invoke: Callable[..., AnyTensor]
        self._bind: Optional[Callable[[Callable[..., Any], type], None]]
        self.invoke, self._bind = PATHS[self.path](self)

    def __repr__(self) -> str:
        return f"<primitive {self.name}>"

    def __call__(self, *args: Any) -> AnyTensor:
        return self.invoke(*args)

    @property
    def bound(self) -> bool:
        """Whether an op module bound a forward to this primitive.

        >>> REGISTRY["add"].bound
        True
        """
        return self._bind is None

    def bind(self, forward: Callable[..., Any], tensor_type: type) -> None:
        """Bind the forward (numpy arrays in, an array out; arguments in spec order) and the
        Tensor class the entry point returns; once (``@primitive(name)`` calls this).

        >>> p = Primitive(SPECS["neg"])  # a stand-alone copy, not registered
        >>> import typedflux as tf
        >>> p.bind(np.negative, tf.Tensor); p.invoke(tf.ones(2))
        Tensor[2] float32
        [-1. -1.]
        """
        if self._bind is None:
            raise ValueError(f'primitive "{self.name}" is registered twice')
        self.forward = forward
        self._bind(forward, tensor_type)
        self._bind = None

    def vjp(self, fn: Callable[..., Any]) -> Callable[..., Any]:
        """Decorator binding the VJP ``fn(g, out, *args) -> tuple of input gradients``: one
        entry per TENSOR argument (a list per TENSORS argument), ``None`` where nothing
        flows. Gradients may be shaped like the broadcast output; the tape sums them back.

        >>> REGISTRY["mul"].vjp_fn.__name__
        '_mul_vjp'
        """
        if not self.spec.differentiable:
            raise ValueError(f'op "{self.name}" is declared not differentiable')
        if self.spec.elementwise and [a.kind for a in self.spec.args] == [Kind.TENSOR] * 2:
            try:  # (the backward scan's call on an exact node: Tape.record)
                inspect.signature(fn).bind(*range(6))
            except TypeError:
                raise ValueError(
                    f'op "{self.name}": the VJP of a two-tensor elementwise op takes (g, out, '
                    "x, y, need_x=None, need_y=None); on an exact node the backward scan "
                    "says whether each input takes a gradient") from None
        if any(a.kind is Kind.TENSORS for a in self.spec.args):
            self.vjp_fn = _flat_vjp(fn, self.name)
        else:
            self.vjp_fn = fn
        return fn

    def public(self, fn: _F) -> _F:
        """The op's public function ``fn`` (one call of :attr:`invoke`, nothing else) as the
        entry point itself, for an op on the ``unary`` path: a Python frame less per call
        (``tf.exp`` of a small tensor: ~40 ns of ~450). The entry point takes ``fn``'s name,
        module and docstring (doctest runs it there) and, by ``__wrapped__``, its signature;
        ``fn`` stays the definition mypy reads (the module rebinds it ``if not
        TYPE_CHECKING``). A foreign operand (the torch bridge's) reaches
        :data:`~typedflux.engine.invoke.FOREIGN` on the lane's slow path, as it reached a
        swapped ``invoke`` through ``fn``. Other paths keep ``fn``.

        >>> import typedflux as tf
        >>> tf.exp is REGISTRY["exp"].invoke, tf.exp.__name__, tf.exp.__module__
        (True, 'exp', 'typedflux.ops.elementwise')
        """
        if self.path != "unary":
            return fn
        e: Any = self.invoke
        for attr in ("__name__", "__qualname__", "__module__", "__doc__"):
            setattr(e, attr, getattr(fn, attr))
        e.__wrapped__ = fn
        return e  # type: ignore[no-any-return]

    def examples(self, fn: Callable[[], List[Tuple[Any, ...]]]) -> Callable[[], Any]:
        """Decorator binding gradient-check examples: ``fn()`` returns a list of argument
        tuples in spec order (float64 numpy arrays for float TENSOR arguments). The test in
        tests/ops/test_gradcheck.py runs a finite-difference check on each.

        >>> p = Primitive(SPECS["neg"])  # a stand-alone copy, not registered
        >>> _ = p.examples(lambda: [(np.ones(3),)])
        >>> p.examples_fn()[0][0].shape
        (3,)
        """
        self.examples_fn = fn
        return fn

    # -- the rule, memoised ------------------------------------------------------------------
    def rule(self, values: Sequence[Any]) -> Any:
        """The spec's shape rule on the rule-visible values (IGNORED arguments dropped), or
        ``None`` when the rule cannot tell.

        >>> REGISTRY["matmul"].rule(((2, 3), (3, 4)))
        (2, 4)
        """
        kw = {a.name: v for a, v in zip(self.spec.args, values) if a.kind is not Kind.IGNORED}
        try:
            return tuple(self.spec.rule(**kw))
        except CannotTell:
            return None

    def first_call(
        self, rule_vals: Sequence[Any], key: Any, forward: Callable[..., Any], *args: Any
    ) -> Any:
        """A call with inputs not seen before (every path's cold path): the rule runs first
        (a mismatch is a ShapeError before numpy runs), then ``forward(*args)``, whose shape
        must be the rule's; it is remembered under ``key`` (``None``: unhashable, not
        remembered). (The forward and its arguments, not a closure over them: a closure in an
        entry point makes its variables cells, which every call then pays for, ~20 ns.)

        >>> REGISTRY["neg"].first_call(((2,),), None, np.zeros, 2).shape
        (2,)
        """
        expected = self.rule(rule_vals)
        if expected is not None:
            _fits(self.name, expected)
        out = forward(*args)
        if type(out) is not _ndarray and not isinstance(out, _ndarray):
            out = _asarray(out)
        if expected is not None and expected != out.shape:
            raise AssertionError(
                f'internal error: the shape rule of "{self.name}" gave {tuple(expected)} '
                f"but the forward produced {out.shape}"
            )
        if key is not None:
            self.remember(key, out.shape)
        return out

    def remember(self, key: Any, shape: Tuple[int, ...]) -> None:
        """Memoise the rule's result for the inputs ``key`` (capped: a program sweeping
        through shapes clears it now and then).

        >>> REGISTRY["neg"].remember(((7,),), (7,))
        """
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        self._cache[key] = shape

    def run(
        self, rule_vals: Sequence[Any], key: Any, forward: Callable[..., Any], *args: Any
    ) -> Any:
        """``forward(*args)`` behind the memoised rule: the rule runs only for a ``key`` (the
        rule's inputs) not seen before; an unhashable key runs it every time.

        >>> REGISTRY["neg"].run(((3,),), (3,), np.zeros, 3).shape
        (3,)
        """
        try:
            known = key in self._cache
        except TypeError:  # an unhashable parameter (a slice before Python 3.12)
            return self.first_call(rule_vals, None, forward, *args)
        if known:
            return forward(*args)
        return self.first_call(rule_vals, key, forward, *args)


# No machine holds an array this large; numpy's own sizes overflow near 2**63 bytes (np.tile
# of such a size crashes the interpreter), so a rule's result beyond it never reaches numpy.
_MAX_ELEMENTS = 2**48


def _fits(op: str, shape: Tuple[Any, ...]) -> None:
    """A result of a size no machine holds is a MemoryError naming the op and the shape.

    >>> _fits("tile", (2, 2**62))
    Traceback (most recent call last):
    ...
    MemoryError: "tile" would make a tensor of shape (2, 4611686018427387904), which does not fit in memory
    """
    n = 1
    for d in shape:
        n *= d if d > 1 else 1  # an empty result may still have an axis numpy cannot hold
    if n > _MAX_ELEMENTS:
        raise MemoryError(f'"{op}" would make a tensor of shape {tuple(shape)}, which does '
                          "not fit in memory")


def declare(name: str) -> Primitive:
    """The primitive ``name`` (made from its spec on first use; an op module binds it).

    >>> declare("add") is REGISTRY["add"]
    True
    """
    prim = REGISTRY.get(name)
    if prim is None:
        if name not in SPECS:
            raise KeyError(f'no shape spec "{name}" in typedflux.shapes.catalog.SPECS')
        spec = SPECS[name]
        if not spec.primitive:
            raise ValueError(f'spec "{name}" is declared a composite (primitive=False)')
        prim = REGISTRY[name] = Primitive(spec)
    return prim


# Composite ops (primitive=False): their function (made of primitives, in an op module) is
# bound by name; until then, their entry says which module to import.
_COMPOSITES: Dict[str, Entry] = {}


def _composite_entry(name: str) -> Callable[..., AnyTensor]:
    found = _COMPOSITES.get(name)
    if found is not None:
        return found[0]
    fn: Callable[..., Any] = _unbound(name)

    def call(*args: Any, **kwargs: Any) -> AnyTensor:
        return fn(*args, **kwargs)  # type: ignore[no-any-return]

    def bind(f: Callable[..., Any], _tensor_type: type) -> None:
        nonlocal fn
        fn = f

    _COMPOSITES[name] = (call, bind)
    return call


def bind_composite(name: str, fn: Callable[..., Any]) -> None:
    """Bind the function of the composite op ``name`` (``@composite(name)`` calls this).

    >>> entry("mean").__name__
    'call'
    """
    spec = SPECS.get(name)
    if spec is None or spec.primitive:
        raise ValueError(f'"{name}" is not a composite op in SPECS')
    _composite_entry(name)
    _COMPOSITES[name][1](fn, type(None))


def entry(name: str) -> Callable[..., AnyTensor]:
    """The run-time entry of op ``name`` (an op with one output): a primitive's entry point
    (its fastest call) or a composite's function. ``Tensor``'s methods are these.

    >>> import typedflux as tf
    >>> entry("add")(tf.ones(2), 1.0)
    Tensor[2] float32
    [2. 2.]
    """
    spec = SPECS.get(name)
    if spec is None:
        raise KeyError(f'no shape spec "{name}" in typedflux.shapes.catalog.SPECS')
    if spec.primitive:
        return declare(name).invoke
    return _composite_entry(name)
