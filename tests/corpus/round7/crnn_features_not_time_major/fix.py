"""CRNN for text recognition: the conv features must be read as a sequence over the width;
without the swap the LSTM gets the width as its features."""
from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Conv, LSTM, MaxPool, Tensor, relu

B = TypeVar("B", bound=int)
cnn = Chain(Conv((3, 3), 1, 16, relu, pad=1), MaxPool((2, 2)), Conv((3, 3), 16, 32, relu, pad=1),
            MaxPool((4, 1)))
rnn = LSTM(32, 24)


def read(img: Tensor[B, 1, 8, 20]) -> Tensor[B, 10, 24]:
    f = cnn(img)[:, :, 0, :]
    return rnn(f.swapaxes(1, 2))


print(read(tf.randn(2, 1, 8, 20)).shape)
