"""WaveNet: every dilated layer gives a skip output through a 1x1 conv to the skip channels; the
skips are summed and the head starts from the skip channels. The skip conv kept the residual
channel count. Audio runs as (B, C, 1, T) through (1, k) kernels."""
import typedflux as tf
from typedflux import Chain, Conv, relu

RES, SKIP, T = 16, 32, 40


class WaveLayer:
    def __init__(self, dilation: int) -> None:
        self.filt = Conv((1, 2), RES, RES, dilation=dilation, pad=(0, 0, dilation, 0))
        self.gate = Conv((1, 2), RES, RES, dilation=dilation, pad=(0, 0, dilation, 0))
        self.res = Conv((1, 1), RES, RES)
        self.skip = Conv((1, 1), RES, SKIP)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        z = tf.tanh(self.filt(x)) * tf.sigmoid(self.gate(x))
        return x + self.res(z)


layers = [WaveLayer(d) for d in (1, 2, 4, 8)]
head = Chain(Conv((1, 1), SKIP, SKIP, relu), Conv((1, 1), SKIP, 256))
x = tf.randn(2, RES, 1, T)
skips = tf.zeros(2, SKIP, 1, T)
for layer in layers:
    z = tf.tanh(layer.filt(x)) * tf.sigmoid(layer.gate(x))
    skips = skips + layer.skip(z)
    x = x + layer.res(z)
logits = head(relu(skips))
print(logits.shape)
