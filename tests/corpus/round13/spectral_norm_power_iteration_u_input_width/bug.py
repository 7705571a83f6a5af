"""A GAN discriminator with spectral normalisation: the conv weight (out, in, kh, kw) is
viewed as an (out, in*kh*kw) matrix and one power-iteration step runs with u of size out;
u was initialised with the matrix's column count."""
import numpy as np

import typedflux as tf
from typedflux import Conv, leakyrelu


class SNConv:
    def __init__(self, cin: int, cout: int) -> None:
        self.conv = Conv((4, 4), cin, cout, stride=2, pad=1)
        self.u = tf.randn(cin * 16)

    def sigma(self) -> tf.Tensor:
        w = self.conv.weight
        mat = w.reshape(w.shape[0], -1)
        v = mat.T @ self.u  # BUG[gap checker: a layer's parameter attribute (self.conv.weight of Conv((4, 4), 3 => 16)) has no static shape, though the reference gives it as (out, in/groups, kh, kw), so mat = w.reshape(w.shape[0], -1) is Tensor[Any, Any] and mat.T @ u is not compared (with reshape(16, 48) written out it is caught in the method)]
        v = v / tf.sqrt((v * v).sum())
        u = mat @ v
        self.u = (u / tf.sqrt((u * u).sum())).detach()
        return (self.u * (mat @ v)).sum()

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.conv(x) / self.sigma()


d1 = SNConv(3, 16)
d2 = SNConv(16, 32)
x = tf.randn(2, 3, 16, 16)
print(leakyrelu(d2(leakyrelu(d1(x)))).shape)
