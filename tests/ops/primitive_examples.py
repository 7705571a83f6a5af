"""A primitive's gradient-check examples (``@p.examples``, next to its forward and VJP) as the
tests driven by the registry read them: the finite-difference check (test_gradcheck.py), the
invoke paths' agreement (tests/engine/test_invoke_paths.py), the PyTorch versions
(tests/torch_export/test_ops.py) and tf.compile's replay (tests/compiler/test_compile_ops.py).

>>> from typedflux.ops.registry import REGISTRY
>>> args = examples(REGISTRY["matmul"])[0]
>>> [type(v).__name__ for v in example_arguments(REGISTRY["matmul"], args, lambda v: "T")]
['str', 'str']
"""

from __future__ import annotations

from typing import Any, Callable, List, Tuple

import numpy as np

import typedflux.ops  # noqa: F401  (binds every primitive and its examples)
from typedflux.ops.registry import Primitive
from typedflux.shapes.catalog import Kind


def examples(prim: Primitive) -> List[Tuple[Any, ...]]:
    """Every example of ``prim``: a tuple of its arguments in spec order (numpy arrays where
    tensors go), or none when it has no examples (a test names such a primitive)."""
    return list(prim.examples_fn()) if prim.examples_fn is not None else []


def is_float_array(v: Any) -> bool:
    """Whether an example's value is a float numpy array: what the tests differentiate."""
    return isinstance(v, np.ndarray) and v.dtype.kind == "f"


def example_arguments(prim: Primitive, args: Tuple[Any, ...],
                      tensor: Callable[[Any], Any]) -> List[Any]:
    """``args`` ready for a call of ``prim``: each value given where a tensor goes (a TENSOR
    argument, each item of a TENSORS list) passed through ``tensor``, and so is each array
    inside an INDEX key (``x[idx, 1:]``); every other argument as the example gives it."""

    def index(key: Any) -> Any:
        if isinstance(key, tuple):
            return tuple(index(k) for k in key)
        return tensor(key) if isinstance(key, np.ndarray) else key

    out: List[Any] = []
    for a, v in zip(prim.spec.args, args):
        if a.kind is Kind.TENSOR:
            out.append(tensor(v))
        elif a.kind is Kind.TENSORS:
            out.append([tensor(x) for x in v])
        elif a.kind is Kind.INDEX:
            out.append(index(v))
        else:
            out.append(v)
    return out
