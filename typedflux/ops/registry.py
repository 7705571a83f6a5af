"""The runtime half of the op registry: a forward and a VJP bound to each primitive spec.

``@primitive("matmul")`` binds a forward (on numpy arrays) to ``SPECS["matmul"]`` (the
static half: argument names and kinds, public names, shape rule); ``@matmul.vjp`` binds its
VJP ``vjp(g, out, *args) -> tuple of input gradients`` where ``args`` are the forward's own
arguments in spec order and the tuple holds one entry per TENSOR argument (a sequence per
TENSORS argument; ``None`` where nothing flows).

Calling ``prim.invoke(*args)`` (every argument positional, in spec order) computes the
input shapes, runs the spec's rule FIRST (a mismatch is typedflux's ``ShapeError``, never a
numpy traceback), runs the forward, and records a tape node only when some input is on the
active tape. Rule results are memoised per op on the rule's inputs (rules are pure), so the
steady-state cost of an op is a dict lookup plus the numpy call.

>>> import numpy as np, typedflux as tf
>>> REGISTRY["matmul"].invoke(tf.ones(2, 3), tf.ones(3, 4)).shape
(2, 4)
>>> REGISTRY["matmul"].invoke(tf.ones(1, 2), tf.ones(3, 4))
Traceback (most recent call last):
...
typedflux.shapes.errors.ShapeError: ...matmul...
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

import numpy as np
import numpy.typing as npt
from typing_extensions import Unpack

import typedflux.shapes  # noqa: F401  (completes SPECS: every rules module registers itself)
from typedflux.engine.tape import _ACTIVE
from typedflux.shapes.catalog import SPECS, Kind, OpSpec
from typedflux.shapes.errors import CannotTell
from typedflux.tensor import Tensor, as_array

__all__ = [
    "Primitive",
    "primitive",
    "REGISTRY",
    "operand",
    "composite_rule",
    "norm_axis",
    "scalar_like",
]

Array = npt.NDArray[Any]
AnyTensor = Tensor[Unpack[Tuple[Any, ...]]]

REGISTRY: Dict[str, "Primitive"] = {}

_F32 = np.dtype(np.float32)
_F64 = np.dtype(np.float64)
_ndarray = np.ndarray
_asarray = np.asarray
_new = object.__new__
# A memo of rule results grows with the number of distinct input shapes an op sees; a cap
# keeps a program that sweeps through shapes from growing it without bound.
_CACHE_LIMIT = 4096


def operand(v: object, op: str, arg: str) -> Tuple[Any, Tuple[int, ...]]:
    """``(data, shape)`` of a TENSOR argument: a Tensor, a Python number (shape ``()``), or a
    numpy array / scalar. Anything else is a ``TypeError`` naming the op and argument.

    >>> operand(2.5, "add", "y")
    (2.5, ())
    >>> operand("a", "add", "y")
    Traceback (most recent call last):
    ...
    TypeError: "add" needs a Tensor or a number for y, got str
    """
    if type(v) is Tensor:
        d = v.data
        return d, d.shape
    if isinstance(v, (bool, int, float)):
        return v, ()
    if isinstance(v, Tensor):
        return v.data, v.data.shape
    if isinstance(v, (_ndarray, np.generic)):
        a = _asarray(v)
        if a.dtype.kind not in "biuf":
            # Strings, objects, complex, dates: numpy would fail deep inside the op.
            raise TypeError(f'"{op}" needs numbers or bools for {arg}, got a numpy array of '
                            f"{a.dtype}")
        return a, a.shape
    raise TypeError(f'"{op}" needs a Tensor or a number for {arg}, got {type(v).__name__}')


_NUMBER = (float, int)
# 0-d arrays standing for Python numbers, per (value, dtype): numpy takes its slow scalar
# path for a Python float (``a * 0.9`` costs twice ``a * b`` on a small array), and the
# same value as a 0-d array of the array's own dtype gives the identical result (NEP 50
# casts a Python number to the array's dtype either way).
_SCALARS: Dict[Tuple[Any, Any], Array] = {}
# The float32 entries again, keyed by the value alone (one dict lookup on the hot path).
_F32_SCALARS: Dict[Any, Array] = {}
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
    if (dt is not _F32 and dt is not _F64) or type(v) is bool:
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
        _F32_SCALARS.clear()
    a = np.array(v, dtype=dt)
    a.flags.writeable = False
    _SCALARS[key] = a
    if dt is _F32:
        _F32_SCALARS[v] = a
    return a


def _creeps(datas: Sequence[Any]) -> bool:
    # float64 out of a float64-free op means numpy promoted ints or Python floats: keep
    # typedflux's float32 default instead ("no float64 creep").
    for d in datas:
        if type(d) is _ndarray and d.dtype is _F64:
            return False
    return True


def _has_array(key: Any) -> bool:
    if isinstance(key, tuple):
        return any(_has_array(k) for k in key)
    return isinstance(key, (Tensor, _ndarray, list))


def _index_data(key: Any) -> Any:
    # Tensors inside an index become their arrays (integer or boolean advanced indexing).
    if isinstance(key, tuple):
        return tuple(_index_data(k) for k in key)
    if isinstance(key, Tensor):
        return key.data
    if isinstance(key, list):
        return np.asarray(key)
    return key


def _index_key(key: Any) -> Any:
    # A hashable stand-in for an index (slices are unhashable before Python 3.12).
    if isinstance(key, tuple):
        return tuple(_index_key(k) for k in key)
    if isinstance(key, slice):
        return (slice, key.start, key.stop, key.step)
    return key


def norm_axis(axis: Any) -> Any:
    """An AXIS argument in canonical form: ``None``, an ``int`` or a tuple of ``int``.

    >>> norm_axis([0, np.int64(1)]), norm_axis(np.int64(2)), norm_axis(None)
    ((0, 1), 2, None)
    """
    return _norm_param(Kind.AXIS, axis)


def _norm_param(kind: Kind, v: Any, op: str = "", arg: str = "") -> Any:
    if kind is Kind.AXIS:
        if isinstance(v, (list, tuple)):
            return tuple(_int(a, kind, v, op, arg) for a in v)
        if v is None or isinstance(v, int):
            return _int(v, kind, v, op, arg) if isinstance(v, bool) else v
        return _int(v, kind, v, op, arg)
    if kind is Kind.AXES or kind is Kind.DIMS:
        if v is None:
            return ()
        if isinstance(v, (list, tuple)):
            return tuple(_int(d, kind, v, op, arg) for d in v)
        return (_int(v, kind, v, op, arg),)
    if kind is Kind.INT or kind is Kind.DIM:
        return _int(v, kind, v, op, arg)
    if kind is Kind.BOOL:
        if not isinstance(v, (bool, np.bool_)):
            raise TypeError(f'"{op or "op"}" needs True or False for {arg or "a flag"}, got '
                            f"{v!r:.60}")
        return bool(v)
    if kind is Kind.INDEX:
        return _index_data(v)
    return v


def _int(a: Any, kind: Kind, whole: Any, op: str, arg: str) -> int:
    # An axis or size must be a real int: int(1.5) would silently be 1.
    if isinstance(a, bool) or not isinstance(a, (int, np.integer)):
        what = {Kind.AXIS: "an int, a tuple of ints or None", Kind.INT: "an int",
                Kind.DIM: "an int"}.get(kind, "ints")
        raise TypeError(f'"{op or "op"}" needs {what} for {arg or kind.name.lower()}, got '
                        f"{whole!r:.60}")
    return int(a)


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
    """One primitive op: its spec, forward and VJP, and the compiled ``invoke`` entry point.

    >>> REGISTRY["exp"].spec.functions
    ('exp',)
    """

    __slots__ = (
        "name",
        "spec",
        "forward",
        "vjp_fn",
        "examples_fn",
        "invoke",
        "_cache",
        "__weakref__",
    )

    def __init__(self, spec: OpSpec, forward: Callable[..., Any]) -> None:
        self.name = spec.name
        self.spec = spec
        self.forward = forward
        self.vjp_fn: Optional[Callable[..., Any]] = None
        self.examples_fn: Optional[Callable[[], List[Tuple[Any, ...]]]] = None
        self._cache: Dict[Any, Any] = {}
        kinds = tuple(a.kind for a in spec.args)
        self.invoke: Callable[..., AnyTensor]
        if kinds == (Kind.TENSOR, Kind.TENSOR):
            self.invoke = self._binary()
        elif kinds == (Kind.TENSOR,):
            self.invoke = self._unary()
        elif kinds[0] is Kind.TENSOR and not {Kind.TENSOR, Kind.TENSORS} & set(kinds[1:]):
            self.invoke = self._single()
        elif _leading_tensors(kinds) >= 2:
            self.invoke = self._multi()
        else:
            self.invoke = self._general()

    def __repr__(self) -> str:
        return f"<primitive {self.name}>"

    def vjp(self, fn: Callable[..., Any]) -> Callable[..., Any]:
        """Decorator binding the VJP ``fn(g, out, *args) -> tuple of input gradients``: one
        entry per TENSOR argument (a list per TENSORS argument), ``None`` where nothing
        flows. Gradients may be shaped like the broadcast output; the tape sums them back.

        >>> REGISTRY["mul"].vjp_fn.__name__
        '_mul_vjp'
        """
        if not self.spec.differentiable:
            raise ValueError(f'op "{self.name}" is declared not differentiable')
        if any(a.kind is Kind.TENSORS for a in self.spec.args):
            self.vjp_fn = _flat_vjp(fn, self.name)
        else:
            self.vjp_fn = fn
        return fn

    def examples(self, fn: Callable[[], List[Tuple[Any, ...]]]) -> Callable[[], Any]:
        """Decorator binding gradient-check examples: ``fn()`` returns a list of argument
        tuples in spec order (float64 numpy arrays for float TENSOR arguments). The test in
        tests/ops/test_gradcheck.py runs a finite-difference check on each.

        >>> p = Primitive(SPECS["neg"], np.negative)  # a stand-alone copy, not registered
        >>> _ = p.examples(lambda: [(np.ones(3),)])
        >>> p.examples_fn()[0][0].shape
        (3,)
        """
        self.examples_fn = fn
        return fn

    def __call__(self, *args: Any) -> AnyTensor:
        return self.invoke(*args)

    # -- rule ----------------------------------------------------------------------------
    def _rule(self, values: Sequence[Any]) -> Any:
        """Run the shape rule on the rule-visible values (IGNORED args dropped)."""
        kw = {a.name: v for a, v in zip(self.spec.args, values) if a.kind is not Kind.IGNORED}
        try:
            return tuple(self.spec.rule(**kw))
        except CannotTell:
            return None

    def _remember(self, key: Any, out_shape: Any) -> None:
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        self._cache[key] = out_shape

    def _first_call(self, rule_vals: Sequence[Any], key: Any, forward: Callable[[], Any]) -> Any:
        """A call with input shapes not seen before (every entry point's cold path): the rule
        runs first (a mismatch is a ShapeError before numpy runs), then ``forward()``, whose
        shape must be the rule's; it is remembered under ``key`` (None: unhashable, not
        remembered)."""
        expected = self._rule(rule_vals)
        out = forward()
        if type(out) is not _ndarray:
            out = _asarray(out)
        if expected is not None and expected != out.shape:
            raise AssertionError(
                f'internal error: the shape rule of "{self.name}" gave {tuple(expected)} '
                f"but the forward produced {out.shape}"
            )
        if key is not None:
            self._remember(key, out.shape)
        return out

    # -- compiled entry points --------------------------------------------------------------
    def _binary(self) -> Callable[..., AnyTensor]:
        prim = self
        name = self.name
        cache = self._cache
        xname, yname = (a.name for a in self.spec.args)
        diff = self.spec.differentiable
        # Equal shapes, or a () second operand, give the first shape: the broadcasting
        # rule's own first case (OpSpec.elementwise), taken without a call or a memo key.
        passthrough = self.spec.elementwise
        lane_ok = passthrough and diff  # arithmetic, not comparisons (they give bools)
        active = _ACTIVE
        fwd = self.forward
        f32_scalars = _F32_SCALARS

        def invoke(x: Any, y: Any) -> AnyTensor:
            # The fast lane: a float tensor with a tensor of its shape and dtype, or a float32
            # tensor with a Python float. Arithmetic then gives x's shape (the rule's first
            # case) and dtype, every gradient has them too (an exact node), and none of the
            # general path's checks can fire.
            if lane_ok and type(x) is Tensor:
                xd = x.data
                dt = xd.dtype
                ty = type(y)
                if ty is Tensor:
                    yd = y.data
                    lane = (dt is _F32 or dt is _F64) and yd.dtype is dt and xd.shape == yd.shape
                elif ty is float and dt is _F32:
                    yd = f32_scalars.get(y)
                    lane = yd is not None
                else:
                    lane = False
                if lane:
                    out = fwd(xd, yd)
                    if type(out) is not _ndarray:  # 0-d inputs give a numpy scalar
                        out = _asarray(out)
                    t = _new(Tensor)
                    t.data = out
                    tape = active[0]
                    if tape is not None:
                        xi = x._id if x._tape is tape else -1
                        yi = y._id if ty is Tensor and y._tape is tape else -1
                        if xi >= 0 or yi >= 0:
                            # Tape.record's work, inline: the call would cost ~5 % of a
                            # chain of small ops (the node layout is Tape.record's).
                            tvals = tape.vals
                            oid = len(tvals)
                            tvals.append(out)
                            tape.nodes.append(
                                (name, prim.vjp_fn, oid, (xi, yi), (xd, yd), out, True)
                            )
                            t._tape = tape
                            t._id = oid
                            return t
                    t._tape = None
                    return t
            return general(x, y)

        def general(x: Any, y: Any) -> AnyTensor:
            xd: Any
            yd: Any
            if type(x) is Tensor:
                xd = x.data
                xs = xd.shape
                if type(y) is Tensor:
                    yd = y.data
                    ys = yd.shape
                else:
                    yd, ys = operand(y, name, yname)
                    if ys == () and type(yd) in _NUMBER:  # x * 0.9
                        yd = scalar_like(yd, xd)
            else:
                xd, xs = operand(x, name, xname)
                if type(y) is Tensor:
                    yd = y.data
                    ys = yd.shape
                    if xs == () and type(xd) in _NUMBER:  # 0.9 * y
                        xd = scalar_like(xd, yd)
                else:
                    yd, ys = operand(y, name, yname)
            hit = passthrough and (xs == ys or not ys)
            if hit:
                out = fwd(xd, yd)
            elif (xs, ys) in cache:
                out = fwd(xd, yd)
            else:
                out = prim._first_call((xs, ys), (xs, ys), lambda: fwd(xd, yd))
            if type(out) is not _ndarray:
                out = _asarray(out)
            dt = out.dtype
            if dt is _F64 and _creeps((xd, yd)):
                out = out.astype(_F32)
                dt = _F32
            t = _new(Tensor)
            t.data = out
            t._tape = None
            tape = active[0]
            if tape is not None and diff and (dt is _F32 or dt.kind in "fc"):
                xi = x._id if type(x) is Tensor and x._tape is tape else -1
                yi = y._id if type(y) is Tensor and y._tape is tape else -1
                if xi >= 0 or yi >= 0:
                    # Exact (no reduction or cast of gradients in backward): each input on
                    # the tape has the output's shape (xs, as the rule's first case said)
                    # and dtype.
                    exact = (
                        hit
                        and (xi < 0 or xd.dtype is dt)
                        and (yi < 0 or (ys == xs and yd.dtype is dt))
                    )
                    tape.record(t, name, prim.vjp_fn, (xi, yi), (xd, yd), exact)
            return t

        return invoke

    def _unary(self) -> Callable[..., AnyTensor]:
        prim = self
        name = self.name
        cache = self._cache
        xname = self.spec.args[0].name
        diff = self.spec.differentiable
        active = _ACTIVE
        fwd = self.forward

        # An elementwise map's output has its input's shape (OpSpec.elementwise): no rule to
        # run or memo to look up.
        elementwise = self.spec.elementwise

        def invoke(x: Any) -> AnyTensor:
            # The fast lane: an elementwise map of a tensor that keeps its dtype (an exact node;
            # only float tensors are ever on a tape, so the general checks cannot fire).
            if elementwise and type(x) is Tensor:
                xd = x.data
                out = fwd(xd)
                if type(out) is _ndarray and out.dtype is xd.dtype:
                    t = _new(Tensor)
                    t.data = out
                    tape = active[0]
                    if tape is not None and diff and x._tape is tape:
                        # Tape.record's work, inline (as in the binary lane).
                        tvals = tape.vals
                        oid = len(tvals)
                        tvals.append(out)
                        tape.nodes.append((name, prim.vjp_fn, oid, (x._id,), (xd,), out, True))
                        t._tape = tape
                        t._id = oid
                        return t
                    t._tape = None
                    return t
                return finish(x, xd, xd.shape, out)
            if type(x) is Tensor:
                xd = x.data
                xs = xd.shape
            else:
                xd, xs = operand(x, name, xname)
            if xs not in cache:
                out = prim._first_call((xs,), xs, lambda: fwd(xd))
            else:
                out = fwd(xd)
            return finish(x, xd, xs, out)

        def finish(x: Any, xd: Any, xs: Tuple[int, ...], out: Any) -> AnyTensor:
            if type(out) is not _ndarray:
                out = _asarray(out)
            if out.dtype is _F64 and _creeps((xd,)):
                out = out.astype(_F32)
            t = _new(Tensor)
            t.data = out
            t._tape = None
            tape = active[0]
            if tape is not None and diff and type(x) is Tensor and x._tape is tape:
                if out.dtype.kind in "fc":
                    # Exact: an elementwise map (same shape and dtype out as in).
                    exact = out.dtype is xd.dtype and out.shape == xs
                    tape.record(t, name, prim.vjp_fn, (x._id,), (xd,), exact)
            return t

        return invoke

    def _single(self) -> Callable[..., AnyTensor]:
        # One tensor followed by parameters (reductions, reshape, getitem, softmax, ...).
        prim = self
        name = self.name
        cache = self._cache
        args = self.spec.args
        xname = args[0].name
        kinds = tuple(a.kind for a in args[1:])
        nparams = len(kinds)
        diff = self.spec.differentiable
        active = _ACTIVE
        # Parameters that may need normalising (a list axis, an int for a DIMS/AXES tuple,
        # tensors inside an index); params already in canonical form skip all of it.
        norm_idx = tuple(
            i for i, k in enumerate(kinds)
            if k in (Kind.AXIS, Kind.AXES, Kind.DIMS, Kind.INT, Kind.DIM, Kind.BOOL)
        )
        visible = tuple(i for i, k in enumerate(kinds) if k is not Kind.IGNORED)
        all_visible = len(visible) == nparams
        is_index = Kind.INDEX in kinds
        if is_index and kinds != (Kind.INDEX,):
            raise ValueError(f'"{name}": an INDEX argument must be the only parameter')

        def finish(x: Any, xd: Any, params: Tuple[Any, ...], out: Any) -> AnyTensor:
            if type(out) is not _ndarray:
                out = _asarray(out)
            if out.dtype is _F64 and xd.dtype is not _F64:
                out = out.astype(_F32)
            t = _new(Tensor)
            t.data = out
            t._tape = None
            tape = active[0]
            if tape is not None and diff and type(x) is Tensor and x._tape is tape:
                if out.dtype.kind in "fc":
                    tape.record(t, name, prim.vjp_fn, (x._id,), (xd,) + params, False)
            return t

        def invoke(x: Any, *params: Any) -> AnyTensor:
            if type(x) is Tensor:
                xd = x.data
            else:
                raw = operand(x, name, xname)[0]
                # A Python number becomes a tensor the way tf.tensor makes one (float32).
                xd = as_array(raw) if type(raw) is not _ndarray else raw
            xs = xd.shape
            if len(params) != nparams:
                raise TypeError(f'"{name}" takes {nparams + 1} arguments, got {len(params) + 1}')
            if is_index:
                key = params[0]
                if _has_array(key):
                    # Advanced (integer/boolean) indexing: numpy checks it.
                    params = (_index_data(key),)
                    return finish(x, xd, params, prim.forward(xd, *params))
                ckey: Any = (xs, _index_key(key))
                rule_vals: Any = (xs, key)
            else:
                for i in norm_idx:
                    p = params[i]
                    tp = type(p)
                    kd = kinds[i]
                    if (
                        (tp is not int and tp is not tuple and p is not None)
                        if kd is Kind.AXIS
                        else (tp is not int) if kd is Kind.INT or kd is Kind.DIM
                        else (tp is not bool) if kd is Kind.BOOL
                        else tp is not tuple
                    ):
                        params = tuple(
                            _norm_param(kinds[j], q, name, args[j + 1].name)
                            if j in norm_idx else q
                            for j, q in enumerate(params)
                        )
                        break
                vis = params if all_visible else tuple(params[i] for i in visible)
                ckey = (xs, vis)
                rule_vals = None
            try:
                expected = cache.get(ckey)
            except TypeError:  # an unhashable parameter (a dict): refused below
                expected = ckey = None
            if expected is not None:
                return finish(x, xd, params, prim.forward(xd, *params))
            if rule_vals is None:
                # Cold path: every axis/size parameter checked (a tuple of floats too).
                params = tuple(
                    _norm_param(kinds[j], q, name, args[j + 1].name) if j in norm_idx else q
                    for j, q in enumerate(params)
                )
                rule_vals = (xs,) + params
            out = prim._first_call(rule_vals, ckey, lambda: prim.forward(xd, *params))
            return finish(x, xd, params, out)

        return invoke

    def _multi(self) -> Callable[..., AnyTensor]:
        # Several tensors followed by parameters that are not tensors or indices (the fused
        # layer ops: dense, conv2d, the RNNs, losses): the _general semantics, without its
        # per-argument dispatch.
        prim = self
        name = self.name
        cache = self._cache
        args = self.spec.args
        kinds = tuple(a.kind for a in args)
        nargs = len(args)
        k = _leading_tensors(kinds)
        tnames = tuple(a.name for a in args[:k])
        pkinds = kinds[k:]
        diff = self.spec.differentiable
        active = _ACTIVE
        fwd = self.forward
        norm_idx = tuple(
            i for i, kd in enumerate(pkinds) if kd in (Kind.AXIS, Kind.AXES, Kind.DIMS)
        )
        visible = tuple(i for i, kd in enumerate(pkinds) if kd is not Kind.IGNORED)
        all_visible = len(visible) == len(pkinds)
        trange = range(k)

        def invoke(*vals: Any) -> AnyTensor:
            if len(vals) != nargs:
                raise TypeError(f'"{name}" takes {nargs} arguments, got {len(vals)}')
            datas: List[Any] = []
            shapes: List[Any] = []
            for i in trange:
                v = vals[i]
                if type(v) is Tensor:
                    d = v.data
                    datas.append(d)
                    shapes.append(d.shape)
                else:
                    d, sh = operand(v, name, tnames[i])
                    datas.append(d)
                    shapes.append(sh)
            params = vals[k:]
            for i in norm_idx:
                params = tuple(
                    _norm_param(pkinds[j], q, name, args[k + j].name) if j in norm_idx else q
                    for j, q in enumerate(params)
                )
                break
            key: Any = (
                (*shapes, *params) if all_visible else (*shapes, *[params[i] for i in visible])
            )
            try:
                known = key in cache
            except TypeError:  # an unhashable parameter: check every call
                known = False
                key = None
            if known:
                out = fwd(*datas, *params)
                if type(out) is not _ndarray:
                    out = _asarray(out)
            else:
                out = prim._first_call((*shapes, *params), key, lambda: fwd(*datas, *params))
            dt = out.dtype
            if dt is _F64 and _creeps(datas):
                out = out.astype(_F32)
                dt = _F32
            t = _new(Tensor)
            t.data = out
            t._tape = None
            tape = active[0]
            if tape is not None and diff and dt.kind in "fc":
                ids = tuple(
                    [v._id if isinstance(v, Tensor) and v._tape is tape else -1 for v in vals[:k]]
                )
                if ids.count(-1) < k:
                    tape.record(t, name, prim.vjp_fn, ids, (*datas, *params), False)
            return t

        return invoke

    def _general(self) -> Callable[..., AnyTensor]:
        prim = self
        name = self.name
        cache = self._cache
        args = self.spec.args
        kinds = tuple(a.kind for a in args)
        nargs = len(args)
        diff = self.spec.differentiable
        active = _ACTIVE
        rule_idx = tuple(i for i, k in enumerate(kinds) if k is not Kind.IGNORED)

        def invoke(*vals: Any) -> AnyTensor:
            if len(vals) != nargs:
                raise TypeError(f'"{name}" takes {nargs} arguments, got {len(vals)}')
            fwd: List[Any] = []
            rule_vals: List[Any] = []
            tensors: List[Any] = []  # the Tensor objects (or None) behind each tensor slot
            datas: List[Any] = []
            skip_rule = False
            for v, a, k in zip(vals, args, kinds):
                if k is Kind.TENSOR:
                    d, s = operand(v, name, a.name)
                    fwd.append(d)
                    rule_vals.append(s)
                    tensors.append(v if isinstance(v, Tensor) else None)
                    datas.append(d)
                elif k is Kind.TENSORS:
                    if isinstance(v, (Tensor, _ndarray)) or not isinstance(v, (list, tuple)):
                        raise TypeError(
                            f'"{name}" needs a list or tuple of tensors for {a.name}, '
                            f"got {type(v).__name__}"
                        )
                    ds, ss = [], []
                    for j, item in enumerate(v):
                        d, s = operand(item, name, f"{a.name}[{j}]")
                        ds.append(d)
                        ss.append(s)
                        tensors.append(item if isinstance(item, Tensor) else None)
                        datas.append(d)
                    fwd.append(ds)
                    rule_vals.append(tuple(ss))
                elif k is Kind.IGNORED:
                    fwd.append(v)
                    rule_vals.append(None)
                else:
                    if k is Kind.INDEX and _has_array(v):
                        skip_rule = True  # advanced indexing: numpy checks it
                    p = _norm_param(k, v, name, a.name)
                    fwd.append(p)
                    rule_vals.append(v if k is Kind.INDEX else p)
            key: Any = None
            known = False
            if not skip_rule:
                key = tuple(rule_vals[i] for i in rule_idx)
                try:
                    known = key in cache
                except TypeError:  # an unhashable param (a slice before Python 3.12)
                    key = None
            if not skip_rule and not known:
                out = prim._first_call(rule_vals, key, lambda: prim.forward(*fwd))
            else:
                out = prim.forward(*fwd)
                if type(out) is not _ndarray:
                    out = _asarray(out)
            if out.dtype is _F64 and _creeps(datas):
                out = out.astype(_F32)
            t = _new(Tensor)
            t.data = out
            t._tape = None
            tape = active[0]
            if tape is not None and diff and out.dtype.kind in "fc":
                ids = tuple(
                    tv._id if tv is not None and tv._tape is tape else -1 for tv in tensors
                )
                if any(i >= 0 for i in ids):
                    tape.record(t, name, prim.vjp_fn, ids, tuple(fwd), False)
            return t

        return invoke


def _leading_tensors(kinds: Tuple[Kind, ...]) -> int:
    # How many TENSOR arguments lead the spec, or 0 when a tensor, a TENSORS list or an
    # INDEX comes after the first parameter (those take the general path).
    k = 0
    while k < len(kinds) and kinds[k] is Kind.TENSOR:
        k += 1
    if {Kind.TENSOR, Kind.TENSORS, Kind.INDEX} & set(kinds[k:]):
        return 0
    return k


def primitive(name: str) -> Callable[[Callable[..., Any]], Primitive]:
    """Decorator binding a forward (on numpy arrays, arguments in spec order) to
    ``SPECS[name]``; returns the :class:`Primitive` (bind its VJP with ``@prim.vjp``).

    >>> "add" in REGISTRY and REGISTRY["add"].vjp_fn is not None
    True
    """

    def register(forward: Callable[..., Any]) -> Primitive:
        if name not in SPECS:
            raise KeyError(f'no shape spec "{name}" in typedflux.shapes.catalog.SPECS')
        spec = SPECS[name]
        if not spec.primitive:
            raise ValueError(f'spec "{name}" is declared a composite (primitive=False)')
        if name in REGISTRY:
            raise ValueError(f'primitive "{name}" is registered twice')
        prim = Primitive(spec, forward)
        REGISTRY[name] = prim
        return prim

    return register


def composite_rule(name: str) -> Callable[..., Tuple[int, ...]]:
    """The shape rule of a composite op (``primitive=False``) as ``check(*values)``, values in
    spec order with tensors given as their shapes and IGNORED arguments omitted. Results are
    memoised like a primitive's. A composite runs it first, so its errors name the op the
    user called (``"squeeze"``, not the ``"reshape"`` it is built from).

    >>> composite_rule("squeeze")((2, 1, 3), None)
    (2, 3)
    """
    spec = SPECS[name]
    names = tuple(a.name for a in spec.args if a.kind is not Kind.IGNORED)
    rule = spec.rule
    cache: Dict[Any, Tuple[int, ...]] = {}

    def check(*values: Any) -> Tuple[int, ...]:
        try:
            hit = cache.get(values)
        except TypeError:
            hit = None
            values_hashable = False
        else:
            values_hashable = True
        if hit is not None:
            return hit
        out = tuple(rule(**dict(zip(names, values))))
        if values_hashable:
            if len(cache) >= _CACHE_LIMIT:
                cache.clear()
            cache[values] = out
        return out

    return check
