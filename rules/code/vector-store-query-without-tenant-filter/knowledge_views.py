"""Flask, Django and MCP entry points of a multi-tenant knowledge base."""
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from flask import Flask, g, request
from langchain_community.vectorstores import PGVector
from langchain_core.tools import BaseTool
from langchain_openai import OpenAIEmbeddings
from mcp.server.fastmcp import FastMCP
from pinecone import Pinecone as PineconeClient

flask_app = Flask(__name__)
mcp = FastMCP("kb")
emb = OpenAIEmbeddings()
pg_store = PGVector(connection_string="postgresql+psycopg://kb@db/kb", embedding_function=emb, collection_name="kb")
tickets = PineconeClient().Index("tickets")


@flask_app.route("/kb/search")
def flask_search():
    q = request.args["q"]
    # ruleid: vector-store-query-without-tenant-filter
    hits = pg_store.similarity_search_with_relevance_scores(q, k=5)
    # ok: vector-store-query-without-tenant-filter
    own = pg_store.similarity_search_with_relevance_scores(q, k=5, filter={"org_id": g.user.org_id})
    return {"hits": len(hits), "own": len(own)}


@login_required
def django_search(request):
    q = request.GET.get("q", "")
    # ruleid: vector-store-query-without-tenant-filter
    docs = pg_store.as_retriever(search_type="mmr").invoke(q)
    # ok: vector-store-query-without-tenant-filter
    mine = pg_store.as_retriever(search_kwargs={"filter": {"owner_id": request.user.id}}).invoke(q)
    return JsonResponse({"docs": [d.page_content for d in docs + mine]})


def django_search_kwargs(request):
    opts = {"k": 4, "filter": {"tenant_id": request.tenant.id}}
    # ok: vector-store-query-without-tenant-filter
    return JsonResponse({"docs": pg_store.similarity_search(request.GET["q"], **opts)})


@mcp.tool()
def search_tickets(query: str, customer_id: str) -> list[str]:
    """Find similar support tickets for a customer."""
    vec = emb.embed_query(query)
    # ruleid: vector-store-query-without-tenant-filter
    res = tickets.query(vector=vec, top_k=3, include_metadata=True)
    return [m.metadata["text"] for m in res.matches]


@mcp.tool()
def search_own_tickets(query: str, customer_id: str) -> list[str]:
    vec = emb.embed_query(query)
    # ok: vector-store-query-without-tenant-filter
    res = tickets.query(vector=vec, top_k=3, filter={"customer_id": {"$eq": customer_id}})
    return [m.metadata["text"] for m in res.matches]


class PolicySearchTool(BaseTool):
    name: str = "policy_search"
    description: str = "Search HR policies"

    def _run(self, query: str) -> str:
        # ok: vector-store-query-without-tenant-filter (no caller identity in scope: one index for everybody)
        return "\n".join(d.page_content for d in pg_store.similarity_search(query))


def account_context(account_id: str, question_vec: str, cur) -> list:
    table = "chunks"
    # ruleid: vector-store-query-without-tenant-filter
    sql = f"""
        SELECT body FROM {table}
        ORDER BY embedding <#> %s::vector
        LIMIT 8
    """
    cur.execute(sql, (question_vec,))
    return cur.fetchall()


def account_context_scoped(account_id: str, question_vec: str, cur) -> list:
    # ok: vector-store-query-without-tenant-filter
    cur.execute(
        "SELECT body FROM chunks c JOIN docs d ON d.id = c.doc_id "
        "WHERE d.account_id = %s ORDER BY c.embedding <#> %s::vector LIMIT 8",
        (account_id, question_vec),
    )
    return cur.fetchall()


def nightly_reindex(cur) -> None:
    # ok: vector-store-query-without-tenant-filter
    cur.execute("SELECT id FROM chunks ORDER BY embedding <-> (SELECT centroid FROM stats) LIMIT 100")
