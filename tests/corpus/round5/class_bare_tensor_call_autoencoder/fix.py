"""An autoencoder class whose __call__ takes and returns a bare Tensor."""
import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu, sigmoid


class AutoEncoder:
    def __init__(self) -> None:
        self.encoder = Chain(Dense(784, 128, relu), Dense(128, 16))
        self.decoder = Chain(Dense(16, 128, relu), Dense(128, 784, sigmoid))

    def __call__(self, x: Tensor) -> Tensor:
        return self.decoder(self.encoder(x))


ae = AutoEncoder()
x = tf.rand(8, 784)
print(tf.losses.mse(ae(x), x).item())
