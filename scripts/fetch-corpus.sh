#!/usr/bin/env bash
# Fills .cache/corpus/ (gitignored) with large real code nobody here wrote, for `npm run accuracy`:
#   debian/<pkg>/  Python sources of Debian 12 packages: the installed /usr/lib/python3/dist-packages, plus
#                  a few AI-app relevant packages fetched with `apt-get download` and unpacked with
#                  `dpkg-deb -x` (nothing is installed on the system, no dependencies are pulled);
#   npm/<name>/    AI SDKs, agent frameworks and MCP servers fetched with `npm pack` and untarred;
#   pypi/<name>/   Python AI frameworks, integrations, agent tooling and MCP servers unzipped from the local
#                  wheel mirror (/opt/pypi/files, when present: sources and text data only).
# Idempotent: what is already there is kept; re-run to fill gaps. Needs only the npm registry and Debian apt.
# Usage: scripts/fetch-corpus.sh [corpus dir]   (default .cache/corpus)
set -u
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CORPUS="${1:-$ROOT/.cache/corpus}"
mkdir -p "$CORPUS/debian" "$CORPUS/npm" "$CORPUS/pypi" "$CORPUS/.downloads"
MANIFEST="$CORPUS/MANIFEST.txt"
touch "$MANIFEST"
ok=0; failed=0

note() { echo "fetch-corpus: $*" >&2; }
record() { grep -qxF "$1" "$MANIFEST" || echo "$1" >>"$MANIFEST"; }

# --- (a) Python: what Debian installed, sources only ----------------------------------------------
SYS=/usr/lib/python3/dist-packages
if [ -d "$SYS" ] && [ ! -e "$CORPUS/debian/system-dist-packages/.done" ]; then
  note "copying Python sources from $SYS"
  mkdir -p "$CORPUS/debian/system-dist-packages"
  (cd "$SYS" && find . -type d -name __pycache__ -prune -o -type f \( -name '*.py' -o -name '*.json' -o -name '*.yaml' -o -name '*.yml' -o -name '*.j2' -o -name '*.jinja*' -o -name '*.txt' -o -name '*.md' \) -size -2M -print0 \
    | xargs -0 -r cp --parents -t "$CORPUS/debian/system-dist-packages" 2>/dev/null)
  touch "$CORPUS/debian/system-dist-packages/.done"
  record "debian system-dist-packages (copy of $SYS)"
fi

# AI-app relevant Debian 12 packages (only those that exist; each .deb is downloaded, not installed)
DEBS=(python3-flask python3-jinja2 python3-werkzeug python3-requests python3-httpx python3-aiohttp
      python3-fastapi python3-starlette python3-uvicorn python3-pydantic python3-sqlalchemy
      python3-numpy python3-sklearn python3-joblib python3-torch python3-onnx python3-nltk python3-gensim
      python3-sentencepiece python3-pandas python3-django python3-tornado python3-jupyter-client
      python3-ipython python3-dill python3-cloudpickle python3-markdown python3-bleach python3-mistune
      python3-paramiko python3-pexpect python3-boto3 ansible-core)
if command -v apt-get >/dev/null && command -v dpkg-deb >/dev/null; then
  for p in "${DEBS[@]}"; do
    dest="$CORPUS/debian/$p"
    [ -e "$dest/.done" ] && { ok=$((ok + 1)); continue; }
    if ! apt-cache show --no-all-versions "$p" >/dev/null 2>&1; then note "skip $p (not in apt)"; continue; fi
    deb=$(ls "$CORPUS/.downloads/${p}_"*.deb 2>/dev/null | head -1)
    if [ -z "$deb" ]; then
      (cd "$CORPUS/.downloads" && timeout 120 apt-get download -q "$p" >/dev/null 2>&1) || { note "apt-get download $p failed"; failed=$((failed + 1)); continue; }
      deb=$(ls "$CORPUS/.downloads/${p}_"*.deb 2>/dev/null | head -1)
    fi
    tmp="$CORPUS/.downloads/x-$p"
    rm -rf "$tmp" && mkdir -p "$tmp" && dpkg-deb -x "$deb" "$tmp" || { note "cannot unpack $deb"; failed=$((failed + 1)); continue; }
    rm -rf "$dest" && mkdir -p "$dest"
    # keep the Python tree only (sources, templates, data files); drop compiled objects and docs
    for d in "$tmp/usr/lib/python3/dist-packages" "$tmp/usr/lib/python3"*/site-packages; do
      [ -d "$d" ] && cp -a "$d/." "$dest/"
    done
    find "$dest" -type f \( -name '*.so' -o -name '*.pyc' \) -delete
    rm -rf "$tmp"
    touch "$dest/.done"
    record "debian $(basename "$deb" .deb)"
    ok=$((ok + 1))
  done
