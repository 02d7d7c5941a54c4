/**
 * `aisec/diagnostics`: the diagnostics of one document exactly as the editor gets them (the language-model tool of the
 * VS Code client asks for them, so an agent sees what the Problems panel shows).
 *
 * - `{ uri }` of a document open in the editor: the analysis of its current version, the one that `textDocument/diagnostic`
 *   (pull) or `publishDiagnostics` (push) delivers (shared with them: not analysed a second time).
 * - otherwise, or with `snippet: true`: `text` analysed as the file at `uri` (its config, packs, baseline and the editor's
 *   limits, as on the first analysis of an opened document); a snippet is analysed without the other workspace files.
 */
import type { Diagnostic } from 'vscode-languageserver/node';

export const DIAGNOSTICS_REQUEST = 'aisec/diagnostics';

export interface DocumentDiagnosticsParams {
  uri: string;
  /** The editor's language id of the text (decides the analyzer with the file name). */
  languageId?: string;
  /** The text when the server may not have the document open (required with `snippet`). */
  text?: string;
  /** Analyse `text` as a file at `uri` even if a document with that URI is open. */
  snippet?: boolean;
}

export interface DocumentDiagnosticsResponse {
  uri: string;
  /** 'open': the open document's current analysis (what the Problems panel shows); 'text': the text given. */
  from: 'open' | 'text';
  /** The analysed version of an open document. */
  version?: number;
  /** False when AISec is off for this file (aisec.enable) or the text was missing. */
  analysed: boolean;
  diagnostics: Diagnostic[];
}
