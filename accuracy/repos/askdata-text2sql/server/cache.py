import uuid


class MemoryCache:
    def __init__(self):
        self._data: dict[str, dict] = {}

    def generate_id(self, question: str | None = None) -> str:
        return str(uuid.uuid4())

    def set(self, id: str, field: str, value) -> None:
        self._data.setdefault(id, {})[field] = value

    def get(self, id: str, field: str):
        return self._data.get(id, {}).get(field)
