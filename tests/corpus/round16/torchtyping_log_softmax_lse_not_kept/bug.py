"""torchtyping's `TensorType["batch", "classes"]`: a log-softmax by hand subtracts the
log-sum-exp per row, which must keep its axis to broadcast against the classes."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
K = TypeVar("K", bound=int)


def log_probs(logits: Tensor[B, K]) -> Tensor[B, K]:
    return logits - tf.logsumexp(logits, axis=-1)  # BUG  # E: Cannot broadcast for "sub": x has Tensor[B, K], y has Tensor[B]; need equal sizes or 1 at axis -1 (K vs B); did you mean y[..., None] (or keepdims=True where y was reduced)?  [shape]


print(log_probs(tf.randn(4, 10)).shape)
