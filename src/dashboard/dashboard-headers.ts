/**
 * The dashboard is a page, unlike the rest of the service: it may run its own
 * scripts, styles and images, and call the API, all from this origin and
 * nowhere else (no CDN, no fonts or scripts from elsewhere; it works offline).
 * No 'unsafe-inline' anywhere: the build emits no inline script or style, and
 * the charts draw on canvas.
 */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** The page is small and names its assets by content hash: always revalidate it, so a new build shows at once. */
export const PAGE_CACHE_CONTROL = 'no-cache';

/** Asset names carry a hash of their content, so a name never changes meaning: cache for a year. */
export const ASSET_CACHE_MAX_AGE_MS = 365 * 24 * 60 * 60 * 1000;
