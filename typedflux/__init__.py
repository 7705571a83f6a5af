"""typedflux: Flux.jl-style machine learning with tensor shapes checked by mypy and at run time.

>>> import typedflux as tf
>>> x = tf.randn(4, 3)
>>> w = tf.randn(3, 2)
>>> (g,) = tf.gradient(lambda w: tf.relu(x @ w).sum(), w)
>>> g.shape
(3, 2)

The package loads lazily: ``import typedflux`` imports nothing else, so the mypy plugin can
import the pure-Python ``typedflux.shapes`` without numpy or the runtime; a pure name
(``ShapeError``) is imported alone from its module (:data:`_EXPORTS`). The first runtime name
read loads the runtime and every public name, and from then on the package is a plain module
(see ``_settle``). Type checkers and IDEs read the ``TYPE_CHECKING`` imports below, which name
the same modules.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any, Dict, List, Tuple

if TYPE_CHECKING:
    from typedflux.tensor import Tensor, AnyTensor, TensorLike
    from typedflux.shapes.errors import ShapeError
    from numpy import float32, float64, int64
    from typedflux.ops.creation import tensor, zeros, ones, full, randn, rand, arange, seed, rng
    from typedflux.ops.elementwise import (
        abs,
        exp,
        log,
        sqrt,
        maximum,
        minimum,
        where,
        sin,
        cos,
        clamp,
    )
    from typedflux.ops.linalg import matmul, tril, triu
    from typedflux.ops.einsum import einsum
    from typedflux.ops.rearrange import rearrange, reduce
    from typedflux.ops.reduce import sum, mean, max, min, var, std, argmax, argmin, cumsum
    from typedflux.ops.nn import (
        logsumexp,
        identity,
        relu,
        leakyrelu,
        elu,
        gelu,
        swish,
        sigmoid,
        tanh,
        softplus,
        softmax,
        logsoftmax,
    )
    from typedflux.ops.movement import reshape, transpose, swapaxes, squeeze, unsqueeze, flatten
    from typedflux.ops.join import concat, stack, cat, add, mul, split, chunk
    from typedflux.ops.expand import tile, repeat, repeat_interleave, pad
    from typedflux.ops.index import take_along_axis, gather
    from typedflux.engine.grad import gradient, withgradient
    from typedflux.engine.tape import is_recording
    from typedflux.engine.tree import Grads, params, named_params, named_tensors
    from typedflux.layers.basic import Dense, Flatten, Dropout, Embedding
    from typedflux.layers.containers import Chain, SkipConnection, Parallel
    from typedflux.layers.conv import (
        Conv,
        ConvTranspose,
        MaxPool,
        MeanPool,
        GlobalMaxPool,
        GlobalMeanPool,
        AdaptiveMeanPool,
    )
    from typedflux.layers.normalise import BatchNorm, LayerNorm, GroupNorm, InstanceNorm
    from typedflux.layers.recurrent import RNN, LSTM, GRU, initialstates
    from typedflux.layers.resample import Upsample, PixelShuffle
    from typedflux.layers.combine import Bilinear, Maxout, PairwiseFusion
    from typedflux.layers.attention import MultiHeadAttention
    from typedflux.layers.show import outputsize, summary
    from typedflux import losses
    from typedflux.optimise.rules import Descent, Momentum, Nesterov, RMSProp, AdaGrad, AdaDelta
    from typedflux.optimise.composable import (
        OptimiserChain,
        ClipGrad,
        ClipNorm,
        WeightDecay,
        SignDecay,
        AccumGrad,
    )
    from typedflux.optimise.adam import Adam, AdamW, RAdam, NAdam, AdaMax, AdaBelief, OAdam, Lion
    from typedflux.optimise.schedules import Scheduler
    from typedflux.optimise import schedules
    from typedflux.optimise.callbacks import EarlyStopping
    from typedflux.optimise.finite import NonFiniteError
    from typedflux.optimise.state import OptState, setup, update, adjust
    from typedflux.optimise.train import train, trainmode, testmode, freeze, thaw
    from typedflux.data.loader import DataLoader
    from typedflux.data.onehot import onehot, onecold
    from typedflux.io import save, load
    from typedflux.shapecheck import shapecheck
    from typedflux.compiler.api import compile, Compiled
    from typedflux.compiler.errors import ValueDependentError

__all__ = [
    # tensors
    "Tensor",
    "AnyTensor",
    "TensorLike",
    "ShapeError",
    "float32",
    "float64",
    "int64",
    # creation
    "tensor",
    "zeros",
    "ones",
    "full",
    "randn",
    "rand",
    "arange",
    "seed",
    "rng",
    # elementwise and maths
    "abs",
    "exp",
    "log",
    "sqrt",
    "maximum",
    "minimum",
    "where",
    "matmul",
    "einsum",
    "rearrange",
    "reduce",
    "sin",
    "cos",
    "clamp",
    "tril",
    "triu",
    # reductions
    "sum",
    "mean",
    "logsumexp",
    "max",
    "min",
    "var",
    "std",
    "argmax",
    "argmin",
    "cumsum",
    # movement and joining
    "reshape",
    "transpose",
    "swapaxes",
    "squeeze",
    "unsqueeze",
    "flatten",
    "concat",
    "stack",
    "cat",
    "add",
    "mul",
    "split",
    "chunk",
    "tile",
    "repeat",
    "repeat_interleave",
    "pad",
    "take_along_axis",
    "gather",
    # activations
    "identity",
    "relu",
    "leakyrelu",
    "elu",
    "gelu",
    "swish",
    "sigmoid",
    "tanh",
    "softplus",
    "softmax",
    "logsoftmax",
    # differentiation and parameters
    "gradient",
    "withgradient",
    "is_recording",
    "Grads",
    "params",
    "named_params",
    "named_tensors",
    "Dense",
    "Chain",
    "Flatten",
    "Dropout",
    "SkipConnection",
    "Parallel",
    "Embedding",
    "Conv",
    "ConvTranspose",
    "MaxPool",
    "MeanPool",
    "GlobalMaxPool",
    "GlobalMeanPool",
    "AdaptiveMeanPool",
    "BatchNorm",
    "LayerNorm",
    "GroupNorm",
    "InstanceNorm",
    "Upsample",
    "PixelShuffle",
    "Bilinear",
    "Maxout",
    "PairwiseFusion",
    "RNN",
    "LSTM",
    "GRU",
    "initialstates",
    "MultiHeadAttention",
    "outputsize",
    "summary",
    "losses",
    "Descent",
    "Momentum",
    "Nesterov",
    "RMSProp",
    "AdaGrad",
    "AdaDelta",
    "OptimiserChain",
    "ClipGrad",
    "ClipNorm",
    "WeightDecay",
    "SignDecay",
    "AccumGrad",
    "Adam",
    "AdamW",
    "RAdam",
    "NAdam",
    "AdaMax",
    "AdaBelief",
    "OAdam",
    "Lion",
    "Scheduler",
    "schedules",
    "EarlyStopping",
    "OptState",
    "NonFiniteError",
    "setup",
    "update",
    "adjust",
    "train",
    "trainmode",
    "testmode",
    "freeze",
    "thaw",
    "DataLoader",
    "onehot",
    "onecold",
    "save",
    "load",
    "shapecheck",
    # compiled steps
    "compile",
    "Compiled",
    "ValueDependentError",
]

# Each public name and the module that defines it (one entry per module, names in the order of
# __all__'s sections). tests/test_architecture.py holds this table, __all__ and the imports
# above to one another.
_EXPORTS: Dict[str, Tuple[str, ...]] = {
    "typedflux.tensor": ("Tensor", "AnyTensor", "TensorLike"),
    "typedflux.shapes.errors": ("ShapeError",),
    "numpy": ("float32", "float64", "int64"),
    "typedflux.ops.creation": (
        "tensor", "zeros", "ones", "full", "randn", "rand", "arange", "seed", "rng",
    ),
    "typedflux.ops.elementwise": (
        "abs", "exp", "log", "sqrt", "maximum", "minimum", "where", "sin", "cos", "clamp",
    ),
    "typedflux.ops.linalg": ("matmul", "tril", "triu"),
    "typedflux.ops.einsum": ("einsum",),
    "typedflux.ops.rearrange": ("rearrange", "reduce"),
    "typedflux.ops.reduce": (
        "sum", "mean", "max", "min", "var", "std", "argmax", "argmin", "cumsum",
    ),
    "typedflux.ops.nn": (
        "logsumexp", "identity", "relu", "leakyrelu", "elu", "gelu", "swish", "sigmoid", "tanh",
        "softplus", "softmax", "logsoftmax",
    ),
    "typedflux.ops.movement": (
        "reshape", "transpose", "swapaxes", "squeeze", "unsqueeze", "flatten",
    ),
    "typedflux.ops.join": ("concat", "stack", "cat", "add", "mul", "split", "chunk"),
    "typedflux.ops.expand": ("tile", "repeat", "repeat_interleave", "pad"),
    "typedflux.ops.index": ("take_along_axis", "gather"),
    "typedflux.engine.grad": ("gradient", "withgradient"),
    "typedflux.engine.tape": ("is_recording",),
    "typedflux.engine.tree": ("Grads", "params", "named_params", "named_tensors"),
    "typedflux.layers.basic": ("Dense", "Flatten", "Dropout", "Embedding"),
    "typedflux.layers.containers": ("Chain", "SkipConnection", "Parallel"),
    "typedflux.layers.conv": (
        "Conv", "ConvTranspose", "MaxPool", "MeanPool", "GlobalMaxPool", "GlobalMeanPool",
        "AdaptiveMeanPool",
    ),
    "typedflux.layers.normalise": ("BatchNorm", "LayerNorm", "GroupNorm", "InstanceNorm"),
    "typedflux.layers.resample": ("Upsample", "PixelShuffle"),
    "typedflux.layers.combine": ("Bilinear", "Maxout", "PairwiseFusion"),
    "typedflux.layers.recurrent": ("RNN", "LSTM", "GRU", "initialstates"),
    "typedflux.layers.attention": ("MultiHeadAttention",),
    "typedflux.layers.show": ("outputsize", "summary"),
    "typedflux": ("losses",),  # submodules
    "typedflux.optimise.rules": (
        "Descent", "Momentum", "Nesterov", "RMSProp", "AdaGrad", "AdaDelta",
    ),
    "typedflux.optimise.composable": (
        "OptimiserChain", "ClipGrad", "ClipNorm", "WeightDecay", "SignDecay", "AccumGrad",
    ),
    "typedflux.optimise.adam": (
        "Adam", "AdamW", "RAdam", "NAdam", "AdaMax", "AdaBelief", "OAdam", "Lion",
    ),
    "typedflux.optimise.schedules": ("Scheduler",),
    "typedflux.optimise": ("schedules",),  # a submodule
    "typedflux.optimise.callbacks": ("EarlyStopping",),
    "typedflux.optimise.finite": ("NonFiniteError",),
    "typedflux.optimise.state": ("OptState", "setup", "update", "adjust"),
    "typedflux.optimise.train": ("train", "trainmode", "testmode", "freeze", "thaw"),
    "typedflux.data.loader": ("DataLoader",),
    "typedflux.data.onehot": ("onehot", "onecold"),
    "typedflux.io": ("save", "load"),
    "typedflux.shapecheck": ("shapecheck",),
    "typedflux.compiler.api": ("compile", "Compiled"),
    "typedflux.compiler.errors": ("ValueDependentError",),
}

# Where each name is defined, looked up when a name is first read.
_MODULE_OF: Dict[str, str] = {name: module for module, names in _EXPORTS.items() for name in names}

# Names whose module belongs to the pure-Python layer (no numpy, no runtime).
_PURE = ("typedflux.shapes",)

# Set while _settle runs (its own reads of runtime names must not start it again).
_SETTLING: List[str] = []

# Imported before any runtime name is handed out: every op module, so every Tensor has all
# its operators (typedflux.tensor binds none itself; see docs/internals.md).
_RUNTIME = "typedflux.ops"


def _load(name: str) -> Any:
    """The public object ``name``, imported from its defining module."""
    module = _MODULE_OF[name]
    if not module.startswith(_PURE) and module != "numpy":
        importlib.import_module(_RUNTIME)
        if not _SETTLING and "__getattr__" in globals():
            _SETTLING.append(name)
            try:
                _settle()
            finally:
                _SETTLING.clear()
    if module == __name__:
        return importlib.import_module(f"{__name__}.{name}")
    return getattr(importlib.import_module(module), name)


if not TYPE_CHECKING:  # mypy would read every unknown attribute through __getattr__ as Any

    def __getattr__(name: str) -> Any:
        if name not in _MODULE_OF:
            raise AttributeError(f"module 'typedflux' has no attribute {name!r}")
        value = _load(name)
        if name not in _SHADOWED:
            globals()[name] = value  # read once: later reads are plain module attributes
        return value


def __dir__() -> List[str]:
    return sorted(set(globals()) | set(__all__))


# ``typedflux.tensor`` and ``typedflux.shapecheck`` are submodules and public functions.
# Python's import system sets ``typedflux.<submodule>`` to the module when the submodule is
# first imported, which would hide the function of the same name. Until the runtime is loaded,
# a data descriptor on the package's class (``_Package``) takes precedence over that
# attribute, so ``tf.tensor`` and ``tf.shapecheck`` are always the functions.
_SHADOWED = frozenset({"tensor", "shapecheck"})


class _Function:
    """The public function ``name`` (not the submodule of the same name)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, package: object, owner: Any = None) -> Any:
        return _load(self.name)

    def __set__(self, package: object, value: Any) -> None:
        pass  # the import system recording the submodule: the function stays


