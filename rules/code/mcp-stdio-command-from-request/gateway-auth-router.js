// An auth router serves the login routes; the launch route itself has no authentication.
import express from "express";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { authRouter } from "./auth.js";

const app = express();
app.use("/auth", authRouter);

app.post("/servers", express.json(), async (req, res) => {
  const transport = new StdioClientTransport({
    // ruleid: mcp-stdio-command-from-request
    command: req.body.command,
    args: [],
  });
  res.json({ ok: !!transport });
});
