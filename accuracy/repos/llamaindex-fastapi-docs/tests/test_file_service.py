import base64
from pathlib import Path

import pytest

from app.api.services.file import FileService


def _b64(text: str, mime: str = "text/plain") -> str:
    return f"data:{mime};base64," + base64.b64encode(text.encode()).decode()


def test_preprocess_base64():
    content, ext = FileService._preprocess_base64_file(_b64("hello"))
    assert content == b"hello"
    assert ext == ".txt"


def test_store_file_keeps_only_the_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = FileService._store_file("../../etc/notes.md", b"# hi")
    assert path.parent == Path("output", "uploaded")
    assert path.name.startswith("notes_") and path.suffix == ".md"


def test_store_file_rejects_executables(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ValueError):
        FileService._store_file("run.sh", b"echo hi")
