import os

from flask import Flask, Response, jsonify, request

from askdata import AskData

from .cache import MemoryCache

app = Flask(__name__)
cache = MemoryCache()
ad = AskData(config={"model": os.getenv("ASKDATA_MODEL", "gpt-4o-mini"), "allow_llm_to_see_data": True})
ad.connect_to_duckdb(os.getenv("ASKDATA_DB", "warehouse.duckdb"))


def requires_cache(*fields):
    def decorator(fn):
        def wrapper(*args, **kwargs):
            id = request.args.get("id")
            if id is None:
                return jsonify({"type": "error", "error": "No id provided"})
            values = {}
            for field in fields:
                value = cache.get(id=id, field=field)
                if value is None:
                    return jsonify({"type": "error", "error": f"No {field} found"})
                values[field] = value
            return fn(*args, id=id, **values, **kwargs)

        wrapper.__name__ = fn.__name__
        return wrapper

    return decorator


@app.route("/api/v0/generate_sql", methods=["GET"])
def generate_sql():
    question = request.args.get("question")
    if not question:
        return jsonify({"type": "error", "error": "No question provided"})
    id = cache.generate_id(question=question)
    sql = ad.generate_sql(question=question, allow_llm_to_see_data=ad.allow_llm_to_see_data)
    cache.set(id=id, field="question", value=question)
    cache.set(id=id, field="sql", value=sql)
    if ad.is_sql_valid(sql):
        return jsonify({"type": "sql", "id": id, "text": sql})
    return jsonify({"type": "text", "id": id, "text": sql})


@app.route("/api/v0/run_sql", methods=["GET"])
@requires_cache("sql")
def run_sql(id: str, sql: str):
    if not ad.is_sql_valid(sql):
        return jsonify({"type": "error", "error": "Only single SELECT statements can be run"})
    try:
        df = ad.run_sql(sql=sql)
    except Exception as e:
        return jsonify({"type": "sql_error", "error": str(e)})
    cache.set(id=id, field="df", value=df)
    return jsonify({"type": "df", "id": id, "df": df.head(10).to_json(orient="records", date_format="iso")})


@app.route("/api/v0/generate_plotly_figure", methods=["GET"])
@requires_cache("df", "question", "sql")
def generate_plotly_figure(id: str, df, question: str, sql: str):
    chart_instructions = request.args.get("chart_instructions")
    if chart_instructions:
        question = f"{question}. When plotting, follow these instructions: {chart_instructions}"
    try:
        code = ad.generate_plotly_code(question=question, sql=sql, df_metadata=f"Running df.dtypes gives:\n {df.dtypes}")
        fig = ad.get_plotly_figure(plotly_code=code, df=df, dark_mode=False)
    except Exception as e:
        return jsonify({"type": "error", "error": str(e)})
    cache.set(id=id, field="plotly_code", value=code)
    return jsonify({"type": "plotly_figure", "id": id, "fig": fig.to_json()})


@app.route("/api/v0/download_csv", methods=["GET"])
@requires_cache("df")
def download_csv(id: str, df):
    return Response(df.to_csv(index=False), mimetype="text/csv", headers={"Content-disposition": f"attachment; filename={id}.csv"})


@app.route("/api/v0/train", methods=["POST"])
def add_training_data():
    body = request.get_json(silent=True) or {}
    try:
        item_id = ad.train(question=body.get("question"), sql=body.get("sql"), ddl=body.get("ddl"))
    except ValueError as e:
        return jsonify({"type": "error", "error": str(e)}), 400
    return jsonify({"id": item_id})


if __name__ == "__main__":
    app.run(port=8084)
