"""The torch modules an exported model is made of: one per typedflux object, same names.

- :class:`Mirror` holds one typedflux object's tensors as parameters (trainable ones) and
  buffers (``_buffers``, integer tensors), its sub-layers as submodules and its plain
  settings as attributes, all under the object's own attribute names, so the dotted names of
  ``module.state_dict()`` are those of ``tf.named_tensors(model)``. Its ``forward`` is the
  layer's PyTorch forward (:mod:`typedflux.torch.layers`) or, for a user's layer, the
  layer's own ``__call__`` run on torch tensors (:func:`run_bridged`).
- :class:`Items` holds a tuple, list or dict (``Chain.layers``) under ``"0"``, ``"1"``...
  or the dict's keys.
- :class:`Fn` is a function used as a layer or a connection (``tf.relu``, ``tf.add``).

>>> import typedflux as tf
>>> from typedflux.torch import to_torch
>>> m = to_torch(tf.Chain(tf.Dense(2, 3, tf.relu), tf.Dense(3, 1)))
>>> [n for n, _ in m.named_parameters()]
['layers.0.weight', 'layers.0.bias', 'layers.1.weight', 'layers.1.bias']
"""

from __future__ import annotations

import copy
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

import numpy as np
import torch
from torch import nn

from typedflux.engine.tree import children, walk
from typedflux.shapes.errors import ShapeError
from typedflux.tensor import AnyTensor, Tensor
from typedflux.torch.bridge import NotTorchable, TorchTensor, dispatching, from_torch_value

__all__ = ["Mirror", "Items", "Fn", "TorchExportError", "Convert", "holds_tensors", "is_layer",
           "run_bridged", "unwrap"]

# Converts a typedflux sub-object (a layer, a container, a function) to a torch module.
Convert = Callable[[Any], nn.Module]


class TorchExportError(TypeError):
    """A typedflux object that cannot become a PyTorch module, or that failed to run as one;
    the message names it and says what to add.

    >>> raise TorchExportError("MyLayer() cannot be exported")
    Traceback (most recent call last):
    ...
    typedflux.torch.modules.TorchExportError: MyLayer() cannot be exported
    """


def holds_tensors(obj: Any) -> bool:
    """Whether ``obj`` holds any typedflux tensor (as ``tf.named_tensors`` would find).

    >>> import typedflux as tf
    >>> holds_tensors(tf.Dense(2, 2)), holds_tensors(tf.Flatten())
    (True, False)
    """
    return next(iter(walk(obj)), None) is not None


def is_layer(value: Any) -> bool:
    """Whether ``value`` becomes a torch module: a callable (not a class), an object holding
    tensors, or a tuple, list or dict holding one of those.

    >>> import typedflux as tf
    >>> is_layer(tf.relu), is_layer((tf.Flatten(),)), is_layer([3, 4]), is_layer(tf.ones(1))
    (True, True, False, False)
    """
    if isinstance(value, Tensor) or isinstance(value, type):
        return False
    if isinstance(value, (list, tuple)):
        return any(is_layer(v) or isinstance(v, Tensor) for v in value)
    if isinstance(value, dict):
        return any(is_layer(v) or isinstance(v, Tensor) for v in value.values())
    return callable(value) or holds_tensors(value)


def _as_torch(t: AnyTensor, memo: Dict[int, torch.Tensor], param: bool,
              trainable: bool) -> torch.Tensor:
    # A tensor reachable twice (tied weights) becomes ONE torch tensor, so tying survives;
    # it is trained if any of its names is trainable (as tf.named_params sees it).
    found = memo.get(id(t))
    if found is None:
        # (C order, torch's own: a weight a user assigned may be Fortran-ordered, and a
        # non-contiguous torch parameter would refuse .view and safetensors' save.)
        data = torch.from_numpy(np.array(t.data, copy=True, order="C"))
        found = nn.Parameter(data, requires_grad=trainable) if param else data
        memo[id(t)] = found
    elif trainable and isinstance(found, nn.Parameter):
        found.requires_grad_(True)
    return found


def _is_buffer(owner: Any, name: str, t: AnyTensor) -> bool:
    return name in (getattr(type(owner), "_buffers", ()) or ()) or t.data.dtype.kind not in "fc"


