"""What every layer shares: the base class, initialisers and the train/test mode switch.

A layer is any callable. The layer classes of typedflux derive from :class:`Layer`, which
binds them to their spec in :mod:`typedflux.shapes` (constructor arguments, config and shape
rule, declared once and read by the mypy plugin too): a Flux-style ``repr``, an
``output_shape`` from the pure layer rule, and ``check`` that every ``__call__`` runs first
so a wrong input raises ``ShapeError`` naming the layer.

>>> import typedflux as tf
>>> w = glorot_uniform(32, 784)
>>> w.shape, w.dtype
((32, 784), dtype('float32'))
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, ClassVar, Dict, Optional, Tuple

import numpy as np
from typing_extensions import Unpack

from typedflux.engine.tape import is_recording
from typedflux.ops.creation import rng
from typedflux.shapes import messages
from typedflux.shapes.layer_config import LayerConfig, Shape
from typedflux.shapes.layer_spec import LayerSpec
from typedflux.tensor import Tensor

__all__ = [
    "Module", "Layer", "glorot_uniform", "zeros32", "ones32", "randn32", "param", "active",
    "fused_activation",
]

AnyTensor = Tensor[Unpack[Tuple[Any, ...]]]

# Per-layer memo size: a layer seldom sees more than a few input shapes.
_MEMO_LIMIT = 64


class Module:
    """The one base of every typedflux layer and container (``Dense``, ``Chain``,
    ``SkipConnection``, ...). It does nothing at run time; it is there for the type checker:
    mypy types a mix of them (a dict of heads holding a ``Dense`` and a ``Chain``) as their
    nearest common base, which without it was ``object``, "not callable".

    >>> import typedflux as tf
    >>> all(isinstance(m, Module) for m in (tf.Dense(2, 3), tf.Chain(tf.relu)))
    True
    """

    if TYPE_CHECKING:
        # Every layer class defines its own typed ``__call__``. This one is for the checker
        # alone: a list or dict of layers of several kinds (``[Dense(...), Dropout(0.1),
        # LayerNorm(16)]``, ``{"cls": Dense(16, 10), "reg": Chain(...)}``) has the item type
        # ``Layer`` or ``Module``, and ``for layer in layers: h = layer(h)`` must type-check
        # (the shape is then unknown). ``*args: Any, **kwargs: Any`` lets every subclass
        # narrow it.
        def __call__(self, *args: Any, **kwargs: Any) -> Any: ...


class Layer(Module):
    """Base class of typedflux layers: ``repr`` and shapes come from the layer's spec.

    A layer class names its spec (``spec = LAYERS["Dense"]``, declared in
    ``typedflux/shapes/layers_*.py``), validates its constructor arguments with
    :meth:`_configure` and says in :meth:`_arguments` where each constructor argument lives
    in its state (``Dense``'s sizes are its weight's shape). Its config (repr and shape rule)
    is built from those, so it follows changes to the layer (a new activation, a replaced
    weight). ``__call__`` runs :meth:`check` on its input first.

    >>> import typedflux as tf
    >>> tf.Dense(784, 32, tf.relu).output_shape((16, 784))
    (16, 32)
    """

    spec: ClassVar[LayerSpec]

    def _configure(self, *args: Any) -> Dict[str, Any]:
        """Validate the constructor arguments (in the spec's order); return them normalised
        (windows as pairs) for building the parameters. Errors name the class and argument."""
        return type(self).spec.configure(args)[1]

    def _arguments(self) -> Tuple[Any, ...]:
        """The constructor arguments this layer now has, in the spec's order."""
        raise NotImplementedError

    @property
    def config(self) -> LayerConfig:
        """The layer's config (its Flux-style repr and shape rule), from its current state."""
        spec = getattr(type(self), "spec", None)
        if spec is None:
            raise NotImplementedError(
                f"{type(self).__name__} has no layer spec (a user layer is checked by its "
                "__call__ annotations instead)"
            )
        return spec.configure(self._arguments())[0]  # type: ignore[no-any-return]

    def __repr__(self) -> str:
        if getattr(type(self), "spec", None) is None:
            # A user subclass without a spec: named as any callable object is (``Block()``).
            return f"{type(self).__name__}()"
        return self.config.repr()

    def output_shape(self, shape: Shape) -> Shape:
        """The output shape for an input shape, from the layer rule (no forward pass)."""
        return self.config.rule(tuple(shape))

    def _key(self) -> Any:
        """A cheap hashable summary of everything ``config`` depends on, or None.

        :meth:`check` memoises rule results per instance on ``(key, input shape)``, so a
        steady-state call costs a dict lookup instead of building a config (layers stay
        mutable: a changed key misses the memo)."""
        return self._arguments()

    def _shape_of(self, x: Any) -> Tuple[int, ...]:
        """The shape of an input tensor (or numpy array); ``TypeError`` naming this layer
        for anything else (``None``, a list), before any maths can fail on it."""
        if isinstance(x, Tensor):
            return tuple(x.data.shape)
        if isinstance(x, np.ndarray):
            return tuple(x.shape)
        raise TypeError(messages.wrong_input_type(repr(self), x))

    def check(self, x: Any) -> Shape:
        """Run the layer rule on ``x``'s shape; raises ``ShapeError`` naming this layer (and
        ``TypeError`` for an input that is not a tensor)."""
        shape = x.data.shape if isinstance(x, Tensor) else self._shape_of(x)
        k = self._key()
        if k is None:
            return _output_fits(self, shape)
        memo: Optional[Dict[Any, Shape]] = self.__dict__.get("_memo")
        if memo is None:
            memo = self.__dict__["_memo"] = {}
        key = (k, shape)
        try:
            out = memo.get(key)
        except TypeError:  # an unhashable part (a callable object as activation): no memo
            return _output_fits(self, shape)
        if out is None:
            out = _output_fits(self, shape)
            if len(memo) >= _MEMO_LIMIT:
                memo.clear()
            memo[key] = out
        return out


# No machine holds a float32 array this large (numpy's own limit is about 2**63 bytes).
_MAX_ELEMENTS = 2**48


def _output_fits(layer: Any, x: Shape) -> Shape:
    """The layer rule's output shape(s) for input shape ``x``, unless one of them, or an
    array the run holds besides (``config.workspace``: a conv's padded input), is a size no
    machine holds: then a MemoryError naming the layer (numpy would fail with a bare
    ValueError inside the kernel, or try to allocate it)."""
    out: Shape = layer.config.rule(x)
    several: Any = out  # a layer of several outputs gives a tuple of shapes
    for s in (several if out and isinstance(out[0], tuple) else (out,)):
        _size_fits(layer, s, "an output")
    for s in layer.config.workspace(x):
        _size_fits(layer, s, "a padded intermediate")
    return out


def _size_fits(layer: Any, s: Shape, what: str) -> None:
    sizes = [d for d in s if isinstance(d, int)]
    if math.prod(max(d, 1) for d in sizes) > _MAX_ELEMENTS:
        raise MemoryError(f"{layer!r} would make {what} of shape {tuple(s)}, which does "
                          "not fit in memory")


def _fits(dims: Tuple[int, ...]) -> None:
    """A parameter of a size no machine holds is a MemoryError that says so (numpy would
    raise a bare ValueError, or try to allocate it)."""
    if math.prod(dims) > _MAX_ELEMENTS:
        raise MemoryError(
            f"a parameter of shape {dims} ({math.prod(dims):.3g} elements) does not fit in memory"
        )


def param(arr: np.ndarray[Any, Any]) -> AnyTensor:
    """A float32 parameter tensor wrapping ``arr``."""
    return Tensor(np.asarray(arr, dtype=np.float32))


def glorot_uniform(*dims: int) -> AnyTensor:
    """Glorot (Xavier) uniform init as in Flux: ``U(-a, a)``, ``a = sqrt(6 / (fan_in +
    fan_out))`` for a weight of PyTorch layout ``(out, in, *kernel)``, drawn from the
    generator ``tf.seed`` resets.

    >>> import typedflux as tf
    >>> tf.seed(0); bool((abs(glorot_uniform(3, 4).numpy()) <= (6 / 7) ** 0.5).all())
    True
    """
    receptive = math.prod(dims[2:]) if len(dims) > 2 else 1
    fan_out, fan_in = dims[0] * receptive, (dims[1] if len(dims) > 1 else 1) * receptive
    limit = math.sqrt(6.0 / (fan_in + fan_out))
    _fits(dims)
    return param(rng().uniform(-limit, limit, size=dims))


def randn32(*dims: int) -> AnyTensor:
    """A float32 parameter of standard normal samples (Flux's Embedding init).

    >>> randn32(2, 3).shape
    (2, 3)
    """
    _fits(dims)
    return param(rng().standard_normal(dims))


def zeros32(*dims: int) -> AnyTensor:
    """A float32 parameter of zeros.

    >>> zeros32(3).numpy().tolist()
    [0.0, 0.0, 0.0]
    """
    _fits(dims)
    return param(np.zeros(dims))


def ones32(*dims: int) -> AnyTensor:
    """A float32 parameter of ones.

    >>> ones32(2).numpy().tolist()
    [1.0, 1.0]
    """
    _fits(dims)
    return param(np.ones(dims))


def fused_activation(activation: Any) -> Optional[str]:
    """The name under which the dense/conv primitives fuse ``activation`` (``identity``,
    ``relu``, ``tanh``, ``sigmoid`` of typedflux), or None for any other callable.

    >>> import typedflux as tf
    >>> fused_activation(tf.relu), fused_activation(tf.gelu)
    ('relu', None)
    """
    table = _FUSED_BY_ID
    if not table:
        from typedflux.ops import nn
        from typedflux.ops.layers_nn import FUSED_ACTIVATIONS

        # Keyed by id: the module's functions live as long as the process, so an id found
        # here always belongs to that very function (every layer call asks this).
        for name in FUSED_ACTIVATIONS:
            table[id(getattr(nn, name))] = name
    return table.get(id(activation))


_FUSED_BY_ID: Dict[int, str] = {}


def active(training: Optional[bool]) -> bool:
    """Flux's train/test mode: ``None`` ("auto") is active only while a gradient is being
    taken; ``True``/``False`` force it (``tf.trainmode`` / ``tf.testmode`` set them).

    >>> active(None), active(True), active(False)
    (False, True, False)
    """
    return is_recording() if training is None else bool(training)
