"""SqueezeNet's classifier is a 1x1 conv over the last fire module's output (its two expand
branches concatenated) then a global average pool; the classifier conv was sized by the fire
module's squeeze width."""
import typedflux as tf
from typedflux import Chain, Conv, GlobalMeanPool, MaxPool, Flatten, relu


class Fire:
    def __init__(self, cin: int, squeeze: int, expand: int) -> None:
        self.squeeze = Conv((1, 1), cin, squeeze, relu)
        self.e1 = Conv((1, 1), squeeze, expand, relu)
        self.e3 = Conv((3, 3), squeeze, expand, relu, pad=1)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        s = self.squeeze(x)
        return tf.cat(self.e1(s), self.e3(s), axis=1)


stem = Chain(Conv((3, 3), 3, 32, relu, stride=2), MaxPool((3, 3), stride=2))
fire2 = Fire(32, 8, 32)
fire3 = Fire(64, 16, 64)
classifier = Conv((1, 1), 128, 10, relu)
pool = Chain(GlobalMeanPool(), Flatten())
x = tf.randn(2, 3, 33, 33)
h = fire3(fire2(stem(x)))
logits = pool(classifier(h))
print(logits.shape)
