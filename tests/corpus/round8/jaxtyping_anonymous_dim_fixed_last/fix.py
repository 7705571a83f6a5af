"""jaxtyping's anonymous dims ("_ 4"): any batch, four coordinates per box; the boxes
were given as (x, y) corner pairs."""
from typing import Any

import typedflux as tf
from typedflux import Tensor


@tf.shapecheck
def box_area(boxes: Tensor[Any, 4]) -> Tensor[Any]:
    return (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])


corners = tf.rand(6, 2, 2)
print(box_area(corners.reshape(6, 4)).shape)
