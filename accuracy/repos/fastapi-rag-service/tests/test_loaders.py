import pytest

from app.ingest.loaders import chunk, load_url


def test_chunk_overlap():
    parts = chunk("a" * 3000, size=1000, overlap=100)
    assert len(parts) == 4


@pytest.mark.asyncio
@pytest.mark.parametrize("url", ["file:///etc/passwd", "http://127.0.0.1:8000/admin", "http://169.254.169.254/latest/meta-data"])
async def test_load_url_rejects_internal(url):
    with pytest.raises(ValueError):
        await load_url(url)
