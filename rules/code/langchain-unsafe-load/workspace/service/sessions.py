"""Session store of a service whose requirements pin a langchain-core release from before the loads fix."""
import redis
from langchain_core.load import dumps, loads
from langchain_core.messages import AIMessage, HumanMessage

cache = redis.Redis()


def save(session_id: str, messages) -> None:
    cache.set(f"session:{session_id}", dumps(messages))


def restore(session_id: str):
    raw = cache.get(f"session:{session_id}")
    # ruleid: langchain-unsafe-load
    return loads(raw)


def restore_messages(session_id: str):
    raw = cache.get(f"session:{session_id}")
    # ok: langchain-unsafe-load
    return loads(raw, allowed_objects=[AIMessage, HumanMessage])
