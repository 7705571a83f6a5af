"""Wide-ResNet's basic block (pre-activation): the first block of a group widens 16 channels
to 16*k, so its shortcut needs a 1x1 conv; the block used the identity whenever the stride
was 1."""
import typedflux as tf
from typedflux import BatchNorm, Conv, relu


class WideBasic:
    def __init__(self, cin: int, cout: int, stride: int) -> None:
        self.bn1 = BatchNorm(cin)
        self.conv1 = Conv((3, 3), cin, cout, pad=1, stride=stride)
        self.bn2 = BatchNorm(cout)
        self.conv2 = Conv((3, 3), cout, cout, pad=1)
        self.shortcut = Conv((1, 1), cin, cout, stride=stride) if stride != 1 else None

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        h = self.conv1(relu(self.bn1(x)))
        h = self.conv2(relu(self.bn2(h)))
        s = x if self.shortcut is None else self.shortcut(x)
        return h + s


k = 4
stem = Conv((3, 3), 3, 16, pad=1)
group1 = [WideBasic(16, 16 * k, 1), WideBasic(16 * k, 16 * k, 1)]
x = stem(tf.randn(2, 3, 16, 16))
for b in group1:
    x = b(x)  # BUG  # E: Cannot broadcast for "add": x has Tensor[2, 64, 16, 16], y has Tensor[2, 16, 16, 16]; need equal sizes or 1 at axis -3 (64 vs 16)  [shape]
print(x.shape)
