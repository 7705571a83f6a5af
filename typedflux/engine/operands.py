"""Reading an op's arguments: tensor operands as (array, shape), Python numbers as cached 0-d
arrays, and parameters (axes, dims, indices) in the canonical form the shape rules and the
memo keys use.

The engine's invoke paths (:mod:`typedflux.engine.invoke`, :mod:`typedflux.engine.lanes`)
call these; they know the ``Tensor`` class only as the argument ``T`` they pass in (the
engine is below ``typedflux.tensor``, see docs/internals.md).

>>> import numpy as np
>>> operand(2.5, "add", "y", NotLoaded)
(2.5, ())
>>> norm_axis([0, np.int64(1)]), dims_arg(((2, 3),)), dims_arg((2, 3))
((0, 1), (2, 3), (2, 3))
"""

from __future__ import annotations

import operator
from typing import Any, Dict, List, Sequence, Tuple

import numpy as np
import numpy.typing as npt

from typedflux.dtypes import cannot_hold, plain
from typedflux.shapes.catalog import Kind

__all__ = [
    "int_fits",
    "NotLoaded",
    "not_loaded",
    "operand",
    "operand_list",
    "real_param",
    "int_param",
    "number_array",
    "scalar_like",
    "creeps",
    "has_array",
    "index_data",
    "index_key",
    "norm_axis",
    "norm_param",
    "NORMALISED",
    "dims_arg",
]

Array = npt.NDArray[Any]

F32 = np.dtype(np.float32)
F64 = np.dtype(np.float64)
NUMBER = (float, int)
_ndarray = np.ndarray
_asarray = np.asarray


class NotLoaded:
    """Stands for the ``Tensor`` class in an entry point whose op module has not bound it yet
    (nothing is ever an instance of it)."""


def not_loaded(op: str) -> RuntimeError:
    """The error of an entry point used before its op module bound a forward to it.

    >>> not_loaded("add")
    RuntimeError('op "add" has no forward yet: its module in typedflux.ops was not imported (import typedflux.ops, or use the ops through the typedflux package)')
    """
    return RuntimeError(
        f'op "{op}" has no forward yet: its module in typedflux.ops was not imported '
        "(import typedflux.ops, or use the ops through the typedflux package)"
    )


# ndarray subclasses whose semantics differ from an array's: np.matrix's * is a product and
# its reductions take no keepdims; a masked array's mask would be dropped. (Other subclasses,
# tf.compile's recorded arrays among them, are read as they are.)
_ODD = (np.matrix, np.ma.MaskedArray)


def operand(v: object, op: str, arg: str, T: type) -> Tuple[Any, Tuple[int, ...]]:
    """``(data, shape)`` of a TENSOR argument: a ``T`` (Tensor), a Python number (shape
    ``()``), or a numpy array / scalar. Anything else is a ``TypeError`` naming the op and the
    argument.

    >>> import typedflux as tf
    >>> operand(tf.ones(2), "add", "x", tf.Tensor)
    (array([1., 1.], dtype=float32), (2,))
    >>> operand("a", "add", "y", tf.Tensor)
    Traceback (most recent call last):
    ...
    TypeError: "add" needs a Tensor or a number for y, got str
    """
    if type(v) is T:
        d = v.data  # type: ignore[attr-defined]
        return d, d.shape
    if isinstance(v, (bool, int, float)):
        return v, ()
    if isinstance(v, T):
        d = v.data  # type: ignore[attr-defined]
        return d, d.shape
    if isinstance(v, (_ndarray, np.generic)):
        a = v if isinstance(v, _ndarray) else _asarray(v)
        if not a.dtype.isnative or (type(a) is not _ndarray and isinstance(a, _ODD)):
            a = plain(a, f'"{op}"', arg)  # a big-endian array, a matrix, a masked array
        if a.dtype.kind not in "biuf":
            # Strings, objects, complex, dates: numpy would fail deep inside the op.
            raise TypeError(f'"{op}" needs numbers or bools for {arg}, got a numpy array of '
                            f"{a.dtype}")
        if a.dtype.itemsize > 8:  # long double: its results would hold a dtype typedflux lacks
            raise TypeError(f'"{op}" needs a dtype typedflux supports for {arg} (float64 at '
                            f"most), got a numpy array of {a.dtype}")
        return a, a.shape
    if T is NotLoaded:
        raise not_loaded(op)
    raise TypeError(f'"{op}" needs a Tensor or a number for {arg}, got {type(v).__name__}')


