'use strict';

// telegram-test-api 4.2.1 with the fixes aiogram needs: getMe with is_bot, Telegram-shaped answers
// for every bot method, chat_instance on callbacks, getUpdates that long-polls and honours
// `offset`, Telegram's checks on HTML/length/callback data, and a log of everything the bot did
// (`/e2e/events`, long-polled, optionally per chat) for tests and the load benchmark.

const { performance } = require('perf_hooks');
const TelegramServer = require('telegram-test-api');
// express comes with telegram-test-api; resolve it from there rather than declaring it twice.
const express = require(require.resolve('express', { paths: [require.resolve('telegram-test-api')] }));
const { ApiError, botMethods, readParams, nowSeconds } = require('./bot_methods');

const nowMs = () => performance.timeOrigin + performance.now();

function createEmulator({ host = '127.0.0.1', port = 0, botUsername = 'atazan_test_bot', verbose = false } = {}) {
  const tg = new TelegramServer({ host, port, storeTimeout: 24 * 3600 });
  const events = []; // events[i].seq === i + 1
  const eventWaiters = new Set();
  const pollWatchers = new Set(); // /e2e/status?wait_polling=… requests
  const updateWaiters = new Map(); // token -> waiter
  const polls = new Map(); // token -> {calls, lastTs}
  const chats = new Map(); // chat id -> chat object seen in user updates
  const callbackChats = new Map(); // callback query id -> chat id
  const inlineChats = new Map(); // inline query id -> user id
  const botMessages = new Map(); // "chat:message" -> message as Telegram would hold it
  let callbackSeq = 1;

  const log = (...args) => { if (verbose) console.error('[emulator]', ...args); };

  function record(kind, method, chatId, extra) {
    const event = {
      seq: events.length + 1,
      ts: nowMs(),
      kind,
      method,
      chat_id: chatId === undefined ? null : chatId,
      message_id: null,
      text: '',
      html: null,
      params: {},
      message: null,
      ...extra,
    };
    events.push(event);
    for (const waiter of [...eventWaiters]) waiter();
    return event;
  }

  function chatFor(chatId) {
    const id = Number(chatId);
    if (!Number.isFinite(id)) throw new ApiError(400, 'Bad Request: chat not found');
    return chats.get(id) || { id, type: id > 0 ? 'private' : 'supergroup', first_name: 'User' };
  }

  function botUser(token) {
    return { id: Number(String(token).split(':')[0]) || 666, is_bot: true, first_name: 'Atazan Test', username: botUsername };
  }

  // --- user side: every way an update enters the queue wakes the bot's pending getUpdates.
  const addUserUpdate = tg.addUserUpdate.bind(tg);
  tg.addUserUpdate = async (update) => {
    await addUserUpdate(update);
    const waiter = updateWaiters.get(update.botToken);
    if (waiter) waiter.wake();
  };
  const formatUpdate = TelegramServer.formatUpdate;
  TelegramServer.formatUpdate = (update) => {
    if (update.raw) return { ...update.raw, update_id: update.updateId };
    const formatted = formatUpdate(update);
    if (formatted.message && !formatted.message.date) formatted.message.date = nowSeconds();
    const query = formatted.callback_query;
    if (query) { // the package's own /sendCallback: make it something aiogram accepts
      const message = query.message || {};
      const chat = message.chat || { id: query.from.id, type: 'private' };
      query.message = { message_id: update.messageId, date: nowSeconds(), ...message, chat };
      query.chat_instance = query.chat_instance || `ci${chat.id}`;
      callbackChats.set(query.id, chat.id);
    }
    return formatted;
  };

  function pushUpdate(token, update) {
    const result = { update_id: tg.updateId };
    if (update.message) {
      update.message.message_id = update.message.message_id || tg.messageId++;
      update.message.date = update.message.date || nowSeconds();
      if (update.message.chat) chats.set(Number(update.message.chat.id), update.message.chat);
      result.message_id = update.message.message_id;
    }
    if (update.callback_query) {
      const query = update.callback_query;
      query.id = String(query.id || `cb${callbackSeq++}`);
      const chatId = query.message && query.message.chat ? query.message.chat.id : query.from.id;
      query.chat_instance = query.chat_instance || `ci${chatId}`;
      callbackChats.set(query.id, Number(chatId));
      result.callback_query_id = query.id;
    }
    if (update.inline_query) {
      update.inline_query.id = String(update.inline_query.id || `iq${callbackSeq++}`);
      inlineChats.set(update.inline_query.id, Number(update.inline_query.from.id));
      result.inline_query_id = update.inline_query.id;
    }
    result.ts = nowMs();
    result.seq = events.length; // the bot's replies to this update get a larger seq
    // Same record shape as the package's own queue, so its routes and cleanup keep working.
    tg.addUserUpdate({ time: Date.now(), botToken: token, updateId: tg.updateId, messageId: result.message_id, isRead: false, raw: update })
      .catch((err) => console.error('[emulator] webhook delivery failed', err));
    return result;
  }

  function pending(token, offset, limit) {
    const storage = tg.storage;
    if (offset > 0) {
      storage.userMessages = storage.userMessages.filter((u) => u.botToken !== token || u.updateId >= offset);
    }
    return storage.userMessages
      .filter((u) => u.botToken === token && u.updateId >= offset)
      .sort((a, b) => a.updateId - b.updateId)
      .slice(0, limit)
      .map((u) => TelegramServer.formatUpdate(u));
  }

  function getUpdates(token, params, res) {
    const offset = Number(params.offset || 0);
    const limit = Math.min(Math.max(Number(params.limit || 100), 1), 100);
    const timeout = Math.max(Number(params.timeout || 0), 0);
    const poll = polls.get(token) || { calls: 0, lastTs: 0 };
    poll.calls += 1;
    poll.lastTs = nowMs();
    polls.set(token, poll);
    const previous = updateWaiters.get(token);
    if (previous) previous.conflict(); // real Telegram: only one getUpdates per bot at a time
    const ready = pending(token, offset, limit);
    if (ready.length > 0 || timeout === 0) return res.json({ ok: true, result: ready });
    let timer = null;
    const waiter = {
      finish(status, body) {
        clearTimeout(timer);
        if (updateWaiters.get(token) === waiter) updateWaiters.delete(token);
        if (!res.writableEnded) res.status(status).json(body);
      },
      wake() { waiter.finish(200, { ok: true, result: pending(token, offset, limit) }); },
      conflict() {
        waiter.finish(409, { ok: false, error_code: 409, description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running' });
      },
    };
    timer = setTimeout(() => waiter.wake(), timeout * 1000);
    res.on('close', () => {
      clearTimeout(timer);
      if (updateWaiters.get(token) === waiter) updateWaiters.delete(token);
    });
    updateWaiters.set(token, waiter);
    for (const watcher of [...pollWatchers]) watcher(token);
    return undefined;
  }

  // --- bot side: Telegram-shaped answers.
  const { handlers, sendMessage } = botMethods({
    tg, record, chatFor, botUser, botMessages, callbackChats, inlineChats,
  });

  const app = express();
  app.use(express.json({ limit: '20mb' }));
  app.use(express.urlencoded({ extended: true, limit: '20mb' }));

  // Files a test "uploads" (`POST /e2e/file`), for documents it then sends in a user update:
  // the bot fetches them as from Telegram, with getFile and GET /file/bot<token>/<file_path>.
  const files = new Map(); // file_id -> { path, data }
  function getFile(token, params) {
    const file = files.get(String(params.file_id));
    if (!file) throw new ApiError(400, 'Bad Request: invalid file_id');
    const id = String(params.file_id);
    return { file_id: id, file_unique_id: `u${id}`, file_size: file.data.length, file_path: file.path };
  }

  let inFlight = 0; // bot requests without an answer yet, long polls excluded
  app.all('/bot:token/:method', (req, res, next) => {
    const { token } = req.params;
    const method = req.params.method.toLowerCase();
    if (method !== 'getupdates') {
      inFlight += 1;
      res.on('close', () => { inFlight -= 1; });
    }
    if (method === 'setwebhook') return next(); // the package pushes updates to the webhook itself
    try {
      const params = readParams(req);
      log(method, JSON.stringify(params).slice(0, 300));
      if (method === 'getupdates') return getUpdates(token, params, res);
      let handler = method === 'getfile' ? getFile : handlers[method];
      if (!handler && method.startsWith('send') && params.chat_id !== undefined) {
        handler = (t, p) => sendMessage(t, method, p);
      }
      if (!handler) { // setMyCommands, deleteMyCommands, setChatMenuButton, deleteWebhook, …
        record('call', method, params.chat_id === undefined ? null : Number(params.chat_id), { params });
        handler = () => true;
      }
      return res.json({ ok: true, result: handler(token, params) });
    } catch (err) {
      const known = err instanceof ApiError;
      if (!known) console.error('[emulator]', method, err);
      const code = known ? err.code : 500;
      const description = known ? err.message : `Internal Server Error: ${err.message}`;
      record('error', method, requestChat(req), { text: description });
      return res.status(code).json({ ok: false, error_code: code, description });
    }
  });

  function requestChat(req) {
    const raw = (req.body && req.body.chat_id) || req.query.chat_id;
    return raw === undefined || !Number.isFinite(Number(raw)) ? null : Number(raw);
  }

  // --- test/benchmark side.
  app.post('/e2e/update', (req, res) => {
    const { token, update } = req.body || {};
    if (!token || !update || typeof update !== 'object') {
      return res.status(400).json({ ok: false, description: 'expected {"token": str, "update": object}' });
    }
    return res.json({ ok: true, result: pushUpdate(String(token), update) });
  });

  app.post('/e2e/file', (req, res) => {
    const { name, content_base64: content } = req.body || {};
    if (typeof name !== 'string' || typeof content !== 'string') {
      return res.status(400).json({ ok: false, description: 'expected {"name": str, "content_base64": str}' });
    }
    const id = `file${files.size + 1}`;
    const data = Buffer.from(content, 'base64');
    files.set(id, { path: `documents/${id}/${encodeURIComponent(name)}`, data });
    return res.json({ ok: true, result: { file_id: id, file_unique_id: `u${id}`, file_size: data.length } });
  });

  app.get('/file/bot:token/documents/:id/:name', (req, res) => {
    const file = files.get(req.params.id);
    if (!file) return res.status(404).json({ ok: false, error_code: 404, description: 'Not Found' });
    return res.type('application/octet-stream').send(file.data);
  });

  app.all('/e2e/events', (req, res) => {
    const params = { ...req.query, ...(req.body || {}) };
    const after = Math.max(Number(params.after || 0), 0);
    const chatId = params.chat_id === undefined || params.chat_id === '' ? null : Number(params.chat_id);
    const limit = Math.max(Number(params.limit || 1000), 1);
    const timeout = Math.max(Number(params.timeout || 0), 0);
    const collect = () => {
      const found = [];
      for (let i = after; i < events.length && found.length < limit; i += 1) {
        if (chatId === null || events[i].chat_id === chatId) found.push(events[i]);
      }
      return found;
    };
    const reply = (found) => res.json({ ok: true, result: { events: found, last_seq: events.length } });
    const found = collect();
    if (found.length > 0 || timeout === 0) return reply(found);
    let timer = null;
    const done = () => {
      clearTimeout(timer);
      eventWaiters.delete(waiter);
    };
    const waiter = () => {
      const now = collect();
      if (now.length > 0) { done(); reply(now); }
    };
    timer = setTimeout(() => { done(); reply([]); }, timeout * 1000);
    res.on('close', done);
    eventWaiters.add(waiter);
    return undefined;
  });

  // `wait_polling=S` holds the request up to S seconds until the bot holds a long poll.
  app.get('/e2e/status', (req, res) => {
    const token = String(req.query.token || '');
    const wait = Math.max(Number(req.query.wait_polling || 0), 0);
    if (wait > 0 && !updateWaiters.has(token)) {
      const watcher = (polled) => {
        if (polled !== token) return;
        pollWatchers.delete(watcher);
        clearTimeout(timer);
        sendStatus(token, res);
      };
      const timer = setTimeout(() => { pollWatchers.delete(watcher); sendStatus(token, res); }, wait * 1000);
      res.on('close', () => { pollWatchers.delete(watcher); clearTimeout(timer); });
      pollWatchers.add(watcher);
      return;
    }
    sendStatus(token, res);
  });

  function sendStatus(token, res) {
    if (res.writableEnded) return;
    const poll = polls.get(token) || { calls: 0, lastTs: 0 };
    res.json({
      ok: true,
      result: {
        polling: updateWaiters.has(token),
        get_updates_calls: poll.calls,
        last_get_updates_ts: poll.lastTs,
        bot_requests_in_flight: inFlight,
        pending_updates: tg.storage.userMessages.filter((u) => u.botToken === token).length,
        last_seq: events.length,
        now: nowMs(),
      },
    });
  }

  app.use(tg.webServer); // the package's client routes (/sendMessage, /sendCommand, …) and setWebhook

  return { app, tg };
}

module.exports = { createEmulator };
