"""Every container and layer class as a bare annotation on attributes, lists, dicts, Optional
and parameters (clean under --strict too), all called."""
from typing import Dict, List, Optional

import typedflux as tf
from typedflux import (BatchNorm, Chain, Conv, Dense, Embedding, LayerNorm, LSTM, Maxout,
                       MultiHeadAttention, PairwiseFusion, Parallel, SkipConnection, Tensor)


class Net:
    def __init__(self) -> None:
        self.body: Chain = Chain(Dense(4, 8), Dense(8, 2))
        self.skip: SkipConnection = SkipConnection(Dense(4, 4), tf.add)
        self.par: Parallel = Parallel(tf.add, Dense(4, 4), Dense(4, 4))
        self.dense: Dense = Dense(4, 4)
        self.conv: Conv = Conv((3, 3), 1, 2)
        self.bn: BatchNorm = BatchNorm(2)
        self.ln: LayerNorm = LayerNorm(4)
        self.emb: Embedding = Embedding(10, 4)
        self.lstm: LSTM = LSTM(4, 4)
        self.mha: MultiHeadAttention = MultiHeadAttention(4, 2)
        self.mx: Maxout = Maxout(Dense(4, 4), Dense(4, 4))
        self.pf: PairwiseFusion = PairwiseFusion(tf.add, Dense(4, 4))
        self.blocks: List[Chain] = [Chain(Dense(4, 4)) for _ in range(2)]
        self.named: Dict[str, Chain] = {"a": Chain(Dense(4, 4))}
        self.maybe: Optional[Chain] = None
        self.t: Tensor = tf.zeros(2, 4)

    def __call__(self, x: Tensor) -> Tensor:
        for b in self.blocks:
            x = b(x)
        if self.maybe is not None:
            x = self.maybe(x)
        return self.body(self.named["a"](self.skip(self.par(self.dense(self.ln(self.mx(x)))))))


def takes(c: Chain, d: Dense, t: Tensor) -> Tensor:
    return c(d(t))


print(Net()(tf.zeros(2, 4)).shape, takes(Chain(Dense(4, 4)), Dense(4, 4), tf.zeros(1, 4)).shape)
