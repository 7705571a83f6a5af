"""Train a shape-checked typedflux CNN with PyTorch's DistributedDataParallel, then evaluate the
trained weights back in typedflux.

    python examples/train_ddp.py                          # 2 CPU processes (gloo)
    python examples/train_ddp.py --world-size 1           # the single-process baseline
    torchrun --nproc_per_node=4 examples/train_ddp.py     # one process per GPU (NCCL)

The model is written, typed and shape-checked (mypy plugin) as a typedflux ``Chain``;
``typedflux.torch.to_torch`` turns it into a ``torch.nn.Module`` with the same numerics and
parameter names; each process wraps it in ``DistributedDataParallel`` and trains on its shard
of scikit-learn's 8x8 digits (``DistributedSampler``); rank 0 then copies the weights back
with ``from_torch`` and measures the test accuracy with typedflux's own forward. Every rank
writes its final weights, and rank 0 checks that they are identical on all ranks.

Devices: with CUDA available each process takes the GPU of its local rank and the NCCL
backend; otherwise the CPU and gloo. Launched directly, the script starts ``--world-size``
processes itself (``torch.multiprocessing``); under ``torchrun`` (which sets ``RANK``,
``WORLD_SIZE``, ``LOCAL_RANK``, ``MASTER_ADDR``/``MASTER_PORT``) each process runs the same
code. Tested on CPU with gloo only (tests/torch_export/test_ddp.py); the CUDA/NCCL branch is
the standard PyTorch recipe and has not been run here.
"""

import os

# NOTE: before numpy and torch load. Two training processes share the machine; BLAS threads
# in each would only fight over the cores (the products here are small).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse  # noqa: E402
import json  # noqa: E402
import socket  # noqa: E402
import time  # noqa: E402
from typing import Any, Dict, List, Optional, Tuple, TypeVar  # noqa: E402
from typing import Literal as L  # noqa: E402

import numpy as np  # noqa: E402
import numpy.typing as npt  # noqa: E402
import torch  # noqa: E402
import torch.distributed as dist  # noqa: E402
from torch.multiprocessing.spawn import spawn  # noqa: E402
from torch.nn.parallel import DistributedDataParallel  # noqa: E402
from torch.utils.data import DataLoader, DistributedSampler, TensorDataset  # noqa: E402

import typedflux as tf  # noqa: E402
from typedflux import Chain, Conv, Dense, Dropout, Flatten, MaxPool, Tensor, relu  # noqa: E402
from typedflux.torch import from_torch, to_torch  # noqa: E402

B = TypeVar("B", bound=int)
Array = npt.NDArray[Any]

Conv3x3 = L["kernel=3x3 stride=1x1 pad=1x1 dilation=1x1"]
Pool2x2 = L["kernel=2x2 stride=2x2 pad=0x0 dilation=1x1"]
DigitsCNN = Chain[
    Conv[L[1], L[16], Conv3x3],  # Tensor[B, 1, 8, 8] -> Tensor[B, 16, 8, 8]
    MaxPool[Pool2x2],  #                               -> Tensor[B, 16, 4, 4]
    Conv[L[16], L[32], Conv3x3],  #                    -> Tensor[B, 32, 4, 4]
    MaxPool[Pool2x2],  #                               -> Tensor[B, 32, 2, 2]
    Flatten,  #                                        -> Tensor[B, 128]
    Dropout,  #                                        -> Tensor[B, 128]
    Dense[L[128], L[10]],  #                           -> Tensor[B, 10]
]


def build_model() -> DigitsCNN:
    """The CNN (about 6k parameters), checked by the plugin as it is built.

    >>> build_model()
    Chain(Conv((3, 3), 1 => 16, relu, pad=1), MaxPool((2, 2)), Conv((3, 3), 16 => 32, relu, pad=1), MaxPool((2, 2)), Flatten(), Dropout(0.25), Dense(128 => 10))
    """
    return Chain(
        Conv((3, 3), 1, 16, relu, pad=1),
        MaxPool((2, 2)),
        Conv((3, 3), 16, 32, relu, pad=1),
        MaxPool((2, 2)),
        Flatten(),
        Dropout(0.25),
        Dense(128, 10),
    )


@tf.shapecheck
def predict(model: DigitsCNN, x: Tensor[B, L[1], L[8], L[8]]) -> Tensor[B, L[10]]:
    """Logits of a batch of images, by typedflux.

    >>> predict(build_model(), tf.zeros(3, 1, 8, 8)).shape
    (3, 10)
    """
    return model(x)


def accuracy(model: DigitsCNN, images: Array, labels: Array) -> float:
    """typedflux's test accuracy (test mode: no dropout).

    >>> accuracy(build_model(), np.zeros((4, 1, 8, 8), np.float32), np.arange(4)) <= 1.0
    True
    """
    tf.testmode(model)
    try:
        guesses = tf.onecold(predict(model, tf.tensor(images))).numpy()
    finally:
        tf.testmode(model, None)
    return float(np.mean(guesses == labels))


def load_data(seed: int) -> Tuple[Array, Array, Array, Array]:
    """The digits as float32 ``(N, 1, 8, 8)`` images in [0, 1] and int64 labels, split 80/20
    by a seeded, stratified shuffle (the same split in every process).

    >>> xtr, ytr, xte, yte = load_data(0)
    >>> xtr.shape, xte.shape
    ((1437, 1, 8, 8), (360, 1, 8, 8))
    """
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    digits: Any = load_digits()
    images = (digits.images / 16.0).astype(np.float32)[:, None]
    labels = digits.target.astype(np.int64)
    split: Any = train_test_split(images, labels, test_size=0.2, random_state=seed,
                                  stratify=labels)
    xtr, xte, ytr, yte = split
    return xtr, ytr, xte, yte


