"""torchtyping's `TensorType["batch", "classes"]`: a log-softmax by hand subtracts the
log-sum-exp per row, which must keep its axis to broadcast against the classes."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
K = TypeVar("K", bound=int)


def log_probs(logits: Tensor[B, K]) -> Tensor[B, K]:
    return logits - tf.logsumexp(logits, axis=-1, keepdims=True)


print(log_probs(tf.randn(4, 10)).shape)
