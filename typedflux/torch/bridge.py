"""Running typedflux code on PyTorch tensors: how a layer written with ``tf`` ops exports itself.

A :class:`TorchTensor` is a typedflux ``Tensor`` whose ``data`` is a ``torch.Tensor``. Inside
:func:`dispatching`, every registered primitive that receives one runs its PyTorch version
(:data:`typedflux.torch.functional.OPS`) instead of its numpy forward: the op's shape rule
runs first, as in the numpy engine (a mismatch is the same ``ShapeError``), and the result
is another ``TorchTensor``, recorded by torch's autograd. So ``tf.relu(x) @ w.T + b`` in a
user's ``__call__`` builds a torch graph, with typedflux's numerics, on any torch device.

How: while at least one thread is inside :func:`dispatching`, each primitive's ``invoke`` is
wrapped by a dispatcher sending calls with a ``TorchTensor`` argument to torch, others to the
original unchanged (numpy code in another thread gets its usual results, a little slower);
public functions that are their op's entry point (``tf.exp``) ask ``engine.invoke.FOREIGN``,
set to the same test. ``TorchTensor``'s operators and methods dispatch directly.

>>> import torch, typedflux as tf
>>> x = TorchTensor(torch.tensor([-1.0, 2.0], requires_grad=True))
>>> with dispatching():
...     y = (tf.relu(x) * 3.0).sum()
>>> y.data.backward(); x.data.grad.tolist()
[0.0, 3.0]
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

import numpy as np
import torch

from typedflux.engine.invoke import FOREIGN
from typedflux.ops import movement as _movement
from typedflux.ops import reduce as _reduce
from typedflux.ops.registry import REGISTRY, Primitive, norm_axis
from typedflux.shapes.catalog import Kind
from typedflux.shapes.errors import CannotTell
from typedflux.tensor import Tensor
from typedflux.torch.functional import OPS

__all__ = ["TorchTensor", "NotTorchable", "dispatching", "run_op", "to_torch_value",
           "from_torch_value"]


class NotTorchable(TypeError):
    """typedflux code tried to leave the torch graph (``x.numpy()``, numpy on a tensor, an
    op without a PyTorch version).

    >>> raise NotTorchable("x.numpy() was called")
    Traceback (most recent call last):
    ...
    typedflux.torch.bridge.NotTorchable: x.numpy() was called
    """


_NP_DTYPES: Dict[torch.dtype, np.dtype[Any]] = {
    torch.float16: np.dtype(np.float16),
    torch.float32: np.dtype(np.float32),
    torch.float64: np.dtype(np.float64),
    torch.int32: np.dtype(np.int32),
    torch.int64: np.dtype(np.int64),
    torch.bool: np.dtype(np.bool_),
    torch.uint8: np.dtype(np.uint8),
}


class TorchTensor(Tensor):  # type: ignore[type-arg, unused-ignore]
    """A typedflux tensor backed by a ``torch.Tensor`` (``data``): shapes are tuples of
    ints, ``dtype`` is the numpy equivalent, operators and methods run torch ops.

    >>> import torch
    >>> t = TorchTensor(torch.ones(2, 3))
    >>> t.shape, t.dtype, (t + 1.0).sum().item()
    ((2, 3), dtype('float32'), 12.0)
    """

    __slots__ = ()
    data: Any

    def __init__(self, data: torch.Tensor) -> None:  # noqa: D107 - documented on the class
        self.data = data
        self._tape = None

    @property
    def shape(self) -> Any:
        return tuple(int(d) for d in self.data.shape)

    @property
    def ndim(self) -> int:
        return int(self.data.ndim)

    @property
    def dtype(self) -> Any:
        return _NP_DTYPES.get(self.data.dtype, self.data.dtype)

    def numpy(self) -> Any:
        raise NotTorchable("x.numpy() was called on a tensor that lives in PyTorch")

    def __array__(self, dtype: Any = None, copy: Optional[bool] = None) -> Any:
        raise NotTorchable("numpy was called on a tensor that lives in PyTorch")

    def item(self) -> Any:
        return self.data.item()

    def detach(self) -> Any:
        return TorchTensor(self.data.detach())

    def __repr__(self) -> str:
        return f"TorchTensor{list(self.shape)} {self.data.dtype} on {self.data.device}"

    def __add__(self, y: Any) -> Any:
        return run_op("add", self, y)

    def __radd__(self, x: Any) -> Any:
        return run_op("add", x, self)

    def __sub__(self, y: Any) -> Any:
        return run_op("sub", self, y)

    def __rsub__(self, x: Any) -> Any:
        return run_op("sub", x, self)

    def __mul__(self, y: Any) -> Any:
        return run_op("mul", self, y)

    def __rmul__(self, x: Any) -> Any:
        return run_op("mul", x, self)

    def __truediv__(self, y: Any) -> Any:
        return run_op("div", self, y)

    def __rtruediv__(self, x: Any) -> Any:
        return run_op("div", x, self)

    def __pow__(self, y: Any) -> Any:
        return run_op("pow", self, y)

    def __rpow__(self, x: Any) -> Any:
        return run_op("pow", x, self)

    def __matmul__(self, w: Any) -> Any:
        return run_op("matmul", self, w)

    def __rmatmul__(self, x: Any) -> Any:
        return run_op("matmul", x, self)

    def __neg__(self) -> Any:
        return run_op("neg", self)

    def __abs__(self) -> Any:
        return run_op("abs", self)

    def __eq__(self, y: object) -> Any:
        return run_op("eq", self, y)

    def __ne__(self, y: object) -> Any:
        return run_op("ne", self, y)

    def __lt__(self, y: Any) -> Any:
        return run_op("lt", self, y)

    def __le__(self, y: Any) -> Any:
        return run_op("le", self, y)

    def __gt__(self, y: Any) -> Any:
        return run_op("gt", self, y)

    def __ge__(self, y: Any) -> Any:
        return run_op("ge", self, y)

    __hash__ = Tensor.__hash__

    def __getitem__(self, key: Any) -> Any:
        return run_op("getitem", self, key)

    def sum(self, axis: Any = None, keepdims: bool = False) -> Any:
        return run_op("sum", self, axis, keepdims)

    def mean(self, axis: Any = None, keepdims: bool = False) -> Any:
        return _public(_reduce.mean, self, axis, keepdims)

    @property
    def T(self) -> Any:
        return _public(_movement.T, self)

    def reshape(self, *shape: Any) -> Any:
        return _public(_movement.reshape, self, *shape)

    def transpose(self, *axes: Any) -> Any:
        return _public(_movement.transpose, self, *axes)

    def swapaxes(self, axis1: int, axis2: int) -> Any:
        return _public(_movement.swapaxes, self, axis1, axis2)

    def squeeze(self, axis: Any = None) -> Any:
        return _public(_movement.squeeze, self, axis)

    def unsqueeze(self, axis: int) -> Any:
        return _public(_movement.unsqueeze, self, axis)

    def max(self, axis: Any = None, keepdims: bool = False) -> Any:
        return run_op("max", self, axis, keepdims)

    def min(self, axis: Any = None, keepdims: bool = False) -> Any:
        return run_op("min", self, axis, keepdims)


# Tensor members that compute nothing (or only read the data): TorchTensor inherits them.
PLAIN_MEMBERS = frozenset({
    "shape", "ndim", "dtype", "numpy", "item", "detach", "__len__", "__iter__", "__array__",
    "__bool__", "__float__", "__int__", "__repr__", "__reduce__", "__init__",
    "__class_getitem__", "__pos__", "__hash__", "__array_ufunc__", "__slots__", "__module__",
    "__doc__", "__qualname__", "__orig_bases__", "__parameters__", "__annotations__",
    "__weakref__", "data", "_tape", "_id", "__dict__", "__firstlineno__",
    "__static_attributes__", "__type_params__",
})


def _torch_entry(name: str, primitive: bool, original: Callable[..., Any]) -> Callable[..., Any]:
    def run(*args: Any, **kw: Any) -> Any:
        if primitive:
            return run_op(name, *args, *kw.values())
        with dispatching():
            return original(*args, **kw)

    return run


def _rebind_methods() -> None:
    """Give TorchTensor every computing Tensor method it does not define itself: the same
    code, with each op entry point it calls (bound at class creation, so the dispatchers
    cannot see it) replaced by its torch version."""
    import types

    from typedflux.engine.primitive import entry
    from typedflux.shapes.catalog import SPECS

    # Tensor's own members and those it inherits from TensorMethods (typedflux.tensor_methods).
    classes = [c for c in reversed(Tensor.__mro__) if c.__module__.startswith("typedflux.")]
    modules = {c.__module__ for c in classes}
    found: Dict[int, Tuple[str, bool, Callable[..., Any]]] = {}
    for name, spec in SPECS.items():
        try:
            e = entry(name)
        except Exception:  # noqa: BLE001 - an op without a single-output entry
            continue
        found[id(e)] = (name, bool(spec.primitive), e)
    envs: Dict[int, Dict[str, Any]] = {}

    def env_of(module_globals: Dict[str, Any]) -> Dict[str, Any]:
        env = envs.get(id(module_globals))
        if env is None:
            env = envs[id(module_globals)] = dict(module_globals)
            for key, value in module_globals.items():
                hit = found.get(id(value))
                if hit is not None:
                    env[key] = _torch_entry(*hit)
        return env

    def rebound(fn: Any) -> Any:
        hit = found.get(id(fn))
        if hit is not None:
            return _torch_entry(*hit)
        if isinstance(fn, types.FunctionType) and fn.__module__ in modules:
            new = types.FunctionType(fn.__code__, env_of(fn.__globals__), fn.__name__,
                                     fn.__defaults__, fn.__closure__)
            new.__kwdefaults__ = fn.__kwdefaults__
            new.__doc__ = fn.__doc__
            return new
        return None

    for name, member in {k: v for c in classes for k, v in vars(c).items()}.items():
        if name in PLAIN_MEMBERS or name in vars(TorchTensor):
            continue
        if isinstance(member, property) and member.fget is not None:
            getter = rebound(member.fget)
            if getter is not None:
                setattr(TorchTensor, name, property(getter))
        else:
            method = rebound(member)
            if method is not None:
                setattr(TorchTensor, name, method)


def _public(fn: Callable[..., Any], *args: Any) -> Any:
    # A Tensor method bound to an op's entry point at class creation: run the op's public
    # function instead (it looks its primitive up per call, so the dispatchers see it).
    with dispatching():
        return fn(*args)


_rebind_methods()


def to_torch_value(v: Any, like: Optional[torch.Tensor]) -> Any:
    """A tensor argument as torch sees it: a TorchTensor's data, a numpy tensor or array as
    a constant on ``like``'s device, a number as itself.

    >>> to_torch_value(np.ones(2, dtype=np.float32), None)
    tensor([1., 1.])
    """
    if isinstance(v, TorchTensor):
        return v.data
    if isinstance(v, torch.Tensor):
        return v
    if isinstance(v, Tensor):
        v = v.data
    if isinstance(v, (np.ndarray, np.generic)):
        return torch.as_tensor(np.asarray(v), device=None if like is None else like.device)
    return v


def from_torch_value(v: Any) -> Any:
    """A torch result back in typedflux terms: tensors become TorchTensors, through tuples,
    lists and dicts.

    >>> from_torch_value((torch.ones(1), 2))
    (TorchTensor[1] torch.float32 on cpu, 2)
    """
    if isinstance(v, torch.Tensor):
        return TorchTensor(v)
    if isinstance(v, tuple):
        return tuple(from_torch_value(x) for x in v)
    if isinstance(v, list):
        return [from_torch_value(x) for x in v]
    if isinstance(v, dict):
        return {k: from_torch_value(x) for k, x in v.items()}
    return v


def _index(key: Any, like: torch.Tensor) -> Any:
    if isinstance(key, tuple):
        return tuple(_index(k, like) for k in key)
    if isinstance(key, (Tensor, np.ndarray, torch.Tensor)):
        return to_torch_value(key, like)
    if isinstance(key, list):
        return torch.as_tensor(np.asarray(key), device=like.device)
    return key


def _norm(kind: Kind, v: Any) -> Any:
    if kind is Kind.AXIS:
        return norm_axis(v)
    if kind is Kind.AXES or kind is Kind.DIMS:
        if v is None:
            return ()
        if isinstance(v, (int, np.integer)):
            return (int(v),)
        return tuple(int(d) for d in v)
    return v


def _shape(v: Any) -> Tuple[int, ...]:
    if isinstance(v, (Tensor, torch.Tensor, np.ndarray, np.generic)):
        return tuple(int(d) for d in v.shape)
    return ()


def _first_torch(args: Tuple[Any, ...]) -> Optional[torch.Tensor]:
    for v in args:
        if isinstance(v, TorchTensor):
            return v.data  # type: ignore[no-any-return]
        if isinstance(v, torch.Tensor):
            return v
        if isinstance(v, (list, tuple)):
            found = _first_torch(tuple(v))
            if found is not None:
                return found
    return None


def run_op(name: str, *args: Any) -> Any:
    """Run primitive ``name`` on torch: its shape rule first (typedflux's ``ShapeError``
    on a mismatch), then ``OPS[name]``; the result is a :class:`TorchTensor`.

    >>> run_op("matmul", TorchTensor(torch.ones(2, 3)), TorchTensor(torch.ones(4, 3)))
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: ...matmul...
    """
    prim = REGISTRY[name]
    fn = OPS.get(name)
    if fn is None:
        raise NotTorchable(
            f'the typedflux op "{name}" has no PyTorch version (add one to '
            f"typedflux.torch.functional.OPS)"
        )
    like = _first_torch(args)
    spec_args = prim.spec.args
    if len(args) != len(spec_args):
        raise TypeError(f'"{name}" takes {len(spec_args)} arguments, got {len(args)}')
    call: List[Any] = []
    rule: Dict[str, Any] = {}
    check = True
    for a, v in zip(spec_args, args):
        if a.kind is Kind.TENSOR:
            call.append(_number(v, like) if isinstance(v, (bool, int, float)) else
                        to_torch_value(v, like))
            rule[a.name] = _shape(v)
        elif a.kind is Kind.TENSORS:
            call.append([to_torch_value(x, like) for x in v])
            rule[a.name] = tuple(_shape(x) for x in v)
        elif a.kind is Kind.INDEX:
            assert like is not None
            key = _index(v, like)
            check = check and not _advanced(v)
            call.append(key)
            rule[a.name] = v
        elif a.kind is Kind.IGNORED:
            call.append(v)
        else:
            p = _norm(a.kind, v)
            call.append(p)
            rule[a.name] = p
    if check:
        try:
            prim.spec.rule(**rule)
        except CannotTell:
            pass
    return from_torch_value(fn(*call))


def _number(v: Any, like: Optional[torch.Tensor]) -> Any:
    # A Python number takes the tensor's dtype, as typedflux (and numpy's NEP 50) cast it:
    # a float32 tensor times 0.5 stays float32; a float with an integer tensor is float32.
    if like is None:
        return torch.as_tensor(v)
    if isinstance(v, bool):
        dtype = torch.bool
    elif isinstance(v, float) and not like.dtype.is_floating_point:
        dtype = torch.float32
    else:
        dtype = like.dtype
    return torch.as_tensor(v, dtype=dtype, device=like.device)


def _advanced(key: Any) -> bool:
    if isinstance(key, tuple):
        return any(_advanced(k) for k in key)
    return isinstance(key, (Tensor, np.ndarray, torch.Tensor, list))


def _torch_arg(args: Tuple[Any, ...]) -> bool:
    for v in args:
        if isinstance(v, (TorchTensor, torch.Tensor)):
            return True
        if isinstance(v, (list, tuple)) and _torch_arg(tuple(v)):
            return True
    return False


def _dispatcher(prim: Primitive, original: Callable[..., Any]) -> Callable[..., Any]:
    name = prim.name

    def invoke(*args: Any) -> Any:
        if _torch_arg(args):
            return run_op(name, *args)
        return original(*args)

    invoke.__wrapped__ = original  # type: ignore[attr-defined]
    return invoke


_LOCK = threading.Lock()
_DEPTH = [0]
_ORIGINALS: Dict[str, Callable[..., Any]] = {}


@contextmanager
def dispatching() -> Iterator[None]:
    """Inside this block, typedflux ops given a :class:`TorchTensor` run in PyTorch.
    Re-entrant and thread-safe (a counter keeps the dispatchers installed while any thread
    is inside); calls without a TorchTensor are unchanged.

    >>> from typedflux.ops.registry import REGISTRY
    >>> before = REGISTRY["relu"].invoke
    >>> with dispatching():
    ...     REGISTRY["relu"].invoke is before
    False
    >>> REGISTRY["relu"].invoke is before
    True
    """
    with _LOCK:
        if _DEPTH[0] == 0:
            for name, prim in REGISTRY.items():
                _ORIGINALS[name] = prim.invoke
                prim.invoke = _dispatcher(prim, prim.invoke)
            FOREIGN[0] = lambda n, a: run_op(n, *a) if _torch_arg(a) else NotImplemented
        _DEPTH[0] += 1
    try:
        yield
    finally:
        with _LOCK:
            _DEPTH[0] -= 1
            if _DEPTH[0] == 0:
                FOREIGN[0] = None
                for name, original in _ORIGINALS.items():
                    REGISTRY[name].invoke = original
                _ORIGINALS.clear()
