"""RegNetY's block: 1x1 conv to the bottleneck width w_b, a grouped 3x3 conv, then
squeeze-and-excite whose reduced width comes from the block's input width; the excite layer
was sized back to the input width instead of w_b."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, Dense, relu, sigmoid


class RegNetYBlock:
    def __init__(self, w_in: int, w_out: int, group_width: int, se_ratio: float = 0.25) -> None:
        w_b = w_out
        groups = w_b // group_width
        w_se = int(round(w_in * se_ratio))
        self.a = Chain(Conv((1, 1), w_in, w_b), BatchNorm(w_b), relu)
        self.b = Chain(Conv((3, 3), w_b, w_b, pad=1, groups=groups), BatchNorm(w_b), relu)
        self.se_reduce = Dense(w_b, w_se, relu)
        self.se_expand = Dense(w_se, w_b, sigmoid)
        self.c = Chain(Conv((1, 1), w_b, w_out), BatchNorm(w_out))
        self.proj = Conv((1, 1), w_in, w_out)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        h = self.b(self.a(x))
        s = h.mean(axis=(2, 3))
        gate = self.se_expand(self.se_reduce(s))
        h = h * gate.reshape(gate.shape[0], gate.shape[1], 1, 1)
        return relu(self.c(h) + self.proj(x))


block = RegNetYBlock(24, 48, 8)
print(block(tf.randn(2, 24, 8, 8)).shape)
