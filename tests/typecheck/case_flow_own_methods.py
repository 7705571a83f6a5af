"""A bare ``__call__`` calling the instance's own methods: ``self.encode(x)``, ``self.decode(z)``.

The commonest shape of a PyTorch port: ``__call__`` (``forward``) calls the class's own
``encode``/``decode``/``forward_once`` methods, each taking bare ``Tensor``s. A method with
plain parameters and a straight-line body runs on its arguments' values, as at run time
(a tuple it returns unpacked, ``mu, logvar = self.encode(x)``), so a call of the instance
is typed by what its body gives (a tuple of tensors too) and a mismatch anywhere in the
methods is reported at the call, where the run time raises. A method that fails for any
input is reported in that method, once (mypy checks its body). Each with its fix,
concrete and symbolic; the same lines fail at run time with the same words.
"""

from typing import Tuple, TypeVar

import typedflux as tf
from typedflux import Chain, Conv, Dense, MaxPool, Tensor, relu, sigmoid

B = TypeVar("B", bound=int)


class VAE:
    def __init__(self, latent_in: int) -> None:
        self.fc1 = Dense(64, 32, relu)
        self.mu = Dense(32, 8)
        self.logvar = Dense(32, 8)
        self.fc3 = Dense(latent_in, 32, relu)
        self.fc4 = Dense(32, 64, sigmoid)

    def encode(self, x: tf.Tensor) -> Tuple[tf.Tensor, tf.Tensor]:
        h = self.fc1(x)
        return self.mu(h), self.logvar(h)

    def reparameterize(self, mu: tf.Tensor, logvar: tf.Tensor) -> tf.Tensor:
        return mu + tf.exp(0.5 * logvar) * tf.randn(mu.shape[0], mu.shape[1])

    def decode(self, z: tf.Tensor) -> tf.Tensor:
        return self.fc4(self.fc3(z))

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        mu, logvar = self.encode(x)
        return self.decode(self.reparameterize(mu, logvar))


vae = VAE(32)
vae(tf.rand(4, 64))  # E: Dense(32 => 32, relu) expects input Tensor[..., 32], got Tensor[4, 8]; need size 32 at axis -1 (got 8)  [shape]
recon = VAE(8)(tf.rand(4, 64))
Dense(32, 2)(recon)  # E: Dense(32 => 2) expects input Tensor[..., 32], got Tensor[4, 64]; need size 32 at axis -1 (got 64)  [shape]
Dense(64, 2)(recon)


class Siamese:
    def __init__(self, flat: int) -> None:
        self.cnn = Chain(Conv((3, 3), 1, 4, relu, pad=1), MaxPool((2, 2)))
        self.fc = Dense(flat, 16)

    def forward_once(self, x: tf.Tensor) -> tf.Tensor:
        h = self.cnn(x)
        return self.fc(h.reshape(h.shape[0], -1))

    def __call__(self, a: tf.Tensor, b: tf.Tensor) -> Tuple[tf.Tensor, tf.Tensor]:
        return self.forward_once(a), self.forward_once(b)


Siamese(4 * 8 * 8)(tf.randn(2, 1, 8, 8), tf.randn(2, 1, 8, 8))  # E: Dense(256 => 16) expects input Tensor[..., 256], got Tensor[2, 64]; need size 256 at axis -1 (got 64)  [shape]
ea, eb = Siamese(4 * 4 * 4)(tf.randn(2, 1, 8, 8), tf.randn(2, 1, 8, 8))
Dense(8, 2)(ea - eb)  # E: Dense(8 => 2) expects input Tensor[..., 8], got Tensor[2, 16]; need size 8 at axis -1 (got 16)  [shape]
Dense(16, 2)(ea - eb)


@tf.shapecheck
def reconstruct(x: Tensor[B, 64]) -> Tensor[B, 64]:
    return vae(x)  # E: Dense(32 => 32, relu) expects input Tensor[..., 32], got Tensor[B, 8]; need size 32 at axis -1 (got 8)  [shape]


@tf.shapecheck
def reconstruct_fixed(x: Tensor[B, 64]) -> Tensor[B, 64]:
    return VAE(8)(x)


reconstruct(tf.rand(3, 64))
reconstruct_fixed(tf.rand(3, 64))


# A method that fails for any input: mypy reports it in the method's body, and the call
# adds nothing (once per bug).
class Broken:
    def __init__(self) -> None:
        self.a = Dense(16, 8)
        self.b = Dense(16, 4)

    def head(self, x: tf.Tensor) -> tf.Tensor:
        return self.b(self.a(x))  # E: Dense(16 => 4) expects input Tensor[..., 16], got Tensor[..., 8]; need size 16 at axis -1 (got 8)  [shape]

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.head(x)


Broken()(tf.randn(2, 16))


# A method read here only when straight-line with plain parameters: one with a loop and a
# condition keeps mypy's type (silent, not proven).
class Branchy:
    def __init__(self) -> None:
        self.a = Dense(16, 8)

    def head(self, x: tf.Tensor, twice: bool) -> tf.Tensor:
        if twice:
            x = self.a(x)
        return self.a(x)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.head(x, False)


Branchy()(tf.randn(2, 16))


# In a Chain, a model traced to its construction follows its methods too.
model = Chain(Dense(10, 64), VAE(32))
model(tf.randn(2, 10))  # E: Chain layer 2 VAE(): Dense(32 => 32, relu) expects input Tensor[..., 32], got Tensor[2, 8]; need size 32 at axis -1 (got 8)  [shape]  # N: input to layer 2: Tensor[2, 64]
model_fixed = Chain(Dense(10, 64), VAE(8), Dense(64, 3))
model_fixed(tf.randn(2, 10))


# ``self.head`` where a class of the module redefines ``head``: an instance typed ``Base``
# may be a ``Tuned``, running its own method; not known, silent. Built as a ``Base`` it is.
class Base:
    def __init__(self) -> None:
        self.fc = Dense(16, 8)

    def head(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc(x)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.head(x)


class Tuned(Base):
    def head(self, x: tf.Tensor) -> tf.Tensor:
        return x


def apply(m: Base) -> tf.Tensor:
    return m(tf.randn(2, 4))


apply(Tuned())
Base()(tf.randn(2, 4))  # E: Dense(16 => 8) expects input Tensor[..., 16], got Tensor[2, 4]; need size 16 at axis -1 (got 4)  [shape]