def int_fits(v: Any, other: Any, op: str, arg: str) -> None:
    """Refuse a Python int ``v`` that the integer or bool array ``other`` cannot take as an
    operand: numpy raises a bare ``OverflowError`` ("Python int too large to convert to C
    long") for it. Other operands pass (a float array takes any int).

    >>> import numpy as np
    >>> int_fits(2**70, np.ones(2), "add", "y")
    >>> int_fits(2**70, np.ones(2, dtype=np.int64), "add", "y")
    Traceback (most recent call last):
    ...
    ValueError: "add": y = 1180591620717411303424, which int64 cannot hold (its range is -9223372036854775808..9223372036854775807); use a float tensor or a smaller number
    """
    if type(v) is not int or not isinstance(other, _ndarray) or other.dtype.kind not in "iub":
        return
    # A bool array takes a Python int as numpy's default integer.
    target = other.dtype if other.dtype.kind != "b" else np.dtype(np.int64)
    info = np.iinfo(target)
    if not int(info.min) <= v <= int(info.max):
        raise cannot_hold(f'"{op}": {arg} = {v}', target,
                          "use a float tensor or a smaller number")


def operand_list(v: object, op: str, arg: str, T: type) -> Tuple[List[Any], Tuple[Tuple[int, ...], ...]]:
    """``(datas, shapes)`` of a TENSORS argument: a list or tuple whose items are each read
    by :func:`operand` (an item's errors name it ``arg[i]``). Anything else, a single tensor
    included, is a ``TypeError`` naming the op and the argument.

    >>> operand_list((1.0, 2), "cat", "xs", NotLoaded)
    ([1.0, 2], ((), ()))
    >>> operand_list(None, "cat", "xs", NotLoaded)
    Traceback (most recent call last):
    ...
    TypeError: "cat" needs a list or tuple of tensors for xs, got NoneType
    """
    if isinstance(v, (T, _ndarray)) or not isinstance(v, (list, tuple)):
        raise TypeError(f'"{op}" needs a list or tuple of tensors for {arg}, got {type(v).__name__}')
    datas: List[Any] = []
    shapes: List[Tuple[int, ...]] = []
    for j, item in enumerate(v):
        d, s = operand(item, op, f"{arg}[{j}]", T)
        datas.append(d)
        shapes.append(s)
    return datas, tuple(shapes)


def real_param(v: Any, op: str, arg: str) -> Any:
    """A real-number parameter no shape depends on (a slope, a fill value), as given: a Python
    or numpy int or float; a bool, a tensor or anything else is a ``TypeError`` naming the op
    and the argument (numpy would fail deep inside the op, or broadcast a tensor silently).

    >>> real_param(0.2, "leakyrelu", "a"), real_param(np.float32(2), "elu", "alpha")
    (0.2, np.float32(2.0))
    >>> real_param("abc", "leakyrelu", "a")
    Traceback (most recent call last):
    ...
    TypeError: "leakyrelu" needs a number for a, got str
    """
    if isinstance(v, bool) or not isinstance(v, (int, float, np.integer, np.floating)):
        raise TypeError(f'"{op}" needs a number for {arg}, got {type(v).__name__}')
    return v


def int_param(v: Any, op: str, arg: str) -> int:
    """An int parameter an op checks itself (a count, a diagonal, one axis) as an ``int``: a
    Python or numpy int (anything with ``__index__``), not a bool; else a ``TypeError``
    naming the op and the argument.

    >>> int_param(np.int64(2), "chunk", "chunks")
    2
    >>> int_param(1.5, "tril", "k")
    Traceback (most recent call last):
    ...
    TypeError: "tril" needs an int for k, got float
    """
    if not isinstance(v, bool):
        try:
            return operator.index(v)
        except TypeError:  # no __index__, or a numpy array that is not one int
            pass
    raise TypeError(f'"{op}" needs an int for {arg}, got {type(v).__name__}')


