from llama_index.core import StorageContext, load_index_from_storage
from llama_index.core.vector_stores import ExactMatchFilter, MetadataFilters

index = load_index_from_storage(StorageContext.from_defaults(persist_dir="/data/shared-index"))


def answer(tenant_id: str, question: str) -> str:
    filters = MetadataFilters(filters=[ExactMatchFilter(key="tenant_id", value=tenant_id)])
    engine = index.as_query_engine(similarity_top_k=4, filters=filters)
    return str(engine.query(question))