class _Package(types.ModuleType):
    tensor = _Function("tensor")
    shapecheck = _Function("shapecheck")


def _settle() -> None:
    """On the first runtime name read: every public name into the package's namespace (as
    ``import typedflux`` did before the package was lazy), then no ``__getattr__`` and the
    plain module class. CPython specialises attribute reads only on a plain module without a
    module ``__getattr__``: ``tf.exp`` then costs ~3 ns instead of ~14, and a chain of small
    ops reads one per op. Python sets a package attribute only when a submodule is first
    imported, and both submodules are in by now, so nothing hides the two functions later.
    The static half (``typedflux.shapes``, ``tf.ShapeError``) never gets here. A name whose
    module cannot be imported (a core dependency missing, say ``safetensors`` for ``tf.save``)
    keeps ``__getattr__``: reading that name raises the import error, the rest works."""
    names: Dict[str, Any] = {}
    missing = False
    for name in _MODULE_OF:
        try:
            names[name] = _load(name)  # imports typedflux.tensor too
        except ImportError:
            missing = True
    importlib.import_module(f"{__name__}.shapecheck")
    globals().update(names)
    if not missing:
        globals().pop("__getattr__", None)
    sys.modules[__name__].__class__ = types.ModuleType


sys.modules[__name__].__class__ = _Package
