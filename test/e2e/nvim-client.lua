-- Headless Neovim (0.7+) as a plain LSP client for nvim.e2e.mjs: no plugins, no lspconfig.
-- Reads a JSON plan from $AISEC_NVIM_PLAN, starts the server over stdio, opens every file of the plan,
-- collects textDocument/publishDiagnostics per file, asks for hover and code actions where the plan
-- says so, applies a chosen code action's WorkspaceEdit to the buffer, and writes one JSON result to
-- $AISEC_NVIM_OUT. All assertions are made by nvim.e2e.mjs.
--
-- plan = { cmd = {argv}, root = dir, timeout_ms = n, settle_ms = n,
--          files = { { file = abs, languageId = id } },
--          hover = { file = abs, code = rule },
--          fixes = { { file = abs, code = rule, title = 'plain substring (case-insensitive)' } } }
local uv = vim.loop
local t0 = uv.hrtime()
local function now() return math.floor((uv.hrtime() - t0) / 1e6) end

local result = { files = {}, fixes = {}, errors = {}, log = {} }
local function note(msg) table.insert(result.log, now() .. 'ms ' .. msg) end

local function write_result()
  result.total_ms = now()
  local f = assert(io.open(os.getenv('AISEC_NVIM_OUT'), 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
end

local function read_plan()
  local f = assert(io.open(os.getenv('AISEC_NVIM_PLAN'), 'r'))
  local text = f:read('*a')
  f:close()
  return vim.fn.json_decode(text)
end

local function run()
  local plan = read_plan()
  local timeout = plan.timeout_ms or 20000
  local settle = plan.settle_ms or 500
  result.nvim = string.format('%d.%d.%d', vim.version().major, vim.version().minor, vim.version().patch)

  -- latest publish per uri
  local published = {}   -- uri -> { count, at, diagnostics }
  local client_id = vim.lsp.start_client({
    name = 'aisec-e2e',
    cmd = plan.cmd,
    root_dir = plan.root,
    workspace_folders = { { uri = vim.uri_from_fname(plan.root), name = vim.fn.fnamemodify(plan.root, ':t') } },
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, res, ctx, config)
        if res then
          local p = published[res.uri] or { count = 0 }
          p.count = p.count + 1
          p.at = now()
          p.diagnostics = res.diagnostics
          published[res.uri] = p
        end
        return vim.lsp.handlers['textDocument/publishDiagnostics'](err, res, ctx, config)
      end,
      ['window/showMessage'] = function(_, res) table.insert(result.errors, 'showMessage: ' .. vim.inspect(res and res.message)) end,
    },
    on_init = function() result.initialized_ms = now() end,
    on_exit = function(code, signal) result.server_exit = { code = code, signal = signal } end,
  })
  if not client_id then error('could not start ' .. table.concat(plan.cmd, ' ')) end
  local client = vim.lsp.get_client_by_id(client_id)
  result.server_pid = client.rpc.pid

  local bufs = {}
  for _, spec in ipairs(plan.files) do
    vim.cmd('edit ' .. vim.fn.fnameescape(spec.file))
    local bufnr = vim.api.nvim_get_current_buf()
    -- Neovim 0.7 has no filetype for .prompty / mcp.json-as-jsonc: send what VS Code would
    if spec.languageId and spec.languageId ~= '' then vim.bo[bufnr].filetype = spec.languageId end
    bufs[spec.file] = bufnr
    local uri = vim.uri_from_bufnr(bufnr)
    local attached = now()
    vim.lsp.buf_attach_client(bufnr, client_id)
    -- wait for the first publish for this file, then until it is quiet for `settle`
    vim.wait(timeout, function() return published[uri] ~= nil or result.server_exit ~= nil end, 20)
    local entry = { file = spec.file, uri = uri, languageId = vim.bo[bufnr].filetype, published = published[uri] ~= nil }
    if published[uri] then
      entry.first_publish_ms = published[uri].at - attached
      -- an empty first publish may be followed by the real one (debounce): wait for a non-empty one
      -- if the plan expects findings, but never longer than `timeout`
      if spec.expectFindings then
        vim.wait(timeout, function() return #(published[uri].diagnostics or {}) > 0 end, 20)
      end
      vim.wait(timeout, function() return now() - published[uri].at >= settle end, 20)
      entry.publishCount = published[uri].count
      entry.diagnostics = published[uri].diagnostics
    else
      entry.diagnostics = {}
    end
    result.files[spec.file] = entry
    note('opened ' .. spec.file .. ' published=' .. tostring(entry.published))
  end

  local function find_diag(file, code)
    local uri = vim.uri_from_bufnr(bufs[file])
    for _, d in ipairs((published[uri] or {}).diagnostics or {}) do
      if d.code == code then return d, uri end
    end
    return nil, uri
  end

  -- hover on one finding
  if plan.hover then
    local d, uri = find_diag(plan.hover.file, plan.hover.code)
    if d then
      local resp = client.request_sync('textDocument/hover', { textDocument = { uri = uri }, position = d.range.start }, timeout, bufs[plan.hover.file])
      local h = resp and resp.result
      if h and h.contents then
        result.hover = table.concat(vim.lsp.util.convert_input_to_markdown_lines(h.contents), '\n')
      else
        result.hover = vim.NIL
        if resp and resp.err then table.insert(result.errors, 'hover: ' .. vim.inspect(resp.err)) end
      end
    else
      table.insert(result.errors, 'hover: no ' .. plan.hover.code .. ' diagnostic in ' .. plan.hover.file)
    end
  end

  -- code actions + apply one
  for _, fx in ipairs(plan.fixes or {}) do
    local out = { file = fx.file, code = fx.code, actions = {} }
    table.insert(result.fixes, out)
    local d, uri = find_diag(fx.file, fx.code)
    local bufnr = bufs[fx.file]
    if not d then
      out.error = 'no ' .. fx.code .. ' diagnostic'
    else
      local params = { textDocument = { uri = uri }, range = d.range, context = { diagnostics = { d } } }
      local resp = client.request_sync('textDocument/codeAction', params, timeout, bufnr)
      local actions = (resp and resp.result) or {}
      if resp and resp.err then out.error = 'codeAction: ' .. vim.inspect(resp.err) end
      local chosen
      for _, a in ipairs(actions) do
        table.insert(out.actions, { title = a.title, kind = a.kind or vim.NIL, hasEdit = a.edit ~= nil, isPreferred = a.isPreferred or false })
        if not chosen and a.title and string.find(string.lower(a.title), string.lower(fx.title), 1, true) then chosen = a end
      end
      if chosen and not chosen.edit and chosen.data ~= nil then
        -- lazily computed edit: codeAction/resolve
        local r = client.request_sync('codeAction/resolve', chosen, timeout, bufnr)
        if r and r.result then chosen = r.result end
      end
      if chosen and chosen.edit then
        local before = (published[uri] or {}).count or 0
        vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding or 'utf-16')
        out.applied = chosen.title
        out.fixedText = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n') .. '\n'
        -- the server re-analyses after didChange and publishes again
        vim.wait(timeout, function() return ((published[uri] or {}).count or 0) > before end, 20)
        vim.wait(timeout, function() return now() - published[uri].at >= settle end, 20)
        out.diagnosticsAfter = published[uri].diagnostics
      elseif chosen then
        out.error = 'action "' .. chosen.title .. '" carries no edit'
      elseif not out.error then
        out.error = 'no action titled like "' .. fx.title .. '"'
      end
    end
  end
  result.capabilities = {
    hover = client.server_capabilities and client.server_capabilities.hoverProvider ~= nil,
    codeAction = client.server_capabilities and client.server_capabilities.codeActionProvider ~= nil,
  }
  result.ok = true
end

local ok, err = pcall(run)
if not ok then table.insert(result.errors, tostring(err)) end
pcall(write_result)
for _, c in pairs(vim.lsp.get_active_clients()) do pcall(c.stop, true) end
vim.wait(500, function() return #vim.lsp.get_active_clients() == 0 end, 20)
vim.cmd('qall!')
