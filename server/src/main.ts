import { preloadJsParser } from './analyzers/js';
import { guardFrames } from './lsp/frameGuard';
import { startServer } from './lsp/server';

// an editor opens JS/TS files: TypeScript is loaded before initialize is answered, not in the middle of the first analyses
preloadJsParser();
startServer();
// over stdio a malformed frame (bad Content-Length) would leave the server alive but deaf: exit with a reason instead
if (process.argv.includes('--stdio')) {
  guardFrames(process.stdin, (reason) => {
    process.stderr.write(`aisec-language-server: malformed message frame on stdin (${reason}); exiting\n`);
    process.exit(1);
  });
}
