"""torchtyping's README example, batch_outer_product(x: [batch, x_channels], y: [batch,
y_channels]) -> [batch, x_channels, y_channels]; the unsqueezes were swapped."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
X = TypeVar("X", bound=int)
Y = TypeVar("Y", bound=int)


@tf.shapecheck
def batch_outer_product(x: Tensor[B, X], y: Tensor[B, Y]) -> Tensor[B, X, Y]:
    return x.unsqueeze(-1) * y.unsqueeze(-2)


print(batch_outer_product(tf.randn(2, 3), tf.randn(2, 5)).shape)
