"""A held model whose body returns a tuple, called in another model's body: unpacked with a
star target, indexed, passed through a NamedTuple and zip; several instances of other sizes."""
from typing import List, NamedTuple, Tuple

import typedflux as tf
from typedflux import Dense, Tensor


class Stats(NamedTuple):
    mu: Tensor
    logvar: Tensor


class Enc:
    def __init__(self, d: int, z: int) -> None:
        self.mu = Dense(d, z)
        self.lv = Dense(d, z)
        self.h = Dense(d, d)

    def __call__(self, x: Tensor) -> Tuple[Tensor, Tensor, Tensor]:
        return self.mu(x), self.lv(x), self.h(x)


class Model:
    def __init__(self, d: int, z: int) -> None:
        self.enc = Enc(d, z)
        self.dec = Dense(z, d)

    def stats(self, x: Tensor) -> Stats:
        mu, *rest = self.enc(x)
        return Stats(mu, rest[0])

    def __call__(self, x: Tensor) -> List[Tensor]:
        out = self.enc(x)
        s = self.stats(x)
        z = s.mu + tf.exp(0.5 * s.logvar) * tf.randn(*s.mu.shape)
        return [self.dec(z), out[2]] + [a + b for a, b in zip(out[:2], (s.mu, s.logvar))]


for d, z in ((6, 2), (10, 3)):
    print([t.shape for t in Model(d, z)(tf.randn(4, d))])
print(Model(5, 5)(tf.randn(1, 5))[0].shape)