def _register(module: nn.Module, owner: Any, name: str, value: Any, trainable: bool,
              convert: Convert, memo: Dict[int, torch.Tensor], what: str) -> None:
    """Put one child of a typedflux object on ``module`` under the same name."""
    taken = name in module.__dict__ or hasattr(nn.Module, name)
    if isinstance(value, Tensor):
        if taken:
            raise TorchExportError(f"{what}: the tensor {name!r} would hide the torch.nn.Module "
                                   f"attribute of that name; rename it")
        t = _as_torch(value, memo, not _is_buffer(owner, name, value), trainable)
        if isinstance(t, nn.Parameter):
            module.register_parameter(name, t)
        else:
            module.register_buffer(name, t)
    elif is_layer(value):
        if taken:
            raise TorchExportError(f"{what}: the sub-layer {name!r} would hide the "
                                   f"torch.nn.Module attribute of that name; rename it")
        module.add_module(name, convert(value))
    elif not taken:
        object.__setattr__(module, name, value)  # a plain setting: a size, a rate, None


class Mirror(nn.Module):
    """A typedflux object as a torch module: its tensors, sub-layers and settings under its
    own names, and ``forward(module, *inputs)`` as its forward. ``settings`` adds values the
    forward reads that are not plain attributes (``Conv.window``, a fused activation name).
    A layer forced into train or test mode (``training`` True or False) starts in that
    torch mode; ``.train()``/``.eval()`` switch it as for any PyTorch module.

    >>> import typedflux as tf
    >>> from typedflux.torch import to_torch
    >>> to_torch(tf.Dense(2, 3))
    Mirror(Dense(2 => 3))
    """

    def __init__(self, source: Any, forward: Callable[..., Any], convert: Convert,
                 memo: Dict[int, torch.Tensor], settings: Optional[Dict[str, Any]] = None,
                 what: str = "") -> None:
        super().__init__()
        self.tf_repr = what or _repr(source)
        self.tf_forward = forward
        self.tf_source = source
        for name, value, trainable in children(source) or []:
            if name == "training":
                if value is not None:
                    self.train(bool(value))
                continue
            _register(self, source, name, value, trainable, convert, memo, self.tf_repr)
        for name, value in (settings or {}).items():
            object.__setattr__(self, name, value)

    def extra_repr(self) -> str:
        return self.tf_repr

    def __repr__(self) -> str:
        return f"Mirror({self.tf_repr})"

    def forward(self, *xs: Any, **kw: Any) -> Any:
        return self.tf_forward(self, *xs, **kw)


class Items(nn.Module):
    """A tuple, list or dict of layers (and tensors) under ``"0"``, ``"1"``, ... or its keys;
    iterating gives the converted items in order (a layer used twice, twice).

    >>> import typedflux as tf
    >>> from typedflux.torch import to_torch
    >>> layers = to_torch(tf.Chain(tf.Dense(2, 2), tf.relu)).layers
    >>> layers.kind, [type(m).__name__ for m in layers]
    ('tuple', ['Mirror', 'Fn'])
    """

    def __init__(self, source: Any, convert: Convert, memo: Dict[int, torch.Tensor]) -> None:
        super().__init__()
        self.kind = "dict" if isinstance(source, dict) else type(source).__name__
        self.keys: List[str] = []
        self.order: List[nn.Module] = []
        for name, value, trainable in children(source) or []:
            self.keys.append(name)
            if "." in name or not name:
                raise TorchExportError(f"the key {name!r} cannot name a torch module")
            _register(self, source, name, value, trainable, convert, memo, self.kind)
            sub = self._modules.get(name)
            if sub is not None:
                self.order.append(sub)

    def __iter__(self) -> Iterator[nn.Module]:
        return iter(self.order)

    def __len__(self) -> int:
        return len(self.order)

    def __getitem__(self, key: Any) -> nn.Module:
        if isinstance(key, int):
            return self.order[key]
        return self._modules[str(key)]  # type: ignore[return-value]


class Fn(nn.Module):
    """A function used as a layer or a connection: ``fn`` is its torch version.

    >>> import torch
    >>> Fn(torch.relu, "relu")(torch.tensor([-1.0, 1.0])).tolist()
    [0.0, 1.0]
    """

    def __init__(self, fn: Callable[..., Any], name: str) -> None:
        super().__init__()
        self.fn = fn
        self.name = name

    def extra_repr(self) -> str:
        return self.name

    def forward(self, *xs: Any, **kw: Any) -> Any:
        return self.fn(*xs, **kw)


def _repr(obj: Any) -> str:
    from typedflux.layers.callables import layer_repr

    try:
        text = layer_repr(obj)
    except Exception:  # a user's repr that fails must not stop an export
        text = type(obj).__name__
    return text if len(text) <= 80 else type(obj).__name__


