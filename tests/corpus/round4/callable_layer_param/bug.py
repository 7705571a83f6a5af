"""A helper takes the model as a Callable[[Tensor[B, 8]], Tensor[B, 3]]; given a 2-class function."""
from typing import Callable, TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)


def predict_classes(f: Callable[[Tensor[B, 8]], Tensor[B, 3]], x: Tensor[B, 8]) -> Tensor[B, 3]:
    return f(x).softmax(axis=-1)


def two_class(x: Tensor[B, 8]) -> Tensor[B, 2]:
    return x[:, :2]


probs = predict_classes(two_class, tf.randn(4, 8))  # BUG  # E: Argument "f" of "predict_classes" is a function whose return shape Tensor[B, 2] does not match the annotation Tensor[B, 3]: axis 1 is 2, expected 3  [shape]
print(tf.losses.crossentropy(probs, tf.onehot([0, 1, 2, 0], 3)).item())
