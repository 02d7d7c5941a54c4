from llama_index.core import StorageContext, load_index_from_storage

index = load_index_from_storage(StorageContext.from_defaults(persist_dir="/data/shared-index"))


def answer(tenant_id: str, question: str) -> str:
    engine = index.as_query_engine(similarity_top_k=4)
    return str(engine.query(question))
