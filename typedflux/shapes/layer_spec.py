"""Layer specs: each layer declares once its constructor arguments, its config and its rule.

A :class:`LayerSpec` names a layer class, lists its constructor arguments (:class:`Param`:
name, kind, default, range check) and the cross-argument checks, and points at its config
class (a :class:`LayerConfig`: the Flux-style ``repr()`` and the shape ``rule(x)``). Every
consumer is derived from it:

- the runtime layer class validates its arguments and builds its config with
  :meth:`LayerSpec.configure` (``typedflux/layers/``);
- the mypy plugin reads the same arguments from a constructor call, runs the same checks with
  :meth:`LayerSpec.configure_static`, keeps the config in the instance type
  (:meth:`LayerSpec.static_form`) and reads it back (:meth:`LayerSpec.from_static`);
- the tests walk :data:`LAYERS` (every spec needs an example, every exported layer a spec).

Pure Python over the dim algebra, so one rule serves both checkers.

>>> def relu(x): return x
>>> spec = LAYERS["Dense"]
>>> cfg, values = spec.configure((784, 32, relu, True))
>>> cfg.repr(), cfg.rule((16, 784))
('Dense(784 => 32, relu)', (16, 32))
>>> spec.configure((-1, 32, relu, True))
Traceback (most recent call last):
...
typedflux.shapes.errors.LayerArgumentError: Invalid argument for "Dense": in_features = -1; need an int >= 1
"""

from __future__ import annotations

import dataclasses
import math
import operator
from dataclasses import dataclass, field
from enum import Enum
from typing import (
    Any,
    Callable,
    Dict,
    List,
    Mapping,
    Optional,
    Sequence,
    Tuple,
    Type,
    TypeVar,
    Union,
)

from typedflux.shapes import messages
from typedflux.shapes.dims import UNKNOWN, Dim, Expr, Star, Unknown
from typedflux.shapes.errors import LayerArgumentError, LayerInputError
from typedflux.shapes.layer_config import (
    ANY,
    B_,
    H_,
    T_,
    UNKNOWN_TEXT,
    W_,
    LayerConfig,
    Shape,
    activation_name,
    as_dim,
    dim_at,
    dims_only,
    feature_repr,
    is_int,
)
from typedflux.shapes.windows import Window, pads_text, pair_text, parse_window

__all__ = [
    "Shape",
    "LayerInputError",
    "LayerArgumentError",
    "LayerConfig",
    "ArgKind",
    "Param",
    "Check",
    "LayerSpec",
    "LAYERS",
    "REQUIRED",
    "layer",
    "activation_name",
    "divisible",
    "remainder",
    "conv_pads",
    "choice",
    "Several",
]

# The configs and their helpers live in layer_config; the errors in errors. Re-exported here.
__all__ += [
    "ANY", "B_", "H_", "W_", "T_", "UNKNOWN_TEXT", "is_int", "dims_only", "dim_at", "as_dim",
    "feature_repr",
]


class Several(tuple):  # type: ignore[type-arg]
    """What a layer call returns when it returns several tensors (a recurrent layer with
    ``return_state``: ``(y, h)``, ``(y, (h, c))``): one shape, or a nested ``Several``, per
    result. ``LayerConfig.call`` may return one; the plugin types it as a tuple.

    >>> Several(((2, 5, 4), Several(((2, 4), (2, 4)))))
    Several((2, 5, 4), Several((2, 4), (2, 4)))
    """

    def __repr__(self) -> str:
        return f"Several{tuple.__repr__(self)}"


# -- constructor arguments --------------------------------------------------------------------


class ArgKind(Enum):
    """What a constructor argument is; decides its validation and how the plugin reads it."""

    SIZE = "size"  # an int >= 1 (features, channels, heads); statically a dim
    WINDOW = "window"  # an int or an (h, w) pair of ints >= 1 (kernel, stride, dilation)
    OPTIONAL_WINDOW = "optional window"  # None or a WINDOW (a pool's stride: None = window)
    PADDING = "padding"  # an int or an (h, w) pair of ints >= 0
    # A conv's padding: a PADDING, a 4-tuple (top, bottom, left, right) of ints >= 0, or
    # "same" (Flux's SamePad(); the layer's spec resolves it from kernel, stride, dilation).
    # Normalised to the 4-tuple (or "same").
    CONV_PADDING = "conv padding"
    ACTIVATION = "activation"  # a callable; the config holds its name
    CHOICE = "choice"  # a str; the Param's check says which (Upsample's mode)
    FLAG = "flag"  # a bool
    REAL = "real"  # a finite real number (the plugin keeps the literal's text)
    MODE = "mode"  # None, True or False (train/test mode); not part of the config
    # None or a ``numpy.random.Generator``: the layer's own source of random numbers
    # (Dropout's masks); not part of the config.
    GENERATOR = "generator"


