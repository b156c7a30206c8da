#!/usr/bin/env node
'use strict';

// Starts the local Bot API emulator: `node tests/e2e/emulator/launcher.js [--port N] [--host H]`.
// Port 0 (the default) picks a free port; the first stdout line is `EMULATOR READY <base url>`,
// which is what the pytest fixture and the load benchmark wait for. SIGTERM/SIGINT stop it.

const http = require('http');
const { createEmulator } = require('./emulator');

function parseArgs(argv) {
  const options = {
    host: process.env.E2E_EMULATOR_HOST || '127.0.0.1',
    port: Number(process.env.E2E_EMULATOR_PORT || 0),
    botUsername: process.env.E2E_BOT_USERNAME || 'atazan_test_bot',
    verbose: Boolean(process.env.E2E_EMULATOR_VERBOSE),
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = () => {
      i += 1;
      if (i >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[i];
    };
    if (arg === '--port') options.port = Number(value());
    else if (arg === '--host') options.host = value();
    else if (arg === '--bot-username') options.botUsername = value();
    else if (arg === '--verbose') options.verbose = true;
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write('usage: launcher.js [--port N] [--host H] [--bot-username NAME] [--verbose]\n');
      process.exit(0);
    } else throw new Error(`unknown argument: ${arg}`);
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    throw new Error(`bad port: ${options.port}`);
  }
  return options;
}

function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`launcher: ${err.message}\n`);
    process.exit(2);
  }
  const { app } = createEmulator(options);
  const server = http.createServer(app);
  // Long polls and keep-alive clients (aiohttp) must not race Node's 5 s idle-socket close.
  server.keepAliveTimeout = 120 * 1000;
  server.headersTimeout = 121 * 1000;
  server.requestTimeout = 0;
  const sockets = new Set();
  server.on('connection', (socket) => {
    socket.setNoDelay(true);
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('error', (err) => {
    process.stderr.write(`launcher: ${err.message}\n`);
    process.exit(1);
  });
  server.listen(options.port, options.host, () => {
    const { port } = server.address();
    process.stdout.write(`EMULATOR READY http://${options.host}:${port}\n`);
  });
  const stop = () => {
    server.close(() => process.exit(0));
    for (const socket of sockets) socket.destroy();
    setTimeout(() => process.exit(0), 1000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main();
