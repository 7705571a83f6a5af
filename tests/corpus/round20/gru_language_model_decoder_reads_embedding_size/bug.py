"""The word-language-model example's RNNModel with a GRU: an encoder Embedding (ntoken, ninp),
dropout, a GRU of nhid units, and a decoder Dense(nhid, ntoken); weights are tied only when
nhid == ninp. Trained with truncated BPTT on batchified data: get_batch slices bptt steps."""
from __future__ import annotations

import numpy as np

import typedflux as tf
from typedflux import GRU, Dense, Dropout, Embedding, Tensor


class RNNModel:
    def __init__(self, ntoken: int, ninp: int, nhid: int, dropout: float = 0.2,
                 tie_weights: bool = False) -> None:
        self.drop = Dropout(dropout)
        self.encoder = Embedding(ntoken, ninp)
        self.rnn = GRU(ninp, nhid)
        self.decoder = Dense(ninp, ntoken)
        if tie_weights:
            if nhid != ninp:
                raise ValueError("When using the tied flag, nhid must be equal to emsize")
            self.decoder.weight = self.encoder.weight
        self.ntoken = ntoken

    def __call__(self, input: Tensor) -> Tensor:
        emb = self.drop(self.encoder(input))
        output = self.rnn(emb)
        output = self.drop(output)
        decoded = self.decoder(output)
        return tf.logsoftmax(decoded, axis=-1)


def batchify(data: np.ndarray, bsz: int) -> Tensor:
    nbatch = data.shape[0] // bsz
    return tf.tensor(data[: nbatch * bsz].reshape(bsz, nbatch))


def get_batch(source: Tensor, i: int, bptt: int = 5) -> Tensor:
    seq_len = min(bptt, source.shape[1] - 1 - i)
    return source[:, i:i + seq_len]


ntokens = 50
model = RNNModel(ntokens, ninp=16, nhid=24)
train_data = batchify(np.random.randint(0, ntokens, size=200), 4)
data = get_batch(train_data, 0)
output = model(data)  # BUG  # E: Dense(16 => 50) expects input Tensor[..., 16], got Tensor[?, ?, 24]; need size 16 at axis -1 (got 24)  [shape]
print(output.shape)
