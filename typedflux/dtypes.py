"""What a tensor may hold: the supported dtypes (:data:`DTYPES`) and the one checked
conversion of user data to a tensor's array (:func:`checked_array`), used by ``tf.tensor``,
``tf.full`` and ``tf.Tensor(data)`` alike.

Floats become float32 and integers int64 unless a dtype is asked for; bools stay bool.
Anything else (strings, bytes, Python objects, complex numbers, dates, structured records)
is a ``TypeError``; a value the dtype cannot hold (``2**64 - 1`` as int64, ``1e300`` as
float32, ``nan`` as an integer) is a ``ValueError``: never a silent wrap-around or overflow.
Both name the function and the argument.

>>> checked_array([[1, 2]], fn="Tensor").dtype
dtype('int64')
>>> checked_array([2**64 - 1], fn="Tensor")
Traceback (most recent call last):
...
ValueError: Tensor: data holds 18446744073709551615, which int64 cannot hold (its range is -9223372036854775808..9223372036854775807); pass a dtype that holds it
"""

from __future__ import annotations

from typing import Any, Tuple

import numpy as np

__all__ = ["DTYPES", "check_dtype", "checked_array", "cannot_hold", "not_for_bools", "floating", "plain"]

DTYPES: Tuple[np.dtype[Any], ...] = tuple(
    np.dtype(t)
    for t in (np.bool_, np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32,
              np.uint64, np.float16, np.float32, np.float64)
)
"""The dtypes a typedflux tensor may hold."""

_SUPPORTED = frozenset(DTYPES)
# Each supported dtype's own numpy object: numpy makes equal dtypes that are distinct objects
# (``dt.newbyteorder("=")``, int64 spelled "q"), and the engine's fast paths compare dtypes by
# identity (``out.dtype is F64``): a float64 held in another object read as "not float64" and
# had its sums cast to float32.
_CANONICAL = {dt: dt for dt in DTYPES}
# What data of each kind becomes when no dtype is asked for (float16/64 data: float32).
_KEPT = frozenset(np.dtype(t) for t in (np.float32, np.int64, np.bool_))

_NAMES = "bool, int8..int64, uint8..uint64, float16, float32, float64"


def check_dtype(dtype: Any, fn: str = "tensor") -> np.dtype[Any]:
    """``dtype`` as a native-order numpy dtype typedflux supports, or a ``TypeError`` naming
    ``fn`` and the dtype.

    >>> check_dtype("float64"), check_dtype(np.int32)
    (dtype('float64'), dtype('int32'))
    >>> check_dtype(complex)
    Traceback (most recent call last):
    ...
    TypeError: tensor: typedflux does not support dtype complex128 (supported: bool, int8..int64, uint8..uint64, float16, float32, float64)
    """
    try:
        dt = np.dtype(dtype)
    except TypeError:
        raise TypeError(f"{fn}: {dtype!r} is not a dtype (use tf.float32, tf.float64, "
                        f"tf.int64 or bool)") from None
    native = _CANONICAL.get(dt.newbyteorder("="))
    if native is None:
        raise TypeError(f"{fn}: typedflux does not support dtype {dt} (supported: {_NAMES})")
    return native


