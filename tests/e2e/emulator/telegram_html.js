'use strict';

// Checks `parse_mode=HTML` text the way Telegram does (supported tags, balanced nesting) and
// returns the plain text a user would see, so tests catch unescaped user or corpus text.

const SUPPORTED_TAGS = new Set([
  'a', 'b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'span', 'tg-spoiler',
  'tg-emoji', 'code', 'pre', 'blockquote',
]);

const NAMED_ENTITIES = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

class ParseError extends Error {}

function byteOffset(text, index) {
  return Buffer.byteLength(text.slice(0, index), 'utf8');
}

function decodeEntity(text, index) {
  const match = /^&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/.exec(text.slice(index, index + 12));
  if (!match) return null;
  const body = match[1];
  let value;
  if (body.startsWith('#x')) value = String.fromCodePoint(parseInt(body.slice(2), 16));
  else if (body.startsWith('#')) value = String.fromCodePoint(parseInt(body.slice(1), 10));
  else value = NAMED_ENTITIES[body.toLowerCase()];
  if (value === undefined) return null;
  return { value, length: match[0].length };
}

/** Returns the visible text of `html`; throws ParseError with Telegram's wording on bad markup. */
function htmlToText(html) {
  const stack = [];
  let out = '';
  let i = 0;
  while (i < html.length) {
    const ch = html[i];
    if (ch === '&') {
      const entity = decodeEntity(html, i);
      if (entity) {
        out += entity.value;
        i += entity.length;
        continue;
      }
      out += ch; // Telegram keeps a bare '&' as is.
      i += 1;
      continue;
    }
    if (ch !== '<') {
      out += ch;
      i += 1;
      continue;
    }
    const end = html.indexOf('>', i);
    if (end === -1) {
      throw new ParseError(`Can't find end of the tag starting at byte offset ${byteOffset(html, i)}`);
    }
    const inner = html.slice(i + 1, end);
    if (inner.startsWith('/')) {
      const name = inner.slice(1).trim().toLowerCase();
      const open = stack.pop();
      if (open === undefined) {
        throw new ParseError(`Unexpected end tag at byte offset ${byteOffset(html, i)}`);
      }
      if (name !== open) {
        throw new ParseError(
          `Unmatched end tag at byte offset ${byteOffset(html, i)}, expected "</${open}>", found "</${name}>"`,
        );
      }
    } else {
      const name = (/^[a-zA-Z][a-zA-Z0-9-]*/.exec(inner) || [''])[0].toLowerCase();
      if (!SUPPORTED_TAGS.has(name)) {
        throw new ParseError(`Unsupported start tag "${name}" at byte offset ${byteOffset(html, i)}`);
      }
      stack.push(name);
    }
    i = end + 1;
  }
  if (stack.length > 0) {
    throw new ParseError(`Can't find end tag corresponding to start tag "${stack[stack.length - 1]}"`);
  }
  return out;
}

module.exports = { htmlToText, ParseError };
