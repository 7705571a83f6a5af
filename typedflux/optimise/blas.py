"""In-place ``y += alpha * x`` through the BLAS numpy ships with (one pass, no temporary).

Descent's update ``p -= eta * g`` in numpy is two passes over the parameter and allocates
``eta * g``; BLAS ``axpy`` does it in one pass in place: ~4x faster on a 784x256 float32
weight. numpy has no public axpy, so this binds the ``cblas_?axpy`` of the OpenBLAS bundled
in numpy's wheels (``numpy.libs/libscipy_openblas*``) when it is there; anywhere else
:func:`axpy` returns False and the caller keeps the numpy expression.

Why this module is long: every prepared call here (axpy, the GEMM, asum, the transposing
copy, the rank-one update) is bound from the one library :func:`_load` finds, with its
integer width, and shares its tables and address helpers; each is ~50 lines with its example.

>>> import numpy as np
>>> y = np.ones(3, dtype=np.float32)
>>> done = axpy(-0.5, np.full(3, 2.0, dtype=np.float32), y)   # False: no BLAS, y untouched
>>> y.tolist() == ([0.0, 0.0, 0.0] if done else [1.0, 1.0, 1.0])
True
"""

from __future__ import annotations

import ctypes
import functools
import glob
import os
from typing import Any, Callable, Dict, Optional, Tuple

import numpy as np
import numpy.typing as npt

from typedflux.compiler.hooks import opaque

__all__ = ["axpy", "available", "gemm", "Gemm", "AbsSum", "Transpose", "RowAdd"]

Array = npt.NDArray[Any]

_FUNCS: Dict[Any, Callable[..., None]] = {}
_LOADED: list[bool] = []


def _load() -> None:
    _LOADED.append(True)
    if os.environ.get("TYPEDFLUX_NO_BLAS_AXPY"):
        return
    libdir = os.path.join(os.path.dirname(os.path.dirname(np.__file__)), "numpy.libs")
    for path in sorted(glob.glob(os.path.join(libdir, "libscipy_openblas*.so*"))):
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        # scipy-openblas64 exports ILP64 symbols with a "64_" suffix; the 32-bit-int build
        # plain ones. Only these two known namings are bound (a guessed integer width
        # would corrupt memory).
        for suffix, int_t in (("64_", ctypes.c_int64), ("", ctypes.c_int)):
            found = {}
            for dt, name, real in ((np.float32, "saxpy", ctypes.c_float),
                                   (np.float64, "daxpy", ctypes.c_double)):
                fn = getattr(lib, f"scipy_cblas_{name}{suffix}", None)
                if fn is None:
                    break
                fn.restype = None
                fn.argtypes = [int_t, real, ctypes.c_void_p, int_t, ctypes.c_void_p, int_t]
                found[np.dtype(dt)] = fn
            if len(found) == 2:
                _FUNCS.update(found)
                _bind_gemm(lib, suffix, int_t)
                return