else
  note "apt-get/dpkg-deb not available: only the installed dist-packages are used"
fi

# --- (b) JS/TS: AI SDKs, agent frameworks, MCP servers from npm, PINNED (labels in accuracy/labels refer
#     to these versions; after a bump, re-label what `npm run accuracy` lists as unlabelled) -------------
NPMS=(openai@6.49.0 @anthropic-ai/sdk@1.17.0 ai@6.0.333 @ai-sdk/openai@3.0.141 @ai-sdk/anthropic@3.0.140 @ai-sdk/provider-utils@4.0.67
      @langchain/core@1.4.0 langchain@1.5.14 @langchain/openai@1.5.8 @langchain/anthropic@1.5.11 @langchain/langgraph@1.7.3
      @modelcontextprotocol/sdk@1.32.2 @google/genai@2.32.0 @google/generative-ai@0.24.1 ollama@0.6.4 @mistralai/mistralai@2.7.0
      groq-sdk@1.6.0 cohere-ai@8.1.0 @huggingface/inference@4.13.30 @openai/agents@0.20.0 llamaindex@0.12.1 @llamaindex/core@0.6.22
      @modelcontextprotocol/server-filesystem@2026.8.31 @modelcontextprotocol/server-github@2025.4.8
      @modelcontextprotocol/server-memory@2026.8.31 @modelcontextprotocol/server-everything@2026.8.31
      @modelcontextprotocol/server-puppeteer@2025.5.12 @modelcontextprotocol/server-brave-search@0.6.2
      @modelcontextprotocol/server-slack@2025.4.25 @modelcontextprotocol/server-postgres@0.6.2
      @modelcontextprotocol/server-sequential-thinking@2026.8.31 @modelcontextprotocol/server-gdrive@2025.1.14
      @modelcontextprotocol/inspector@0.15.0 @playwright/mcp@0.0.86 mcp-remote@0.15.1 fastmcp@4.20.16 @mastra/core@0.24.9
      @google/gemini-cli-core@0.61.0 promptfoo@0.121.20 @vscode/prompt-tsx@0.4.0-alpha.9 @continuedev/config-yaml@1.42.0
      @agentic/core@8.4.4
      # packages that ship their sources with tests, examples, docs and fixtures (what a developer's checkout holds)
      @notionhq/notion-mcp-server@2.5.2 @ai-sdk/mcp@1.0.102 @mastra/mcp@0.14.5 genkit@1.42.0
      # AI app templates (RAG apps in Python and TypeScript), integrations and command-running MCP servers
      create-llama@0.6.3 @llamaindex/server@0.4.1 @langchain/community@1.1.29 @wonderwhy-er/desktop-commander@0.2.52
      mcp-server-commands@0.5.0 @executeautomation/playwright-mcp-server@1.0.12 @upstash/context7-mcp@4.1.1
      # AI applications as developers open them: MCP servers and agent/RAG apps (src/ and tests where shipped,
      # otherwise their unminified build), for precision on application code rather than SDKs
      mcp-proxy@6.7.19 @composio/core@0.21.0 @agentdeskai/browser-tools-mcp@2.0.2 mcp-server-sqlite-npx@0.8.0
      @translated/lara-mcp@1.0.6 @heroku/mcp-server@1.2.8 @modelcontextprotocol/create-server@0.3.1 tavily-mcp@0.2.22
      exa-mcp-server@3.4.1 firecrawl-mcp@3.26.0 mcp-server-kubernetes@4.1.7 @supabase/mcp-server-supabase@0.13.0
      mcp-server-code-runner@0.1.8 @benborla29/mcp-server-mysql@2.0.9 @hubspot/mcp-server@0.4.0
      @browserbasehq/mcp-server-browserbase@2.4.3 task-master-ai@0.43.1 @upstash/rag-chat@2.0.3 @stripe/agent-toolkit@0.9.0
      @langchain/mcp-adapters@1.1.4 @kazuph/mcp-fetch@1.6.3 figma-developer-mcp@0.13.2
      mongodb-mcp-server@3.0.4 @modelcontextprotocol/server-aws-kb-retrieval@0.6.2 mcp-server-docker@1.0.0
      @elastic/mcp-server-elasticsearch@0.3.1 @pinecone-database/mcp@0.3.0 @mzxrai/mcp-webresearch@0.1.7
      @neondatabase/mcp-server-neon@0.6.5 @modelcontextprotocol/server-redis@2025.4.25
      # community MCP servers for git/shell/db/files/browsers/cloud/mail, agent-framework integrations,
      # code-interpreter SDKs and chat UIs (sources or unminified builds; single bundles of vendored
      # dependencies and packages over 30 MB unpacked are left out)
      @0xshariq/docker-mcp-server@2.0.4 @agent-infra/mcp-server-commands@1.2.18 @agent-infra/mcp-server-filesystem@1.2.29
      @apify/actors-mcp-server@0.16.0 @azure-devops/mcp@2.10.0 @berthojoris/mcp-mysql-server@1.43.2
      @brave/brave-search-mcp-server@2.1.4 @browsermcp/mcp@0.1.3 @circleci/mcp-server-circleci@0.20.0
      @cloudflare/mcp-server-cloudflare@0.2.0 @codefuturist/email-mcp@0.2.0 codex-mcp-server@1.4.10
      @f4ww4z/mcp-mysql-server@0.1.0 github-mcp-server@1.8.7 @gongrzhe/server-gmail-autoauth-mcp@1.1.11
      @google-cloud/cloud-run-mcp@1.10.0 @henkey/postgres-mcp-server@1.0.7 hyperbrowser-mcp@1.0.25
      @j0hanz/filesystem-mcp@2.5.0 mcp-mongo-server@3.0.1 mcp-postgres-server@0.3.1 mcp-sqlite@1.0.9
      @mobilenext/mobile-mcp@1.0.4 mysql-mcp-server@0.1.4 @perplexity-ai/mcp-server@1.2.1 puppeteer-mcp-server@0.7.2
      @softeria/ms-365-mcp-server@0.155.0 ssh-mcp@2.11.0 universal-db-mcp@2.14.0 @winor30/mcp-server-datadog@1.8.0
      @zereight/mcp-gitlab@2.1.64 mcp-framework@0.2.22 mcp-handler@2.4.0
      @langchain/classic@1.0.50 @langchain/aws@1.4.5 @langchain/google-genai@2.3.2 @langchain/langgraph-sdk@2.0.0
      @llamaindex/workflow@1.1.25 @mastra/server@2.0.4 @genkit-ai/ai@1.42.0 @browserbasehq/stagehand@4.4.0
      e2b@2.51.0 @e2b/code-interpreter@2.8.0 @copilotkit/runtime@1.75.0 @copilotkit/react-ui@1.74.0
      @assistant-ui/react-markdown@0.14.16
      @a-bonus/google-docs-mcp@1.11.3 @aashari/mcp-server-atlassian-jira@3.3.0 @apify/mcpc@0.2.6 @bytebase/dbhub@1.4.0
      @claude-flow/mcp@3.0.0-alpha.9 @cocal/google-calendar-mcp@2.6.3 @dexto/image-local@1.12.0 @drawio/mcp@1.6.1
      @genkit-ai/mcp@1.42.0 @goke/mcp@0.0.8 @hono/mcp@0.3.2 @kimuson/modular-mcp@0.0.5 @mapbox/mcp-server@0.14.0
      mcporter@0.12.3 @mizchi/lsmcp@0.10.0 @modelcontextprotocol/server-everart@0.6.2
      @modelcontextprotocol/server-google-maps@0.6.2 notebooklm-mcp@2.0.0 openapi-mcp-generator@4.0.1
      @piotr-agier/google-drive-mcp@2.10.0 sandbox-agent@0.4.2 @shortcut/mcp@0.25.0 @storybook/mcp@10.6.0 tmcp@1.20.0
      @z_ai/mcp-server@0.1.5 @ai-sdk/react@3.0.328 @llamaindex/chat-ui@0.6.1 @langchain/langgraph-api@1.5.1
      @mastra/rag@1.3.6 @mastra/memory@1.31.0 @memberjunction/ai-agents@5.51.3 @nanocollective/nanocoder@1.30.0
      @openai/agents-core@0.20.0 @vibe-kit/grok-cli@0.0.34 @voltagent/core@2.10.0
      # round 4, chosen by shape before scanning: community MCP servers with shell/git/ssh/database/file/
      # browser/http/mail tools, agent platforms and their node/tool packages, bots and agent apps
      @mako10k/mcp-shell-server@2.7.1 @executeautomation/database-server@1.1.0 obsidian-mcp@1.0.6 mcp-obsidian@1.0.0
      @modelcontextprotocol/server-gitlab@2025.4.25 airtable-mcp-server@1.14.0 fetcher-mcp@0.3.9 @ansvar/mcp-sqlite@1.0.5
      @ergut/mcp-bigquery-server@1.0.4 @tokenizin/mcp-npx-fetch@1.0.0 mcp-fetch-server@1.1.2
      @automatalabs/mcp-server-playwright@1.2.1 @supabase/mcp-server-postgrest@0.2.0 @hisma/server-puppeteer@0.6.5
      obsidian-mcp-server@2.0.7 @connorbritain/mssql-mcp-core@0.7.0 mysql-mcp@1.1.1 fetch-mcp@0.0.5
      @just-every/mcp-read-website-fast@0.1.36 mcp-mail-server@1.2.1 @djankies/vitest-mcp@0.5.1
      @easecloudio/mcp-metabase-server@1.3.0 @postman/postman-mcp-server@2.13.0 reddit-mcp-buddy@1.1.14 supergateway@4.0.0
      @shinzolabs/gmail-mcp@1.7.4 mcp-atlassian@2.1.0 puppeteer-mcp-claude@0.2.2 mcp-git@0.0.4 mcp-ssh-manager@3.8.5
      @marian-craciunescu/ssh-mcp-server-secured@1.0.23 mcp-postgres-full-access@0.3.0 enhanced-postgres-mcp-server@1.0.1
      bash-command-mcp@0.1.5 mcp-server-sqlite@0.0.2 playwright-mcp-server@1.0.0 mcp-github-project-manager@2.3.1
      @missionsquad/mcp-github@0.10.8
      flowise-components@3.1.4 flowise@3.1.2 @n8n/n8n-nodes-langchain@2.41.1 @librechat/agents@3.2.21 thepopebot@1.2.82
      copilot-api@0.7.0 @elizaos/plugin-bootstrap@1.7.2 chat@4.41.1 @inngest/agent-kit@0.13.2 deepagents@1.14.1
      bash-tool@1.3.19
      # round 5, chosen by shape before scanning (readable sources or unminified app builds, no vendored
      # node_modules, single dependency bundles left out): community MCP servers with shell/simulator/
      # container/database/file/fetch/browser/mail/chat/cloud tools, AI chat bots, coding agents and CLIs
      ios-simulator-mcp@2.1.0 gemini-mcp-tool@1.1.8 computer-use-mcp@1.8.0 @angiejones/mcp-selenium@0.2.3
      mcp-local-rag@0.19.1 @sylphx/pdf-reader-mcp@2.4.0 supabase-mcp@1.5.0 mcp-searxng@2.4.0 mcp-deepwiki@0.0.10
      gcp-mcp@1.0.2 @masonator/coolify-mcp@3.5.0 argocd-mcp@0.9.0 jina-mcp-tools@1.2.3 @zencoderai/slack-mcp-server@0.0.1
      resend-mcp@2.22.0 @floriscornel/teams-mcp@0.3.2 mcp-image@0.14.0 @zilliz/claude-context-mcp@0.1.15
      @cognitionai/metabase-mcp-server@2.2.0 datadog-mcp-server@1.0.9 @turbot/powerpipe-mcp@0.1.0
      @steipete/macos-automator-mcp@0.4.7 docker-mcp@1.0.0 mcp-server-mysql@2.0.6 mssql-mcp-server@1.3.0
      @pollinations/mcp-server-sqlite@0.6.6 @gongrzhe/server-redis-mcp@1.0.0 @seed-ship/duckdb-mcp-native@1.6.2
      mcp-server-fetch-typescript@0.1.1 @liangshanli/mcp-server-mysql@3.1.0 dbeaver-mcp-server@1.3.0
      @cmd233/mcp-database-server@1.4.1 @falkordb/mcpserver@1.3.0 fast-filesystem-mcp@3.5.2 just-bash-mcp@3.1.0
      @illuminaresolutions/n8n-mcp-server@1.0.1 mcp-memory-libsql@0.0.17 @deventerprisesoftware/scrapi-mcp@0.4.5
      selenium-ai-agent@3.3.4 @itseasy21/mcp-knowledge-graph@1.0.7 mcp-google-drive@1.6.2 google-workspace-mcp@2.3.6
      @hovecapital/read-only-mysql-mcp-server@0.2.0 @bilims/mcp-sqlserver@2.0.3 @blocklet/dbhub@0.2.9 xampp-mcp@2.0.0
      agentcord@2.1.1 @lovenyberg/ove@0.9.2 discord-chatbot@2.1.0 @sprucelabs/sprucebot-llm@18.1.6
      @zed-industries/claude-code-acp@0.16.2 n8n-nodes-deepseek@1.0.6 @elizaos/plugin-agent-orchestrator@0.3.15
      llm-scraper@2.0.0 gpt-po@1.2.3 @llmist/cli@18.4.0 @steipete/oracle@0.21.2 @cloudflare/codemode@0.5.6
      @hyperbrowser/agent@1.1.2 @mariozechner/pi-coding-agent@0.73.1
      # round 5, second batch (same shape rules): MCP servers for databases, DevOps/git hosting, browsers, memory, chat,
      # finance and smart-home control, n8n AI/MCP nodes and AI assistants
      @tiberriver256/mcp-server-azure-devops@0.1.48 mssql-mcp-node@3.0.4 mssql-mcp@3.0.0 mcp-memory-keeper@0.14.1
      @allpepper/memory-bank-mcp@0.2.2 @allpepper/task-orchestrator@3.3.3 @node2flow/n8n-management-mcp@1.0.9
      @apireno/domshell@2.0.10 grep-mcp@1.1.0 claude-historian-mcp@1.0.3 mcp-server-filesystem@0.6.2 spider-cloud-mcp@1.2.2
      @mcp-consultant-tools/azure-sql@33.0.0 azure-devops-mcp@1.1.2 mcp-researchpowerpack@7.1.3
      @coolver/home-assistant-mcp@3.2.31 @botrun/mcp-google-drive@0.1.1 greptile-mcp-server@3.0.4 coderabbitai-mcp@1.1.1
      agent-browser-mcp@0.1.3 @ajpanada/mcp-azure-devops@2.0.4 github-enterprise-mcp-server@1.1.2 deepseek-mcp-server@1.0.1
      @rlabs-inc/gemini-mcp@0.8.1 conway-terminal@2.0.9 linear-mcp@1.2.0 @nexus2520/bitbucket-mcp-server@3.0.0
      bitbucket-mcp@5.0.6 @aashari/mcp-server-atlassian-bitbucket@3.1.0 @isaacphi/mcp-gdrive@0.2.0
      @kimtaeyoon83/mcp-server-youtube-transcript@0.1.1 @openbnb/mcp-server-airbnb@0.3.0 @line/line-bot-mcp-server@0.5.0
      @mcpfun/mcp-server-ccxt@1.2.1 @xeroapi/xero-mcp-server@0.0.17 @leval/mcp-grafana@1.1.7 vercel-mcp@0.0.7
      @nexus2520/jira-mcp-server@1.2.0 @hypothesi/tauri-mcp-server@0.13.0 robloxstudio-mcp@2.6.0 todoist-mcp@1.3.4
      attio-mcp-server@0.0.2 @adenot/mcp-google-search@0.3.1 perplexity-mcp@0.2.3 @quadslab.io/discord-mcp@2.1.1
      mcp-server-gsc@0.3.0 homebridge-llm-control@1.4.0 n8n-nodes-mcp@0.1.37 n8n-nodes-deepseek-reasoner@0.10.35
      n8n-nodes-browseruselocalllm@0.1.7 n8n-nodes-gigachat@1.8.3 n8n-nodes-ai-orchestrator@0.1.7
      @eventcatalog/generator-ai@1.2.3)
