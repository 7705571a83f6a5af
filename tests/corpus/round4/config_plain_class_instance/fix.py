"""A plain config class read through an instance; the classifier's input is the embedding size."""
import typedflux as tf
from typedflux import Chain, Dense, GlobalMeanPool, Flatten, Conv, relu


class Settings:
    channels = 8
    classes = 4


settings = Settings()
model = Chain(
    Conv((3, 3), 1, settings.channels, relu, pad=1),
    GlobalMeanPool(),
    Flatten(),
    Dense(settings.channels, settings.classes),
)
print(model(tf.randn(2, 1, 6, 6)).shape)
