"""An AlexNet-style stem on 32x32 images; the classifier is sized for a larger feature map."""
import typedflux as tf
from typedflux import Chain, Conv, Dense, Dropout, Flatten, MaxPool, relu

model = Chain(
    Conv((5, 5), 3, 16, relu, stride=2, pad=2),
    MaxPool((2, 2)),
    Conv((3, 3), 16, 32, relu, pad=1),
    MaxPool((2, 2)),
    Flatten(),
    Dropout(0.5),
    Dense(32 * 4 * 4, 64, relu),
    Dense(64, 10),
)
print(model(tf.randn(2, 3, 32, 32)).shape)