if command -v npm >/dev/null; then
  for p in "${NPMS[@]}"; do
    name="${p%@*}"                      # pinned: name@version (the folder is named without the version)
    safe="${name//\//__}"
    dest="$CORPUS/npm/$safe"
    [ -e "$dest/.done" ] && { ok=$((ok + 1)); continue; }
    tgz=$(ls "$CORPUS/.downloads/npm-$safe/"*"-${p##*@}.tgz" 2>/dev/null | head -1)
    if [ -z "$tgz" ]; then
      mkdir -p "$CORPUS/.downloads/npm-$safe"
      (cd "$CORPUS/.downloads/npm-$safe" && timeout 180 npm pack "$p" --silent >/dev/null 2>&1) || { note "npm pack $p failed"; failed=$((failed + 1)); continue; }
      tgz=$(ls "$CORPUS/.downloads/npm-$safe/"*"-${p##*@}.tgz" 2>/dev/null | head -1)
    fi
    rm -rf "$dest" && mkdir -p "$dest"
    tar -xzf "$tgz" -C "$dest" --strip-components=1 --no-same-owner 2>/dev/null || { note "cannot untar $tgz"; failed=$((failed + 1)); continue; }
    touch "$dest/.done"
    record "npm $(basename "$tgz" .tgz)"
    ok=$((ok + 1))
  done