def checked_array(data: Any, dtype: Any = None, fn: str = "tensor",
                  arg: str = "data") -> np.ndarray[Any, Any]:
    """A new numpy array for tensor data (what ``tf.tensor`` and ``tf.Tensor`` hold): float data float32,
    integer data int64, bools bool, unless ``dtype`` is given. Refuses what typedflux cannot
    hold with a ``TypeError`` (strings, objects, complex, ...) and values the dtype cannot
    represent with a ``ValueError``; both name ``fn`` and ``arg``.

    >>> checked_array([1, 2]).dtype, checked_array([0.5]).dtype, checked_array(True).dtype
    (dtype('int64'), dtype('float32'), dtype('bool'))
    >>> checked_array(np.uint64(2**64 - 1))
    Traceback (most recent call last):
    ...
    ValueError: tensor: data holds 18446744073709551615, which int64 cannot hold (its range is -9223372036854775808..9223372036854775807); pass a dtype that holds it
    """
    if isinstance(data, np.ma.MaskedArray):
        plain(data, fn, arg)  # refused: np.array would drop the mask
    if type(data) is np.ndarray:
        # Arrays made inside typedflux (a layer's zero state, a kernel's result) already hold
        # what they should: a copy, with no check to repeat (the eager hot path).
        src = data.dtype
        if dtype is None:
            if src in _KEPT:
                return _canonical(np.array(data))
        elif src in _SUPPORTED and (dtype is src or src == dtype):  # (native byte order)
            return _canonical(np.array(data))
    target = None if dtype is None else check_dtype(dtype, fn)
    try:
        arr = np.array(data)
    except (ValueError, TypeError, OverflowError) as err:
        raise ValueError(f"{fn}: cannot make a tensor from {arg} ({err})") from None
    kind = arr.dtype.kind
    if kind == "O":
        big = _big_int(arr)
        if big is not None:
            raise ValueError(f"{fn}: {arg} holds {big}, which no typedflux dtype can hold "
                             f"(int64 and uint64 have 64 bits)")
        kinds = sorted({type(v).__name__ for v in arr.reshape(-1).tolist()} or {"object"})
        raise TypeError(f"{fn}: {arg} holds Python objects ({', '.join(kinds)}); a tensor "
                        f"holds numbers or bools")
    if kind in "USaMmVc":
        what = {"U": "strings", "S": "bytes", "a": "bytes", "M": "dates", "m": "time spans",
                "V": "structured records", "c": "complex numbers"}[kind]
        raise TypeError(f"{fn}: {arg} holds {what} ({arr.dtype}); typedflux tensors hold "
                        f"{_NAMES}")
    if kind == "f" and arr.dtype == np.float64 and not isinstance(data, (np.ndarray, np.generic)):
        big = _big_int_leaf(data)
        if big is not None:  # numpy turned [-1, 2**63] into floats
            raise ValueError(f"{fn}: {arg} holds the int {big}, which int64 cannot hold")
    if target is None:
        target = np.dtype(np.float32) if kind == "f" else (
            np.dtype(np.int64) if kind in "iu" else arr.dtype)
    return _convert(arr, target, fn, arg)


