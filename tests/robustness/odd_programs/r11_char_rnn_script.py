"""A char-RNN (LSTM, stateful across batches, truncated BPTT with detach), sampling one char at a time."""
from typing import Dict, Final, List, Tuple, TypeVar

import numpy as np

import typedflux as tf
from typedflux import Dense, Embedding, LSTM, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)

text = "hello world, this is a tiny corpus for a char rnn. " * 20
chars = sorted(set(text))
VOCAB = len(chars)
stoi: Dict[str, int] = {c: i for i, c in enumerate(chars)}
itos: Dict[int, str] = {i: c for c, i in stoi.items()}
HIDDEN: Final = 48
EMB: Final = 16
SEQ: Final = 12
BATCH: Final = 4


class CharRNN:
    def __init__(self, vocab: int, emb: int, hidden: int) -> None:
        self.embed = Embedding(vocab, emb)
        self.lstm = LSTM(emb, hidden, return_state=True)
        self.decoder = Dense(hidden, vocab)

    def __call__(self, ids: Tensor[B, T], state: Tuple[tf.Tensor, tf.Tensor]
                 ) -> Tuple[tf.Tensor, Tuple[tf.Tensor, tf.Tensor]]:
        e = self.embed(ids)
        out, (h, c) = self.lstm(e, state)
        return self.decoder(out), (h, c)

    def init_hidden(self, batch: int) -> Tuple[tf.Tensor, tf.Tensor]:
        return tf.zeros(batch, HIDDEN), tf.zeros(batch, HIDDEN)


encoded = np.array([stoi[c] for c in text], dtype=np.int64)


def batches(arr: np.ndarray, batch: int, seq: int) -> List[Tuple[tf.Tensor, tf.Tensor]]:
    n = (len(arr) - 1) // (batch * seq)
    x = arr[: n * batch * seq].reshape(batch, -1)
    y = arr[1: n * batch * seq + 1].reshape(batch, -1)
    return [(tf.tensor(x[:, i:i + seq]), tf.tensor(y[:, i:i + seq]))
            for i in range(0, x.shape[1], seq)]


net = CharRNN(VOCAB, EMB, HIDDEN)
opt = tf.setup(tf.Adam(3e-3), net)
for epoch in range(2):
    h = net.init_hidden(BATCH)
    h_next = h
    total = 0.0
    for x, y in batches(encoded, BATCH, SEQ):
        h = (h[0].detach(), h[1].detach())

        def loss_fn(m: CharRNN) -> tf.Tensor:
            global h_next
            logits, h_next = m(x, h)
            return tf.losses.logitcrossentropy(logits.reshape(-1, VOCAB),
                                               tf.onehot(y.reshape(-1).numpy().tolist(), VOCAB))

        loss, (g,) = tf.withgradient(loss_fn, net)
        h = h_next
        opt, net = tf.update(opt, net, g)
        total += loss.item()
    print(epoch, round(total, 2))


def sample(net: CharRNN, prime: str = "he", size: int = 20, top_k: int = 3) -> str:
    h = net.init_hidden(1)
    out = list(prime)
    ids = tf.tensor(np.array([[stoi[c] for c in prime]]))
    logits, h = net(ids, h)
    rng = np.random.default_rng(0)
    for _ in range(size):
        p = tf.softmax(logits[0, -1], axis=-1).numpy().astype(np.float64)
        top = np.argsort(p)[-top_k:]
        nxt = int(rng.choice(top, p=p[top] / p[top].sum()))
        out.append(itos[nxt])
        logits, h = net(tf.tensor(np.array([[nxt]])), h)
    return "".join(out)


print(sample(net))
