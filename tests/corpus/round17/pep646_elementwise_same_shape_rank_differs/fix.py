"""PEP 646's elementwise op over Array[*Shape] and Array[*Shape], translated: both arguments
bind one *Shape, so a bias of rank 1 given with an image of rank 3 is refused, though numpy
would broadcast it."""
from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

Shape = TypeVarTuple("Shape")


@tf.shapecheck
def multiply(x: Tensor[Unpack[Shape]], y: Tensor[Unpack[Shape]]) -> Tensor[Unpack[Shape]]:
    return x * y


image = tf.randn(3, 8, 8)
gain = tf.randn(3, 8, 8)
print(multiply(image, gain).shape)
