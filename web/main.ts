/**
 * The chat page: Web Chat, bundled from npm, talking to Tally's own Direct Line service on this origin.
 * The page asks that service for a token; the token names who the person is, so nothing here (or in the
 * browser) can choose a user id. The token is kept for this tab only, so a reload within its lifetime
 * returns to the same conversation.
 */
// eslint-disable-next-line no-restricted-imports -- the page is the browser end of Tally's Direct Line channel
import ReactWebChat, { createDirectLine } from 'botframework-webchat';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

const DIRECT_LINE = `${location.origin}/v3/directline`;
const KEPT_TOKEN = 'tally.directline.token';

interface Issued {
  token: string;
  conversationId: string;
}

async function post(path: string, token?: string): Promise<Issued | undefined> {
  try {
    const res = await fetch(`${DIRECT_LINE}${path}`, {
      method: 'POST',
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    });
    return res.ok ? ((await res.json()) as Issued) : undefined;
  } catch {
    return undefined;
  }
}

/** This tab's token renewed when it still can be (same person, same conversation), else a new one. */
async function obtainToken(): Promise<string> {
  const kept = sessionStorage.getItem(KEPT_TOKEN);
  const issued = (kept ? await post('/tokens/refresh', kept) : undefined) ?? (await post('/tokens/generate'));
  // Without a token Web Chat still starts and shows its own "unable to connect" notice.
  if (issued) sessionStorage.setItem(KEPT_TOKEN, issued.token);
  return issued?.token ?? '';
}

async function main(): Promise<void> {
  // Activities arrive over the WebSocket stream (DirectLineJS's default), polling only where it cannot.
  const directLine = createDirectLine({ domain: DIRECT_LINE, token: await obtainToken() });
  // DirectLineJS renews the token every 15 minutes (in a field it keeps to itself); keep the current one.
  const keep = () => {
    const current: unknown = Reflect.get(directLine, 'token');
    if (typeof current === 'string' && current) sessionStorage.setItem(KEPT_TOKEN, current);
  };
  setInterval(keep, 60_000);
  addEventListener('pagehide', keep);

  const element = document.getElementById('chat');
  if (!element) return;
  createRoot(element).render(
    createElement(ReactWebChat, {
      directLine,
      locale: navigator.language || 'en-US',
      sendTypingIndicator: false,
      styleOptions: {
        // Local fonts only: nothing is fetched from elsewhere.
        primaryFont: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
        accent: '#0f766e',
        bubbleBorderRadius: 12,
        // Light enough that links in the person's own bubbles (an uploaded file) stay readable.
        bubbleFromUserBackground: '#e3f2ef',
        bubbleFromUserTextColor: '#0b3b36',
        bubbleFromUserBorderRadius: 12,
        bubbleMaxWidth: 560,
        suggestedActionLayout: 'flow',
        suggestedActionBorderRadius: 16,
        hideUploadButton: false,
        uploadAccept: '.csv,.ofx,.qfx,.ofc,.qif,.xml,.sta,.mt940,.txt',
        uploadMultiple: false,
        timestampFormat: 'absolute',
      },
    }),
  );
}

void main();