else
  note "npm not available: no JS/TS corpus"
fi

# --- (c) Python: AI frameworks, integrations, agent tooling and MCP servers from the local wheel mirror,
#     PINNED by exact wheel file name (labels refer to these versions). Only Python sources and text data
#     (templates, json, yaml, md) are kept; compiled objects are not extracted. -----------------------------
WHEELHOUSE=/opt/pypi/files
WHEELS=(langchain-1.4.2-py3-none-any.whl langchain_community-0.4.2-py3-none-any.whl langchain_core-1.6.5-py3-none-any.whl
        langchain_openai-1.6.6-py3-none-any.whl langchain_google_genai-4.4.0-py3-none-any.whl
        langchain_huggingface-1.2.2-py3-none-any.whl langchain_text_splitters-1.1.2-py3-none-any.whl
        langgraph-1.2.12-py3-none-any.whl langgraph_checkpoint-4.2.0-py3-none-any.whl langgraph_prebuilt-1.1.0-py3-none-any.whl
        langgraph_sdk-0.4.5-py3-none-any.whl langsmith-0.14.0-py3-none-any.whl
        mcp-2.3.0-py3-none-any.whl mcp_types-2.3.0-py3-none-any.whl fastmcp_slim-4.0.10-py3-none-any.whl
        openai-3.22.1-py3-none-any.whl anthropic-1.13.0-py3-none-any.whl groq-1.7.0-py3-none-any.whl
        google_genai-2.25.0-py3-none-any.whl huggingface_hub-2.0.0-py3-none-any.whl
        sentence_transformers-6.0.1-py3-none-any.whl datasets-5.0.1-py3-none-any.whl kagglehub-1.0.2-py3-none-any.whl
        gguf-0.19.0-py3-none-any.whl streamlit-1.64.0-py3-none-any.whl posthog-7.53.0-py3-none-any.whl
        asteval-1.0.10-py3-none-any.whl simpleeval-1.0.8-py3-none-any.whl bm25s-0.3.11-py3-none-any.whl
        tiktoken-0.14.0-cp311-cp311-manylinux_2_28_x86_64.whl
        # model hub loading, chat templates and trainers (trust_remote_code, torch.load, revisions, jinja templates)
        transformers-5.17.0-py3-none-any.whl trl-1.13.0-py3-none-any.whl open_clip_torch-3.3.0-py3-none-any.whl)
