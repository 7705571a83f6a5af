"""The PyTorch DCGAN example (ngf=ndf=8, 32x32 images) with alternating D/G steps, testmode sampling."""
from typing import Final, TypeVar

import numpy as np

import typedflux as tf
from typedflux import (BatchNorm, Chain, Conv, ConvTranspose, Flatten, Tensor, leakyrelu, relu,
                       sigmoid, tanh)

B = TypeVar("B", bound=int)
nz: Final = 16
ngf: Final = 8
ndf: Final = 8
nc: Final = 3


def weights_init(m: Chain) -> None:
    for layer in m.layers:
        if isinstance(layer, (Conv, ConvTranspose)):
            layer.weight.data[...] = np.random.default_rng(0).normal(0, 0.02, layer.weight.shape)
        elif isinstance(layer, BatchNorm):
            layer.weight.data[...] = 1.0


class Generator:
    def __init__(self) -> None:
        self.main = Chain(
            ConvTranspose((4, 4), nz, ngf * 4, stride=1, pad=0, bias=False),
            BatchNorm(ngf * 4, relu),
            ConvTranspose((4, 4), ngf * 4, ngf * 2, stride=2, pad=1, bias=False),
            BatchNorm(ngf * 2, relu),
            ConvTranspose((4, 4), ngf * 2, ngf, stride=2, pad=1, bias=False),
            BatchNorm(ngf, relu),
            ConvTranspose((4, 4), ngf, nc, tanh, stride=2, pad=1, bias=False),
        )

    def __call__(self, z: Tensor[B, nz, 1, 1]) -> Tensor[B, nc, 32, 32]:
        return self.main(z)


class Discriminator:
    def __init__(self) -> None:
        self.main = Chain(
            Conv((4, 4), nc, ndf, stride=2, pad=1, bias=False),
            lambda x: leakyrelu(x, 0.2),
            Conv((4, 4), ndf, ndf * 2, stride=2, pad=1, bias=False),
            BatchNorm(ndf * 2),
            lambda x: leakyrelu(x, 0.2),
            Conv((4, 4), ndf * 2, ndf * 4, stride=2, pad=1, bias=False),
            BatchNorm(ndf * 4),
            lambda x: leakyrelu(x, 0.2),
            Conv((4, 4), ndf * 4, 1, sigmoid, stride=1, pad=0, bias=False),
            Flatten(),
        )

    def __call__(self, x: Tensor[B, nc, 32, 32]) -> Tensor[B, 1]:
        return self.main(x)


netG = Generator()
netD = Discriminator()
weights_init(netG.main)
weights_init(netD.main)
fixed_noise = tf.randn(4, nz, 1, 1)
real_label, fake_label = 1.0, 0.0
optD = tf.setup(tf.Adam(2e-4, beta=(0.5, 0.999)), netD)
optG = tf.setup(tf.Adam(2e-4, beta=(0.5, 0.999)), netG)
rng = np.random.default_rng(0)
dataset = tf.tensor(rng.uniform(-1, 1, (16, nc, 32, 32)).astype(np.float32))
dataloader = tf.DataLoader(dataset, batchsize=8, shuffle=True, seed=0)
for epoch in range(2):
    for i, real in enumerate(dataloader):
        b_size = real.shape[0]
        label = tf.full(b_size, 1, value=real_label)
        noise = tf.randn(b_size, nz, 1, 1)
        fake = netG(noise).detach()

        def d_loss(d: Discriminator) -> tf.Tensor:
            err_real = tf.losses.binarycrossentropy(d(real), label)
            err_fake = tf.losses.binarycrossentropy(d(fake), tf.zeros(b_size, 1) + fake_label)
            return err_real + err_fake

        errD, (gD,) = tf.withgradient(d_loss, netD)
        optD, netD = tf.update(optD, netD, gD)

        def g_loss(g: Generator) -> tf.Tensor:
            return tf.losses.binarycrossentropy(netD(g(noise)), label)

        errG, (gG,) = tf.withgradient(g_loss, netG)
        optG, netG = tf.update(optG, netG, gG)
        print(epoch, i, round(errD.item(), 3), round(errG.item(), 3))
tf.testmode(netG)
print(netG(fixed_noise).shape)