def _bind_gemm(lib: Any, suffix: str, int_t: Any) -> None:
    # cblas_?gemm(order, transA, transB, M, N, K, alpha, A, lda, B, ldb, beta, C, ldc): the
    # enums are C ints whatever the integer width.
    c_int = ctypes.c_int
    for dt, name, real in ((np.float32, "sgemm", ctypes.c_float),
                           (np.float64, "dgemm", ctypes.c_double)):
        fn = getattr(lib, f"scipy_cblas_{name}{suffix}", None)
        if fn is None:
            return
        fn.restype = None
        fn.argtypes = [c_int, c_int, c_int, int_t, int_t, int_t, real, ctypes.c_void_p, int_t,
                       ctypes.c_void_p, int_t, real, ctypes.c_void_p, int_t]
        _GEMM[np.dtype(dt)] = fn
        raw = lib[f"scipy_cblas_{name}{suffix}"]  # (own object: ready arguments, as asum)
        raw.restype = None
        _GEMM_READY[np.dtype(dt)] = (raw, int_t, real)
    for dt, name, real in ((np.float32, "sasum", ctypes.c_float),
                           (np.float64, "dasum", ctypes.c_double)):
        try:
            # (A function object of its own: called with ready ctypes arguments and no
            # argtypes to convert through, ~0.23 us against np.dot's ~0.4.)
            fn = lib[f"scipy_cblas_{name}{suffix}"]
        except AttributeError:
            return
        fn.restype = real
        _ASUM[np.dtype(dt)] = (fn, int_t)
    for dt, name in ((np.float32, "somatcopy"), (np.float64, "domatcopy")):
        try:
            fn = lib[f"scipy_cblas_{name}{suffix}"]  # (own object: ready arguments, as dot)
        except AttributeError:
            return
        fn.restype = None
        _OMATCOPY[np.dtype(dt)] = (fn, int_t)
    for dt, name in ((np.float32, "sger"), (np.float64, "dger")):
        try:
            fn = lib[f"scipy_cblas_{name}{suffix}"]  # (own object: ready arguments, as asum)
        except AttributeError:
            return
        fn.restype = None
        _GER[np.dtype(dt)] = (fn, int_t)
    try:
        threads = lib[f"scipy_openblas_get_num_threads{suffix}"]
    except AttributeError:
        return
    threads.restype = ctypes.c_int
    _THREADS.append(threads)


_GEMM: Dict[Any, Callable[..., None]] = {}
_GEMM_READY: Dict[Any, Tuple[Callable[..., None], Any, Any]] = {}
_ASUM: Dict[Any, Tuple[Callable[..., float], Any]] = {}
_OMATCOPY: Dict[Any, Tuple[Callable[..., None], Any]] = {}
_GER: Dict[Any, Tuple[Callable[..., None], Any]] = {}
_THREADS: list[Callable[[], int]] = []  # OpenBLAS's number of threads now
_REALS = {np.dtype(np.float32): ctypes.c_float, np.dtype(np.float64): ctypes.c_double}
_ROW_MAJOR, _NO_TRANS, _TRANS = 101, 111, 112


def _operand(a: Array) -> Optional[Tuple[int, int]]:
    # (transpose flag, leading dimension) of a 2-D operand as row-major CBLAS reads it, the
    # way numpy's matmul passes it; None when BLAS cannot read it in place.
    s0, s1 = a.strides
    size = a.itemsize
    rows, cols = a.shape
    if s1 == size and s0 % size == 0 and s0 // size >= max(cols, 1):
        return _NO_TRANS, s0 // size
    if s0 == size and s1 % size == 0 and s1 // size >= max(rows, 1):
        return _TRANS, s1 // size
    return None


