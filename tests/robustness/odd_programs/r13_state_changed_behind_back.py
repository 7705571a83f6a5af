"""State changed behind the checker's back: a function that rebinds a global layer, a layer
replaced through an alias, a setattr by name, a dict of config updated in place, vars()."""
from typing import Any, Dict

import typedflux as tf
from typedflux import Dense

x = tf.randn(3, 4)
head = Dense(4, 8)


def widen() -> None:
    global head
    head = Dense(4, 16)


widen()
print(Dense(16, 2)(head(x)).shape)


class Net:
    def __init__(self) -> None:
        self.fc = Dense(4, 8)

    def __call__(self, t: tf.Tensor) -> tf.Tensor:
        return self.fc(t)


net = Net()
alias = net
alias.fc = Dense(4, 16)
print(Dense(16, 2)(net(x)).shape)

net2 = Net()
setattr(net2, "fc", Dense(4, 16))
print(Dense(16, 2)(net2(x)).shape)

net3 = Net()
vars(net3)["fc"] = Dense(4, 16)
print(Dense(16, 2)(net3(x)).shape)

net4 = Net()
net4.__dict__.update(fc=Dense(4, 16))
print(Dense(16, 2)(net4(x)).shape)

cfg: Dict[str, Any] = {"width": 8}


class Cfgd:
    def __init__(self, c: Dict[str, Any]) -> None:
        self.fc = Dense(4, c["width"])

    def __call__(self, t: tf.Tensor) -> tf.Tensor:
        return self.fc(t)


cfg["width"] = 16
print(Dense(16, 2)(Cfgd(cfg)(x)).shape)


def swap(n: Net) -> None:
    n.fc = Dense(4, 16)


net5 = Net()
swap(net5)
print(Dense(16, 2)(net5(x)).shape)

nets = [Net()]
nets[0].fc = Dense(4, 16)
print(Dense(16, 2)(nets[0](x)).shape)

WIDTHS = [8]
WIDTHS[0] = 16
print(Dense(16, 2)(Dense(4, WIDTHS[0])(x)).shape)
