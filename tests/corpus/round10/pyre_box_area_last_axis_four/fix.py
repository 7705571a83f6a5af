"""Pyre's fixed trailing size (`Tensor[..., L[4]]`), translated to a variadic run: box areas of
(x0, y0, x1, y1) boxes, called with detections that carry a score as a fifth number."""
from typing import Literal, TypeVar

from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

Bs = TypeVarTuple("Bs")


@tf.shapecheck
def area(boxes: Tensor[Unpack[Bs], Literal[4]]) -> Tensor[Unpack[Bs]]:
    return (boxes[..., 2] - boxes[..., 0]) * (boxes[..., 3] - boxes[..., 1])


dets = tf.rand(10, 5)
print(area(dets[:, :4]).shape)
