from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    openai_api_key: str
    chat_model: str = "gpt-4o-mini"
    embedding_model: str = "text-embedding-3-small"
    chroma_path: str = "./.chroma"
    max_answer_tokens: int = 700
    top_k: int = 4


settings = Settings()
