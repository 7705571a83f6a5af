"""SKNet's selective kernel: a 3x3 and a dilated 3x3 branch, summed, squeezed to a small vector
and expanded to one logit per branch and channel, softmaxed over the branches; the logits were
reshaped with the branch axis last, so each branch's weights have 2 entries, not one per
channel."""
import typedflux as tf
from typedflux import Conv, Dense, relu


class SKConv:
    def __init__(self, c: int, r: int = 4) -> None:
        self.b1 = Conv((3, 3), c, c, relu, pad=1)
        self.b2 = Conv((3, 3), c, c, relu, pad=2, dilation=2)
        self.squeeze = Dense(c, c // r, relu)
        self.expand = Dense(c // r, 2 * c)
        self.c = c

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        u1, u2 = self.b1(x), self.b2(x)
        s = (u1 + u2).mean(axis=(2, 3))
        a = self.expand(self.squeeze(s)).reshape(x.shape[0], self.c, 2)
        a = tf.softmax(a, axis=2)
        return u1 * a[:, 0][:, :, None, None] + u2 * a[:, 1][:, :, None, None]


sk = SKConv(16)
print(sk(tf.randn(2, 16, 8, 8)).shape)  # BUG  # E: Cannot broadcast for "mul": x has Tensor[2, 16, 8, 8], y has Tensor[2, 2, 1, 1]; need equal sizes or 1 at axis -3 (16 vs 2)  [shape]