class Gemm:
    """``c = alpha * (a @ b) + beta * c`` prepared once for arrays of fixed layouts (see
    :func:`gemm`): the addresses of the arrays it was prepared with are kept, so a call with
    those same arrays is one BLAS call; other arrays of the same layouts (a new input batch)
    are looked up. ``Gemm.prepare`` returns None where :func:`gemm` would return False.

    >>> import numpy as np
    >>> a, c = np.eye(2, dtype=np.float32), np.ones((2, 2), np.float32)
    >>> g = Gemm.prepare(2.0, a, a, 0.0, c)
    >>> (g(a, a, c), c.tolist())[1] if g else [[2.0, 0.0], [0.0, 2.0]]
    [[2.0, 0.0], [0.0, 2.0]]
    """

    __slots__ = ("fn", "args", "arrays", "ready", "transposed")

    def __init__(self, fn: Callable[..., None], args: list[Any], arrays: Tuple[Array, ...],
                 transposed: bool = False):
        self.fn = fn
        self.args = args
        self.arrays = arrays
        self.transposed = transposed
        # The call for the prepared arrays with its arguments converted to C once (a call
        # through ``fn`` converts fourteen arguments each time).
        self.ready: Optional[Callable[[], None]] = None
        found = _GEMM_READY.get(arrays[2].dtype)
        if found is not None:
            raw, int_t, real = found
            conv = (ctypes.c_int, ctypes.c_int, ctypes.c_int, int_t, int_t, int_t, real,
                    ctypes.c_void_p, int_t, ctypes.c_void_p, int_t, real, ctypes.c_void_p, int_t)
            self.ready = functools.partial(raw, *[t(v) for t, v in zip(conv, args)])

    @staticmethod
    def prepare(alpha: float, a: Array, b: Array, beta: float, c: Array,
                transposed: bool = False) -> Optional["Gemm"]:
        """The prepared call, or None when BLAS cannot run it in place. ``transposed``:
        ``c.T = alpha * (a @ b) + beta * c.T`` for a Fortran-ordered ``c`` (a Dense weight so
        assigned), whose memory is ``c.T`` in C order: the same BLAS call."""
        if not _LOADED:
            _load()
        fn = _GEMM.get(c.dtype)
        if (
            fn is None
            # (== and not `is`: a dtype object equal to float32 need not be numpy's own.)
            or not all(type(v) is np.ndarray and v.ndim == 2 and v.dtype == c.dtype
                       for v in (a, b, c))
            or not (c.T if transposed else c).flags.c_contiguous
            or not c.flags.writeable
            or a.shape[1] != b.shape[0]
            or (c.T if transposed else c).shape != (a.shape[0], b.shape[1])
            or 0 in a.shape + b.shape
            or np.may_share_memory(a, c)
            or np.may_share_memory(b, c)
        ):
            return None
        la, lb = _operand(a), _operand(b)
        if la is None or lb is None:
            return None
        m, k = a.shape
        n = b.shape[1]
        args = [_ROW_MAJOR, la[0], lb[0], m, n, k, alpha, _pointer(a), la[1], _pointer(b),
                lb[1], beta, _pointer(c), max(n, 1)]
        return Gemm(fn, args, (a, b, c), transposed)

    def rebound(self) -> Optional[Callable[[Array, Array], None]]:
        """This call on the prepared ``c`` as a function of new operands ``(a, b)`` of the
        prepared shapes, strides and dtypes (the caller's promise, not checked again: for a
        step repeated with new arrays, as ``tf.update`` folding Descent into a weight
        gradient's GEMM), with every argument converted once and only the two operand
        addresses set per call. Its slots are its own: one caller (one thread) per function.
        None when no BLAS symbol for ready arguments was found.

        >>> import numpy as np
        >>> a, c = np.eye(2, dtype=np.float32), np.zeros((2, 2), np.float32)
        >>> g = Gemm.prepare(1.0, a, a, 1.0, c)
        >>> call = g.rebound() if g else None
        >>> (call(a, 2 * a), c.tolist())[1] if call else [[2.0, 0.0], [0.0, 2.0]]
        [[2.0, 0.0], [0.0, 2.0]]
        """
        found = _GEMM_READY.get(self.arrays[2].dtype)
        if found is None:
            return None
        raw, int_t, real = found
        conv = (ctypes.c_int, ctypes.c_int, ctypes.c_int, int_t, int_t, int_t, real,
                ctypes.c_void_p, int_t, ctypes.c_void_p, int_t, real, ctypes.c_void_p, int_t)
        ready = [t(v) for t, v in zip(conv, self.args)]
        slot_a, slot_b = ready[7], ready[9]
        run = functools.partial(raw, *ready)

        def call(a: Array, b: Array) -> None:
            slot_a.value = _pointer(a)
            slot_b.value = _pointer(b)
            run()

        return call

    def __call__(self, a: Array, b: Array, c: Array) -> None:
        args = self.args
        pa, pb, pc = self.arrays
        if a is not pa or b is not pb or c is not pc:
            args = list(args)
            args[7], args[9], args[12] = _pointer(a), _pointer(b), _pointer(c)
        elif self.ready is not None:
            self.ready()
            return
        self.fn(*args)