def _canonical(arr: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """``arr`` with numpy's own object for its (supported) dtype (a view when it had another)."""
    dt = _CANONICAL[arr.dtype]
    return arr if arr.dtype is dt else arr.view(dt)


def _convert(arr: np.ndarray[Any, Any], target: np.dtype[Any], fn: str,
             arg: str) -> np.ndarray[Any, Any]:
    src = arr.dtype
    if src == target:
        return arr if src is target else arr.view(target)  # numpy's own dtype object
    if arr.size and not np.can_cast(src, target, casting="safe"):
        if target.kind in "iu" and src.kind in "iuf":
            if src.kind == "f" and not np.isfinite(arr).all():
                raise ValueError(f"{fn}: {arg} holds nan or inf, which {target} cannot hold")
            info = np.iinfo(target)
            lo, hi = arr.min(), arr.max()
            bad = lo if lo < info.min else hi if hi > info.max else None
            if bad is not None:
                shown = bad.item() if isinstance(bad, np.generic) else bad
                raise cannot_hold(f"{fn}: {arg} holds {shown}", target,
                                  "pass a dtype that holds it")
        elif target.kind == "f":
            with np.errstate(over="ignore"):  # an overflow is reported below, by value
                out = arr.astype(target)
            if np.isinf(out).any():
                over = np.isinf(out) & np.isfinite(arr)
                if over.any():
                    value = arr[over].reshape(-1)[0].item()
                    raise ValueError(
                        f"{fn}: {arg} holds {value}, which {target} cannot hold (its largest "
                        f"value is {np.finfo(target).max}); pass dtype=tf.float64"
                    )
            return out
    return arr.astype(target)


def cannot_hold(what: str, target: np.dtype[Any], fix: str) -> ValueError:
    """The error for an integer value outside the range of the integer dtype ``target``:
    ``what`` says where the value is, ``fix`` what to do. Shared by the conversions here and
    by the ops' operands (``typedflux.engine.operands.int_fits``).

    >>> cannot_hold("tensor: data holds 300", np.dtype(np.int8), "pass a dtype that holds it")
    ValueError('tensor: data holds 300, which int8 cannot hold (its range is -128..127); pass a dtype that holds it')
    """
    info = np.iinfo(target)
    return ValueError(f"{what}, which {target} cannot hold (its range is {info.min}..{info.max}); "
                      f"{fix}")


_F32 = np.dtype(np.float32)


def plain(a: np.ndarray[Any, Any], fn: str, arg: str) -> np.ndarray[Any, Any]:
    """A numpy array a tensor may hold as it is: a subclass as a plain ndarray (``np.matrix``'s
    ``*`` is a matrix product, which the ops' gradients would take), other byte orders as
    native ones (``>f4`` is not ``float32`` to ``==``, nor to torch); a masked array is a
    ``TypeError`` naming ``fn`` and ``arg``, as its mask would be dropped.

    >>> plain(np.matrix([[1, 2]]), "add", "x"), plain(np.ones(1, ">f4"), "add", "x").dtype
    (array([[1, 2]]), dtype('float32'))
    >>> plain(np.ma.masked_array([1.0], mask=[True]), "add", "x")
    Traceback (most recent call last):
    ...
    TypeError: add: x is a numpy masked array, whose mask a tensor cannot keep; fill it first (x.filled(0.0)) or pass x.data
    """
    if isinstance(a, np.ma.MaskedArray):
        raise TypeError(f"{fn}: {arg} is a numpy masked array, whose mask a tensor cannot keep; "
                        f"fill it first ({arg}.filled(0.0)) or pass {arg}.data")
    a = np.asarray(a)
    if not a.dtype.isnative:
        a = a.astype(a.dtype.type)  # numpy's own native dtype object (the lanes test "is")
    return a


def floating(x: Any) -> Any:
    """The array ``x`` as floats for a real function (``exp``, ``softmax``, ``elu``): float
    arrays as they are; bool and integer arrays as float32, or float64 for 32- and 64-bit
    integers (what numpy gives them next to float32; the op's float64 result then becomes
    float32). numpy alone would compute bool, int8 and uint8 data in float16 (``exp`` of a
    uint8 12 is inf) and subtract unsigned integers with wrap-around (softmax's shift).

    >>> floating(np.array([12], np.uint8)).dtype, floating(np.array([1])).dtype
    (dtype('float32'), dtype('float64'))
    """
    dt = x.dtype
    if dt.kind == "f":
        return x
    return x.astype(np.result_type(dt, _F32))


# The arithmetic typedflux refuses on bool tensors, with what to write instead: numpy refuses
# ``-`` (its own words suggest ``^`` and ``~``, which Tensor lacks), and a product of two bool
# arrays is a logical one (True, not a count), which PyTorch refuses too.
_BOOL_FIXES = {
    "sub": ("x - y", "is not defined",
            "for a logical xor use x != y; for numbers make them integers first: x * 1 - y"),
    "neg": ("-x", "is not defined",
            "for a logical not use x == False; for numbers make it an integer first: -(x * 1)"),
    "matmul": ("x @ w", "would be a logical product (True, not a count)",
               "make one operand an integer or float first: (x * 1) @ w"),
    "einsum": ("einsum", "would be a logical product (True, not a count)",
               "make one operand an integer or float first: x * 1"),
}


def not_for_bools(op: str, *operands: Any) -> TypeError:
    """The error for arithmetic ``op`` that typedflux refuses on bool tensors (``-`` of bools,
    a product of bool tensors only), naming the op, the operands' dtypes and the fix. The op
    modules raise it; numpy's own error would suggest ``^`` or ``~``, which ``Tensor`` lacks.

    >>> not_for_bools("neg", np.array([True]))
    TypeError('"neg": -x of a bool tensor is not defined (x is bool); for a logical not use x == False; for numbers make it an integer first: -(x * 1)')
    """
    expr, why, fix = _BOOL_FIXES[op]
    # (getattr: tf.compile's recorded arrays have a dtype too.)
    kinds = [str(getattr(v, "dtype", np.result_type(v) if isinstance(v, bool) else type(v).__name__))
             for v in operands]
    if op == "einsum":
        held = f"the operands are {', '.join(kinds)}"
    else:
        names = ("x", "w") if op == "matmul" else ("x", "y")
        held = ", ".join(f"{n} is {k}" for n, k in zip(names, kinds))
    what = "bool tensors" if len(operands) > 1 else "a bool tensor"
    return TypeError(f'"{op}": {expr} of {what} {why} ({held}); {fix}')


def _big_int(arr: np.ndarray[Any, Any]) -> Any:
    # An object array of Python ints: numpy found one too large for any integer dtype.
    for v in arr.reshape(-1).tolist():
        if not isinstance(v, int) or isinstance(v, bool):
            return None
    return next((v for v in arr.reshape(-1).tolist() if not -(2**63) <= v < 2**64), None)


def _big_int_leaf(data: Any) -> Any:
    # The first Python int leaf of nested lists/tuples beyond int64's range, if any.
    stack = [data]
    while stack:
        v = stack.pop()
        if isinstance(v, (list, tuple)):
            stack.extend(v)
        elif isinstance(v, int) and not isinstance(v, bool) and not -(2**63) <= v < 2**63:
            return v
    return None
