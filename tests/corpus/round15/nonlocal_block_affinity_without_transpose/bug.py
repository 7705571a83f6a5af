"""Non-local block (embedded Gaussian): theta, phi and g are 1x1 convs to half the channels,
flattened to (B, C/2, HW); the affinity is theta^T phi, (B, HW, HW); theta was not
transposed."""
import typedflux as tf
from typedflux import Conv


class NonLocal:
    def __init__(self, c: int) -> None:
        self.theta = Conv((1, 1), c, c // 2)
        self.phi = Conv((1, 1), c, c // 2)
        self.g = Conv((1, 1), c, c // 2)
        self.out = Conv((1, 1), c // 2, c)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        b, c, h, w = x.shape
        th = self.theta(x).reshape(b, c // 2, h * w)
        ph = self.phi(x).reshape(b, c // 2, h * w)
        g = self.g(x).reshape(b, c // 2, h * w)
        f = tf.softmax(th @ ph, axis=-1)
        y = (g @ f.transpose(0, 2, 1)).reshape(b, c // 2, h, w)
        return x + self.out(y)


nl = NonLocal(16)
print(nl(tf.randn(2, 16, 4, 6)).shape)  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[2, 8, 24], w has Tensor[2, 8, 24]; need x.shape[-1] == w.shape[-2] (24 vs 8); did you mean to swap the last two axes of w (swapaxes(w, -1, -2))?  [shape]
