import { startServer } from './lsp/server';

startServer();
