"""Train a character-level LSTM on Python's own documentation text, then sample from it.

    python examples/char_lstm.py              # 600 steps (about a minute), then 300 characters
    python examples/char_lstm.py --quick      # a few steps (a smoke test)
    python examples/char_lstm.py --steps 2000 --temperature 0.6 --prompt "The return "

The text is ``pydoc_data.topics.topics``: the help pages behind ``help("assert")``, about
465,000 characters of English and code, shipped with CPython itself (no download). The
model is ``Embedding -> LSTM -> Dense``: ids ``Tensor[B, T]`` to logits
``Tensor[B, T, 96]``, one distribution over the next character at every position. ``L`` is
``typing.Literal``: ``Tensor[B, T, L[96]]`` is the standard spelling of ``Tensor[B, T, 96]``,
accepted by plain mypy and pyright as well as by the typedflux plugin.
"""

import os

# NOTE: set before numpy loads (typedflux imports it). The LSTM's per-step GEMMs are small
# (32 x 128 by 128 x 512); OpenBLAS's worker threads cost far more than they save on them: on
# a busy 2-core machine a training step took 2.7 s with 2 threads and 80 ms with one.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse  # noqa: E402
import time  # noqa: E402
from typing import Any, Final, List, Tuple, TypeVar  # noqa: E402
from typing import Literal as L  # noqa: E402

import numpy as np  # noqa: E402
import numpy.typing as npt  # noqa: E402

import typedflux as tf  # noqa: E402
from typedflux import LSTM, Chain, Dense, Embedding, Tensor  # noqa: E402

B = TypeVar("B", bound=int)  # sequences in a batch
T = TypeVar("T", bound=int)  # characters per sequence

# The alphabet: newline and the 95 printable ASCII characters. Fixing its size in the source
# (rather than counting the text's characters at run time) lets every layer and annotation
# carry the literal 96, so the plugin checks the model end to end.
ALPHABET: Final = "\n" + "".join(chr(c) for c in range(32, 127))
VOCAB: Final = 96
EMBED: Final = 32
HIDDEN: Final = 128
assert len(ALPHABET) == VOCAB

# Typographic characters of the help text, spelled in ASCII; anything else becomes "?".
_ASCII = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                        "\u2013": "-", "\u2014": "--", "\u2026": "...", "\u00b0": " degrees",
                        "\u00df": "ss"})
_INDEX = {ch: i for i, ch in enumerate(ALPHABET)}
_UNKNOWN = _INDEX["?"]

CharModel = Chain[
    Embedding[L[96], L[32]],  # Tensor[B, T] (int ids) -> Tensor[B, T, 32]
    LSTM[L[32], L[128]],  #                             -> Tensor[B, T, 128]
    Dense[L[128], L[96]],  #                            -> Tensor[B, T, 96]
]

Ids = npt.NDArray[np.int64]


def encode(text: str) -> Ids:
    """Character ids (positions in ``ALPHABET``) of ``text``.

    >>> encode("Hi!\\n").tolist()
    [41, 74, 2, 0]
    >>> decode(encode("caf\\u00e9 \\u2018quoted\\u2019"))
    "caf? 'quoted'"
    """
    return np.array([_INDEX.get(ch, _UNKNOWN) for ch in text.translate(_ASCII)], dtype=np.int64)


def decode(ids: "npt.ArrayLike") -> str:
    """The text of a sequence of character ids.

    >>> decode([41, 74, 2])
    'Hi!'
    """
    return "".join(ALPHABET[int(i)] for i in np.asarray(ids).ravel())


def load_text() -> str:
    """The English help text of CPython's ``pydoc_data`` (``help()``'s topics), joined.

    >>> text = load_text()
    >>> len(text) > 400_000, "assert" in text
    (True, True)
    """
    from pydoc_data.topics import topics

    return "\n\n".join(topics[name] for name in sorted(topics))


def build_model() -> CharModel:
    """``Embedding(96, 32) -> LSTM(32 => 128) -> Dense(128 => 96)``: next-character logits.

    >>> build_model()
    Chain(Embedding(96 => 32), LSTM(32 => 128), Dense(128 => 96))
    """
    return Chain(Embedding(VOCAB, EMBED), LSTM(EMBED, HIDDEN), Dense(HIDDEN, VOCAB))


@tf.shapecheck
def logits(model: CharModel, ids: Tensor[B, T]) -> Tensor[B, T, L[96]]:
    """Scores for the character after each position of each sequence.

    >>> logits(build_model(), tf.tensor(encode("Hello")[None])).shape
    (1, 5, 96)
    """
    return model(ids)


