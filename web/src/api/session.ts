/**
 * The credential lives in this tab only: sessionStorage survives a reload
 * but not the tab, and is never sent anywhere by the browser on its own
 * (unlike a cookie) nor kept across sessions (unlike localStorage).
 */
const KEY = 'always-events.credential';

export function loadCredential(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    // Storage can be switched off; then the credential lives in memory only, until a reload.
    return null;
  }
}

export function saveCredential(credential: string): void {
  try {
    sessionStorage.setItem(KEY, credential);
  } catch {
    // As above: memory only.
  }
}

export function clearCredential(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing was stored.
  }
}
