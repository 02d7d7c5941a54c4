import io

import torch
from torch import load as torch_load
from safetensors.torch import load_file

CHECKPOINT = "checkpoints/latest.pt"


def resume(model: torch.nn.Module, path: str = CHECKPOINT) -> None:
    # ruleid: torch-load-unsafe
    state = torch.load(path, map_location="cpu")
    model.load_state_dict(state["model"])


def resume_legacy(model: torch.nn.Module, path: str) -> None:
    # ruleid: torch-load-unsafe
    state = torch.load(path, map_location="cpu", weights_only=False)
    model.load_state_dict(state)


def from_upload(data: bytes):
    # ruleid: torch-load-unsafe
    return torch_load(io.BytesIO(data))


def multi_line(path: str):
    # ruleid: torch-load-unsafe
    return torch.load(
        path,
        map_location="cuda:0",
    )


def safe(path: str):
    # ok: torch-load-unsafe
    return torch.load(path, map_location="cpu", weights_only=True)


def safest(path: str):
    # ok: torch-load-unsafe
    return load_file(path.replace(".pt", ".safetensors"))


def forwarded(path: str, **kwargs):
    # ok: torch-load-unsafe
    return torch.load(path, **kwargs)


def save(model: torch.nn.Module) -> None:
    # ok: torch-load-unsafe
    torch.save(model.state_dict(), CHECKPOINT)


def test_save_load_roundtrip(model: torch.nn.Module) -> None:
    buf = io.BytesIO()
    torch.save(model, buf)
    buf.seek(0)
    # ok: torch-load-unsafe
    loaded = torch.load(buf)
    assert loaded is not None


def test_save_to_tempfile(model: torch.nn.Module, tmp_path) -> None:
    path = tmp_path / "model.pt"
    torch.save(model.state_dict(), path)
    # ok: torch-load-unsafe
    model.load_state_dict(torch.load(path))


def export_then_load_other(model: torch.nn.Module, path: str, other: str):
    torch.save(model.state_dict(), path)
    # ruleid: torch-load-unsafe
    return torch.load(other)
