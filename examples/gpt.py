"""A small character-level GPT, written out with typedflux's ops and checked by mypy.

    python examples/gpt.py              # 300 steps (about a minute), then 300 characters
    python examples/gpt.py --quick      # 30 steps, a few seconds (the test's run)

Each block is pre-norm attention and an MLP, with the attention written by hand so the ops
show: one fused ``Dense(64 => 192)`` projection ``split`` into q, k and v, ``rearrange`` into
heads (``"b t (h d) -> b h t d"``), rotary position embeddings built with ``sin``/``cos``,
scores by ``einsum``, a causal mask from ``tril``, and the heads merged back by
``rearrange``. The annotations are what a user writes: sizes are ``Final`` constants
(``Tensor[B, T, DIM]``), layers are typed by their constructors, and with the typedflux
plugin mypy computes every intermediate shape from them: a head split that does not divide,
q and k with different head sizes, or a mask of the wrong size is a ``[shape]`` error on its
line. (``Final`` constants as dims need the plugin: plain mypy reads only ``Literal`` sizes.) The text is CPython's own help pages
(``pydoc_data.topics``), as in ``char_lstm.py``.
"""

import os

# NOTE: set before numpy loads (typedflux imports it): the matrices here are small, and
# OpenBLAS's threads cost more than they save on them on a busy 2-core machine.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse  # noqa: E402
import math  # noqa: E402
import time  # noqa: E402
from typing import Final, List, Tuple, TypeVar  # noqa: E402

import numpy as np  # noqa: E402
import numpy.typing as npt  # noqa: E402

import typedflux as tf  # noqa: E402
from typedflux import Dense, Embedding, LayerNorm, Tensor  # noqa: E402

B = TypeVar("B", bound=int)  # sequences in a batch
T = TypeVar("T", bound=int)  # characters per sequence

ALPHABET: Final = "\n" + "".join(chr(c) for c in range(32, 127))
VOCAB: Final = 96
DIM: Final = 64  # model width
HEADS: Final = 4  # attention heads of HEAD_DIM = 16
HEAD_DIM: Final = 16
HALF: Final = 8  # rotary frequencies: one per pair of a head's features
LAYERS: Final = 2
assert len(ALPHABET) == VOCAB and HEADS * HEAD_DIM == DIM and 2 * HALF == HEAD_DIM

_INDEX = {ch: i for i, ch in enumerate(ALPHABET)}
Ids = npt.NDArray[np.int64]


def encode(text: str) -> Ids:
    """Character ids (positions in ``ALPHABET``; anything else becomes ``?``).

    >>> encode("Hi!\\n").tolist()
    [41, 74, 2, 0]
    """
    return np.array([_INDEX.get(ch, _INDEX["?"]) for ch in text], dtype=np.int64)


def decode(ids: "npt.ArrayLike") -> str:
    """The text of a sequence of ids.

    >>> decode([41, 74, 2])
    'Hi!'
    """
    return "".join(ALPHABET[int(i)] for i in np.asarray(ids).ravel())


def rotate(x: Tensor[B, HEADS, T, HEAD_DIM], cos: Tensor[T, HALF],
           sin: Tensor[T, HALF]) -> Tensor[B, HEADS, T, HEAD_DIM]:
    """Rotary position embedding: each pair ``(x1[i], x2[i])`` of a head's halves is turned by
    the angle of its position and frequency, so a q.k product depends on the positions'
    difference only.

    >>> x = tf.randn(1, 4, 3, 16)
    >>> cos, sin = angles(3)
    >>> y = rotate(x, cos, sin)
    >>> bool(np.allclose((y * y).sum(axis=-1).numpy(), (x * x).sum(axis=-1).numpy(), atol=1e-5))
    True
    """
    x1, x2 = tf.chunk(x, 2)
    return tf.concat([x1 * cos - x2 * sin, x1 * sin + x2 * cos])


def angles(t: T) -> Tuple[Tensor[T, HALF], Tensor[T, HALF]]:
    """``cos`` and ``sin`` of position times frequency, ``Tensor[T, 8]`` each (frequencies
    ``10000**(-i/8)``, as in RoFormer).

    >>> cos, sin = angles(5)
    >>> cos.shape, tf.abs(sin[0]).sum().item()
    ((5, 8), 0.0)
    """
    freq: Tensor[HALF] = tf.tensor(10000.0 ** (-np.arange(HALF) / HALF))
    theta = tf.arange(t).reshape(t, 1) * freq
    return tf.cos(theta), tf.sin(theta)


class Block:
    """``x + attention(norm(x))``, then ``x + mlp(norm(x))``: ``Tensor[B, T, 64]`` in and out.

    >>> Block()(tf.randn(2, 5, 64)).shape
    (2, 5, 64)
    """

    def __init__(self) -> None:
        # The plugin types each layer from its constructor (Dense[64, 192], ...).
        self.norm1 = LayerNorm(DIM)
        self.qkv = Dense(DIM, 3 * DIM, bias=False)
        self.proj = Dense(DIM, DIM)
        self.norm2 = LayerNorm(DIM)
        self.up = Dense(DIM, 4 * DIM, tf.gelu)
        self.down = Dense(4 * DIM, DIM)

    def attention(self, x: Tensor[B, T, DIM]) -> Tensor[B, T, DIM]:
        """Causal multi-head self-attention with rotary positions."""
        t = x.shape[1]
        q, k, v = tf.split(self.qkv(x), (DIM, DIM, DIM))
        qh = tf.rearrange(q, "b t (h d) -> b h t d", h=HEADS)
        kh = tf.rearrange(k, "b t (h d) -> b h t d", h=HEADS)
        vh = tf.rearrange(v, "b t (h d) -> b h t d", h=HEADS)
        cos, sin = angles(t)
        qh, kh = rotate(qh, cos, sin), rotate(kh, cos, sin)
        scores = tf.einsum("bhtd,bhsd->bhts", qh, kh) * (1.0 / math.sqrt(HEAD_DIM))
        causal = tf.tril(tf.ones(t, t)) > 0  # position i sees positions <= i
        weights = tf.softmax(tf.where(causal, scores, -1e9), axis=-1)
        heads = tf.einsum("bhts,bhsd->bhtd", weights, vh)
        return self.proj(tf.rearrange(heads, "b h t d -> b t (h d)"))

    def __call__(self, x: Tensor[B, T, DIM]) -> Tensor[B, T, DIM]:
        h = x + self.attention(self.norm1(x))
        return h + self.down(self.up(self.norm2(h)))