# -- running a user's layer on torch tensors ----------------------------------------------------


def unwrap(v: Any) -> Any:
    """A bridged result in torch terms: TorchTensors become their torch tensors, numpy
    tensors become torch constants, through tuples, lists and dicts.

    >>> unwrap((TorchTensor(torch.ones(1)), 2))
    (tensor([1.]), 2)
    """
    if isinstance(v, TorchTensor):
        return v.data
    if isinstance(v, Tensor):
        return torch.as_tensor(v.data)
    if isinstance(v, tuple):
        return tuple(unwrap(x) for x in v)
    if isinstance(v, list):
        return [unwrap(x) for x in v]
    if isinstance(v, dict):
        return {k: unwrap(x) for k, x in v.items()}
    return v


class _Shim:
    """Stands for an exported sub-layer inside a bridged ``__call__``: calling it runs the
    torch module; its tensors read as TorchTensors; other attributes are the original's."""

    def __init__(self, module: nn.Module, original: Any) -> None:
        self._module = module
        self._original = original

    def __call__(self, *xs: Any, **kw: Any) -> Any:
        return from_torch_value(self._module(*unwrap(xs), **unwrap(kw)))

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        m = self._module
        if name in m._parameters or name in m._buffers:
            return _view_value(getattr(m, name), getattr(self._original, name, None))
        if name in m._modules:
            return _view_value(m._modules[name], getattr(self._original, name, None))
        return getattr(self._original, name)


def _view_value(value: Any, original: Any) -> Any:
    if isinstance(value, torch.Tensor):
        return TorchTensor(value)
    if isinstance(value, Items):
        items = [
            _view_value(value._parameters.get(k, value._buffers.get(k, value._modules.get(k))),
                        _item(original, k))
            for k in value.keys
        ]
        if value.kind == "dict":
            return dict(zip(value.keys, items))
        return list(items) if value.kind == "list" else tuple(items)
    if isinstance(value, nn.Module):
        return _Shim(value, original)
    return original


def _item(container: Any, key: str) -> Any:
    if isinstance(container, dict):
        return container.get(key)
    if isinstance(container, (list, tuple)):
        return container[int(key)]
    return None


def _view(m: Mirror) -> Any:
    """A shallow copy of the typedflux object with torch-backed tensors and sub-layers."""
    source = m.tf_source
    view = copy.copy(source)
    for name, value, _ in children(source) or []:
        if name in m._parameters or name in m._buffers or name in m._modules:
            mine = m._parameters.get(name, m._buffers.get(name, m._modules.get(name)))
            setattr(view, name, _view_value(mine, value))
    return view


def run_bridged(m: Mirror, *xs: Any, **kw: Any) -> Any:
    """The forward of a user's layer that has no PyTorch mapping: its own ``__call__`` on
    a view whose tensors are the module's parameters, with typedflux ops dispatched to
    torch. Code that leaves the torch graph (numpy on a tensor) is refused, naming the
    layer and the way out."""
    view = _view(m)
    try:
        with dispatching():
            out = view(*from_torch_value(xs), **from_torch_value(kw))
    except ShapeError:
        raise
    except TorchExportError:
        raise
    except (NotTorchable, TypeError, RuntimeError, AttributeError, ValueError) as err:
        cls = type(m.tf_source).__name__
        raise TorchExportError(
            f"{m.tf_repr} cannot run on PyTorch tensors ({type(err).__name__}: {err}). "
            f"Write {cls}.__call__ with typedflux ops only, or give {cls} a method "
            f"`to_torch(self) -> torch.nn.Module` whose parameters are named like its "
            f"tensors ({_names(m.tf_source)})"
        ) from err
    return unwrap(out)


def _names(obj: Any) -> str:
    names = [n for n, _, _ in walk(obj)]
    return ", ".join(names[:6]) + (", ..." if len(names) > 6 else "") if names else "none"


def shapes_of(module: nn.Module) -> List[Tuple[str, Tuple[int, ...]]]:
    """Every parameter and buffer of ``module`` by dotted name (each tensor once), in the
    order torch lists them.

    >>> shapes_of(nn.Linear(2, 3))
    [('weight', (3, 2)), ('bias', (3,))]
    """
    out = [(n, tuple(p.shape)) for n, p in module.named_parameters()]
    out += [(n, tuple(b.shape)) for n, b in module.named_buffers()]
    return out
