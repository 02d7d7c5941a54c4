from .memory import SqliteMemory
from .openai_chat import OpenAIChat


class AskData(SqliteMemory, OpenAIChat):
    def __init__(self, config: dict | None = None):
        SqliteMemory.__init__(self, config=config)
        OpenAIChat.__init__(self, config=config)


__all__ = ["AskData"]
