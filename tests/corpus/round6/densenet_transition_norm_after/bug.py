"""A DenseNet transition (norm, 1x1 conv halving the channels, pool) from a helper; the norm
after it keeps the channels before halving."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, MeanPool, relu


def transition(cin: int) -> Chain:
    return Chain(BatchNorm(cin), Conv((1, 1), cin, cin // 2), MeanPool((2, 2)))


stem = Conv((3, 3), 3, 48, relu, pad=1)
model = Chain(stem, transition(48), BatchNorm(48))  # BUG  # E: Chain layer 3 BatchNorm(48) expects input Tensor[B, 48, ...], but layer 2 Chain(BatchNorm(48), Conv((1, 1), 48 => 24), MeanPool((2, 2))) produces Tensor[B, 24, H'//2, W'//2]; change BatchNorm(48) to BatchNorm(24)  [shape]
print(model(tf.randn(1, 3, 8, 8)).shape)