@tf.shapecheck
def loss(model: CharModel, x: Tensor[B, T], y: Tensor[B, T]) -> Tensor[()]:
    """Mean cross-entropy (nats per character) of predicting ``y``, the text one step ahead
    of ``x``.

    >>> ids = tf.tensor(encode("Hello")[None])
    >>> 4.0 < loss(build_model(), ids[:, :-1], ids[:, 1:]).item() < 5.0   # about log(96)
    True
    """
    # One row per character, as onehot's contract is N labels -> Tensor[N, 96].
    scores = logits(model, x).reshape(-1, VOCAB)  # the plugin infers Tensor[B*T, 96]
    return tf.losses.logitcrossentropy(scores, tf.onehot(y.reshape(-1), VOCAB))


def windows(ids: Ids, count: int, length: int, rng: np.random.Generator) -> Tuple[Ids, Ids]:
    """``count`` random windows of the text: inputs ``(count, length)`` and the targets, the
    same windows shifted one character on.

    >>> x, y = windows(np.arange(100), 3, 5, np.random.default_rng(0))
    >>> x.shape, bool((y == x + 1).all())
    ((3, 5), True)
    """
    starts = rng.integers(0, len(ids) - length - 1, size=count)
    idx = starts[:, None] + np.arange(length)
    return ids[idx], ids[idx + 1]


def sample(model: CharModel, prompt: str, length: int, temperature: float,
           rng: np.random.Generator, context: int = 64) -> str:
    """``prompt`` continued by ``length`` characters drawn one at a time from the model's
    softmax at ``temperature`` (lower is more conservative), reading at most ``context``
    characters back (the LSTM restarts from zero state on every call).

    >>> text = sample(build_model(), "The ", 10, 1.0, np.random.default_rng(0))
    >>> text.startswith("The "), len(text)
    (True, 14)
    """
    ids = list(encode(prompt))
    tf.testmode(model)
    try:
        for _ in range(length):
            window = tf.tensor(np.array(ids[-context:], dtype=np.int64)[None])
            scores = logits(model, window)[0, -1].numpy().astype(np.float64) / temperature
            p = np.exp(scores - scores.max())
            ids.append(int(rng.choice(VOCAB, p=p / p.sum())))
    finally:
        tf.testmode(model, None)
    return prompt + decode(ids[len(encode(prompt)):])


def main(argv: "List[str] | None" = None) -> None:
    """Parse the flags, train for ``--steps`` batches, report the loss, and sample text."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--steps", type=int, default=600, help="training batches")
    parser.add_argument("--batch", type=int, default=32, help="sequences per batch")
    parser.add_argument("--length", type=int, default=64, help="characters per sequence")
    parser.add_argument("--seed", type=int, default=0, help="seeds init, batches and sampling")
    parser.add_argument("--prompt", default="The ", help="text to continue")
    parser.add_argument("--chars", type=int, default=300, help="characters to sample")
    parser.add_argument("--temperature", type=float, default=0.7, help="sampling temperature")
    parser.add_argument("--quick", action="store_true", help="5 steps, 40 characters (smoke test)")
    args = parser.parse_args(argv)
    if args.quick:
        args.steps, args.chars = 5, 40

    text = load_text()
    ids = encode(text)
    print(f"text: {len(text):,} characters of pydoc_data.topics, alphabet of {VOCAB}")
    rng = np.random.default_rng(args.seed)
    tf.seed(args.seed)
    model = build_model()
    print(tf.summary(model, (args.batch, args.length)))

    # Random windows, fresh ones for every step: by default 600 x 32 windows of 64 characters,
    # about 2.6 passes' worth of the 465k-character text.
    x, y = windows(ids, args.steps * args.batch, args.length, rng)
    state = tf.setup(tf.OptimiserChain(tf.ClipNorm(5.0), tf.Adam(3e-3)), model)
    start = time.perf_counter()
    history = tf.train(loss, model, tf.DataLoader((x, y), batchsize=args.batch), state,
                       desc="char-lstm")
    elapsed = time.perf_counter() - start
    # Loss in nats per character: log(96) = 4.56 is a uniform guess.
    first, last = np.mean(history[:10]), np.mean(history[-10:])
    print(f"loss {first:.3f} -> {last:.3f} nats/char after {args.steps} steps "
          f"in {elapsed:.1f} s")

    print(f"--- sample (temperature {args.temperature}) ---")
    print(sample(model, args.prompt, args.chars, args.temperature, rng))
    print("---")


if __name__ == "__main__":
    main()
