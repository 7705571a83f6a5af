"""Layer constructor arguments: what kinds there are (:class:`ArgKind`), one argument
(:class:`Param`), checks across arguments (:class:`Check`, :func:`divisible`), and how a value
is normalised (:func:`normalise`) and validated (:func:`validate`) with errors naming the layer
and the argument. :class:`typedflux.shapes.layer_spec.LayerSpec` runs them for the run-time
constructor and, on the values it read, for the mypy plugin.

>>> normalise("Conv", Param("kernel", ArgKind.WINDOW), 3)
(3, 3)
>>> normalise("Dense", Param("bias", ArgKind.FLAG), "yes")
Traceback (most recent call last):
...
TypeError: Wrong argument type for "Dense": bias = 'yes' (a str); need True or False
"""

from __future__ import annotations

import math
import operator
from dataclasses import dataclass
from enum import Enum
from typing import Any, Callable, Mapping, Optional, Sequence, Tuple

from typedflux.shapes import messages
from typedflux.shapes.dims import Dim, Expr, Star, Unknown
from typedflux.shapes.errors import LayerArgumentError
from typedflux.shapes.layer_config import UNKNOWN_TEXT, is_int
from typedflux.shapes.windows import pads_text, pair_text

__all__ = [
    "ArgKind",
    "Param",
    "Check",
    "REQUIRED",
    "PAIR_KINDS",
    "divisible",
    "choice",
    "remainder",
    "conv_pads",
    "normalise",
    "validate",
]


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


# Kinds given as an int or an (h, w) pair (normalised to the pair; the spec reads them too).
PAIR_KINDS = (ArgKind.WINDOW, ArgKind.OPTIONAL_WINDOW, ArgKind.PADDING)
_SIZE_KINDS = (ArgKind.SIZE, ArgKind.CONV_PADDING) + PAIR_KINDS
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


def normalise(layer: str, p: Param, v: Any) -> Any:
    """A constructor argument of ``layer`` checked for its kind and normalised (a pair as a
    tuple, a conv padding as its 4-tuple); ``TypeError``/``ValueError`` naming it.

    >>> normalise("Conv", Param("pad", ArgKind.CONV_PADDING), (1, 2))
    (1, 1, 2, 2)
    """
    kind = p.kind
    if kind is ArgKind.SIZE:
        return _int(layer, p, v)
    if kind is ArgKind.OPTIONAL_WINDOW and v is None:
        return None
    if kind in (ArgKind.WINDOW, ArgKind.OPTIONAL_WINDOW, ArgKind.PADDING):
        if isinstance(v, (list, tuple)):
            if len(v) != 2:
                raise TypeError(messages.wrong_layer_argument_type(
                    layer, p.name, v, "an int or a pair of ints"))
            return (_int(layer, p, v[0], pair=True), _int(layer, p, v[1], pair=True))
        i = _int(layer, p, v, pair=True)
        return (i, i)
    if kind is ArgKind.CONV_PADDING:
        return _conv_padding(layer, p, v)
    if kind is ArgKind.CHOICE:
        if not isinstance(v, str):
            raise TypeError(messages.wrong_layer_argument_type(
                layer, p.name, v, (p.check(None) if p.check else None) or "a str"))
        return v
    if kind is ArgKind.ACTIVATION:
        if not callable(v):
            raise TypeError(messages.wrong_layer_argument_type(
                layer, p.name, v, "a callable such as tf.relu"))
        return v
    if kind is ArgKind.FLAG:
        if type(v).__name__ not in ("bool", "bool_"):
            raise TypeError(messages.wrong_layer_argument_type(
                layer, p.name, v, "True or False"))
        return bool(v)
    if kind is ArgKind.MODE:
        if v is not None and type(v).__name__ not in ("bool", "bool_"):
            raise TypeError(messages.wrong_layer_argument_type(
                layer, p.name, v, "None, True or False"))
        return None if v is None else bool(v)
    if kind is ArgKind.GENERATOR:
        if v is not None and not _is_generator(v):
            raise TypeError(messages.wrong_layer_argument_type(
                layer, p.name, v, _GENERATOR_NEED))
        return v
    # REAL
    if isinstance(v, bool) or not isinstance(v, (int, float)) and not _is_real(v):
        raise TypeError(messages.wrong_layer_argument_type(
            layer, p.name, v, "a real number"))
    f = float(v)
    if not math.isfinite(f):
        raise ValueError(messages.invalid_layer_argument(
            layer, [(p.name, repr(v))], "a finite number"))
    return v if isinstance(v, (int, float)) else f

def _conv_padding(layer: str, p: Param, v: Any) -> Any:
    if isinstance(v, str) and v == _SAME:
        return _SAME
    if isinstance(v, (list, tuple)) and len(v) in (2, 4):
        items = tuple(_int(layer, p, a, need=_CONV_PADDING_NEED) for a in v)
        return conv_pads(items)
    if isinstance(v, (str, list, tuple)):
        raise TypeError(messages.wrong_layer_argument_type(
            layer, p.name, v, _CONV_PADDING_NEED))
    return conv_pads(_int(layer, p, v, need=_CONV_PADDING_NEED))

def _int(layer: str, p: Param, v: Any, pair: bool = False, need: str = "") -> int:
    need = need or ("an int or a pair of ints" if pair else "an int")
    if isinstance(v, bool) or isinstance(v, float):
        raise TypeError(messages.wrong_layer_argument_type(layer, p.name, v, need))
    try:
        return operator.index(v)
    except TypeError:
        raise TypeError(
            messages.wrong_layer_argument_type(layer, p.name, v, need)
        ) from None

def validate(layer: str, params: Sequence[Param], checks: Sequence[Check],
             values: Mapping[str, Any]) -> None:
    """Range checks of each argument, then the checks across arguments, on the normalised
    ``values`` (those not concrete are skipped): a :class:`LayerArgumentError` for a size no
    input could make valid, else a ``ValueError``.

    >>> validate("Dense", [Param("out_features", ArgKind.SIZE)], [], {"out_features": 0})
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.LayerArgumentError: Invalid argument for "Dense": out_features = 0; need an int >= 1
    """
    kinds = {p.name: p.kind for p in params}
    for p in params:
        v = values[p.name]
        if p.kind is ArgKind.CHOICE:
            need = p.check(v) if p.check is not None and v != UNKNOWN_TEXT else None
            if need is not None:
                raise ValueError(messages.invalid_layer_argument(
                    layer, [(p.name, repr(v))], need))
            continue
        if p.kind in _UNCHECKED or not _is_concrete(v):
            continue
        need = _range_need(p.kind, v)
        if need is None and p.check is not None:
            need = p.check(v)
        if need is not None:
            text = messages.invalid_layer_argument(
                layer, [(p.name, _value_text(p.kind, v))], need)
            if p.kind in _SIZE_KINDS:
                raise LayerArgumentError(text, p.name)
            raise ValueError(text)
    for c in checks:
        vs = [values[n] for n in c.names]
        ready = _is_dim if c.symbolic else _is_concrete
        if not all(ready(v) for v in vs):
            continue
        need = c.test(*vs)
        if need is not None:
            shown = [(n, _value_text(kinds[n], v)) for n, v in zip(c.names, vs)]
            text = messages.invalid_layer_argument(layer, shown, need)
            if c.size_error:
                raise LayerArgumentError(text, c.names[-1])
            raise ValueError(text)


def _is_real(v: Any) -> bool:
    # numpy floats and ints without importing numpy: anything float() takes that is a number.
    return type(v).__name__.startswith(("float", "int")) and hasattr(v, "__float__")
