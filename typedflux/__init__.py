"""typedflux: Flux.jl-style machine learning with tensor shapes checked by mypy and at run time.

>>> import typedflux as tf
>>> x = tf.randn(4, 3)
>>> w = tf.randn(3, 2)
>>> (g,) = tf.gradient(lambda w: tf.relu(x @ w).sum(), w)
>>> g.shape
(3, 2)
"""

# Tensor first: the ops modules import it (and tensor.py imports them at its end).
from typedflux.tensor import AnyTensor, Tensor, TensorLike
from typedflux.shapes.errors import ShapeError

from typedflux.engine.grad import gradient, withgradient
from typedflux.engine.tape import is_recording
from typedflux.engine.tree import Grads, named_params, named_tensors, params
from typedflux.ops.creation import arange, full, ones, rand, randn, seed, tensor, zeros
from typedflux.ops.elementwise import abs, exp, log, maximum, minimum, sqrt, where
from typedflux.ops.elementwise import clamp, cos, sin
from typedflux.ops.einsum import einsum
from typedflux.ops.expand import pad, repeat, repeat_interleave, tile
from typedflux.ops.index import gather, take_along_axis
from typedflux.ops.rearrange import rearrange, reduce
from typedflux.ops.join import add, cat, chunk, concat, mul, split, stack
from typedflux.ops.linalg import matmul, tril, triu
from typedflux.ops.movement import flatten, reshape, squeeze, swapaxes, transpose, unsqueeze
from typedflux.ops.nn import (
    elu,
    gelu,
    identity,
    leakyrelu,
    logsoftmax,
    logsumexp,
    relu,
    sigmoid,
    softmax,
    softplus,
    swish,
    tanh,
)
from typedflux.ops.reduce import mean, sum
from typedflux.ops.reduce import argmax, argmin, cumsum, max, min, std, var

import numpy as _np

float32 = _np.float32
float64 = _np.float64
int64 = _np.int64

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
]

# -- layers (layers engineer) -----------------------------------------------------------------
from typedflux.layers import (  # noqa: E402
    GRU,
    LSTM,
    RNN,
    AdaptiveMeanPool,
    BatchNorm,
    Chain,
    Conv,
    ConvTranspose,
    Dense,
    Dropout,
    Embedding,
    Flatten,
    GlobalMaxPool,
    GlobalMeanPool,
    LayerNorm,
    MaxPool,
    MeanPool,
    MultiHeadAttention,
    Parallel,
    SkipConnection,
)
from typedflux.layers.show import outputsize, summary  # noqa: E402

__all__ += [
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
    "RNN",
    "LSTM",
    "GRU",
    "MultiHeadAttention",
    "outputsize",
    "summary",
]

# -- training: losses, optimisers, training loop, data, save/load (training engineer) --------
from typedflux import losses  # noqa: E402
from typedflux.data import DataLoader, onecold, onehot  # noqa: E402
from typedflux.io import load, save  # noqa: E402
from typedflux.optimise import (  # noqa: E402
    AdaGrad,
    Adam,
    AdamW,
    ClipGrad,
    ClipNorm,
    Descent,
    Momentum,
    Nesterov,
    OptimiserChain,
    OptState,
    RMSProp,
    WeightDecay,
    adjust,
    freeze,
    setup,
    testmode,
    thaw,
    train,
    trainmode,
    update,
)

__all__ += [
    "losses",
    "Descent",
    "Momentum",
    "Nesterov",
    "Adam",
    "AdamW",
    "RMSProp",
    "AdaGrad",
    "OptimiserChain",
    "ClipGrad",
    "ClipNorm",
    "WeightDecay",
    "OptState",
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
]

# -- run-time checking of annotations --------------------------------------------------------
from typedflux.shapecheck import shapecheck  # noqa: E402

__all__ += ["shapecheck"]
