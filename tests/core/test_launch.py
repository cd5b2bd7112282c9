"""``--nproc`` / ``--devices``: the torchrun command a local launch runs (nothing is started here)."""

from __future__ import annotations

import sys

import pytest

from sbert_desktop.commands._launch import cuda_devices, strip_nproc, torchrun_command


def test_the_torchrun_command_repeats_the_command_without_nproc():
    argv = ["train", "--train", "a b.tsv", "--nproc", "4", "--out", "o", "--devices=cuda:1"]
    assert strip_nproc(argv) == ["train", "--train", "a b.tsv", "--out", "o"]
    cmd = torchrun_command(4, argv)
    assert cmd[:3] == [sys.executable, "-m", "torch.distributed.run"]
    assert "--nproc-per-node=4" in cmd and "--standalone" in cmd
    assert cmd[-7:] == ["-m", "sbert_desktop", "train", "--train", "a b.tsv", "--out", "o"]


def test_devices_name_gpus():
    assert cuda_devices("cuda:0, cuda:2") == [0, 2]
    with pytest.raises(ValueError, match="expected cuda:N"):
        cuda_devices("gpu0")


def test_a_bad_devices_list_is_one_line(tmp_path, capsys):
    from sbert_desktop.cli import main

    src = tmp_path / "s.txt"
    src.write_text("one\ntwo\n")
    assert main(["encode", str(src), "--out", str(tmp_path / "o.npy"), "--devices", "gpu0"]) == 2
    err = capsys.readouterr().err.strip()
    assert err == "sbert-desktop encode: error: --devices: expected cuda:N[,cuda:M...], got 'gpu0'"
