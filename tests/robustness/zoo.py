"""An example instance and a valid input of every public layer, for tests that must cover all
of them (the robustness suite, checkpoint round trips).

Layers are found by walking ``typedflux.__all__``, so a layer added to the package is covered
at once: the table below gives the examples that need particular arguments; any other layer
is built from its signature (each required int argument 4, a callable argument ``tf.relu``
or ``tf.add`` by name) and fed an input made from its layer rule's template. A layer neither
way can build is a test failure asking for a table entry.
"""

from __future__ import annotations

import inspect
from typing import Any, Callable, Dict, List, Tuple

import numpy as np

import typedflux as tf
from typedflux.layers.basic import Chain, Parallel, SkipConnection, shape_item
from typedflux.layers.combine import Maxout, PairwiseFusion
from typedflux.layers.core import Layer

Shape = Tuple[int, ...]

# name -> (layer factory, input shape, input dtype)
TABLE: Dict[str, Tuple[Callable[[], Any], Shape, Any]] = {
    "Dense": (lambda: tf.Dense(3, 2, tf.relu), (4, 3), np.float32),
    "Chain": (lambda: tf.Chain(tf.Dense(3, 4, tf.tanh), tf.Dense(4, 2)), (4, 3), np.float32),
    "Flatten": (lambda: tf.Flatten(), (2, 3, 4), np.float32),
    "Dropout": (lambda: tf.Dropout(0.5), (4, 3), np.float32),
    "SkipConnection": (lambda: tf.SkipConnection(tf.Dense(3, 3), tf.add), (4, 3), np.float32),
    "Parallel": (lambda: tf.Parallel(tf.cat, tf.Dense(3, 2), tf.Dense(3, 1)), (4, 3),
                 np.float32),
    "Embedding": (lambda: tf.Embedding(10, 3), (2, 5), np.int64),
    "Conv": (lambda: tf.Conv((3, 3), 2, 3, tf.relu, pad=1), (2, 2, 6, 6), np.float32),
    "ConvTranspose": (lambda: tf.ConvTranspose((3, 3), 2, 3, stride=2), (2, 2, 4, 4),
                      np.float32),
    "MaxPool": (lambda: tf.MaxPool((2, 2)), (2, 2, 6, 6), np.float32),
    "MeanPool": (lambda: tf.MeanPool((2, 2)), (2, 2, 6, 6), np.float32),
    "GlobalMaxPool": (lambda: tf.GlobalMaxPool(), (2, 2, 5, 5), np.float32),
    "GlobalMeanPool": (lambda: tf.GlobalMeanPool(), (2, 2, 5, 5), np.float32),
    "AdaptiveMeanPool": (lambda: tf.AdaptiveMeanPool((2, 2)), (2, 2, 5, 5), np.float32),
    "BatchNorm": (lambda: tf.BatchNorm(3), (4, 3, 2, 2), np.float32),
    "LayerNorm": (lambda: tf.LayerNorm(5), (2, 3, 5), np.float32),
    "RNN": (lambda: tf.RNN(3, 4), (2, 5, 3), np.float32),
    "LSTM": (lambda: tf.LSTM(3, 4), (2, 5, 3), np.float32),
    "GRU": (lambda: tf.GRU(3, 4), (2, 5, 3), np.float32),
    "MultiHeadAttention": (lambda: tf.MultiHeadAttention(4, 2), (2, 5, 4), np.float32),
    "GroupNorm": (lambda: tf.GroupNorm(4, 2), (2, 4, 3, 3), np.float32),
    "InstanceNorm": (lambda: tf.InstanceNorm(3, affine=True, track_stats=True), (2, 3, 4, 4),
                     np.float32),
    "Upsample": (lambda: tf.Upsample(2, mode="bilinear"), (2, 3, 3, 4), np.float32),
    "PixelShuffle": (lambda: tf.PixelShuffle(2), (2, 8, 3, 2), np.float32),
    "Bilinear": (lambda: tf.Bilinear(4, 4, 2), (3, 4), np.float32),
    "Maxout": (lambda: tf.Maxout(lambda: tf.Dense(3, 4, tf.tanh), 2), (2, 3), np.float32),
    "PairwiseFusion": (lambda: tf.PairwiseFusion(tf.add, tf.Dense(3, 3), tf.Dense(3, 2)),
                       (4, 3), np.float32),
}


def is_layer_class(obj: Any) -> bool:
    return inspect.isclass(obj) and obj is not Layer and (
        issubclass(obj, (Layer, Chain, SkipConnection, Parallel, Maxout, PairwiseFusion))
    )


def outputs(y: Any) -> List[Any]:
    """A layer's outputs as a list: one tensor, or each of a tuple (PairwiseFusion's)."""
    return list(y) if isinstance(y, tuple) else [y]


def shapes_of(y: Any) -> Any:
    """The output's shape, or the shape of each output (what ``tf.outputsize`` gives)."""
    return tuple(t.shape for t in y) if isinstance(y, tuple) else y.shape


def total(y: Any) -> Any:
    """A scalar loss over every output."""
    parts = outputs(y)
    out = parts[0].sum()
    for t in parts[1:]:
        out = out + t.sum()
    return out


def layer_names() -> List[str]:
    """Every layer class exported by typedflux, in ``__all__`` order."""
    return [n for n in tf.__all__ if is_layer_class(getattr(tf, n))]


def _generic(cls: Any) -> Tuple[Any, Shape, Any]:
    args: List[Any] = []
    for p in inspect.signature(cls).parameters.values():
        if p.default is not inspect.Parameter.empty or p.kind in (p.VAR_POSITIONAL,
                                                                  p.VAR_KEYWORD):
            continue
        lname = p.name.lower()
        if "connection" in lname:
            args.append(tf.add)
        elif "activation" in lname or lname in ("f", "fn", "sigma"):
            args.append(tf.relu)
        elif "layer" in lname:
            args.append(tf.Dense(4, 4))
        else:
            args.append(4)
    layer = cls(*args)
    item = shape_item(layer)
    template = item.template() if hasattr(item, "template") else None
    if template is None:
        raise LookupError(
            f"no example for the layer {cls.__name__}: add one to TABLE in {__file__}"
        )
    shape: List[int] = []
    for d in template:
        text = str(d)
        if text.startswith("*"):
            continue
        shape.append(int(d) if isinstance(d, int) else 6)
    return layer, tuple(shape), np.float32


def example(name: str) -> Tuple[Any, Shape, Any]:
    """(a fresh layer, a valid input shape, the input dtype) for the public layer ``name``."""
    if name in TABLE:
        make, shape, dtype = TABLE[name]
        return make(), shape, dtype
    return _generic(getattr(tf, name))


def input_for(shape: Shape, dtype: Any, seed: int = 0) -> Any:
    """A tensor of ``shape`` and ``dtype`` with values a layer accepts (small ids for ints)."""
    rng = np.random.default_rng(seed)
    if np.dtype(dtype).kind in "iu":
        return tf.tensor(rng.integers(0, 5, size=shape), dtype=dtype)
    return tf.tensor(rng.standard_normal(shape), dtype=dtype)
