from fastapi.testclient import TestClient

from app.api.routers.chat import ChatData, generate_filters


def test_uploaded_doc_ids_from_annotations():
    data = ChatData(messages=[
        {"role": "user", "content": "summarise my file", "annotations": [{"type": "document_file", "data": {"files": [{"id": "doc-1"}]}}]},
    ])
    assert data.uploaded_doc_ids() == ["doc-1"]


def test_filters_hide_other_users_private_docs():
    filters = generate_filters([])
    assert filters.filters[0].key == "private"


def test_last_message_must_be_user(monkeypatch):
    import main

    client = TestClient(main.app)
    res = client.post("/api/chat/request", json={"messages": [{"role": "assistant", "content": "hi"}]})
    assert res.status_code == 400
