"""jaxtyping's documented attention signature: q Float[Array, "seq_q d"], k Float[Array,
"seq_k d"], v Float[Array, "seq_k d_v"] -> Float[Array, "seq_q d_v"], with the dims bound
across the arguments (here TypeVars); keys and values must come from one sequence."""
from __future__ import annotations

from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

Q = TypeVar("Q", bound=int)
K = TypeVar("K", bound=int)
D = TypeVar("D", bound=int)
E = TypeVar("E", bound=int)


@tf.shapecheck
def attention(q: Tensor[Q, D], k: Tensor[K, D], v: Tensor[K, E]) -> Tensor[Q, E]:
    scores = tf.softmax(q @ k.T / q.shape[-1] ** 0.5, axis=-1)
    return scores @ v


queries = tf.randn(5, 8)
memory = tf.randn(12, 8)
values = tf.randn(12, 6)
prompt_values = tf.randn(5, 6)
out = attention(queries, memory, prompt_values)  # BUG  # E: Dim "K" differs for "attention": argument "k" gives K = 12, argument "v" gives K = 5; need one size for K (12 vs 5)  [shape]  # N: Q=5, D=8, K=12
print(out.shape, prompt_values.shape)
