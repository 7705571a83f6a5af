"""The static half of the op registry: each op's public names, its parameters and shape rule.

Pure Python (no numpy, no mypy), so the plugin builds its hook table from ``SPECS`` and the
runtime binds forward and VJP functions to the same entries (``typedflux.ops.registry``).
A test checks that every primitive here has a runtime binding and vice versa, and that the
parameter names below match the real Python signatures of the public functions and methods.

>>> SPECS["matmul"].functions
('matmul',)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Callable, Dict, Tuple

from typedflux.shapes.errors import CannotTell

__all__ = ["Kind", "Arg", "OpSpec", "SPECS", "spec"]


class Kind(Enum):
    """How the plugin reads an argument, and how the runtime passes it to the rule."""

    TENSOR = "tensor"  # a Tensor or a Python scalar (shape ()); the rule gets its shape
    # A Tensor or array-like data (nested lists of numbers, as numpy reads them); the rule
    # gets its shape: a literal's own, one unknown dim per level of a ``list[int]``.
    ARRAY = "array"
    TENSORS = "tensors"  # a list/tuple of tensors, or *args of tensors; rule gets tuple of shapes
    DIMS = "dims"  # *args of dims, or one tuple of dims; rule gets a tuple of dims
    DIM = "dim"  # one dim (int, symbolic); rule gets a dim
    AXIS = "axis"  # None, an int, or a tuple of ints; rule gets it as is
    AXES = "axes"  # *args of ints, or one tuple of ints; rule gets a tuple of ints
    INT = "int"  # a static int; rule gets it
    BOOL = "bool"  # a static bool; rule gets it
    INDEX = "index"  # a __getitem__ key: int, slice, None, Ellipsis or a tuple of them
    # A static Python value: a str, int, bool or None, or a (nested) tuple of them (a list is
    # passed as a tuple); the rule gets it as is. einsum subscripts, rearrange patterns.
    STATIC = "static"
    # ``**sizes``: keyword dims (``h=8``); the rule gets a tuple of (name, dim) pairs in call
    # order (hashable, so rule results can be memoised like any other argument).
    SIZES = "sizes"
    IGNORED = "ignored"  # not shape-relevant (a float, a dtype); the rule does not get it


@dataclass(frozen=True)
class Arg:
    """One parameter of an op: its Python name, how it is read, and its default.

    ``required`` is true when the parameter has no default.
    """

    name: str
    kind: Kind
    default: Any = None
    required: bool = False

    def omitted(self) -> Any:
        """The value the rule reads when a call leaves this argument out (a tuple for dims
        and axes); ``CannotTell`` when it has to be given (a tensor, a required argument).

        >>> Arg("axes", Kind.AXES, [0]).omitted()
        (0,)
        """
        if self.kind in (Kind.TENSOR, Kind.TENSORS) or self.required:
            raise CannotTell(f"no value for {self.name}")
        if self.kind in (Kind.DIMS, Kind.AXES):
            return tuple(self.default) if self.default is not None else ()
        return self.default


def a(name: str, kind: Kind, default: Any = None, *, required: bool = False) -> Arg:
    """Shorthand used by rule modules to declare an op's parameters."""
    return Arg(name, kind, default, required)


@dataclass(frozen=True)
class OpSpec:
    """An op's static description.

    - ``name``: registry key (``"matmul"``).
    - ``rule``: ``rule(**{arg.name: value})`` returns the output shape, or raises
      ``ShapeError`` on a proven mismatch (``CannotTell`` when nothing can be computed).
      With ``several`` it returns a tuple of shapes, one per output.
    - ``args``: parameters in the order of the public function ``typedflux.<function>``.
    - ``functions``: names in the ``typedflux`` namespace taking ``args`` in order.
    - ``methods``: ``Tensor`` methods; ``self`` is ``args[0]``, the rest follow in order.
    - ``reflected``: ``Tensor`` dunders where ``self`` is ``args[1]`` and the other operand
      ``args[0]`` (``__radd__``).
    - ``properties``: ``Tensor`` properties computed by the rule from ``self`` alone (``T``).
    - ``primitive``: has its own forward and VJP in the runtime registry; otherwise the
      runtime composes it from primitives and only its rule is here (for the plugin).
    - ``differentiable``: ``False`` for comparisons and other ops with no gradient.
    - ``elementwise``: the op maps elements. A unary op's output has its input's shape; a
      binary op broadcasts, so equal shapes or a ``()`` second operand give the first shape
      unchanged (the rule's own first case). The runtime takes these cases without calling
      the rule, and a test holds every such rule to them.
    - ``several``: the op returns a tuple of tensors (``split``, ``chunk``): the rule gives
      one shape per output and the plugin types the result as a tuple of ``Tensor`` types.
    """

    name: str
    rule: Callable[..., Any]
    args: Tuple[Arg, ...]
    functions: Tuple[str, ...] = ()
    methods: Tuple[str, ...] = ()
    reflected: Tuple[str, ...] = ()
    properties: Tuple[str, ...] = ()
    primitive: bool = True
    differentiable: bool = True
    elementwise: bool = False
    doc: str = field(default="", compare=False)
    several: bool = False


SPECS: Dict[str, OpSpec] = {}


def _same_definition(old: Callable[..., Any], new: Callable[..., Any]) -> bool:
    # The same rule from the same file is a re-import of its module (pytest's doctest
    # collection imports a module a second time under another name when the package has no
    # __init__ yet): it replaces the entry instead of clashing.
    def where(f: Callable[..., Any]) -> Tuple[str, str]:
        code = getattr(f, "__code__", None)
        return (getattr(code, "co_filename", ""), getattr(f, "__qualname__", ""))

    return where(old) == where(new) and where(old)[0] != ""


def spec(
    name: str,
    *args: Arg,
    functions: Tuple[str, ...] = (),
    methods: Tuple[str, ...] = (),
    reflected: Tuple[str, ...] = (),
    properties: Tuple[str, ...] = (),
    primitive: bool = True,
    differentiable: bool = True,
    elementwise: bool = False,
    several: bool = False,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorator registering a shape rule as op ``name``.

    >>> from typedflux.shapes.catalog import spec, a, Kind
    >>> @spec("demo_identity", a("x", Kind.TENSOR), primitive=False)
    ... def demo_identity_shape(x):
    ...     return x
    >>> SPECS.pop("demo_identity").rule(x=(2, 3))
    (2, 3)
    """

    def register(rule: Callable[..., Any]) -> Callable[..., Any]:
        if name in SPECS and not _same_definition(SPECS[name].rule, rule):
            raise ValueError(f"op {name!r} is registered twice")
        SPECS[name] = OpSpec(
            name,
            rule,
            tuple(args),
            functions,
            methods,
            reflected,
            properties,
            primitive,
            differentiable,
            elementwise,
            (rule.__doc__ or "").strip(),
            several,
        )
        return rule

    return register
