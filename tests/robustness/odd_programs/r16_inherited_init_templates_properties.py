"""Inherited __init__, harder: the base's __init__ or __call__ reads what the subclass changes."""
import typedflux as tf
from typedflux import Dense, LayerNorm, relu


class Template:
    def __init__(self) -> None:
        self.inp = Dense(8, 8)

    def extra(self, h):
        return h

    def __call__(self, x):
        return self.extra(self.inp(x))


class Widening(Template):
    def extra(self, h):
        return tf.cat(h, h, axis=-1)


class BeforeSuper(Template):
    def __init__(self) -> None:
        self.pre = Dense(4, 8)
        super().__init__()

    def __call__(self, x):
        return self.inp(self.pre(x))


class PropWidth:
    @property
    def width(self) -> int:
        return 8

    def __init__(self) -> None:
        self.fc = Dense(self.width, 2)

    def __call__(self, x):
        return self.fc(x)


class PropWider(PropWidth):
    @property
    def width(self) -> int:
        return 20


class Registry:
    kinds: dict = {}

    def __init_subclass__(cls, **kw) -> None:
        super().__init_subclass__(**kw)
        Registry.kinds[cls.__name__] = cls

    def __init__(self) -> None:
        self.fc = Dense(5, 5)

    def __call__(self, x):
        return self.fc(x)


class Reg1(Registry):
    pass


class ArgBase:
    def __init__(self, d_in: int, d_out: int) -> None:
        self.fc = Dense(d_in, d_out)

    def __call__(self, x):
        return relu(self.fc(x))


class FixedArgs(ArgBase):
    def __init__(self) -> None:
        super().__init__(6, 9)


class SwapArgs(ArgBase):
    def __init__(self, d_out: int, d_in: int) -> None:
        super().__init__(d_in, d_out)


class KwArgs(ArgBase):
    def __init__(self, **kw) -> None:
        super().__init__(**kw)


class NormFirst(ArgBase):
    def __init__(self, d: int) -> None:
        super().__init__(d, d)
        self.norm = LayerNorm(d)

    def __call__(self, x):
        return super().__call__(self.norm(x))


class Grand(FixedArgs):
    def __call__(self, x):
        return super().__call__(x) * 2


print(Widening()(tf.randn(2, 8)).shape, BeforeSuper()(tf.randn(2, 4)).shape, PropWider()(tf.randn(2, 20)).shape)
print(Reg1()(tf.randn(1, 5)).shape, FixedArgs()(tf.randn(2, 6)).shape, SwapArgs(3, 7)(tf.randn(2, 7)).shape)
print(KwArgs(d_in=4, d_out=2)(tf.randn(2, 4)).shape, NormFirst(5)(tf.randn(2, 5)).shape, Grand()(tf.randn(3, 6)).shape)
w = Widening()
y = w(tf.randn(2, 8))
print(y[:, 15].shape, Dense(16, 1)(y).shape)
p = PropWider()(tf.randn(2, 20))
s = SwapArgs(3, 7)(tf.randn(2, 7))
print(Dense(3, 1)(s).shape, p.shape)
