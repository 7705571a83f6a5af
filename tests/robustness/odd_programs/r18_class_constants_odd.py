"""Odd but valid (round 18's crash hunt): block width constants set in odd ways: a property, a class attribute deleted and set again, __init_subclass__ setting expansion, a metaclass attribute, a descriptor, an Enum member's value, a tuple-unpacked class body binding, and expansion read through type(self) and self.__class__."""
from __future__ import annotations
import enum
from typing import Any
import typedflux as tf
from typedflux import Conv, Tensor, relu


class Width(enum.IntEnum):
    WIDE = 4


class Desc:
    def __get__(self, obj: Any, owner: Any) -> int:
        return 2


class Meta(type):
    factor = 3


class Base:
    expansion = 1
    scale = Desc()

    def __init_subclass__(cls, **kw: Any) -> None:
        super().__init_subclass__(**kw)
        if not hasattr(cls, "touched"):
            setattr(cls, "touched", True)

    def __init__(self, cin: int, planes: int) -> None:
        self.conv = Conv((1, 1), cin, planes * type(self).expansion)

    def __call__(self, x: Tensor) -> Tensor:
        return relu(self.conv(x))


class Prop(Base):
    @property
    def out(self) -> int:
        return 4


class Deleted(Base):
    expansion = 2


del Deleted.expansion
Deleted.expansion = 4


class Unpacked(Base):
    expansion, other = 4, 1


class ViaClass(Base):
    expansion = Width.WIDE

    def __init__(self, cin: int, planes: int) -> None:
        self.conv = Conv((1, 1), cin, planes * self.__class__.expansion)


class WithMeta(Base, metaclass=Meta):
    pass


x = tf.zeros(1, 8, 2, 2)
for cls in (Prop, Deleted, Unpacked, ViaClass, WithMeta):
    print(cls.__name__, cls(8, 2)(x).shape)
print(Base.scale, Prop(8, 2).out, Meta.factor)
