"""Data-parallel training on torch.distributed (DDP): gloo on CPU, NCCL on CUDA.

Started by ``torchrun --nproc-per-node N -m sbert_desktop train ...`` (or ``train --nproc N``),
every process (rank) runs the same :class:`~sbert_desktop.core.training.trainer._Run` with a
:class:`DataParallelMixin` in front of it:

* **Data**: every rank builds the same epoch order (a pure function of seed, epoch and data,
  ``batches.epoch_batches``) and takes its contiguous shard of each *global* batch
  (``np.array_split``): ``--batch-size`` stays the global batch, whatever the world size.
* **Loss**: each rank runs the model on its shard only; the outputs (embeddings, or logits) are
  gathered across ranks with ``torch.distributed.nn.functional.all_gather`` (differentiable) and
  every rank computes the loss of the whole global batch, exactly as one process would. So MNRL
  *does* see the in-batch negatives of every rank, CoSENT compares every pair of the global batch,
  and the gradient DDP averages is the single-process gradient (all_gather's backward sums the
  W identical contributions, DDP divides by W).
* **Side effects**: only rank 0 evaluates, writes history, checkpoints and publishes (the same
  ``checkpoint.py`` code as a single process); the checkpoint records the world size.
* **Dropout**: each step re-seeds torch with (seed, step, rank), so a resume on the same world size
  continues exactly; on another world size the dropout masks differ (the note says so).
* **Failure**: under torchrun a rank that dies makes the agent stop the others at once; collectives
  also time out after ``SBERT_DESKTOP_DIST_TIMEOUT`` seconds (default 1800: rank 0 evaluating the
  dev set keeps the others waiting that long at most). Checkpoints are atomic, so what is on disk is
  the last complete one, and ``--resume`` continues from it.
"""

from __future__ import annotations

import datetime
import os
import signal
from typing import Any, Optional

import numpy as np
import torch

from sbert_desktop.core.training.config import TrainConfigError

ENV_TIMEOUT = "SBERT_DESKTOP_DIST_TIMEOUT"
#: fault injection for tests: "RANK:STEP" makes that rank kill itself (SIGKILL) before that step
ENV_KILL = "SBERT_DESKTOP_FAULT_KILL_RANK"


def world_size() -> int:
    """The world size torchrun set (1 outside torchrun)."""
    try:
        return int(os.environ.get("WORLD_SIZE", "1"))
    except ValueError:
        return 1


def rank() -> int:
    try:
        return int(os.environ.get("RANK", "0"))
    except ValueError:
        return 0


def init(device: str) -> tuple[int, int, str]:
    """Join the process group torchrun describes; returns (rank, world size, device for this rank)."""
    import torch.distributed as dist

    local = int(os.environ.get("LOCAL_RANK", "0"))
    use_cuda = torch.cuda.is_available() and (device == "auto" or device.startswith("cuda"))
    if use_cuda:
        device = f"cuda:{local}"
        torch.cuda.set_device(local)
    elif device == "auto":
        device = "cpu"
    if not dist.is_initialized():
        timeout = datetime.timedelta(seconds=float(os.environ.get(ENV_TIMEOUT, "1800")))
        dist.init_process_group("nccl" if use_cuda else "gloo", timeout=timeout)
    return dist.get_rank(), dist.get_world_size(), device


def world_size_note(saved: Optional[int], now: int, out_dir) -> Optional[str]:
    """The note for a resume on another world size than the checkpoint's (None when the same)."""
    saved = int(saved or 1)
    if saved == now:
        return None
    return (f"{out_dir}: the checkpoint was written by {saved} process(es) and resumes on {now}: the global "
            "batches and their order are the same, but the sums run in another order and dropout draws other "
            "masks, so the weights match the uninterrupted run only approximately")


def shards(idx: np.ndarray, world: int) -> list[np.ndarray]:
    """Contiguous shards of one global batch, one per rank (sizes differ by at most one)."""
    return np.array_split(np.asarray(idx), world)


