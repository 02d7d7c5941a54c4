import pytest

from rag.loaders import UnsupportedFile, load_bytes, load_url, save_upload, split


def test_load_text_and_split():
    docs = load_bytes("notes.md", ("word " * 600).encode())
    chunks = split(docs)
    assert len(chunks) >= 3
    assert all(c.metadata["source"] == "notes.md" for c in chunks)


def test_rejects_unknown_suffix():
    with pytest.raises(UnsupportedFile):
        save_upload("payload.exe", b"MZ")


def test_rejects_large_upload(monkeypatch):
    monkeypatch.setenv("MAX_UPLOAD_MB", "1")
    from rag import config

    config.get_settings.cache_clear()
    with pytest.raises(UnsupportedFile):
        save_upload("big.txt", b"x" * (2 * 1024 * 1024))


@pytest.mark.parametrize(
    "url",
    ["http://docs.example.com/a", "https://169.254.169.254/latest/meta-data/", "https://evil.example.net/", "file:///etc/passwd"],
)
def test_load_url_allowlist(url):
    with pytest.raises(UnsupportedFile):
        load_url(url)