def number_array(v: Any) -> Array:
    """A Python number as a 0-d array the way ``tf.tensor`` makes one: floats become float32,
    integers int64, bools stay bool.

    >>> number_array(1.5).dtype, number_array(2).dtype, number_array(True).dtype
    (dtype('float32'), dtype('int64'), dtype('bool'))
    """
    a = np.array(v)
    if a.dtype.kind == "f":
        return a.astype(np.float32)
    if a.dtype.kind in "iu":
        return a.astype(np.int64)
    return a


# 0-d arrays standing for Python numbers, per (value, dtype): numpy takes its slow scalar
# path for a Python float (``a * 0.9`` costs twice ``a * b`` on a small array), and the
# same value as a 0-d array of the array's own dtype gives the identical result (NEP 50
# casts a Python number to the array's dtype either way).
_SCALARS: Dict[Tuple[Any, Any], Array] = {}
# The float32 entries again, keyed by the value alone (one dict lookup on the hot path).
F32_SCALARS: Dict[Any, Array] = {}
_SCALAR_LIMIT = 1024


def scalar_like(v: Any, like: Any) -> Any:
    """A Python number ``v`` as a cached read-only 0-d array of ``like``'s float dtype, for a
    binary op with the float32/float64 array ``like``; ``v`` itself when that could change
    the result (other dtypes, zero, non-finite or huge values).

    >>> a = np.ones(2, dtype=np.float32)
    >>> scalar_like(0.5, a), scalar_like(0.5, a) is scalar_like(0.5, a)
    (array(0.5, dtype=float32), True)
    >>> scalar_like(0.5, np.ones(2, dtype=np.int64)), scalar_like(0.0, a)
    (0.5, 0.0)
    """
    dt = like.dtype
    # Bools are ints but not numbers here (and True == 1.0 would share 1.0's key).
    if (dt is not F32 and dt is not F64) or type(v) is bool:
        return v
    key = (v, dt)
    hit = _SCALARS.get(key)
    if hit is not None:
        return hit
    # Zero is left alone because -0.0 == 0.0 share a key; values beyond +-1e30 could
    # overflow float32 on conversion.
    if not (0 < abs(v) < 1e30):
        return v
    if len(_SCALARS) >= _SCALAR_LIMIT:
        _SCALARS.clear()
        F32_SCALARS.clear()
    a = np.array(v, dtype=dt)
    a.flags.writeable = False
    _SCALARS[key] = a
    if dt is F32:
        F32_SCALARS[v] = a
    return a


def creeps(datas: Sequence[Any]) -> bool:
    """Whether a float64 output came only from promotion (no input is a float64 array): then
    it is cast to typedflux's float32 default ("no float64 creep").

    >>> creeps([np.ones(2, np.float32), 0.5]), creeps([np.ones(2)])
    (True, False)
    """
    for d in datas:
        if isinstance(d, _ndarray) and (d.dtype is F64 or d.dtype == F64):
            return False
    return True


def has_array(key: Any, T: type) -> bool:
    """Whether an index holds an array, a list or a tensor (advanced indexing: numpy checks it).

    >>> has_array((0, slice(None)), NotLoaded), has_array((0, [1, 2]), NotLoaded)
    (False, True)
    """
    if isinstance(key, tuple):
        return any(has_array(k, T) for k in key)
    return isinstance(key, (T, _ndarray, list))


def index_data(key: Any, T: type) -> Any:
    """An index with its tensors as their arrays and its lists as arrays (what numpy takes).

    >>> index_data((0, [1, 2]), NotLoaded)
    (0, array([1, 2]))
    """
    if isinstance(key, tuple):
        return tuple(index_data(k, T) for k in key)
    if isinstance(key, T):
        key = key.data  # type: ignore[attr-defined]
    elif isinstance(key, list):
        key = np.asarray(key)
    if isinstance(key, _ndarray) and key.dtype == np.uint64 and key.size:
        # numpy reads 2**64 - 1 as -1 (the last item): refused, as for any index too large.
        big = int(key.max())
        if big > np.iinfo(np.int64).max:
            raise IndexError(f"index {big} is out of range for every axis (numpy would read it "
                             f"as {big - 2**64})")
    return key