WHEEL_KEEP=('*.py' '*.pyi' '*.json' '*.yaml' '*.yml' '*.j2' '*.jinja' '*.jinja2' '*.md')
if [ -d "$WHEELHOUSE" ]; then
  for w in "${WHEELS[@]}"; do
    name="${w%%-*}"                     # distribution name (the folder), e.g. langchain_community
    dest="$CORPUS/pypi/$name"
    [ -e "$dest/.done" ] && { ok=$((ok + 1)); continue; }
    if [ ! -f "$WHEELHOUSE/$w" ]; then note "skip $w (not in $WHEELHOUSE)"; failed=$((failed + 1)); continue; fi
    rm -rf "$dest" && mkdir -p "$dest"
    if command -v unzip >/dev/null; then
      unzip -qo "$WHEELHOUSE/$w" "${WHEEL_KEEP[@]}" -x '*/__pycache__/*' -d "$dest" >/dev/null 2>&1
      rc=$?; [ $rc -le 1 ] || [ $rc -eq 11 ] || { note "cannot unzip $w"; failed=$((failed + 1)); continue; }
    else
      python3 - "$WHEELHOUSE/$w" "$dest" <<'PY' || { note "cannot unzip $w"; failed=$((failed + 1)); continue; }
import fnmatch, sys, zipfile
keep = ('*.py', '*.pyi', '*.json', '*.yaml', '*.yml', '*.j2', '*.jinja', '*.jinja2', '*.md')
with zipfile.ZipFile(sys.argv[1]) as z:
    for n in z.namelist():
        if '__pycache__/' not in n and any(fnmatch.fnmatch(n, k) for k in keep):
            z.extract(n, sys.argv[2])
