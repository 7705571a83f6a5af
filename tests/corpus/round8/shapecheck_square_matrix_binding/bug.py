"""shapecheck's repeated name (("N", "N")): a square-matrix helper is given a
rectangular covariance."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)


@tf.shapecheck
def whiten(cov: Tensor[N, N], x: Tensor[N]) -> Tensor[N]:
    return cov @ x


data = tf.randn(10, 4)
cov = data.T @ data[:, :3]
print(whiten(cov, tf.randn(4)).shape)  # BUG  # E: Dim "N" differs for "whiten": argument "cov" gives N = 4, argument "cov" gives N = 3; need one size for N (4 vs 3)  [shape]  # N: N=4