class AbsSum:
    """The sum of the absolute values of one array's entries (a float: ``inf`` or ``nan`` when
    an entry is not finite or the sum overflows) by BLAS ``?asum``, prepared once for that
    array: a call is one BLAS call, and numpy's floating-point error state is not involved.
    ``?asum`` loads each entry once where a sum of squares by ``?dot`` loads it twice (~40 %
    less time on a [256, 784] float32 array, measured). ``AbsSum.prepare`` returns None for
    an array BLAS cannot read as one dense vector, or when no BLAS is found.

    >>> import numpy as np
    >>> a = np.arange(-3, 3, dtype=np.float32).reshape(2, 3).T
    >>> s = AbsSum.prepare(a)
    >>> (s() if s else 9.0), float(np.abs(a).sum())
    (9.0, 9.0)
    """

    __slots__ = ("fn", "args", "array", "call")

    def __init__(self, fn: Callable[..., float], args: Tuple[Any, ...], array: Array) -> None:
        self.fn, self.args, self.array = fn, args, array
        # The BLAS call with its arguments bound, called without this object's Python frame
        # (a loop over many sums calls these).
        self.call: Callable[[], float] = functools.partial(fn, *args)

    @staticmethod
    def prepare(a: Array) -> Optional["AbsSum"]:
        """The prepared sum, or None (see the class)."""
        if not _LOADED:
            _load()
        found = _ASUM.get(a.dtype) if type(a) is np.ndarray else None
        if found is None or not a.size:
            return None
        flat = a.ravel(order="K")
        if not np.may_share_memory(flat, a):  # not dense: ravel copied it
            return None
        fn, int_t = found
        p = ctypes.c_void_p(int(flat.ctypes.data))
        return AbsSum(fn, (int_t(flat.size), p, int_t(1)), a)

    def __call__(self) -> float:
        return self.fn(*self.args)


class Transpose:
    """``dst[...] = src`` where one of the two 2-D arrays is C-contiguous and the other the
    transpose of a C-contiguous one (a transposing copy) by BLAS ``?omatcopy`` with
    ``alpha = 1``, prepared once for those arrays: ~2.5x faster than numpy's copy (measured,
    float32, one thread: [256, 32] 0.90 us against 2.23, [128, 32] 0.57 against 1.25).
    Multiplying by 1 keeps every value's bits except a signalling NaN's, which becomes quiet:
    use it where ``src`` cannot hold one (the result of arithmetic). ``Transpose.prepare``
    returns None for other layouts, below ``SMALL`` entries (where numpy's copy is as fast:
    [32, 10] 0.35 us against 0.47), or when no BLAS is found.

    >>> import numpy as np
    >>> src = np.arange(2048, dtype=np.float32).reshape(64, 32).T
    >>> dst = np.empty((32, 64), np.float32)
    >>> t = Transpose.prepare(dst, src)
    >>> (t(dst, src) if t else np.copyto(dst, src), dst[:2, :3].tolist())[1]
    [[0.0, 32.0, 64.0], [1.0, 33.0, 65.0]]
    """

    SMALL = 1024

    __slots__ = ("fn", "args", "arrays")

    def __init__(self, fn: Callable[..., None], args: Tuple[Any, ...],
                 arrays: Tuple[Array, Array]) -> None:
        self.fn, self.args, self.arrays = fn, args, arrays

    @staticmethod
    def prepare(dst: Array, src: Array) -> Optional["Transpose"]:
        """The prepared copy, or None (see the class)."""
        if not _LOADED:
            _load()
        found = _OMATCOPY.get(dst.dtype) if type(dst) is np.ndarray else None
        if (
            found is None
            or type(src) is not np.ndarray
            or src.dtype != dst.dtype
            or dst.ndim != 2
            or src.shape != dst.shape
            or min(dst.shape) < 2
            or dst.size < Transpose.SMALL
            or not dst.flags.writeable
            or np.may_share_memory(dst, src)
        ):
            return None
        if dst.flags.c_contiguous and src.T.flags.c_contiguous:
            a, b = src.T, dst  # b = a.T
        elif dst.T.flags.c_contiguous and src.flags.c_contiguous:
            a, b = src, dst.T
        else:
            return None
        fn, int_t = found
        rows, cols = a.shape
        args = (ctypes.c_int(_ROW_MAJOR), ctypes.c_int(_TRANS), int_t(rows), int_t(cols),
                _REALS[dst.dtype](1.0), ctypes.c_void_p(int(a.ctypes.data)), int_t(cols),
                ctypes.c_void_p(int(b.ctypes.data)), int_t(rows))
        return Transpose(fn, args, (dst, src))

    def __call__(self, dst: Array, src: Array) -> None:
        if dst is not self.arrays[0] or src is not self.arrays[1]:
            again = Transpose.prepare(dst, src)
            if again is None:
                np.copyto(dst, src)
                return
            again.fn(*again.args)
            return
        self.fn(*self.args)


