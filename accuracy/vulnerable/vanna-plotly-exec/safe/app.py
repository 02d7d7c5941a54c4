from flask import Flask, jsonify, request

from askdb.openai_chat import OpenAIAsk

app = Flask(__name__)
vn = OpenAIAsk("sales.db")


@app.post("/api/ask")
def ask():
    sql, df, fig = vn.ask(request.json["question"])
    return jsonify({"sql": sql, "rows": df.head(50).to_dict("records"), "chart": fig.to_json() if fig else None})