PY
    fi
    find "$dest" -type f -size +2M -delete
    touch "$dest/.done"
    record "pypi $w"
    ok=$((ok + 1))
  done
else
  note "no wheel mirror at $WHEELHOUSE: pypi/ trees skipped"
fi

# --- (d) npm packages at versions with published advisories, for recall (accuracy/vulnerable/*/case.yaml
#     with `npm:`); pinned to the vulnerable version, unpacked into advisories/<name@version> -------------
ADVISORY_NPMS=(@modelcontextprotocol/server-filesystem@0.6.2 mcp-remote@0.1.15 @modelcontextprotocol/inspector@0.14.0)
if command -v npm >/dev/null; then
  mkdir -p "$CORPUS/advisories"
  for p in "${ADVISORY_NPMS[@]}"; do
    safe="${p//\//__}"
    dest="$CORPUS/advisories/$safe"
    [ -e "$dest/.done" ] && { ok=$((ok + 1)); continue; }
    mkdir -p "$CORPUS/.downloads/adv-$safe"
    tgz=$(ls "$CORPUS/.downloads/adv-$safe/"*.tgz 2>/dev/null | head -1)
    if [ -z "$tgz" ]; then
      (cd "$CORPUS/.downloads/adv-$safe" && timeout 180 npm pack "$p" --silent >/dev/null 2>&1) || { note "npm pack $p failed"; failed=$((failed + 1)); continue; }
      tgz=$(ls "$CORPUS/.downloads/adv-$safe/"*.tgz 2>/dev/null | head -1)
    fi
    rm -rf "$dest" && mkdir -p "$dest"
    tar -xzf "$tgz" -C "$dest" --strip-components=1 --no-same-owner 2>/dev/null || { note "cannot untar $tgz"; failed=$((failed + 1)); continue; }
    touch "$dest/.done"
    record "advisory npm $p"
    ok=$((ok + 1))
  done
fi

note "done: $ok sources present, $failed failed; corpus in $CORPUS ($(du -sh "$CORPUS" --exclude=.downloads 2>/dev/null | cut -f1))"
exit 0
