'use strict';

// Telegram-shaped answers to the Bot API methods the bot calls, with Telegram's own checks
// (HTML, lengths, callback data size) so the e2e tests fail where real Telegram would refuse.

const { htmlToText, ParseError } = require('./telegram_html');

const JSON_PARAMS = new Set([
  'reply_markup', 'entities', 'caption_entities', 'commands', 'scope', 'results',
  'allowed_updates', 'menu_button', 'link_preview_options', 'reply_parameters', 'button',
]);
const MESSAGE_TEXT_LIMIT = 4096;
const CAPTION_LIMIT = 1024;
const CALLBACK_DATA_LIMIT = 64;

class ApiError extends Error {
  constructor(code, description) {
    super(description);
    this.code = code;
  }
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

function readParams(req) {
  const params = { ...req.query, ...(req.body || {}) };
  for (const key of Object.keys(params)) {
    const value = params[key];
    if (JSON_PARAMS.has(key) && typeof value === 'string') {
      try {
        params[key] = JSON.parse(value);
      } catch (err) {
        throw new ApiError(400, `Bad Request: can't parse ${key} JSON object`);
      }
    }
  }
  return params;
}

function checkKeyboard(markup) {
  const rows = (markup && markup.inline_keyboard) || [];
  for (const row of rows) {
    for (const button of row) {
      if ('callback_data' in button) {
        const size = Buffer.byteLength(String(button.callback_data), 'utf8');
        if (size === 0 || size > CALLBACK_DATA_LIMIT) {
          throw new ApiError(400, 'Bad Request: BUTTON_DATA_INVALID');
        }
      }
    }
  }
}

/** The visible text of a message body after Telegram's checks. */
function visibleText(raw, parseMode, limit, what) {
  const text = raw === undefined || raw === null ? '' : String(raw);
  let plain = text;
  if (String(parseMode || '').toUpperCase() === 'HTML') {
    try {
      plain = htmlToText(text);
    } catch (err) {
      if (err instanceof ParseError) throw new ApiError(400, `Bad Request: can't parse entities: ${err.message}`);
      throw err;
    }
  }
  if (what === 'text' && plain.trim() === '') throw new ApiError(400, 'Bad Request: message text is empty');
  if (plain.length > limit) throw new ApiError(400, `Bad Request: message ${what === 'text' ? '' : 'caption '}is too long`);
  return plain;
}

/**
 * Method name (lower case) -> handler(token, params) returning the `result`; throws ApiError.
 * `ctx` holds the emulator's shared state and its `record(kind, method, chatId, extra)`.
 */
function botMethods(ctx) {
  const { tg, record, chatFor, botUser, botMessages, callbackChats, inlineChats } = ctx;

  function sendMessage(token, method, params) {
    const isText = method === 'sendmessage';
    const body = isText ? params.text : params.caption;
    const text = visibleText(body, params.parse_mode, isText ? MESSAGE_TEXT_LIMIT : CAPTION_LIMIT, isText ? 'text' : 'caption');
    checkKeyboard(params.reply_markup);
    const chat = chatFor(params.chat_id);
    const stored = tg.addBotMessage({ ...params, chat_id: chat.id }, token);
    const message = { message_id: stored.message_id, from: botUser(token), chat, date: nowSeconds() };
    message[isText ? 'text' : 'caption'] = text;
    if (params.reply_markup && params.reply_markup.inline_keyboard) message.reply_markup = params.reply_markup;
    botMessages.set(`${chat.id}:${message.message_id}`, message);
    record('message', method, chat.id, { message_id: message.message_id, text, html: body === undefined ? null : String(body), params, message });
    return message;
  }

  function editMessage(token, method, params) {
    if (params.inline_message_id) {
      record('edit', method, null, { text: params.text || '', html: params.text || null, params });
      return true;
    }
    const chat = chatFor(params.chat_id);
    const key = `${chat.id}:${Number(params.message_id)}`;
    const current = botMessages.get(key);
    if (!current) throw new ApiError(400, 'Bad Request: message to edit not found');
    const next = { ...current, edit_date: nowSeconds() };
    if (method === 'editmessagetext') next.text = visibleText(params.text, params.parse_mode, MESSAGE_TEXT_LIMIT, 'text');
    if (method === 'editmessagecaption') next.caption = visibleText(params.caption, params.parse_mode, CAPTION_LIMIT, 'caption');
    checkKeyboard(params.reply_markup);
    if (params.reply_markup && params.reply_markup.inline_keyboard) next.reply_markup = params.reply_markup;
    else delete next.reply_markup;
    if (next.text === current.text && next.caption === current.caption
        && JSON.stringify(next.reply_markup) === JSON.stringify(current.reply_markup)) {
      throw new ApiError(400, 'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message');
    }
    botMessages.set(key, next);
    if (method === 'editmessagetext') tg.editMessageText({ ...params, chat_id: chat.id });
    const html = params.text !== undefined ? String(params.text) : null;
    record('edit', method, chat.id, { message_id: next.message_id, text: next.text || next.caption || '', html, params, message: next });
    return next;
  }

  const handlers = {
    getme: (token) => botUser(token),
    sendmessage: (token, params) => sendMessage(token, 'sendmessage', params),
    editmessagetext: (token, params) => editMessage(token, 'editmessagetext', params),
    editmessagecaption: (token, params) => editMessage(token, 'editmessagecaption', params),
    editmessagereplymarkup: (token, params) => editMessage(token, 'editmessagereplymarkup', params),
    deletemessage: (token, params) => {
      const chat = chatFor(params.chat_id);
      botMessages.delete(`${chat.id}:${Number(params.message_id)}`);
      record('delete', 'deletemessage', chat.id, { message_id: Number(params.message_id), params });
      return true;
    },
    answercallbackquery: (token, params) => {
      const chatId = callbackChats.get(String(params.callback_query_id));
      if (chatId === undefined) throw new ApiError(400, 'Bad Request: query is too old and response timeout expired or query ID is invalid');
      record('callback_answer', 'answercallbackquery', chatId, { text: params.text || '', params });
      return true;
    },
    answerinlinequery: (token, params) => {
      const userId = inlineChats.get(String(params.inline_query_id));
      if (userId === undefined) throw new ApiError(400, 'Bad Request: query is too old and response timeout expired or query ID is invalid');
      record('inline_answer', 'answerinlinequery', userId, { params });
      return true;
    },
    sendchataction: (token, params) => {
      const chat = chatFor(params.chat_id);
      record('chat_action', 'sendchataction', chat.id, { text: String(params.action || ''), params });
      return true;
    },
    getmycommands: () => [],
    getchat: (token, params) => chatFor(params.chat_id),
    // The webhook setWebhook stored (a webhook deployment), as Telegram reports it.
    getwebhookinfo: (token) => ({
      url: (tg.webhooks[token] && tg.webhooks[token].url) || '',
      has_custom_certificate: false,
      pending_update_count: 0,
    }),
    deletewebhook: (token, params) => {
      record('call', 'deletewebhook', null, { params });
      tg.deleteWebhook(token);
      return true;
    },
    getchatmenubutton: () => ({ type: 'commands' }),
  };
  return { handlers, sendMessage };
}

module.exports = { ApiError, botMethods, readParams, nowSeconds };
