"""nptyping's `NDArray[Shape["3, 3"], Float]` rotation and `NDArray[Shape["*, 3"], Float]`
points: rotating the points is pts @ R.T; translated with Tensor, R was applied on the left
as for column vectors."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)


@tf.shapecheck
def rotate(R: Tensor[3, 3], pts: Tensor[N, 3]) -> Tensor[N, 3]:
    return R @ pts  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[3, 3], w has Tensor[N, 3]; need x.shape[-1] == w.shape[-2] (3 vs N); did you mean to transpose w (w.T)?  [shape]


theta = 0.3
R = tf.tensor([[1.0, 0.0, 0.0], [0.0, 0.955, -0.296], [0.0, 0.296, 0.955]])
print(rotate(R, tf.randn(10, 3)).shape)
