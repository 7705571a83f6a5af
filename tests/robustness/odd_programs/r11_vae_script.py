"""The PyTorch examples' VAE (784-400-20) on random data: encode/reparameterize/decode, loss, sample."""
from typing import Final, Tuple, TypeVar

import numpy as np

import typedflux as tf
from typedflux import Dense, Tensor, relu

B = TypeVar("B", bound=int)
LATENT: Final = 20
IN: Final = 784


class VAE:
    def __init__(self) -> None:
        self.fc1 = Dense(IN, 400)
        self.fc21 = Dense(400, LATENT)
        self.fc22 = Dense(400, LATENT)
        self.fc3 = Dense(LATENT, 400)
        self.fc4 = Dense(400, IN)

    def encode(self, x: Tensor[B, IN]) -> Tuple[Tensor[B, LATENT], Tensor[B, LATENT]]:
        h1 = relu(self.fc1(x))
        return self.fc21(h1), self.fc22(h1)

    def reparameterize(self, mu: Tensor[B, LATENT], logvar: Tensor[B, LATENT]) -> Tensor[B, LATENT]:
        std = tf.exp(0.5 * logvar)
        eps = tf.randn(*std.shape)
        return mu + eps * std

    def decode(self, z: Tensor[B, LATENT]) -> Tensor[B, IN]:
        h3 = relu(self.fc3(z))
        return tf.sigmoid(self.fc4(h3))

    def __call__(self, x: Tensor[B, 1, 28, 28]
                 ) -> Tuple[Tensor[B, IN], Tensor[B, LATENT], Tensor[B, LATENT]]:
        mu, logvar = self.encode(x.reshape(-1, IN))
        z = self.reparameterize(mu, logvar)
        return self.decode(z), mu, logvar


def loss_function(recon_x: Tensor[B, IN], x: Tensor[B, 1, 28, 28], mu: Tensor[B, LATENT],
                  logvar: Tensor[B, LATENT]) -> tf.Tensor:
    target = x.reshape(-1, IN)
    bce = -(target * tf.log(recon_x + 1e-8) + (1 - target) * tf.log(1 - recon_x + 1e-8)).sum()
    kld = -0.5 * tf.sum(1 + logvar - mu ** 2 - tf.exp(logvar))
    return bce + kld


rng = np.random.default_rng(1)
data = tf.tensor(rng.random((32, 1, 28, 28)).astype(np.float32))
loader = tf.DataLoader(data, batchsize=16, shuffle=True, seed=0)
model = VAE()
optimizer = tf.setup(tf.Adam(1e-3), model)
for epoch in range(1, 3):
    train_loss = 0.0
    for batch_idx, xb in enumerate(loader):
        def step_loss(m: VAE) -> tf.Tensor:
            recon_batch, mu, logvar = m(xb)
            return loss_function(recon_batch, xb, mu, logvar)
        loss, grads = tf.withgradient(step_loss, model)
        optimizer, model = tf.update(optimizer, model, grads[0])
        train_loss += loss.item()
    print(f"epoch {epoch} average loss {train_loss / len(data):.3f}")

sample = tf.randn(8, LATENT)
images = model.decode(sample).reshape(8, 1, 28, 28)
print(images.shape)
recon, mu, logvar = model(data[:4])
comparison = tf.concat([data[:4], recon.reshape(4, 1, 28, 28)])
print(comparison.shape, mu.shape)