class _AgreedCancel:
    """A cancel token whose ``cancelled`` becomes True only when the ranks agreed on it (every rank
    asks at the same step), so no rank leaves a collective the others are waiting in."""

    def __init__(self, local):
        self.local = local
        self.agreed = False

    def cancel(self) -> None:
        if self.local is not None:
            self.local.cancel()

    @property
    def cancelled(self) -> bool:
        return self.agreed

    def raise_if_cancelled(self) -> None:
        if self.agreed:
            from sbert_desktop.core.progress import Cancelled

            raise Cancelled()


class DataParallelMixin:
    """Put in front of a run class (see :func:`run_class_for`); ``self.rank`` / ``self.world`` set."""

    rank: int = 0
    world: int = 1

    # -- construction -------------------------------------------------------------------------
    def init_follower(self, cfg, progress, cancel, resume_ckpt: bool) -> None:
        """What ``_Run.__init__`` sets, for ranks other than 0: rank 0 already checked and repaired
        the folder and decided whether to resume (its config and decision are broadcast)."""
        from pathlib import Path

        from sbert_desktop.core.training.checkpoint import load_checkpoint

        self.progress, self.cancel, self.cfg = progress, cancel, cfg
        self.out_dir = Path(cfg.out_dir)
        self.notes = []
        self.ckpt = load_checkpoint(self.out_dir) if resume_ckpt else None
        self.data_digests = {}  # rank 0 checked the data and keeps the digests in the checkpoints

    def attach(self) -> None:
        """Wrap the model (and the softmax head) in DDP, after ``prepare``."""
        from torch.nn.parallel import DistributedDataParallel as DDP

        ids = [self.device.index] if self.device.type == "cuda" else None
        # find_unused_parameters: the transformer's pooler is not used by the sentence embedding
        self.ddp_model = DDP(self.model, device_ids=ids, find_unused_parameters=True)
        self.ddp_head = None if self.head is None else DDP(self.head, device_ids=ids)
        self.cancel = _AgreedCancel(self.cancel)
        kill = os.environ.get(ENV_KILL, "")
        self._kill_at = None
        if kill:
            r, s = kill.split(":")
            self._kill_at = int(s) if int(r) == self.rank else None
        if self.ckpt is not None:
            note = world_size_note(self.ckpt.state.get("world_size"), self.world, self.out_dir)
            if note:
                self.notes.append(note)

    # -- one step -----------------------------------------------------------------------------
    def _agree_cancel(self) -> None:
        import torch.distributed as dist

        local = self.cancel.local
        flag = torch.tensor([1 if local is not None and local.cancelled else 0], dtype=torch.int64,
                            device=self.device if self.device.type == "cuda" else "cpu")
        dist.all_reduce(flag, op=dist.ReduceOp.MAX)
        if int(flag.item()):
            self.cancel.agreed = True
            self.cancel.raise_if_cancelled()

    def _gather_rows(self, local: torch.Tensor, sizes: list[int], m: int) -> torch.Tensor:
        """All ranks' ``[m, ...]`` outputs -> the global batch's rows in order (padding dropped)."""
        from torch.distributed.nn.functional import all_gather

        parts = all_gather(local.contiguous())
        return torch.cat([p[:n] for p, n in zip(parts, sizes)])

    def compute_loss(self, idx: np.ndarray) -> torch.Tensor:
        if self._kill_at is not None and self.step >= self._kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
        self._agree_cancel()
        torch.manual_seed((int(self.cfg.seed) * 1_000_003 + self.step * 7919 + self.rank) % (2**63))
        parts = shards(idx, self.world)
        sizes = [len(p) for p in parts]
        m = max(sizes)
        mine = parts[self.rank]
        # every rank runs m rows (collectives need equal shapes); filler rows repeat the batch's
        # first example and are dropped after the gather, so they receive no gradient
        local = np.concatenate([mine, np.repeat(np.asarray(idx)[:1], m - len(mine))]).astype(np.int64)
        target = None if self.targets is None else self.targets[idx].to(self.device)
        if self.cfg.encoder == "cross":
            return self.cross_loss(self._gather_rows(self.ddp_model(self.features(local)), sizes, m), target)
        first, second = self.text_ids[0][local], self.text_ids[1][local]
        columns = [first, second]
        if len(self.text_ids) > 2:
            neg = self.text_ids[2][local]
            columns.append(np.where(neg >= 0, neg, first))  # a row without a negative runs a filler
        emb = self.ddp_model(self.features(np.concatenate(columns)))
        u = self._gather_rows(emb[:m], sizes, m)
        v = self._gather_rows(emb[m:2 * m], sizes, m)
        if len(self.text_ids) > 2:
            has = torch.as_tensor(self.text_ids[2][idx] >= 0, device=emb.device)
            neg = self._gather_rows(emb[2 * m:], sizes, m)[has]
        else:
            neg = emb[:0]
        return self.bi_loss(self.ddp_head, u, v, neg, target)

    # -- rank 0 alone evaluates, logs, checkpoints and publishes --------------------------------
    def state(self) -> dict[str, Any]:
        return {**super().state(), "world_size": self.world}

    def record_baseline(self) -> None:
        if self.rank == 0:
            super().record_baseline()
        else:
            self.baseline = {}

    def record_eval(self):
        if self.rank == 0:
            return super().record_eval()
        self.eval_pending = False
        self.loss_sum, self.loss_count = 0.0, 0
        return None

    def save_checkpoint(self) -> None:
        if self.rank == 0:
            super().save_checkpoint()

    def publish(self, dev) -> None:
        if self.rank == 0:
            super().publish(dev)
        else:
            self.published = True

    def emit(self, event) -> None:
        if self.rank == 0:
            super().emit(event)

    def finish(self):
        if self.rank == 0:
            result = super().finish()
        else:
            result = self.result("finished")
        import torch.distributed as dist

        dist.barrier()  # the published model is complete before any rank reports success
        return result


