// @ts-nocheck (fixture: analysed by AISec, not compiled)
// A terminal coding agent's provider extension (runs in Node, loaded by the CLI): the key is the caller's,
// passed in the stream options, and assigned to the client options after the object is built.
import Anthropic from "@anthropic-ai/sdk";

function isOAuthToken(apiKey: string): boolean {
  return apiKey.includes("sk-ant-oat");
}

export function streamCustomAnthropic(model, context, options) {
  const apiKey = options?.apiKey ?? "";
  const isOAuth = isOAuthToken(apiKey);
  const clientOptions: any = {
    baseURL: model.baseUrl,
    // ok: ai-key-exposed-to-browser
    dangerouslyAllowBrowser: true,
  };
  if (isOAuth) {
    clientOptions.apiKey = null;
    clientOptions.authToken = apiKey;
  } else {
    clientOptions.apiKey = apiKey;
  }
  return new Anthropic(clientOptions).messages.stream({ model: model.id, messages: context.messages, max_tokens: 1024 });
}

// the module's own key, set on the options afterwards: nothing says where this runs, and the key is fixed here
export function defaultClient() {
  const opts: any = {
    // ruleid: ai-key-exposed-to-browser
    dangerouslyAllowBrowser: true,
  };
  opts.apiKey = process.env.ANTHROPIC_API_KEY;
  return new Anthropic(opts);
}