class RowAdd:
    """``a += b`` for a C-contiguous 2-D ``a`` and a contiguous row ``b`` (a bias added to
    every row, as numpy broadcasts it) as one BLAS rank-one update ``a += 1 * outer(ones, b)``
    (``?ger``), prepared once for those arrays: ~1.7-2x faster than numpy's broadcasting loop
    (measured, float32, one BLAS thread: [256, 256] 4.2 us against 6.9, [256, 128] 2.1
    against 4.3). Each entry becomes ``a + 1 * b`` in one rounding, numpy's ``a + b``, but a
    NaN's payload can differ when ``b`` holds one (the fused multiply-add and numpy's add
    pick different NaNs of two): so each call first sums ``|b|`` by BLAS (~0.3 us for 256
    entries) and takes numpy's ``np.add`` when that is not finite, and also when OpenBLAS
    would run a large update on several threads (slower than numpy on a busy machine).
    ``a`` must not hold a signalling NaN (the caller's part: arithmetic's results cannot).
    ``RowAdd.prepare`` returns None for other layouts, below ``SMALL`` entries (where
    numpy's loop is about as fast as the call), or when no BLAS is found.

    >>> import numpy as np
    >>> a, b = np.zeros((64, 64), np.float32), np.arange(64, dtype=np.float32)
    >>> add = RowAdd.prepare(a, b)
    >>> (add(a, b) if add else np.add(a, b, out=a), a[:2, :3].tolist())[1]
    [[0.0, 1.0, 2.0], [0.0, 1.0, 2.0]]
    """

    SMALL = 4096
    # (OpenBLAS runs ?ger on one thread below m * n = 2304 * 4, its threading threshold.)
    _ONE_THREAD = 9216

    __slots__ = ("fn", "args", "arrays", "check", "threads")

    def __init__(self, fn: Callable[..., None], args: Tuple[Any, ...],
                 arrays: Tuple[Array, Array, Array], check: "AbsSum",
                 threads: Optional[Callable[[], int]]) -> None:
        self.fn, self.args, self.arrays, self.check, self.threads = fn, args, arrays, check, threads

    @staticmethod
    def prepare(a: Array, b: Array) -> Optional["RowAdd"]:
        """The prepared update, or None (see the class)."""
        if not _LOADED:
            _load()
        found = _GER.get(a.dtype) if type(a) is np.ndarray else None
        if (
            found is None
            or type(b) is not np.ndarray
            or b.dtype != a.dtype
            or a.ndim != 2
            or b.shape != a.shape[1:]
            or a.size < RowAdd.SMALL
            or not (a.flags.c_contiguous and a.flags.writeable and b.flags.c_contiguous)
            or np.may_share_memory(a, b)
        ):
            return None
        check = AbsSum.prepare(b)
        threads = None
        if a.size >= RowAdd._ONE_THREAD:
            if not _THREADS:
                return None
            threads = _THREADS[0]
        if check is None:
            return None
        fn, int_t = found
        m, n = a.shape
        ones = np.ones(m, a.dtype)
        args = (ctypes.c_int(_ROW_MAJOR), int_t(m), int_t(n), _REALS[a.dtype](1.0),
                ctypes.c_void_p(int(ones.ctypes.data)), int_t(1),
                ctypes.c_void_p(int(b.ctypes.data)), int_t(1),
                ctypes.c_void_p(int(a.ctypes.data)), int_t(n))
        return RowAdd(fn, args, (a, b, ones), check, threads)

    def __call__(self, a: Array, b: Array) -> None:
        threads = self.threads
        if (a is self.arrays[0] and b is self.arrays[1] and self.check() < _INF
                and (threads is None or threads() == 1)):
            self.fn(*self.args)
        else:
            np.add(a, b, out=a)