def run_class_for(base: type) -> type:
    """``base`` with the data-parallel behaviour in front (bi- and cross-encoders on NLI / STS)."""
    from sbert_desktop.core.training.trainer import _Run

    if base is not _Run:
        raise TrainConfigError(f"{base.__name__}: distillation and retrieval (pairs / triplets) training run in one "
                               "process only for now; start them without torchrun / --nproc")
    return type(f"DataParallel{base.__name__}", (DataParallelMixin, base), {})


def _broadcast(obj: Any) -> Any:
    import torch.distributed as dist

    box = [obj]
    dist.broadcast_object_list(box, src=0)
    return box[0]


def train_distributed(base: type, cfg, progress, cancel, resume: bool):
    """One rank's part of a DDP run (called by ``trainer.train`` under torchrun)."""
    import dataclasses

    from sbert_desktop.core.training.config import TrainConfig

    cls = run_class_for(base)
    r, world, device = init(cfg.device)
    cfg = dataclasses.replace(cfg, device=device)
    run = None
    # rank 0 checks and repairs the folder and decides; the others follow its decision
    if r == 0:
        try:
            run = cls(cfg, progress, cancel, resume)
            decision: Any = ("ok", run.cfg.to_dict(), run.ckpt is not None)
        except Exception as exc:
            decision = ("error", type(exc).__name__, str(exc))
            _broadcast(decision)
            raise
    else:
        decision = None
    decision = _broadcast(decision)
    if decision[0] == "error":
        from sbert_desktop.core import errors

        exc_type = {"TrainConfigError": TrainConfigError}.get(decision[1]) or getattr(errors, decision[1], RuntimeError)
        raise exc_type(decision[2])
    if r != 0:
        run = cls.__new__(cls)
        run.init_follower(TrainConfig.from_dict({**decision[1], "device": device}).resolved(), progress, cancel, decision[2])
    run.rank, run.world = r, world
    _prepare_in_turn(run, r)
    run.attach()
    return run.run()


def _prepare_in_turn(run, r: int) -> None:
    """Rank 0 prepares first (it writes train_config.json), then the others; an error on any rank
    is raised on every rank."""
    import torch.distributed as dist

    error = None
    if r == 0:
        try:
            run.prepare()
        except Exception as exc:  # noqa: BLE001 - re-raised below on every rank
            error = exc
    status = _broadcast(None if error is None else f"{type(error).__name__}: {error}")
    if status is not None:
        if error is not None:
            raise error
        raise TrainConfigError(f"rank 0 could not prepare the run ({status})")
    if r != 0:
        run.prepare()
    dist.barrier()
