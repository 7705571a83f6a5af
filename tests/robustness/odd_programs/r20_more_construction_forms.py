"""more construction/body forms: a cfg read through type(self).cfg / self.__class__.cfg
with a subclass override, a flag from **kwargs, a body indexing a list attribute in a range loop,
hasattr of an attribute a base sets conditionally and the subclass sets always, a ternary
Optional attribute replaced by a method, _make_layer reset of in_planes between stages. All run."""
from typing import Any, List, Optional

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu


class Net:
    cfg = [8, 16]

    def __init__(self) -> None:
        layers = []
        cin = 4
        for w in type(self).cfg:
            layers.append(Dense(cin, w))
            cin = w
        self.body = Chain(*layers)
        self.head = Dense(cin, 2)

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(self.body(x))


class Net2(Net):
    cfg = [8, 32]


class Net3:
    cfg = [8, 16]

    def __init__(self) -> None:
        layers = []
        cin = 4
        for w in self.__class__.cfg:
            layers.append(Dense(cin, w))
            cin = w
        self.body = Chain(*layers)
        self.head = Dense(cin, 2)

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(self.body(x))


class Net4(Net3):
    cfg = [12]


class Kw:
    def __init__(self, **kwargs: Any) -> None:
        self.wide = kwargs.get("wide", False)
        self.a = Dense(8, 4)
        self.b = Dense(8, 16)

    def __call__(self, x: Tensor) -> Tensor:
        if self.wide:
            return self.b(x)
        return self.a(x)


class Indexed:
    def __init__(self) -> None:
        self.layers = [Dense(4, 8), Dense(8, 6), Dense(6, 2)]

    def __call__(self, x: Tensor) -> Tensor:
        for i in range(len(self.layers)):
            x = self.layers[i](x)
        return x


class Base:
    def __init__(self, cin: int, cout: int) -> None:
        self.fc = Dense(cin, cout)
        if cin != cout:
            self.proj = Dense(cin, cout)

    def __call__(self, x: Tensor) -> Tensor:
        if hasattr(self, "proj"):
            return self.fc(x) + self.proj(x)
        return self.fc(x) + x


class Always(Base):
    def __init__(self, cin: int, cout: int) -> None:
        super().__init__(cin, cout)
        self.fc = Dense(cin, 2 * cout)
        self.proj = Dense(cin, 2 * cout)


class Tern:
    def __init__(self, stride: int) -> None:
        self.down: Optional[Dense] = Dense(8, 4) if stride > 1 else None
        self.head4 = Dense(4, 2)
        self.head8 = Dense(8, 2)

    def set_down(self) -> None:
        self.down = Dense(8, 4)

    def __call__(self, x: Tensor) -> Tensor:
        if self.down is not None:
            return self.head4(self.down(x))
        return self.head8(x)


class Reset:
    def __init__(self) -> None:
        self.in_planes = 8
        self.a = self._make_layer(16)
        self.in_planes = 8
        self.b = self._make_layer(32)
        self.head = Dense(48, 2)

    def _make_layer(self, planes: int) -> Chain:
        d = Dense(self.in_planes, planes)
        self.in_planes = planes
        return Chain(d, relu)

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(tf.cat(self.a(x), self.b(x), axis=1))


x4 = tf.randn(2, 4)
x8 = tf.randn(2, 8)
print(Net()(x4).shape, Net2()(x4).shape, Net3()(x4).shape, Net4()(x4).shape)
kw = Kw(wide=True)
print(Dense(16, 1)(kw(x8)).shape)
print(Indexed()(x4).shape)
print(Dense(16, 1)(Always(8, 8)(x8)).shape)
t = Tern(1)
t.set_down()
print(t(x8).shape)
print(Reset()(x8).shape)
