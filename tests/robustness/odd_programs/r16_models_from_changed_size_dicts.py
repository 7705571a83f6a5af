"""Models built from **dicts of sizes, changed before the call: correct programs."""
from dataclasses import asdict, dataclass

import typedflux as tf
from typedflux import Chain, Dense, relu


class MLP:
    def __init__(self, d_in: int, hidden: int, d_out: int) -> None:
        self.body = Chain(Dense(d_in, hidden, relu), Dense(hidden, d_out))

    def __call__(self, x):
        return self.body(x)


@dataclass
class Cfg:
    d_in: int = 4
    hidden: int = 8
    d_out: int = 2


cfg = {"d_in": 4, "hidden": 8, "d_out": 2}
cfg["d_in"] = 6
m = MLP(**cfg)
print(m(tf.randn(3, 6)).shape)
cfg2 = dict(d_in=4, hidden=8, d_out=2)
cfg2.update(d_in=5)
print(MLP(**cfg2)(tf.randn(3, 5)).shape)
c = Cfg()
c.d_in = 7
print(MLP(**asdict(c))(tf.randn(3, 7)).shape)
base = {"d_in": 4, "hidden": 8, "d_out": 2}
print(MLP(**{**base, "d_in": 9})(tf.randn(3, 9)).shape)
print(MLP(**base, )(tf.randn(3, 4)).shape)