class _Required:
    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED: Any = _Required()
"""The default of a parameter that has none."""


@dataclass(frozen=True)
class Param:
    """One constructor argument: its name, its kind, its default and an optional range check.

    ``check(value)`` gets the normalised value (an int, a pair, a float) and returns what
    would be valid (``"a value in [0, 1]"``) when the value is not, else None.

    >>> Param("p", ArgKind.REAL, check=lambda v: None if 0 <= v <= 1 else "a value in [0, 1]").kind
    <ArgKind.REAL: 'real'>
    """

    name: str
    kind: ArgKind
    default: Any = REQUIRED
    check: Optional[Callable[[Any], Optional[str]]] = None

    @property
    def required(self) -> bool:
        return self.default is REQUIRED


@dataclass(frozen=True)
class Check:
    """A check over several arguments (``d`` divisible by ``nheads``). ``test`` gets their
    normalised values in order and returns what is needed (with the values) when they do
    not fit, else None; it is skipped while any of them is not a concrete int (static).
    ``size_error``: a violation is a size error (``[shape]`` in mypy), not a plain ValueError.
    ``symbolic``: ``test`` also decides on symbolic dims (returning None when it cannot
    tell), so it runs whenever every value is a dim, not only a concrete int.
    """

    names: Tuple[str, ...]
    test: Callable[..., Optional[str]]
    size_error: bool = True
    symbolic: bool = False


def divisible(a: str, b: str) -> Check:
    """``a`` must be divisible by ``b`` (``MultiHeadAttention``'s ``d`` by ``nheads``).
    Decided on symbolic dims too when the remainder is a known number (``2*C + 1`` is not
    divisible by 2 whatever ``C`` is).

    >>> divisible("d", "nheads").test(64, 6)
    'd divisible by nheads (64 % 6 = 4)'
    >>> from typedflux.shapes.dims import sym
    >>> divisible("channels", "groups").test(2 * sym("C") + 1, 2)
    'channels divisible by groups ((2*C + 1) % 2 = 1)'
    >>> divisible("channels", "groups").test(sym("C"), 2) is None
    True
    """

    def test(x: Dim, y: Dim) -> Optional[str]:
        rest = remainder(x, y)
        if rest is None or rest == 0:
            return None
        return f"{a} divisible by {b} ({_operand(x)} % {_operand(y)} = {rest})"

    return Check((a, b), test, symbolic=True)


def choice(*options: str) -> Callable[[Any], Optional[str]]:
    """The check of an ``ArgKind.CHOICE`` parameter: what is needed unless the value is one
    of ``options``.

    >>> choice("nearest", "bilinear")("cubic")
    'one of "nearest", "bilinear"'
    """

    def check(v: Any) -> Optional[str]:
        if v in options:
            return None
        return "one of " + ", ".join(f'"{o}"' for o in options)

    return check


