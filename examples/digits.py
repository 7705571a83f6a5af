"""Train a shape-typed CNN on scikit-learn's 8x8 handwritten digits; plot, save and reload it.

    python examples/digits.py                 # 20 epochs, >= 97% test accuracy
    python examples/digits.py --quick         # a few batches (a smoke test)
    python examples/digits.py --epochs 20 --seed 1 --out /tmp/digits
    python examples/digits.py --eager         # without tf.compile: the same numbers, slower

The digits (``sklearn.datasets.load_digits``) ship with scikit-learn: 1797 grey 8x8 images
with 17 grey levels, no download. Images are NCHW, so a batch is ``Tensor[B, 1, 8, 8]``,
spelled ``Tensor[B, L[1], L[8], L[8]]`` below (``L`` is ``typing.Literal``): the standard
spelling, which plain mypy and pyright accept too; the plugin also takes the short form.
With the mypy plugin (``mypy examples/`` from the repository root) every annotation below is
checked: make the last layer ``Dense(200, 10)`` (in ``build_model`` and ``DigitsCNN``) and
mypy reports, in ``predict``: ``Chain layer 7 Dense(200 => 10) expects input Tensor[..., 200],
but layer 6 Dropout produces Tensor[B, 256]``.
"""

import os

# NOTE: set before numpy loads (typedflux imports it). This model's GEMMs are small (at most
# 64 x 288 by 288 x 512); OpenBLAS's worker threads cost far more than they save on them: on a
# busy 2-core machine 3 epochs took 24-27 s with 2 threads and 2-4 s with one.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse  # noqa: E402
import time  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from typing import Any, List, Tuple, TypeVar  # noqa: E402
from typing import Literal as L  # noqa: E402

import numpy as np  # noqa: E402
import numpy.typing as npt  # noqa: E402

import typedflux as tf  # noqa: E402
from typedflux import Chain, Conv, Dense, Dropout, Flatten, MaxPool, Tensor, relu  # noqa: E402

B = TypeVar("B", bound=int)  # the batch size: a symbolic dim, bound anew at every call

# The model's type, written out so functions can take the model as an argument and the plugin
# still follows shapes through it. The string literals are each layer's static configuration,
# exactly as `reveal_type(Conv((3, 3), 1, 16, relu, pad=1))` shows it; without them (a bare
# `Conv[L[1], L[32]]`) the plugin cannot size the conv outputs and the model's
# result is an unknown-shaped Tensor (still accepted, but no longer checked).
Conv3x3 = L["kernel=3x3 stride=1x1 pad=1x1 dilation=1x1"]
Pool2x2 = L["kernel=2x2 stride=2x2 pad=0x0 dilation=1x1"]
DigitsCNN = Chain[
    Conv[L[1], L[32], Conv3x3],  # Tensor[B, 1, 8, 8] -> Tensor[B, 32, 8, 8]
    MaxPool[Pool2x2],  #                               -> Tensor[B, 32, 4, 4]
    Conv[L[32], L[64], Conv3x3],  #                    -> Tensor[B, 64, 4, 4]
    MaxPool[Pool2x2],  #                               -> Tensor[B, 64, 2, 2]
    Flatten,  #                                        -> Tensor[B, 256]
    Dropout,  #                                        -> Tensor[B, 256]
    Dense[L[256], L[10]],  #                           -> Tensor[B, 10]
]

Array = npt.NDArray[Any]


def build_model() -> DigitsCNN:
    """The CNN: two 3x3 conv + 2x2 max-pool stages, then dropout and one Dense layer to 10
    logits (about 21k parameters).

    >>> build_model()
    Chain(Conv((3, 3), 1 => 32, relu, pad=1), MaxPool((2, 2)), Conv((3, 3), 32 => 64, relu, pad=1), MaxPool((2, 2)), Flatten(), Dropout(0.25), Dense(256 => 10))
    """
    return Chain(
        Conv((3, 3), 1, 32, relu, pad=1),
        MaxPool((2, 2)),
        Conv((3, 3), 32, 64, relu, pad=1),
        MaxPool((2, 2)),
        Flatten(),
        Dropout(0.25),  # the 1437 training images are few for 21k weights
        Dense(256, 10),
    )


@tf.shapecheck
def predict(model: DigitsCNN, x: Tensor[B, L[1], L[8], L[8]]) -> Tensor[B, L[10]]:
    """Logits (unnormalised class scores) of a batch of images.

    >>> predict(build_model(), tf.zeros(3, 1, 8, 8)).shape
    (3, 10)
    """
    return model(x)


@tf.shapecheck
def loss(model: DigitsCNN, x: Tensor[B, L[1], L[8], L[8]], y: Tensor[B, L[10]]) -> Tensor[()]:
    """Mean cross-entropy of the logits against one-hot labels ``y``.

    >>> round(loss(build_model(), tf.zeros(2, 1, 8, 8), tf.onehot([3, 7], 10)).item(), 3)
    2.303
    """
    return tf.losses.logitcrossentropy(predict(model, x), y)


def accuracy(model: DigitsCNN, x: Tensor[B, L[1], L[8], L[8]], labels: Array) -> float:
    """The fraction of images whose largest logit is at their label, in test mode.

    >>> accuracy(build_model(), tf.zeros(4, 1, 8, 8), np.array([0, 1, 2, 3])) <= 1.0
    True
    """
    tf.testmode(model)
    try:
        guesses = tf.onecold(predict(model, x)).numpy()
    finally:
        tf.testmode(model, None)  # back to "auto": active only while a gradient is taken
    return float(np.mean(guesses == labels))


