"""Layers and sizes under TYPE_CHECKING and overloads on a model's method."""
from typing import TYPE_CHECKING, Final, Union, overload

import typedflux as tf
from typedflux import Dense, Tensor

if TYPE_CHECKING:
    WIDTH: Final = 8
else:
    WIDTH = 8


class Head:
    def __init__(self) -> None:
        self.fc = Dense(WIDTH, 2)

    @overload
    def __call__(self, x: Tensor[3, 8]) -> Tensor[3, 2]: ...
    @overload
    def __call__(self, x: Tensor[5, 8]) -> Tensor[5, 2]: ...
    def __call__(self, x: Union[Tensor[3, 8], Tensor[5, 8]]) -> Union[Tensor[3, 2], Tensor[5, 2]]:
        return self.fc(x)


h = Head()
print(h(tf.randn(3, 8)).shape, h(tf.randn(5, 8)).shape)
