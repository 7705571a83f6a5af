"""ESPCN super-resolution sized by its scale; built for x3, trained against x2 targets."""
import typedflux as tf
from typedflux import Chain, Conv, PixelShuffle, Tensor, tanh


class ESPCN:
    def __init__(self, scale: int) -> None:
        self.body = Chain(Conv((5, 5), 1, 32, tanh, pad=2), Conv((3, 3), 32, scale * scale, pad=1),
                          PixelShuffle(scale))

    def __call__(self, x: Tensor) -> Tensor:
        return self.body(x)


net = ESPCN(3)
hr = net(tf.randn(1, 1, 8, 8))
loss = tf.losses.mse(hr, tf.randn(1, 1, 16, 16))  # BUG  # E: Shapes differ for "mse": prediction has Tensor[1, 1, 24, 24], target has Tensor[1, 1, 16, 16]; need identical shapes (no broadcasting in losses) (24 vs 16 at axis -1)  [shape]
print(loss.item())