def load_data(seed: int, test_fraction: float = 0.2) -> Tuple[Array, Array, Array, Array]:
    """The digits as float32 ``(N, 1, 8, 8)`` images in [0, 1] and int labels, split into
    ``(x_train, y_train, x_test, y_test)`` by a seeded, class-stratified shuffle.

    >>> xtr, ytr, xte, yte = load_data(0)
    >>> xtr.shape, xte.shape, xtr.dtype, int(xtr.max())
    ((1437, 1, 8, 8), (360, 1, 8, 8), dtype('float32'), 1)
    """
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    digits: Any = load_digits()  # a Bunch; its stubs type it as a tuple too
    images = (digits.images / 16.0).astype(np.float32)[:, None]  # 17 grey levels 0..16, NCHW
    labels = digits.target.astype(np.int64)
    split: Any = train_test_split(
        images, labels, test_size=test_fraction, random_state=seed, stratify=labels
    )
    xtr, xte, ytr, yte = split
    return xtr, ytr, xte, yte


@dataclass
class History:
    """Per-epoch training loss (mean over its batches) and test accuracy, for the plot."""

    loss: List[float] = field(default_factory=list)
    accuracy: List[float] = field(default_factory=list)


def plot(history: History, path: str) -> None:
    """Save the loss and accuracy curves side by side as a PNG (headless Agg backend)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    epochs = range(1, len(history.loss) + 1)
    fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(9, 3.5))
    ax_loss.plot(epochs, history.loss, marker="o")
    ax_loss.set(xlabel="epoch", ylabel="training loss", yscale="log", title="loss")
    ax_acc.plot(epochs, [100 * a for a in history.accuracy], marker="o", color="tab:green")
    ax_acc.set(xlabel="epoch", ylabel="test accuracy (%)", title="accuracy")
    ax_acc.axhline(97, color="grey", linestyle=":", linewidth=1)
    for ax in (ax_loss, ax_acc):
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def main(argv: "List[str] | None" = None) -> None:
    """Parse the flags, train, report, plot, save, and check that loading restores the model."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--epochs", type=int, default=20, help="passes over the training set")
    parser.add_argument("--seed", type=int, default=0, help="seeds the split, init and shuffling")
    parser.add_argument("--out", default="digits-out", help="folder for the plot and checkpoint")
    parser.add_argument("--quick", action="store_true", help="1 epoch over 4 batches (smoke test)")
    parser.add_argument("--eager", action="store_true",
                        help="train without tf.compile (the same numbers, slower)")
    args = parser.parse_args(argv)

    xtr, ytr, xte, yte = load_data(args.seed)
    if args.quick:
        xtr, ytr = xtr[:128], ytr[:128]
        args.epochs = 1
    tf.seed(args.seed)
    model = build_model()
    print(tf.summary(model, (32, 1, 8, 8)))
    x_test: Tensor[Any, L[1], L[8], L[8]] = tf.tensor(xte)
    train_data = tf.DataLoader((xtr, tf.onehot(ytr, 10)), batchsize=32, shuffle=True, rng=args.seed)
    state = tf.setup(tf.Adam(3e-3), model)

    history = History()
    # A third of the step size for the last third of the epochs, so they settle instead of
    # hopping between nearby minima (the accuracy curve gets much less noisy).
    eta = tf.schedules.Step(3e-3, 1 / 3, step_sizes=max(1, (2 * args.epochs) // 3))

    training = [0.0, time.perf_counter()]  # seconds in the training steps, end of last epoch

    def report(epoch: int, batch_losses: List[float]) -> None:
        """After each epoch: record, print, and set the next epoch's step size."""
        training[0] += time.perf_counter() - training[1]
        history.loss.append(float(np.mean(batch_losses)))
        history.accuracy.append(accuracy(model, x_test, yte))
        print(f"epoch {epoch:2d}: loss {history.loss[-1]:.4f}, "
              f"test accuracy {100 * history.accuracy[-1]:.1f}%", flush=True)
        tf.adjust(state, eta=eta(epoch + 1))
        training[1] = time.perf_counter()

    start = time.perf_counter()
    training[1] = start
    # compile=True records each training step once (per batch shape and mode) and replays it:
    # bit for bit what the eager loop computes, in less time (--eager to compare).
    print("training eagerly (--eager)" if args.eager else "training with tf.compile")
    tf.train(loss, model, train_data, state, epochs=args.epochs, callback=report, desc="digits",
             compile=not args.eager)
    elapsed = time.perf_counter() - start

    os.makedirs(args.out, exist_ok=True)
    plot_path = os.path.join(args.out, "training.png")
    model_path = os.path.join(args.out, "digits-cnn.npz")
    plot(history, plot_path)
    tf.save(model, model_path)
    print(f"saved {plot_path} and {model_path}")

    # A fresh model (different random init) loaded from the checkpoint predicts the same.
    tf.seed(args.seed + 1)
    restored = tf.load(build_model(), model_path)
    tf.testmode(model)
    tf.testmode(restored)
    same = np.array_equal(predict(model, x_test).numpy(), predict(restored, x_test).numpy())
    assert same, "the model loaded from the checkpoint predicts differently"
    print(f"loaded {model_path}: identical predictions on all {len(yte)} test images")
    print(f"training steps: {training[0]:.2f} s ({'eager' if args.eager else 'tf.compile'}), "
          "without the per-epoch evaluations")
    epochs = f"{args.epochs} epoch" + ("s" if args.epochs != 1 else "")
    print(f"test accuracy {100 * history.accuracy[-1]:.1f}% after {epochs} in {elapsed:.1f} s")


if __name__ == "__main__":
    main()
