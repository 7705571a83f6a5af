"""Neural style transfer: the Gram matrix of the features is channels by channels; the
product was written the other way round."""
from typing import TypeVar

import typedflux as tf
from typedflux import Conv, Tensor, relu

B = TypeVar("B", bound=int)
features = Conv((3, 3), 3, 8, relu, pad=1)


@tf.shapecheck
def gram(x: Tensor[B, 3, 6, 6]) -> Tensor[B, 8, 8]:
    f = features(x).reshape(x.shape[0], 8, 36)
    return f.swapaxes(1, 2) @ f / 36.0  # BUG  # E: Return shape Tensor[B, 36, 36] does not match the annotation Tensor[B, 8, 8]: axis 1 is 36, expected 8  [shape]


style = gram(tf.rand(1, 3, 6, 6))
print(tf.losses.mse(gram(tf.rand(1, 3, 6, 6)), style).item())
