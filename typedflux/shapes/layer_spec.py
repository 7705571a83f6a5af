"""Layer specs: each layer declares once its constructor arguments, its config and its rule.

A :class:`LayerSpec` names a layer class, lists its constructor arguments
(:class:`~typedflux.shapes.layer_args.Param`: name, kind, default, range check; the argument
vocabulary and its validation live in :mod:`typedflux.shapes.layer_args`) and the
cross-argument checks, and points at its config class (a
:class:`~typedflux.shapes.layer_config.LayerConfig`: the Flux-style ``repr()`` and the shape
``rule(x)``). Every consumer is derived from it:

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
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple, Type, TypeVar, Union

from typedflux.shapes.dims import UNKNOWN, Dim
from typedflux.shapes.layer_args import (
    PAIR_KINDS,
    REQUIRED,
    ArgKind,
    Check,
    Param,
    conv_pads,
    normalise,
    validate,
)
from typedflux.shapes.layer_config import UNKNOWN_TEXT, LayerConfig, activation_name, is_int
from typedflux.shapes.windows import Window, parse_window

__all__ = ["LayerSpec", "LAYERS", "layer"]


C = TypeVar("C", bound=LayerConfig)


_FIELDS: Dict[type, Dict[str, "dataclasses.Field[Any]"]] = {}


def _fields(config: type) -> Dict[str, "dataclasses.Field[Any]"]:
    """A config class's dataclass fields by name, in order (read for every layer the plugin
    types: a class's fields never change, so they are listed once per class; callers only
    read the dict).

    >>> list(_fields(LAYERS["Dense"].config))[:2]
    ['in_features', 'out_features']
    """
    found = _FIELDS.get(config)
    if found is None:
        found = _FIELDS[config] = {f.name: f for f in dataclasses.fields(config)}
    return found


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
            values[p.name] = normalise(self.name, p, v)
        validate(self.name, self.params, self.checks, values)
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
            elif p.kind in PAIR_KINDS and is_int(v):
                v = (v, v)
            elif p.kind is ArgKind.CONV_PADDING:
                v = conv_pads(v)
            full[p.name] = v
        validate(self.name, self.params, self.checks, full)
        return self._build(full)

    def _build(self, values: Dict[str, Any]) -> LayerConfig:
        if self.make is not None:
            return self.make(values)
        names = _fields(self.config)
        kwargs = {k: v for k, v in values.items() if k in names}
        kwargs.update(self.fixed)
        return self.config(**kwargs)

    # -- the config in a static type ---------------------------------------------------------
    def window_args(self) -> Tuple[str, ...]:
        """The type arguments that hold a ``Window`` (as its text), not a dim.

        >>> LAYERS["Conv"].window_args()
        ('window',)
        """
        fields = _fields(self.config)
        return tuple(n for n in self.type_args if fields[n].type in ("Window", "Optional[Window]"))

    def flag_args(self) -> Tuple[str, ...]:
        """The type arguments that hold a bool (``Literal[True]``), not a dim.

        >>> LAYERS["LSTM"].flag_args()
        ('return_state',)
        """
        fields = _fields(self.config)
        return tuple(n for n in self.type_args if fields[n].type == "bool")

    def extras(self) -> Tuple[str, ...]:
        """Config fields carried as text beside the type arguments (activation, ``bias``)."""
        return tuple(
            name for name in _fields(self.config)
            if name not in self.type_args and name not in self.fixed
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
        fields = _fields(self.config)
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