def index_key(key: Any) -> Any:
    """A hashable stand-in for a basic index (slices are unhashable before Python 3.12).

    >>> index_key((1, slice(None, 2)))
    (1, (<class 'slice'>, None, 2, None))
    """
    if isinstance(key, tuple):
        return tuple(index_key(k) for k in key)
    if isinstance(key, slice):
        return (slice, key.start, key.stop, key.step)
    return key


def norm_axis(axis: Any) -> Any:
    """An AXIS argument in canonical form: ``None``, an ``int`` or a tuple of ``int``.

    >>> norm_axis(np.int64(2)), norm_axis(None)
    (2, None)
    """
    return norm_param(Kind.AXIS, axis)


# Parameter kinds norm_param checks and puts in canonical form.
NORMALISED = (Kind.AXIS, Kind.AXES, Kind.DIMS, Kind.INT, Kind.DIM, Kind.BOOL)
# (Read once: an Enum class's attribute costs ~45 ns a read in Python 3.11.)
_AXIS, _AXES, _DIMS, _INT, _DIM, _BOOL = NORMALISED


def norm_param(kind: Kind, v: Any, op: str = "", arg: str = "") -> Any:
    """A parameter of kind ``kind`` in canonical form, or a ``TypeError`` naming the op and
    the argument: AXIS as :func:`norm_axis`; AXES and DIMS as tuples of ints; INT and DIM as
    an int; BOOL as a bool; anything else as given. INDEX keys are read by the paths that
    take them (:func:`index_data`).

    >>> norm_param(Kind.DIMS, 3), norm_param(Kind.AXES, None), norm_param(Kind.INT, np.int64(2))
    ((3,), (), 2)
    >>> norm_param(Kind.AXIS, 1.5, "sum", "axis")
    Traceback (most recent call last):
    ...
    TypeError: "sum" needs an int, a tuple of ints or None for axis, got 1.5
    """
    if kind is _AXIS:
        if isinstance(v, (list, tuple)):
            return tuple(_int(a, kind, v, op, arg) for a in v)
        if v is None or isinstance(v, int):
            return _int(v, kind, v, op, arg) if isinstance(v, bool) else v
        return _int(v, kind, v, op, arg)
    if kind is _AXES or kind is _DIMS:
        if v is None:
            return ()
        if isinstance(v, (list, tuple)):
            return tuple(_int(d, kind, v, op, arg) for d in v)
        return (_int(v, kind, v, op, arg),)
    if kind is _INT or kind is _DIM:
        return _int(v, kind, v, op, arg)
    if kind is _BOOL:
        if not isinstance(v, (bool, np.bool_)):
            raise TypeError(f'"{op or "op"}" needs True or False for {arg or "a flag"}, got '
                            f"{v!r:.60}")
        return bool(v)
    return v


def _int(a: Any, kind: Kind, whole: Any, op: str, arg: str) -> int:
    # An axis or size must be a real int: int(1.5) would silently be 1.
    if isinstance(a, bool) or not isinstance(a, (int, np.integer)):
        what = {Kind.AXIS: "an int, a tuple of ints or None", Kind.INT: "an int",
                Kind.DIM: "an int"}.get(kind, "ints")
        raise TypeError(f'"{op or "op"}" needs {what} for {arg or kind.name.lower()}, got '
                        f"{whole!r:.60}")
    return int(a)


def dims_arg(args: Tuple[Any, ...]) -> Tuple[Any, ...]:
    """Sizes or axes given as separate ints or as one tuple/list: ``reshape(2, 3)`` is
    ``reshape((2, 3))``.

    >>> dims_arg((2, -1)), dims_arg(([4],))
    ((2, -1), (4,))
    """
    if len(args) == 1 and isinstance(args[0], (tuple, list)):
        return tuple(args[0])
    return args
