"""The invoke paths specialised for common argument kinds: the reference path's five steps
(:mod:`typedflux.engine.invoke`) with less dispatch, for the ops that run most often.

``path_of`` picks one from an op's spec: ``binary`` (two TENSORs), ``unary`` (one TENSOR),
``single`` (one TENSOR and parameters), ``multi`` (leading TENSORs and parameters). Each
builder returns the entry point and its binder, like :func:`~typedflux.engine.invoke.reference`,
and each entry point gives the reference path's result, error and node for every call
(tests/engine/test_invoke_paths.py checks it). Every path writes its node with
``Tape.record``, the one place that knows a node's layout, except the two elementwise fast
lanes, which write ``Tape.record``'s node inline (the call costs ~4 % of a chain of small
ops; the test above compares their nodes with the reference path's).

The elementwise lanes take the shape rule's first case without calling it: for an op with
``OpSpec.elementwise``, equal shapes (or a ``()`` second operand) give the first shape, and a
unary map keeps its input's shape (a test holds every such rule to that). There, float inputs
of one dtype give that dtype, so every gradient already has its input's shape and dtype and
the node is *exact* (the backward scan skips unbroadcasting and casts for it).

>>> import typedflux as tf
>>> (tf.ones(2) * 0.5).numpy()
array([0.5, 0.5], dtype=float32)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, List, Tuple

import numpy as np

from typedflux.engine.invoke import FOREIGN, Entry, leading_tensors, tape_id, wrap
from typedflux.engine.operands import (
    F32,
    F32_SCALARS,
    F64,
    NORMALISED,
    NUMBER,
    NotLoaded,
    creeps,
    has_array,
    index_data,
    index_key,
    int_fits,
    norm_param,
    number_array,
    operand,
    scalar_like,
)
from typedflux.engine.tape import _ACTIVE, id_on
from typedflux.shapes.catalog import Kind

if TYPE_CHECKING:  # for annotations only: the engine is below typedflux.tensor
    from typedflux.engine.primitive import Primitive
    from typedflux.tensor import AnyTensor

__all__ = ["binary", "unary", "single", "multi"]

_ndarray = np.ndarray
_F16 = np.dtype(np.float16)
# Kind's members read once: an Enum class's attribute costs ~45 ns in Python 3.11 (a global
# ~5): ~0.27 us a call of sum(x, axis, keepdims) when a loop over parameters spelled them out.
_AXIS, _INT, _DIM, _BOOL = Kind.AXIS, Kind.INT, Kind.DIM, Kind.BOOL
_asarray = np.asarray
_new = object.__new__


def binary(prim: Primitive) -> Entry:
    """Two TENSOR arguments (``x + y``, ``x @ w``, comparisons).

    >>> import typedflux as tf, typedflux.ops  # the op modules bind every primitive
    >>> from typedflux.engine.primitive import REGISTRY
    >>> REGISTRY["mul"].invoke(tf.ones(2), 3.0)
    Tensor[2] float32
    [3. 3.]
    """
    name = prim.name
    cache = prim._cache
    xname, yname = (a.name for a in prim.spec.args)
    diff = prim.spec.differentiable
    # Equal shapes, or a () second operand, give the first shape: the broadcasting rule's
    # own first case (OpSpec.elementwise), taken without a call or a memo key.
    passthrough = prim.spec.elementwise
    lane_ok = passthrough and diff  # arithmetic, not comparisons (they give bools)
    active = _ACTIVE.get
    f32_scalars = F32_SCALARS
    fwd: Callable[..., Any] = prim.forward
    Tensor: Any = NotLoaded

    def invoke(x: Any, y: Any) -> AnyTensor:
        # The fast lane: a float tensor with a tensor of its shape and dtype, or a float32
        # tensor with a Python float already cached as a 0-d array. The output has x's shape
        # (the rule's first case) and dtype, and so has every gradient (an exact node).
        if lane_ok and type(x) is Tensor:
            xd = x.data
            dt = xd.dtype
            ty = type(y)
            if ty is Tensor:
                yd = y.data
                lane = (dt is F32 or dt is F64) and yd.dtype is dt and xd.shape == yd.shape
            elif ty is float and dt is F32:
                yd = f32_scalars.get(y)
                lane = yd is not None
            else:
                lane = False
            if lane:
                out = fwd(xd, yd)
                # (0-d inputs give a numpy scalar.)
                if type(out) is not _ndarray and not isinstance(out, _ndarray):
                    out = _asarray(out)
                t: AnyTensor = _new(Tensor)
                t.data = out
                tape = active()
                if tape is not None:
                    # On the tape: marked with it (one comparison); a constant: unmarked;
                    # else id_on (a leaf this tape shares with a tape of another thread).
                    xi = (x._id if x._tape is tape
                          else -1 if x._tape is None else id_on(tape, x))
                    yi = (y._id if y._tape is tape
                          else -1 if y._tape is None else id_on(tape, y)) if ty is Tensor else -1
                    if xi >= 0 or yi >= 0:
                        # Tape.record's work, inline (the call is ~50 ns, ~4 % of a chain of
                        # small ops; tests/engine/test_invoke_paths.py holds this node to
                        # the one Tape.record writes).
                        vals = tape.vals
                        oid = len(vals)
                        vals.append(out)
                        tape.nodes.append((name, prim.vjp_fn, oid, (xi, yi), (xd, yd), out, 2))
                        t._tape = tape
                        t._id = oid
                        return t
                t._tape = None
                return t
        return general(x, y)

    def general(x: Any, y: Any) -> AnyTensor:
        # Steps 1-5 for two tensor operands. In an elementwise op, a Python number next to a
        # float array becomes a cached 0-d array of its dtype (numpy's scalar path is slow;
        # NEP 50 gives the same result).
        xd: Any
        yd: Any
        if type(x) is Tensor:
            xd = x.data
            xs = xd.shape
            if type(y) is Tensor:
                yd = y.data
                ys = yd.shape
            else:
                yd, ys = operand(y, name, yname, Tensor)
                int_fits(yd, xd, name, yname)
                if passthrough and ys == () and type(yd) in NUMBER:  # x * 0.9
                    yd = scalar_like(yd, xd)
        else:
            xd, xs = operand(x, name, xname, Tensor)
            if type(y) is Tensor:
                yd = y.data
                ys = yd.shape
                int_fits(xd, yd, name, xname)
                if passthrough and xs == () and type(xd) in NUMBER:  # 0.9 * y
                    xd = scalar_like(xd, yd)
            else:
                yd, ys = operand(y, name, yname, Tensor)
        hit = passthrough and (xs == ys or not ys)
        if hit or (xs, ys) in cache:
            out = fwd(xd, yd)
        else:
            out = prim.first_call((xs, ys), (xs, ys), fwd, xd, yd)
        if type(out) is not _ndarray and not isinstance(out, _ndarray):
            out = _asarray(out)
        dt = out.dtype
        if dt is F64 and creeps((xd, yd)):
            out = out.astype(F32)
            dt = F32
        t = wrap(out, Tensor)
        tape = active()
        if tape is not None and diff and dt.kind in "fc":
            xi = x._id if type(x) is Tensor and x._tape is tape else tape_id(x, tape, Tensor)
            yi = y._id if type(y) is Tensor and y._tape is tape else tape_id(y, tape, Tensor)
            if xi >= 0 or yi >= 0:
                # Exact: each input on the tape has the output's shape (xs, as the rule's
                # first case said) and dtype.
                exact = hit and (xi < 0 or xd.dtype is dt) and (yi < 0 or (ys == xs and yd.dtype is dt))
                tape.record(t, name, prim.vjp_fn, (xi, yi), (xd, yd), exact)
        return t

    def bind(forward: Callable[..., Any], tensor_type: type) -> None:
        nonlocal fwd, Tensor
        fwd, Tensor = forward, tensor_type

    return invoke, bind


def unary(prim: Primitive) -> Entry:
    """One TENSOR argument (``-x``, ``exp``, ``tanh``).

    >>> import typedflux as tf, typedflux.ops  # the op modules bind every primitive
    >>> from typedflux.engine.primitive import REGISTRY
    >>> REGISTRY["neg"].invoke(tf.ones(2))
    Tensor[2] float32
    [-1. -1.]
    """
    name = prim.name
    cache = prim._cache
    xname = prim.spec.args[0].name
    diff = prim.spec.differentiable
    # An elementwise map's output has its input's shape (OpSpec.elementwise): no rule to
    # run, no memo to look up.
    elementwise = prim.spec.elementwise
    active = _ACTIVE.get
    fwd: Callable[..., Any] = prim.forward
    Tensor: Any = NotLoaded

    def invoke(x: Any) -> AnyTensor:
        # The fast lane: an elementwise map of a tensor that keeps its dtype (an exact node;
        # only float tensors are ever on a tape).
        if elementwise and type(x) is Tensor:
            xd = x.data
            out = fwd(xd)
            if type(out) is _ndarray and out.dtype is xd.dtype:
                t: AnyTensor = _new(Tensor)
                t.data = out
                tape = active()
                if tape is not None and diff:
                    xi = (x._id if x._tape is tape
                          else -1 if x._tape is None else id_on(tape, x))
                    if xi >= 0:
                        # Tape.record's work, inline (as in the binary lane).
                        vals = tape.vals
                        oid = len(vals)
                        vals.append(out)
                        tape.nodes.append((name, prim.vjp_fn, oid, (xi,), (xd,), out, 1))
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
            if FOREIGN[0] is not None:  # (a public function may be this entry point itself)
                done = FOREIGN[0](name, (x,))
                if done is not NotImplemented:
                    return done  # type: ignore[no-any-return]
            xd, xs = operand(x, name, xname, Tensor)
        if xs in cache:
            out = fwd(xd)
        else:
            out = prim.first_call((xs,), xs, fwd, xd)
        return finish(x, xd, xs, out)

    def finish(x: Any, xd: Any, xs: Tuple[int, ...], out: Any) -> AnyTensor:
        if type(out) is not _ndarray and not isinstance(out, _ndarray):
            out = _asarray(out)
        if out.dtype is F64 and creeps((xd,)):
            out = out.astype(F32)
        elif out.dtype is _F16 and getattr(xd, "dtype", None) is not _F16:
            # Bools, int8 or uint8, which numpy maps in float16 (exp of 12 is inf): again
            # in float32, typedflux's default ("no float16 creep").
            out = _asarray(fwd(_asarray(xd, F32)))
        t = wrap(out, Tensor)
        tape = active()
        if tape is not None and diff and out.dtype.kind in "fc":
            xi = x._id if type(x) is Tensor and x._tape is tape else tape_id(x, tape, Tensor)
            if xi >= 0:
                # Exact: an elementwise map (same shape and dtype out as in).
                exact = out.dtype is xd.dtype and out.shape == xs
                tape.record(t, name, prim.vjp_fn, (xi,), (xd,), exact)
        return t

    def bind(forward: Callable[..., Any], tensor_type: type) -> None:
        nonlocal fwd, Tensor
        fwd, Tensor = forward, tensor_type

    return invoke, bind


def _ints(t: Tuple[Any, ...]) -> bool:
    # Every item an int itself (not a bool, a float or a numpy integer): a tuple in the form
    # the rule memo is keyed by.
    for i in t:
        if type(i) is not int:
            return False
    return True


def single(prim: Primitive) -> Entry:
    """One TENSOR, then parameters (reductions, ``reshape``, ``getitem``, ``softmax``).

    >>> import typedflux as tf, typedflux.ops  # the op modules bind every primitive
    >>> from typedflux.engine.primitive import REGISTRY
    >>> REGISTRY["sum"].invoke(tf.ones(2, 3), 1, False)
    Tensor[2] float32
    [3. 3.]
    """
    name = prim.name
    cache = prim._cache
    args = prim.spec.args
    xname = args[0].name
    kinds = tuple(a.kind for a in args[1:])
    nparams = len(kinds)
    diff = prim.spec.differentiable
    active = _ACTIVE.get
    # Parameters that may need normalising and checking (a list axis, an int for a DIMS/AXES
    # tuple, a float where an int belongs); parameters already in canonical form skip it.
    norm_idx = tuple(i for i, k in enumerate(kinds) if k in NORMALISED)
    pnames = tuple(a.name for a in args[1:])
    visible = tuple(i for i, k in enumerate(kinds) if k is not Kind.IGNORED)
    all_visible = len(visible) == nparams
    is_index = Kind.INDEX in kinds
    if is_index and kinds != (Kind.INDEX,):
        raise ValueError(f'"{name}": an INDEX argument must be the only parameter')
    fwd: Callable[..., Any] = prim.forward
    Tensor: Any = NotLoaded

    def invoke(x: Any, *params: Any) -> AnyTensor:
        if type(x) is Tensor:
            xd = x.data
        else:
            raw = operand(x, name, xname, Tensor)[0]
            # A Python number becomes a tensor the way tf.tensor makes one (float32).
            xd = raw if isinstance(raw, _ndarray) else number_array(raw)
        xs = xd.shape
        if len(params) != nparams:
            raise TypeError(f'"{name}" takes {nparams + 1} arguments, got {len(params) + 1}')
        if is_index:
            key = params[0]
            if has_array(key, Tensor):
                # Advanced (integer/boolean) indexing: numpy checks it, not the rule.
                params = (index_data(key, Tensor),)
                return finish(x, xd, params, fwd(xd, *params))
            ckey: Any = (xs, index_key(key))
            rule_vals: Any = (xs, key)
        else:
            for i in norm_idx:
                p = params[i]
                tp = type(p)
                kd = kinds[i]
                if (
                    (tp is not int and (tp is not tuple or not _ints(p)) and p is not None)
                    if kd is _AXIS
                    else (tp is not int) if kd is _INT or kd is _DIM
                    else (tp is not bool) if kd is _BOOL
                    # Items checked too: (6.0, 4) and (True, 24) equal (6, 4) and (1, 24),
                    # so they would hit those memo entries unread.
                    else tp is not tuple or not _ints(p)
                ):
                    params = normalised(params)
                    break
            vis = params if all_visible else shown(params)
            ckey = (xs, vis)
            rule_vals = None
        try:
            expected = cache.get(ckey)
        except TypeError:  # an unhashable parameter (a dict): refused below
            expected = ckey = None
        if expected is not None:
            return finish(x, xd, params, fwd(xd, *params))
        if rule_vals is None:
            # Cold path: every axis/size parameter checked (a tuple of floats too).
            params = normalised(params)
            rule_vals = (xs,) + params
        out = prim.first_call(rule_vals, ckey, fwd, xd, *params)
        return finish(x, xd, params, out)

    # (Helpers, not expressions in invoke: a comprehension there would make the variables
    # it reads cells, which every call pays for.)
    def normalised(params: Tuple[Any, ...]) -> Tuple[Any, ...]:
        return tuple(
            norm_param(kinds[j], q, name, pnames[j]) if j in norm_idx else q
            for j, q in enumerate(params)
        )

    def shown(params: Tuple[Any, ...]) -> Tuple[Any, ...]:
        return tuple(params[i] for i in visible)

    def finish(x: Any, xd: Any, params: Tuple[Any, ...], out: Any) -> AnyTensor:
        if type(out) is not _ndarray and not isinstance(out, _ndarray):
            out = _asarray(out)
        if out.dtype is F64 and xd.dtype is not F64 and xd.dtype != F64:  # (another float64 object)
            out = out.astype(F32)
        t = wrap(out, Tensor)
        tape = active()
        if tape is not None and diff and out.dtype.kind in "fc":
            xi = x._id if type(x) is Tensor and x._tape is tape else tape_id(x, tape, Tensor)
            if xi >= 0:
                tape.record(t, name, prim.vjp_fn, (xi,), (xd,) + params, False)
        return t

    def bind(forward: Callable[..., Any], tensor_type: type) -> None:
        nonlocal fwd, Tensor
        fwd, Tensor = forward, tensor_type

    return invoke, bind


def multi(prim: Primitive) -> Entry:
    """Two or more leading TENSORs, then parameters that are not tensors or indices (the
    fused layer ops: ``dense``, ``conv2d``, the RNNs, losses; ``where``).

    >>> import typedflux as tf, typedflux.ops  # the op modules bind every primitive
    >>> from typedflux.engine.primitive import REGISTRY
    >>> REGISTRY["where"].invoke(tf.tensor([True, False]), 1.0, 0.0)
    Tensor[2] float32
    [1. 0.]
    """
    name = prim.name
    cache = prim._cache
    args = prim.spec.args
    kinds = tuple(a.kind for a in args)
    nargs = len(args)
    k = leading_tensors(kinds)
    tnames = tuple(a.name for a in args[:k])
    pkinds = kinds[k:]
    diff = prim.spec.differentiable
    active = _ACTIVE.get
    # (Only axes and dims are put in canonical form here: INT/BOOL parameters of the fused
    # layer ops are the layers' own, already checked.)
    norm_idx = tuple(i for i, kd in enumerate(pkinds) if kd in NORMALISED[:3])
    pnames = tuple(a.name for a in args[k:])
    visible = tuple(i for i, kd in enumerate(pkinds) if kd is not Kind.IGNORED)
    all_visible = len(visible) == len(pkinds)
    # The visible parameters come first (dense's and conv's activation and grad_x are last):
    # the memo key takes a slice instead of a call.
    nvis = len(visible) if visible == tuple(range(len(visible))) else -1
    trange = range(k)
    fwd: Callable[..., Any] = prim.forward
    Tensor: Any = NotLoaded

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
                d, sh = operand(v, name, tnames[i], Tensor)
                datas.append(d)
                shapes.append(sh)
        params = vals[k:]
        if norm_idx:
            params = normalised(params)
        key: Any = (
            (*shapes, *params) if all_visible
            else (*shapes, *params[:nvis]) if nvis >= 0
            else (*shapes, *shown(params))
        )
        # Primitive.run's work, inline (a call per op): the memoised rule.
        try:
            known = key in cache
        except TypeError:  # an unhashable parameter: the rule runs every time
            known = False
            key = None
        if known:
            out = fwd(*datas, *params)
        else:
            out = prim.first_call((*shapes, *params), key, fwd, *datas, *params)
        if type(out) is not _ndarray and not isinstance(out, _ndarray):
            out = _asarray(out)
        dt = out.dtype
        if dt is F64 and creeps(datas):
            out = out.astype(F32)
            dt = F32
        t: AnyTensor = _new(Tensor)
        t.data = out
        t._tape = None
        tape = active()
        if tape is not None and diff and dt.kind in "fc":
            ids = []
            for i in trange:
                v = vals[i]
                if type(v) is Tensor:
                    m = v._tape
                    ids.append(v._id if m is tape else -1 if m is None else id_on(tape, v))
                else:
                    ids.append(tape_id(v, tape, Tensor))
            if ids.count(-1) < k:
                tape.record(t, name, prim.vjp_fn, tuple(ids), (*datas, *params), False)
        return t

    # (Helpers, not expressions in invoke: a comprehension there would make the variables
    # it reads cells, which every call pays for.)
    def normalised(params: Tuple[Any, ...]) -> Tuple[Any, ...]:
        return tuple(
            norm_param(pkinds[j], q, name, pnames[j]) if j in norm_idx else q
            for j, q in enumerate(params)
        )

    def shown(params: Tuple[Any, ...]) -> List[Any]:
        return [params[i] for i in visible]

    def bind(forward: Callable[..., Any], tensor_type: type) -> None:
        nonlocal fwd, Tensor
        fwd, Tensor = forward, tensor_type

    return invoke, bind
