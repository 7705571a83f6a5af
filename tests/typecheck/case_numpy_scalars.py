"""numpy scalars as operands (``x * np.float32(0.5)``, ``x / np.sqrt(d)``, ``x - np.mean(v)``,
``tf.maximum(x, np.float32(0))``): numbers of shape ``()``, as the ops take them at run time.
They were mypy's ``Unsupported operand types`` errors (``TensorLike`` held Python numbers
only), and the shape after them was lost."""

import numpy as np
from typing_extensions import reveal_type

import typedflux as tf

x = tf.randn(3, 4)
reveal_type(x * np.float32(0.5))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[4]]"
reveal_type(np.float32(0.5) * x)  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[4]]"
reveal_type(x + np.int64(2))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[4]]"
reveal_type(x - np.mean([1.0, 2.0]))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[4]]"
reveal_type(tf.maximum(x, np.float32(0)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[4]]"
scaled = x * np.float32(0.5) + tf.zeros(3, 5)  # E: Cannot broadcast for "add": x has Tensor[3, 4], y has Tensor[3, 5]; need equal sizes or 1 at axis -1 (4 vs 5)  [shape]
