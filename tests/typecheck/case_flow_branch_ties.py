"""A weight tie under an ``if`` (``if tie_weights: self.decoder.weight = self.encoder.weight``).

PyTorch's word-language-model ties its decoder to its encoder only when asked (and raises
when the widths differ). A construction's run follows the tie where it runs it: not at all
for ``tie_weights=False`` (the decoder keeps its own sizes, ``Dense(16 => 50)``, and a GRU's
24 wide output given to it is caught), and with the tied sizes when the branch is taken.
(An ``if`` the values do not decide joins its branches: a decoder the tie changes is unknown
then.) Each with its fix; the same lines fail at run time with the same words.
"""

import typedflux as tf
from typedflux import GRU, Dense, Embedding, Tensor


class RNNModel:
    def __init__(self, ntoken: int, ninp: int, nhid: int, tie_weights: bool = False) -> None:
        self.encoder = Embedding(ntoken, ninp)
        self.rnn = GRU(ninp, nhid)
        self.decoder = Dense(ninp, ntoken)
        if tie_weights:
            if nhid != ninp:
                raise ValueError("When using the tied flag, nhid must be equal to emsize")
            self.decoder.weight = self.encoder.weight

    def __call__(self, tokens: Tensor) -> Tensor:
        return self.decoder(self.rnn(self.encoder(tokens)))


tokens = tf.tensor([[1, 2, 3], [4, 5, 6]])
RNNModel(50, 16, 24)(tokens)  # E: Dense(16 => 50) expects input Tensor[..., 16], got Tensor[2, 3, 24]; need size 16 at axis -1 (got 24)  [shape]
RNNModel(50, 16, 16)(tokens)
RNNModel(50, 16, 16, tie_weights=True)(tokens)
