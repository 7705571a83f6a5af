"""Activations are logged through **kwargs annotated with the hidden width."""
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor, relu

B = TypeVar("B", bound=int)


@tf.shapecheck
def log_stats(step: int, **activations: Tensor[B, 32]) -> float:
    return sum(float(a.mean().item()) for a in activations.values())


fc1, fc2 = Dense(16, 32, relu), Dense(32, 16)
x = tf.randn(4, 16)
h1 = fc1(x)
h2 = fc2(h1)
print(log_stats(0, hidden1=h1, hidden2=h2))  # BUG  # E: Argument "hidden2" of "log_stats" has shape Tensor[4, 16], which does not match the annotation Tensor[B, 32]: axis 1 is 16, expected 32  [shape]  # N: B=4
