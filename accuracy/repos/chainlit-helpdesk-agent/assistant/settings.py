from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    openai_api_key: str = ""
    openai_model: str = "gpt-4o-mini"
    helpdesk_db: str = "./helpdesk.sqlite3"
    helpdesk_users: str = ""
    kb_dir: str = "kb"
    max_tool_rounds: int = 6
    max_output_tokens: int = 1200


@lru_cache
def get_settings() -> Settings:
    return Settings()


def parse_users(raw: str) -> dict[str, str]:
    users: dict[str, str] = {}
    for pair in raw.split(","):
        if ":" in pair:
            name, password = pair.split(":", 1)
            users[name.strip()] = password.strip()
    return users
