"""LlamaIndex query engines over one index persisted for every workspace."""
from llama_index.core import StorageContext, load_index_from_storage
from llama_index.core.vector_stores import ExactMatchFilter, MetadataFilters

shared_index = load_index_from_storage(StorageContext.from_defaults(persist_dir="/srv/index"))


def answer_for_workspace(workspace_id: str, question: str) -> str:
    # ruleid: vector-store-query-without-tenant-filter
    engine = shared_index.as_query_engine(similarity_top_k=5)
    return str(engine.query(question))


def answer_scoped(workspace_id: str, question: str) -> str:
    scope = MetadataFilters(filters=[ExactMatchFilter(key="workspace_id", value=workspace_id)])
    # ok: vector-store-query-without-tenant-filter
    engine = shared_index.as_query_engine(similarity_top_k=5, filters=scope)
    return str(engine.query(question))


def chat_for_user(user_id: str, message: str) -> str:
    # ruleid: vector-store-query-without-tenant-filter
    chat = shared_index.as_chat_engine(chat_mode="context")
    return str(chat.chat(message))


def answer_docs(question: str) -> str:
    # ok: vector-store-query-without-tenant-filter (product documentation, same for every caller)
    engine = shared_index.as_query_engine(similarity_top_k=3)
    return str(engine.query(question))