def free_port() -> int:
    """A TCP port on the loopback interface that nothing listens on (for the rendezvous)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def worker(rank: int, world: int, init: str, options: Dict[str, Any]) -> None:
    """One training process: join the group, train the exported model under DDP, write this
    rank's weights; rank 0 checks all ranks agree and evaluates in typedflux."""
    cuda = torch.cuda.is_available() and options["device"] != "cpu"
    local = int(os.environ.get("LOCAL_RANK", rank))
    device = torch.device("cuda", local) if cuda else torch.device("cpu")
    backend = "nccl" if cuda else "gloo"
    if cuda:
        torch.cuda.set_device(device)
    else:
        torch.set_num_threads(1)
    dist.init_process_group(backend, init_method=init, rank=rank, world_size=world)
    try:
        _train(rank, world, device, backend, options)
        # Every rank leaves together: rank 1 tearing its gloo group down while rank 0 still
        # evaluated was seen once to abort at exit under load ("terminate called without an
        # active exception"), after a correct run.
        dist.barrier()
    finally:
        dist.destroy_process_group()


def _train(rank: int, world: int, device: torch.device, backend: str,
           options: Dict[str, Any]) -> None:
    seed, epochs, out = options["seed"], options["epochs"], options["out"]
    xtr, ytr, xte, yte = load_data(seed)
    tf.seed(seed)
    model = build_model()  # the same initial weights everywhere (DDP also broadcasts rank 0's)
    torch.manual_seed(seed + rank)  # dropout masks differ per rank, as per-rank batches do
    module = to_torch(model).to(device)
    ddp: torch.nn.Module = DistributedDataParallel(
        module, device_ids=[device.index] if device.type == "cuda" else None
    )
    data = TensorDataset(torch.from_numpy(xtr), torch.from_numpy(ytr))
    sampler: DistributedSampler[Any] = DistributedSampler(data, num_replicas=world, rank=rank,
                                                          shuffle=True, seed=seed)
    # The global batch is options["batch"] whatever the number of processes.
    loader = DataLoader(data, batch_size=max(1, options["batch"] // world), sampler=sampler)
    opt = torch.optim.Adam(ddp.parameters(), lr=options["lr"])
    start = time.perf_counter()
    for epoch in range(1, epochs + 1):
        sampler.set_epoch(epoch)
        ddp.train()
        total, count = 0.0, 0
        for x, y in loader:
            opt.zero_grad()
            loss = torch.nn.functional.cross_entropy(ddp(x.to(device)), y.to(device))
            torch.autograd.backward(loss)
            opt.step()
            total, count = total + loss.item(), count + 1
        if rank == 0:
            print(f"epoch {epoch}: loss {total / max(count, 1):.4f} (rank 0)", flush=True)
    seconds = time.perf_counter() - start

    os.makedirs(out, exist_ok=True)
    mine = {n: t.detach().cpu().numpy() for n, t in module.state_dict().items()}
    np.savez(os.path.join(out, f"rank{rank}.npz"), **mine)
    dist.barrier()  # every rank's weights are on disk
    if rank != 0:
        return
    differences = []
    for r in range(world):
        with np.load(os.path.join(out, f"rank{r}.npz")) as theirs:
            differences += [float(np.abs(theirs[n] - v).max()) for n, v in mine.items()]
    identical = max(differences) == 0.0
    print(f"weights identical on all {world} ranks: {'yes' if identical else 'NO'}")

    from_torch(ddp, into=model)  # the trained weights, back in the typedflux model
    acc = accuracy(model, xte, yte)
    ddp.eval()
    with torch.no_grad():
        torch_guesses = module(torch.from_numpy(xte).to(device)).argmax(-1).cpu().numpy()
    tf.testmode(model)
    ours = tf.onecold(predict(model, tf.tensor(xte))).numpy()
    agree = int(np.sum(ours == torch_guesses))
    print(f"typedflux and PyTorch agree on {agree}/{len(yte)} test predictions")
    print(f"typedflux test accuracy {100 * acc:.1f}% after {epochs} epochs on {world} "
          f"process{'es' if world > 1 else ''} ({device.type}, {backend}) in {seconds:.1f} s")
    summary = {"world_size": world, "backend": backend, "device": device.type,
               "accuracy": acc, "identical": identical, "max_difference": max(differences),
               "agree": agree, "test_images": len(yte), "epochs": epochs,
               "seconds": seconds}
    with open(os.path.join(out, "summary.json"), "w") as f:
        json.dump(summary, f, indent=1)


def main(argv: Optional[List[str]] = None) -> None:
    """Parse the flags; start the processes (or be one, under torchrun)."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--world-size", type=int, default=2, help="processes to start")
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--batch", type=int, default=32, help="global batch size")
    parser.add_argument("--lr", type=float, default=3e-3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--device", choices=["auto", "cpu"], default="auto",
                        help="auto: one GPU per process when CUDA is available")
    parser.add_argument("--out", default="ddp-out", help="folder for weights and summary.json")
    args = parser.parse_args(argv)
    options = {"seed": args.seed, "epochs": args.epochs, "batch": args.batch, "lr": args.lr,
               "device": args.device, "out": args.out}
    if "RANK" in os.environ and "WORLD_SIZE" in os.environ:  # started by torchrun
        worker(int(os.environ["RANK"]), int(os.environ["WORLD_SIZE"]), "env://", options)
        return
    init = f"tcp://127.0.0.1:{free_port()}"
    if args.world_size == 1:
        worker(0, 1, init, options)
    else:
        # (spawn has no annotations in torch 2.13, hence the ignore under mypy --strict)
        spawn(worker, args=(args.world_size, init, options),  # type: ignore[no-untyped-call]
              nprocs=args.world_size)


if __name__ == "__main__":
    main()