def remainder(x: Dim, y: Dim) -> Optional[int]:
    """``x % y`` when it is a known number (whatever the symbols in ``x`` are), else None.

    >>> from typedflux.shapes.dims import sym
    >>> remainder(10, 4), remainder(4 * sym("C") + 2, 4), remainder(sym("C"), 4)
    (2, 2, None)
    """
    if isinstance(x, Unknown) or not is_int(y) or y < 1:  # type: ignore[operator]
        return None
    if is_int(x):
        return x % y  # type: ignore[operator]
    if not isinstance(x, Expr):
        return None
    rest = x - y * (x // y)
    return rest if is_int(rest) else None  # type: ignore[return-value]


def _operand(d: Dim) -> str:
    text = str(d)
    return f"({text})" if " " in text else text


_PAIR_KINDS = (ArgKind.WINDOW, ArgKind.OPTIONAL_WINDOW, ArgKind.PADDING)
_SIZE_KINDS = (ArgKind.SIZE, ArgKind.CONV_PADDING) + _PAIR_KINDS
_SAME = "same"
# Kinds with no range to check (their type was checked when read).
_UNCHECKED = (ArgKind.ACTIVATION, ArgKind.MODE, ArgKind.FLAG, ArgKind.GENERATOR)
_GENERATOR_NEED = "a numpy.random.Generator (np.random.default_rng(seed)) or None"


def _is_generator(v: Any) -> bool:
    # numpy.random.Generator or a subclass, by name: typedflux.shapes imports no numpy.
    return any(c.__name__ == "Generator" and c.__module__.startswith("numpy.random")
               for c in type(v).__mro__)
_CONV_PADDING_NEED = 'an int, a pair or a 4-tuple (top, bottom, left, right) of ints, or "same"'


def conv_pads(v: Any) -> Any:
    """A conv padding read statically or given at run time, in its normal form: an int or
    a pair as the 4-tuple ``(top, bottom, left, right)``; a 4-tuple and ``"same"`` as they
    are; anything else unchanged (the caller decides).

    >>> conv_pads(1), conv_pads((1, 2)), conv_pads("same")
    ((1, 1, 1, 1), (1, 1, 2, 2), 'same')
    """
    if is_int(v):
        return (v, v, v, v)
    if isinstance(v, tuple) and len(v) == 2:
        return (v[0], v[0], v[1], v[1])
    return v


def _is_concrete(value: Any) -> bool:
    """A value checks can decide on: not None, not unknown, not symbolic, not ``"?"``."""
    if value is None or isinstance(value, (Unknown, Star, Expr, str)):
        return False
    if isinstance(value, tuple):
        return all(is_int(v) for v in value)
    return True


def _is_dim(value: Any) -> bool:
    """A value a symbolic check can decide on: an int or a symbolic dim (not unknown)."""
    return is_int(value) or isinstance(value, Expr)


def _range_need(kind: ArgKind, v: Any) -> Optional[str]:
    """What a size, window or padding needs when ``v`` is out of range, else None."""
    low = min(v) if isinstance(v, tuple) else v
    if kind is ArgKind.SIZE:
        return "an int >= 1" if low < 1 else None
    if kind in (ArgKind.WINDOW, ArgKind.OPTIONAL_WINDOW):
        return "an int >= 1 or a pair of them" if low < 1 else None
    if kind is ArgKind.PADDING:
        return "an int >= 0 or a pair of them" if low < 0 else None
    if kind is ArgKind.CONV_PADDING:
        return ('an int >= 0, a pair or a 4-tuple of them, or "same"' if low < 0 else None)
    return None


def _value_text(kind: ArgKind, value: Any) -> str:
    if kind is ArgKind.CONV_PADDING and isinstance(value, tuple) and len(value) == 4:
        return pads_text(value)
    if kind in (ArgKind.WINDOW, ArgKind.OPTIONAL_WINDOW, ArgKind.PADDING) and isinstance(
        value, tuple
    ):
        return pair_text(value)
    return repr(value) if not isinstance(value, (int, float)) else str(value)


C = TypeVar("C", bound=LayerConfig)


@dataclass(frozen=True)
class LayerSpec:
    """A layer's declaration: constructor arguments, config and how the plugin carries it.

    - ``name``: the class name (``"Dense"``), as exported from ``typedflux``.
    - ``config``: the :class:`LayerConfig` dataclass; its fields are built from the
      normalised arguments of the same names, plus ``fixed`` (constants such as a pool's
      ``kind``). ``make`` replaces that mapping where fields are not arguments (a conv's
      ``window`` from ``kernel``, ``stride``, ``pad``, ``dilation``).
    - ``params``: the constructor arguments in order (the runtime ``__init__`` signature must
      match them; a test holds it so). ``checks``: constraints across arguments.
    - ``type_args``: the config fields the class's type parameters hold, in order
      (``Dense[In, Out]``): dims, or a ``Window`` as its text. Every other config field except
      ``fixed`` rides along in the instance type as text (activation, ``bias``, ``p``).
    - ``multi_input``: the layer may be called with several tensors (attention's q, k, v).
    """

    name: str
    config: Type[LayerConfig]
    params: Tuple[Param, ...]
    type_args: Tuple[str, ...] = ()
    checks: Tuple[Check, ...] = ()
    fixed: Mapping[str, Any] = field(default_factory=dict)
    make: Optional[Callable[[Dict[str, Any]], LayerConfig]] = None
    multi_input: bool = False

    # -- building ----------------------------------------------------------------------------
    def configure(self, args: Sequence[Any]) -> Tuple[LayerConfig, Dict[str, Any]]:
        """Run time: validate the constructor arguments (in ``params`` order) and build the
        config. Returns ``(config, values)``: ``values`` are the arguments normalised (pairs
        as tuples, the activation as given), for the layer to build its parameters from.

        Raises ``TypeError`` for a wrong type, :class:`LayerArgumentError` for a size no
        input could make valid, ``ValueError`` for another value out of range; each names
        the class and the argument.
        """
        if len(args) != len(self.params):
            raise TypeError(f"{self.name} takes {len(self.params)} arguments, got {len(args)}")
        values: Dict[str, Any] = {}
        for p, v in zip(self.params, args):
            values[p.name] = self._normalise(p, v)
        self._validate(values)
        fields = dict(values)
        for p in self.params:
            if p.kind is ArgKind.ACTIVATION:
                fields[p.name] = activation_name(values[p.name])
        return self._build(fields), values

    def configure_static(self, values: Mapping[str, Any]) -> LayerConfig:
        """The plugin: the same checks and config from the arguments it could read.

        ``values`` hold, per argument: a dim (``SIZE``), a pair of ints or ``UNKNOWN``
        (windows, padding), an activation's name (``"?"`` when unknown), a bool, a number's
        literal text or ``"?"`` (``REAL``). Missing arguments take their defaults. Checks
        run only on concrete values, so nothing undecidable is reported.
        """
        full: Dict[str, Any] = {}
        for p in self.params:
            v = values.get(p.name, p.default)
            if v is REQUIRED:
                v = UNKNOWN
            if p.kind is ArgKind.ACTIVATION and not isinstance(v, str):
                v = activation_name(v)
            elif p.kind in _PAIR_KINDS and is_int(v):
                v = (v, v)
            elif p.kind is ArgKind.CONV_PADDING:
                v = conv_pads(v)
            full[p.name] = v
        self._validate(full, static=True)
        return self._build(full)

    def _build(self, values: Dict[str, Any]) -> LayerConfig:
        if self.make is not None:
            return self.make(values)
        names = {f.name for f in dataclasses.fields(self.config)}  # type: ignore[arg-type]
        kwargs = {k: v for k, v in values.items() if k in names}
        kwargs.update(self.fixed)
        return self.config(**kwargs)

    # -- validation --------------------------------------------------------------------------
    def _normalise(self, p: Param, v: Any) -> Any:
        kind = p.kind
        if kind is ArgKind.SIZE:
            return self._int(p, v)
        if kind is ArgKind.OPTIONAL_WINDOW and v is None:
            return None
        if kind in (ArgKind.WINDOW, ArgKind.OPTIONAL_WINDOW, ArgKind.PADDING):
            if isinstance(v, (list, tuple)):
                if len(v) != 2:
                    raise TypeError(messages.wrong_layer_argument_type(
                        self.name, p.name, v, "an int or a pair of ints"))
                return (self._int(p, v[0], pair=True), self._int(p, v[1], pair=True))
            i = self._int(p, v, pair=True)
            return (i, i)
        if kind is ArgKind.CONV_PADDING:
            return self._conv_padding(p, v)
        if kind is ArgKind.CHOICE:
            if not isinstance(v, str):
                raise TypeError(messages.wrong_layer_argument_type(
                    self.name, p.name, v, (p.check(None) if p.check else None) or "a str"))
            return v
        if kind is ArgKind.ACTIVATION:
            if not callable(v):
                raise TypeError(messages.wrong_layer_argument_type(
                    self.name, p.name, v, "a callable such as tf.relu"))
            return v
        if kind is ArgKind.FLAG:
            if type(v).__name__ not in ("bool", "bool_"):
                raise TypeError(messages.wrong_layer_argument_type(
                    self.name, p.name, v, "True or False"))
            return bool(v)
        if kind is ArgKind.MODE:
            if v is not None and type(v).__name__ not in ("bool", "bool_"):
                raise TypeError(messages.wrong_layer_argument_type(
                    self.name, p.name, v, "None, True or False"))
            return None if v is None else bool(v)
        if kind is ArgKind.GENERATOR:
            if v is not None and not _is_generator(v):
                raise TypeError(messages.wrong_layer_argument_type(
                    self.name, p.name, v, _GENERATOR_NEED))
            return v
        # REAL
        if isinstance(v, bool) or not isinstance(v, (int, float)) and not _is_real(v):
            raise TypeError(messages.wrong_layer_argument_type(
                self.name, p.name, v, "a real number"))
        f = float(v)
        if not math.isfinite(f):
            raise ValueError(messages.invalid_layer_argument(
                self.name, [(p.name, repr(v))], "a finite number"))
        return v if isinstance(v, (int, float)) else f

    def _conv_padding(self, p: Param, v: Any) -> Any:
        if isinstance(v, str) and v == _SAME:
            return _SAME
        if isinstance(v, (list, tuple)) and len(v) in (2, 4):
            items = tuple(self._int(p, a, need=_CONV_PADDING_NEED) for a in v)
            return conv_pads(items)
        if isinstance(v, (str, list, tuple)):
            raise TypeError(messages.wrong_layer_argument_type(
                self.name, p.name, v, _CONV_PADDING_NEED))
        return conv_pads(self._int(p, v, need=_CONV_PADDING_NEED))

    def _int(self, p: Param, v: Any, pair: bool = False, need: str = "") -> int:
        need = need or ("an int or a pair of ints" if pair else "an int")
        if isinstance(v, bool) or isinstance(v, float):
            raise TypeError(messages.wrong_layer_argument_type(self.name, p.name, v, need))
        try:
            return operator.index(v)
        except TypeError:
            raise TypeError(
                messages.wrong_layer_argument_type(self.name, p.name, v, need)
            ) from None

    def _validate(self, values: Mapping[str, Any], static: bool = False) -> None:
        kinds = {p.name: p.kind for p in self.params}
        for p in self.params:
            v = values[p.name]
            if p.kind is ArgKind.CHOICE:
                need = p.check(v) if p.check is not None and v != UNKNOWN_TEXT else None
                if need is not None:
                    raise ValueError(messages.invalid_layer_argument(
                        self.name, [(p.name, repr(v))], need))
                continue
            if p.kind in _UNCHECKED or not _is_concrete(v):
                continue
            need = _range_need(p.kind, v)
            if need is None and p.check is not None:
                need = p.check(v)
            if need is not None:
                text = messages.invalid_layer_argument(
                    self.name, [(p.name, _value_text(p.kind, v))], need)
                if p.kind in _SIZE_KINDS:
                    raise LayerArgumentError(text, p.name)
                raise ValueError(text)
        for c in self.checks:
            vs = [values[n] for n in c.names]
            ready = _is_dim if c.symbolic else _is_concrete
            if not all(ready(v) for v in vs):
                continue
            need = c.test(*vs)
            if need is not None:
                shown = [(n, _value_text(kinds[n], v)) for n, v in zip(c.names, vs)]
                text = messages.invalid_layer_argument(self.name, shown, need)
                if c.size_error:
                    raise LayerArgumentError(text, c.names[-1])
                raise ValueError(text)

    # -- the config in a static type ---------------------------------------------------------
    def window_args(self) -> Tuple[str, ...]:
        """The type arguments that hold a ``Window`` (as its text), not a dim.

        >>> LAYERS["Conv"].window_args()
        ('window',)
        """
        types = {f.name: f.type for f in dataclasses.fields(self.config)}  # type: ignore[arg-type]
        return tuple(n for n in self.type_args if types[n] in ("Window", "Optional[Window]"))

    def flag_args(self) -> Tuple[str, ...]:
        """The type arguments that hold a bool (``Literal[True]``), not a dim.

        >>> LAYERS["LSTM"].flag_args()
        ('return_state',)
        """
        types = {f.name: f.type for f in dataclasses.fields(self.config)}  # type: ignore[arg-type]
        return tuple(n for n in self.type_args if types[n] == "bool")

    def extras(self) -> Tuple[str, ...]:
        """Config fields carried as text beside the type arguments (activation, ``bias``)."""
        return tuple(
            f.name for f in dataclasses.fields(self.config)  # type: ignore[arg-type]
            if f.name not in self.type_args and f.name not in self.fixed
        )

    def static_form(self, cfg: LayerConfig) -> Tuple[List[Union[Dim, str, None]], List[str]]:
        """``(type arguments, extras)`` holding ``cfg`` in a type: dims as they are, a window
        as its text (None when a part is unknown); extras as text.

        >>> LAYERS["Dense"].static_form(LAYERS["Dense"].configure_static(
        ...     {"in_features": 4, "out_features": 3, "activation": "relu", "bias": False}))
        ([4, 3], ['relu', 'False'])
        """
        args: List[Union[Dim, str, None]] = []
        for name in self.type_args:
            v = getattr(cfg, name)
            if isinstance(v, Window):
                known = all(is_int(x) for p in (v.kernel, v.stride, v.pads, v.dilation)
                            for x in p)
                args.append(v.text() if known else None)
            else:
                args.append(v)
        return args, [str(getattr(cfg, name)) for name in self.extras()]

    def from_static(
        self, args: Sequence[Union[Dim, str, None]], extras: Optional[Sequence[str]]
    ) -> Optional[LayerConfig]:
        """The config held in a type (see :meth:`static_form`); None when it cannot be
        rebuilt. A type written by hand (``Dense[784, 32]``) has no extras: a text option
        reads ``"?"`` (shown as such in messages), others take their field defaults.

        >>> LAYERS["Dense"].from_static([784, 32], None).repr()
        'Dense(784 => 32, ?)'
        """
        if len(args) != len(self.type_args):
            return None
        kwargs: Dict[str, Any] = dict(self.fixed)
        fields = {f.name: f for f in dataclasses.fields(self.config)}  # type: ignore[arg-type]
        windows = self.window_args()
        for name, v in zip(self.type_args, args):
            if name in windows:
                window = None
                if isinstance(v, str):
                    try:
                        window = parse_window(v)
                    except ValueError:
                        window = None
                kwargs[name] = window or Window.unknown()
            elif isinstance(v, bool):
                kwargs[name] = v
            else:
                kwargs[name] = UNKNOWN if v is None or isinstance(v, str) else v
        names = self.extras()
        if extras is not None and len(extras) != len(names):
            extras = None
        for i, name in enumerate(names):
            f = fields[name]
            if extras is not None:
                parsed = _parse_extra(str(f.type), extras[i])
                if parsed is _UNREADABLE:
                    return None
                kwargs[name] = parsed
            elif f.type in ("str", "Union[float, str]"):
                kwargs[name] = UNKNOWN_TEXT
            elif f.default is not dataclasses.MISSING:
                kwargs[name] = f.default
            else:
                return None
        try:
            return self.config(**kwargs)
        except (ValueError, TypeError):
            return None


def _is_real(v: Any) -> bool:
    # numpy floats and ints without importing numpy: anything float() takes that is a number.
    return type(v).__name__.startswith(("float", "int")) and hasattr(v, "__float__")


_UNREADABLE = object()  # an extra whose text cannot be read back


def _parse_extra(annotation: str, text: str) -> Any:
    """An extra field read back from its text by its annotation; ``_UNREADABLE`` when it
    cannot be (an int the plugin could not read: the config is then unknown)."""
    if annotation == "bool":
        return text == "True"
    if annotation == "int":
        try:
            return int(text)
        except ValueError:
            return _UNREADABLE
    if annotation == "Dim":  # a size kept as text: a number, or unknown
        return int(text) if text.isdigit() else UNKNOWN
    if annotation in ("IntPair", "Optional[IntPair]"):  # "(1, 2)"; unknown parts stay so
        if text == "None" and annotation != "IntPair":
            return None
        parts = text.strip("()").split(", ")
        if len(parts) != 2:
            return _UNREADABLE
        return tuple(int(q) if q.isdigit() else UNKNOWN for q in parts)
    return text


LAYERS: Dict[str, LayerSpec] = {}
"""Every layer spec by class name (filled by the ``layers_*`` modules of this package)."""


def layer(
    name: str,
    *params: Param,
    type_args: Tuple[str, ...] = (),
    checks: Tuple[Check, ...] = (),
    fixed: Optional[Mapping[str, Any]] = None,
    make: Optional[Callable[[Dict[str, Any]], LayerConfig]] = None,
    multi_input: bool = False,
) -> Callable[[Type[C]], Type[C]]:
    """Class decorator registering a config class as the spec of layer ``name``.

    >>> @layer("Demo", Param("size", ArgKind.SIZE), type_args=("size",))
    ... @dataclass(frozen=True)
    ... class DemoConfig(LayerConfig):
    ...     size: Dim
    ...     def repr(self): return f"Demo({self.size})"
    ...     def rule(self, x): return x
    >>> LAYERS.pop("Demo").configure((3,))[0].repr()
    'Demo(3)'
    """

    def register(cls: Type[C]) -> Type[C]:
        old = LAYERS.get(name)
        if old is not None and old.config.__qualname__ != cls.__qualname__:
            raise ValueError(f"layer {name!r} is registered twice")
        LAYERS[name] = LayerSpec(
            name, cls, tuple(params), type_args, checks, dict(fixed or {}), make, multi_input
        )
        return cls

    return register
