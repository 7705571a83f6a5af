"""EfficientNet-B0's head: the last stage gives 320 channels, a 1x1 conv lifts them to 1280,
then pooling and the classifier. The classifier was sized for the last stage's width."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, Dense, Dropout, Flatten, GlobalMeanPool, swish

head = Chain(
    Conv((1, 1), 320, 1280),
    BatchNorm(1280),
    swish,
    GlobalMeanPool(),
    Flatten(),
    Dropout(0.2),
    Dense(320, 1000),  # BUG  # E: Chain layer 7 Dense(320 => 1000) expects input Tensor[..., 320], but layer 6 Dropout(0.2) produces Tensor[B, 1280]; change Dense(320 => 1000) to Dense(1280 => 1000)  [shape]
)
print(head(tf.randn(2, 320, 7, 7)).shape)
