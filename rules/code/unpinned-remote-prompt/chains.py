"""RAG and agent chains built from prompts stored on LangChain Hub / LangSmith / Langfuse."""
from langchain import hub
from langchain.hub import pull as hub_pull
from langfuse import Langfuse
from langsmith import Client

# ruleid: unpinned-remote-prompt
rag_prompt = hub.pull("rlm/rag-prompt")
# ruleid: unpinned-remote-prompt
react_prompt = hub_pull("hwchase17/react")
# ok: unpinned-remote-prompt
pinned_rag = hub.pull("rlm/rag-prompt:50442af1")
# ok: unpinned-remote-prompt
pinned_react = hub.pull("hwchase17/react:d15fe3c4c1f4b57d2b8d4e1f6a7b8c9d0e1f2a3b")

ls_client = Client()
# ruleid: unpinned-remote-prompt
support_prompt = ls_client.pull_prompt("acme/support-agent", include_model=True)
# ok: unpinned-remote-prompt
support_pinned = ls_client.pull_prompt("acme/support-agent:7c1a9e52")

langfuse = Langfuse()


def triage_prompt():
    # ruleid: unpinned-remote-prompt
    return langfuse.get_prompt("ticket-triage", label="latest")


def triage_prompt_reviewed():
    # ok: unpinned-remote-prompt
    return langfuse.get_prompt("ticket-triage", label="production")


def triage_prompt_pinned():
    # ok: unpinned-remote-prompt
    return langfuse.get_prompt("ticket-triage", version=12)


def configurable(name: str):
    # ok: unpinned-remote-prompt
    return hub.pull(name)