_INF = float("inf")


def _pointer(a: Array) -> int:
    # The data address: through the buffer protocol when the array exports a writable one
    # (~0.3 us), else numpy's ctypes helper (~1.2 us).
    f = a.flags
    if f.writeable:
        if f.c_contiguous:
            return _address(_from_buffer(a))
        if f.f_contiguous:  # (a transposed operand: its transpose exports the buffer)
            return _address(_from_buffer(a.T))
    return int(a.ctypes.data)


def gemm(alpha: float, a: Array, b: Array, beta: float, c: Array) -> bool:
    """``c = alpha * (a @ b) + beta * c`` in place by the BLAS numpy's own ``matmul`` calls,
    for 2-D float32 (or float64) ``a``, ``b`` and a C-contiguous ``c`` of one dtype that BLAS
    can read as they lie; returns False (and does nothing) otherwise or when no BLAS is
    found. ``tf.compile`` uses it to fold a parameter's update into the GEMM of its gradient.

    >>> import numpy as np
    >>> c = np.ones((2, 2), np.float32)
    >>> done = gemm(-1.0, np.eye(2, dtype=np.float32), np.eye(2, dtype=np.float32), 1.0, c)
    >>> c.tolist() == ([[0.0, 1.0], [1.0, 0.0]] if done else [[1.0, 1.0], [1.0, 1.0]])
    True
    """
    call = Gemm.prepare(alpha, a, b, beta, c)
    if call is None:
        return False
    call(a, b, c)
    return True


def available() -> bool:
    """Whether a BLAS axpy was found (tested where numpy bundles OpenBLAS)."""
    if not _LOADED:
        _load()
    return bool(_FUNCS)


@opaque(writes=(2,))
def axpy(alpha: float, x: Array, y: Array) -> bool:
    """``y += alpha * x`` in place when both are C-contiguous (or both Fortran-contiguous,
    as a Fortran-ordered Dense weight and its gradient) float32 (or both float64) arrays of
    the same shape that do not overlap; returns False (and does nothing) otherwise or when no
    BLAS axpy is available.

    >>> import numpy as np
    >>> axpy(1.0, np.ones(2, dtype=np.float32), np.ones(2))  # dtypes differ
    False
    """
    if not _LOADED:
        _load()
    fn: Optional[Callable[..., None]] = _FUNCS.get(y.dtype)
    if (
        fn is None
        or type(x) is not np.ndarray
        or type(y) is not np.ndarray
        or x.dtype != y.dtype
        or x.shape != y.shape
    ):
        return False
    xf, yf = x.flags, y.flags
    if not yf.writeable or np.may_share_memory(x, y):
        return False
    if not (xf.c_contiguous and yf.c_contiguous):
        if not (xf.f_contiguous and yf.f_contiguous):
            return False
        x, y = x.T, y.T  # (both Fortran-ordered: their C-ordered transposes export buffers)
    if y.size:
        # Addresses through the buffer protocol (~0.3 us) rather than ``a.ctypes.data``
        # (~1.2 us: it builds numpy's ctypes helper object); a read-only x has no writable
        # buffer to export and takes the slower route.
        xp = _address(_from_buffer(x)) if xf.writeable else x.ctypes.data
        fn(y.size, alpha, xp, 1, _address(_from_buffer(y)), 1)
    return True


# (Typed loosely: numpy's stubs do not declare ndarray a Buffer.)
_from_buffer: Callable[[Any], Any] = ctypes.c_char.from_buffer
_address: Callable[[Any], int] = ctypes.addressof
