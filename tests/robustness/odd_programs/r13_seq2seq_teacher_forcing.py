"""A GRU seq2seq with Bahdanau attention and teacher forcing: the encoder's states, a decoder
step taking (token, hidden, memory), a loop over target positions choosing the gold token or
the prediction at random, greedy decoding, a loss summed over steps."""
from __future__ import annotations

import random
from typing import List, Tuple

import typedflux as tf
from typedflux import GRU, Dense, Embedding, tanh

SOS, EOS = 0, 1


class Encoder:
    def __init__(self, vocab: int, emb: int, hidden: int) -> None:
        self.emb = Embedding(vocab, emb)
        self.rnn = GRU(emb, hidden, return_state=True)

    def __call__(self, src: tf.Tensor) -> Tuple[tf.Tensor, tf.Tensor]:
        out, h = self.rnn(self.emb(src))
        return out, h


class Attention:
    def __init__(self, hidden: int) -> None:
        self.wq = Dense(hidden, hidden, bias=False)
        self.wk = Dense(hidden, hidden, bias=False)
        self.v = Dense(hidden, 1, bias=False)

    def __call__(self, h: tf.Tensor, memory: tf.Tensor) -> tf.Tensor:
        b, s, d = memory.shape
        scores = self.v(tanh(self.wq(h).reshape(b, 1, d) + self.wk(memory))).reshape(b, s)
        w = tf.softmax(scores, axis=-1)
        return (w.reshape(b, 1, s) @ memory).reshape(b, d)


class Decoder:
    def __init__(self, vocab: int, emb: int, hidden: int) -> None:
        self.emb = Embedding(vocab, emb)
        self.attn = Attention(hidden)
        self.rnn = GRU(emb + hidden, hidden, return_state=True)
        self.out = Dense(2 * hidden, vocab)

    def step(self, tok: tf.Tensor, h: tf.Tensor, memory: tf.Tensor) -> Tuple[tf.Tensor, tf.Tensor]:
        e = self.emb(tok)
        ctx = self.attn(h, memory)
        inp = tf.cat(e, ctx.reshape(ctx.shape[0], 1, ctx.shape[1]), axis=-1)
        y, h = self.rnn(inp, h)
        logits = self.out(tf.cat(y[:, 0], ctx, axis=-1))
        return logits, h


class Seq2Seq:
    def __init__(self, src_vocab: int, tgt_vocab: int, emb: int = 8, hidden: int = 16) -> None:
        self.enc = Encoder(src_vocab, emb, hidden)
        self.dec = Decoder(tgt_vocab, emb, hidden)
        self.tgt_vocab = tgt_vocab

    def __call__(self, src: tf.Tensor, tgt: tf.Tensor, ratio: float = 0.5) -> tf.Tensor:
        memory, h = self.enc(src)
        b, t = tgt.shape
        tok = tf.tensor([[SOS]] * b)
        outs: List[tf.Tensor] = []
        for i in range(t):
            logits, h = self.dec.step(tok, h, memory)
            outs.append(logits)
            if random.random() < ratio:
                tok = tgt[:, i:i + 1]
            else:
                tok = tf.argmax(logits, axis=-1, keepdims=True)
        return tf.stack(outs, axis=1)

    def greedy(self, src: tf.Tensor, max_len: int) -> List[List[int]]:
        memory, h = self.enc(src)
        tok = tf.tensor([[SOS]] * src.shape[0])
        result: List[List[int]] = [[] for _ in range(src.shape[0])]
        for _ in range(max_len):
            logits, h = self.dec.step(tok, h, memory)
            tok = tf.argmax(logits, axis=-1, keepdims=True)
            for r, v in zip(result, tok.numpy()[:, 0].tolist()):
                r.append(int(v))
        return result


def loss_fn(model: Seq2Seq, src: tf.Tensor, tgt: tf.Tensor, gold: tf.Tensor) -> tf.Tensor:
    logits = model(src, tgt)
    b, t, v = logits.shape
    return tf.losses.logitcrossentropy(logits.reshape(b * t, v), gold.reshape(b * t, v))


def main() -> None:
    random.seed(0)
    model = Seq2Seq(12, 10)
    src = tf.tensor([[2, 3, 4, 5, 1], [6, 7, 8, 1, 1]])
    tgt = tf.tensor([[3, 4, 5, 1], [7, 8, 1, 1]])
    gold = tf.onehot(tgt.numpy().reshape(-1).tolist(), 10).reshape(2, 4, 10)
    state = tf.setup(tf.Adam(1e-2), model)
    for _ in range(3):
        loss, g = tf.withgradient(loss_fn, model, src, tgt, gold)
        state, model = tf.update(state, model, g[0])
    print(loss.item() > 0, model.greedy(src, 4))


main()
