from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    openai_api_key: str = ""
    chat_model: str = "gpt-4o-mini"
    embedding_model: str = "text-embedding-3-small"
    chroma_dir: Path = Path("./.chroma")
    upload_dir: Path = Path("./data/uploads")
    history_db: Path = Path("./data/history.sqlite3")
    max_upload_mb: int = 20
    top_k: int = Field(default=4, ge=1, le=20)
    chunk_size: int = 1000
    chunk_overlap: int = 150
    url_allowlist: str = ""

    @property
    def allowed_hosts(self) -> set[str]:
        return {h.strip().lower() for h in self.url_allowlist.split(",") if h.strip()}


@lru_cache
def get_settings() -> Settings:
    return Settings()
