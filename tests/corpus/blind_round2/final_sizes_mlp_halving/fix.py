"""An MLP with Final sizes halves the hidden width, the head takes the full one."""
from dataclasses import dataclass
from typing import Final

import typedflux as tf
from typedflux import Chain, Dense, relu

HIDDEN: Final = 128
CLASSES: Final = 10


@dataclass
class Config:
    lr: float = 1e-3


model = Chain(Dense(784, HIDDEN, relu), Dense(HIDDEN, HIDDEN // 2, relu), Dense(HIDDEN // 2, CLASSES))
state = tf.setup(tf.Adam(Config().lr), model)
print(model(tf.randn(2, 784)).shape)
