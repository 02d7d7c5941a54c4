from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    openai_api_key: str
    chat_model: str = "gpt-4o-mini"
    embedding_model: str = "text-embedding-3-small"
    database_url: str = "postgresql://rag:rag@localhost:5432/rag"
    max_answer_tokens: int = 800
    top_k: int = 6
    api_keys: list[str] = []


settings = Settings()
