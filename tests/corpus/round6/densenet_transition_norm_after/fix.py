"""A DenseNet transition (norm, 1x1 conv halving the channels, pool) from a helper; the norm
after it keeps the channels before halving."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, MeanPool, relu


def transition(cin: int) -> Chain:
    return Chain(BatchNorm(cin), Conv((1, 1), cin, cin // 2), MeanPool((2, 2)))


stem = Conv((3, 3), 3, 48, relu, pad=1)
model = Chain(stem, transition(48), BatchNorm(24))
print(model(tf.randn(1, 3, 8, 8)).shape)
