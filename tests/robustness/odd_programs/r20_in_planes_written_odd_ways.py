"""_make_layer where self.in_planes is written in ways other than `self.in_planes = ...`:
through an alias of self, a nested helper def, another self method called from the method, a
tuple target, getattr/setattr by name, a try block. Each program is correct and runs: the head
width is the last stage's."""
import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu


class Block:
    def __init__(self, cin: int, cout: int) -> None:
        self.fc = Dense(cin, cout)

    def __call__(self, x: Tensor) -> Tensor:
        return relu(self.fc(x))


class Alias:
    def __init__(self) -> None:
        self.in_planes = 8
        self.layer1 = self._make_layer(16)
        self.layer2 = self._make_layer(32)
        self.head = Dense(32, 2)

    def _make_layer(self, planes: int) -> Chain:
        me = self
        b = Block(self.in_planes, planes)
        me.in_planes = planes
        return Chain(b)

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(self.layer2(self.layer1(x)))


class Nested:
    def __init__(self) -> None:
        self.in_planes = 8
        self.layer1 = self._make_layer(16)
        self.layer2 = self._make_layer(32)
        self.head = Dense(32, 2)

    def _make_layer(self, planes: int) -> Chain:
        def bump() -> None:
            self.in_planes = planes

        b = Block(self.in_planes, planes)
        bump()
        return Chain(b)

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(self.layer2(self.layer1(x)))


class Helper:
    def __init__(self) -> None:
        self.in_planes = 8
        self.layer1 = self._make_layer(16)
        self.layer2 = self._make_layer(32)
        self.head = Dense(32, 2)

    def _set(self, planes: int) -> None:
        self.in_planes = planes

    def _make_layer(self, planes: int) -> Chain:
        b = Block(self.in_planes, planes)
        self._set(planes)
        return Chain(b)

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(self.layer2(self.layer1(x)))


class TupleTarget:
    def __init__(self) -> None:
        self.in_planes, self.dilation = 8, 1
        self.layer1 = self._make_layer(16)
        self.layer2 = self._make_layer(32)
        self.head = Dense(self.in_planes, 2)

    def _make_layer(self, planes: int) -> Chain:
        b = Block(self.in_planes, planes)
        self.in_planes, self.dilation = planes, self.dilation * 2
        return Chain(b)

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(self.layer2(self.layer1(x)))


class ByName:
    def __init__(self) -> None:
        self.in_planes = 8
        self.layer1 = self._make_layer(16)
        self.layer2 = self._make_layer(32)
        self.head = Dense(32, 2)

    def _make_layer(self, planes: int) -> Chain:
        b = Block(getattr(self, "in_planes"), planes)
        setattr(self, "in_planes", planes)
        return Chain(b)

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(self.layer2(self.layer1(x)))


class Tried:
    def __init__(self) -> None:
        self.in_planes = 8
        self.layer1 = self._make_layer(16)
        self.layer2 = self._make_layer(32)
        self.head = Dense(32, 2)

    def _make_layer(self, planes: int) -> Chain:
        b = Block(self.in_planes, planes)
        try:
            self.in_planes = planes
        finally:
            pass
        return Chain(b)

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(self.layer2(self.layer1(x)))


class WhileLoop:
    def __init__(self) -> None:
        self.in_planes = 8
        self.layer1 = self._make_layer(16, 2)
        self.head = Dense(16, 2)

    def _make_layer(self, planes: int, n: int) -> Chain:
        layers = []
        i = 0
        while i < n:
            layers.append(Block(self.in_planes, planes))
            self.in_planes = planes
            i += 1
        return Chain(*layers)

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(self.layer1(x))


x = tf.randn(2, 8)
for cls in (Alias, Nested, Helper, TupleTarget, ByName, Tried, WhileLoop):
    print(cls.__name__, cls()(x).shape)