class GPT:
    """Token embeddings, ``LAYERS`` blocks, a final norm and the next-character logits:
    ids ``Tensor[B, T]`` to ``Tensor[B, T, 96]``.

    >>> GPT()(tf.tensor(encode("Hello")[None])).shape
    (1, 5, 96)
    """

    def __init__(self) -> None:
        self.embed = Embedding(VOCAB, DIM)
        self.blocks = [Block() for _ in range(LAYERS)]
        self.norm = LayerNorm(DIM)
        self.head = Dense(DIM, VOCAB)

    def __call__(self, ids: Tensor[B, T]) -> Tensor[B, T, VOCAB]:
        h = self.embed(ids)
        for block in self.blocks:
            h = block(h)
        return self.head(self.norm(h))


def loss(model: GPT, x: Tensor[B, T], y: Tensor[B, T]) -> Tensor[()]:
    """Mean cross-entropy (nats per character) of predicting ``y``, the text one step ahead.

    >>> ids = tf.tensor(encode("Hello")[None])
    >>> 4.0 < loss(GPT(), ids[:, :-1], ids[:, 1:]).item() < 5.5   # about log(96) = 4.56
    True
    """
    scores = model(x).reshape(-1, VOCAB)
    return tf.losses.logitcrossentropy(scores, tf.onehot(y.reshape(-1), VOCAB))


def windows(ids: Ids, count: int, length: int, rng: np.random.Generator) -> Tuple[Ids, Ids]:
    """``count`` random windows of ``length`` ids, and the same windows one step on.

    >>> x, y = windows(np.arange(100), 3, 5, np.random.default_rng(0))
    >>> x.shape, bool((y == x + 1).all())
    ((3, 5), True)
    """
    starts = rng.integers(0, len(ids) - length - 1, size=count)
    idx = starts[:, None] + np.arange(length)
    return ids[idx], ids[idx + 1]


def sample(model: GPT, prompt: str, length: int, temperature: float,
           rng: np.random.Generator, context: int = 64) -> str:
    """``prompt`` continued by ``length`` characters, each drawn from the model's softmax at
    ``temperature`` over the last ``context`` characters.

    >>> text = sample(GPT(), "The ", 5, 1.0, np.random.default_rng(0))
    >>> text.startswith("The "), len(text)
    (True, 9)
    """
    ids = list(encode(prompt))
    for _ in range(length):
        window = tf.tensor(np.array(ids[-context:], dtype=np.int64)[None])
        scores = model(window)[0, -1].numpy().astype(np.float64) / temperature
        p = np.exp(scores - scores.max())
        ids.append(int(rng.choice(VOCAB, p=p / p.sum())))
    return prompt + decode(ids[len(encode(prompt)):])


def main(argv: "List[str] | None" = None) -> None:
    """Parse the flags, train for ``--steps`` batches, report the loss, and sample text."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--steps", type=int, default=300, help="training batches")
    parser.add_argument("--batch", type=int, default=16, help="sequences per batch")
    parser.add_argument("--length", type=int, default=32, help="characters per sequence")
    parser.add_argument("--seed", type=int, default=0, help="seeds init, batches and sampling")
    parser.add_argument("--prompt", default="The ", help="text to continue")
    parser.add_argument("--chars", type=int, default=300, help="characters to sample")
    parser.add_argument("--temperature", type=float, default=0.7, help="sampling temperature")
    parser.add_argument("--quick", action="store_true", help="30 steps, 40 characters")
    args = parser.parse_args(argv)
    if args.quick:
        args.steps, args.chars = 30, 40

    from pydoc_data.topics import topics

    ids = encode("\n\n".join(topics[name] for name in sorted(topics)))
    rng = np.random.default_rng(args.seed)
    tf.seed(args.seed)
    model = GPT()
    count = sum(p.numpy().size for p in tf.params(model))
    print(f"GPT: {LAYERS} blocks, width {DIM}, {HEADS} heads, {count:,} parameters")

    x, y = windows(ids, args.steps * args.batch, args.length, rng)
    state = tf.setup(tf.OptimiserChain(tf.ClipNorm(1.0), tf.Adam(3e-3)), model)
    start = time.perf_counter()
    history = tf.train(loss, model, tf.DataLoader((x, y), batchsize=args.batch), state,
                       progress=False)
    elapsed = time.perf_counter() - start
    k = min(5, len(history))
    first, last = np.mean(history[:k]), np.mean(history[-k:])
    print(f"loss {first:.3f} -> {last:.3f} nats/char after {args.steps} steps "
          f"in {elapsed:.1f} s")
    print(f"--- sample (temperature {args.temperature}) ---")
    print(sample(model, args.prompt, args.chars, args.temperature, rng))
    print("---")


if __name__ == "__main__":
    main()
