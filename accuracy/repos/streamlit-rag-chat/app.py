"""DocChat: Streamlit front end. Run with `streamlit run app.py`."""
from __future__ import annotations

import streamlit as st
from dotenv import load_dotenv

from rag.chain import RagChain
from rag.config import get_settings
from rag.history import History
from rag.loaders import UnsupportedFile, load_bytes, load_url, save_upload, split
from rag.store import DocumentStore

load_dotenv()
st.set_page_config(page_title="DocChat", page_icon=":books:", layout="wide")
settings = get_settings()


@st.cache_resource
def get_store() -> DocumentStore:
    return DocumentStore()


@st.cache_resource
def get_history() -> History:
    return History(settings.history_db)


def render_sources(sources: list[dict]) -> None:
    if not sources:
        return
    with st.expander(f"Sources ({len(sources)})"):
        for i, meta in enumerate(sources, start=1):
            page = f", page {meta['page']}" if "page" in meta else ""
            st.caption(f"[{i}] {meta.get('title') or meta.get('source', '?')}{page}")


def sidebar(store: DocumentStore, history: History) -> str:
    with st.sidebar:
        st.header("Documents")
        files = st.file_uploader("Upload", type=["pdf", "md", "txt"], accept_multiple_files=True)
        if files and st.button("Index files"):
            with st.spinner("Embedding..."):
                for f in files:
                    try:
                        data = f.getvalue()
                        save_upload(f.name, data)
                        added = store.add(split(load_bytes(f.name, data)))
                        st.success(f"{f.name}: {added} chunks")
                    except UnsupportedFile as exc:
                        st.error(str(exc))

        url = st.text_input("Add a web page", placeholder="https://docs.python.org/3/...")
        if url and st.button("Fetch"):
            try:
                added = store.add(split(load_url(url)))
                st.success(f"{added} chunks from {url}")
            except UnsupportedFile as exc:
                st.error(str(exc))

        st.divider()
        st.header("Chats")
        convs = history.conversations()
        if st.button("New chat") or not convs:
            st.session_state.conversation_id = history.new_conversation()
            convs = history.conversations()
        labels = {cid: title for cid, title in convs}
        current = st.session_state.get("conversation_id") or convs[0][0]
        choice = st.radio("Conversation", list(labels), format_func=labels.get, index=list(labels).index(current))
        st.session_state.conversation_id = choice
        if st.button("Delete chat"):
            history.delete(choice)
            st.session_state.pop("conversation_id", None)
            st.rerun()

        source_filter = st.selectbox("Search in", ["All documents", *store.sources()])
        st.session_state.source_filter = None if source_filter == "All documents" else source_filter
    return choice


def main() -> None:
    if not settings.openai_api_key:
        st.warning("Set OPENAI_API_KEY in .env to start chatting.")
        st.stop()

    store, history = get_store(), get_history()
    cid = sidebar(store, history)
    st.title("DocChat")

    past = history.messages(cid)
    for role, content in past:
        with st.chat_message(role):
            if role == "assistant":
                st.markdown(content, unsafe_allow_html=True)
            else:
                st.text(content)

    question = st.chat_input("Ask about your documents")
    if not question:
        return
    question = question[:4000]
    with st.chat_message("user"):
        st.text(question)
    history.append(cid, "user", question)
    if len(past) == 0:
        history.rename(cid, question[:60])

    chain = RagChain(store.retriever(source=st.session_state.get("source_filter")))
    with st.chat_message("assistant"):
        answer = chain.ask(question, history=past)
        st.markdown(answer.text, unsafe_allow_html=True)
        render_sources(answer.sources)
    history.append(cid, "assistant", answer.text)


main()
