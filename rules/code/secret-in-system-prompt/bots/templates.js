"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DONE_TOKEN = exports.STATE_BOUNDARY = void 0;
exports.STATE_BOUNDARY = '*****';
exports.DONE_TOKEN = `DONE_DONE_DONE`;
