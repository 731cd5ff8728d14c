// The REST API under /api/v1, as the pages read it: JSON, the API key as a bearer token when the user gave one,
// and listings walked along next_url where a page needs all their rows.

const KEY = 'monitor-server.api-key';

/** The server wants a key (401): the pages ask for one. */
export class Unauthorized extends Error {
  constructor() {
    super('the server needs an API key');
    this.name = 'Unauthorized';
  }
}

/** Any other answer that is not a success: its status and the message of its JSON body. */
export class ApiError extends Error {
  constructor(status, message, errors) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.errors = errors || {};
  }
}

/**
 * The key the user gave, kept in sessionStorage: for this tab, until it is closed or the user forgets the key,
 * never in localStorage or a cookie.
 */
export function apiKey() {
  try {
    return sessionStorage.getItem(KEY);
  } catch (blocked) {
    return null;
  }
}

export function rememberKey(key) {
  sessionStorage.setItem(KEY, key);
}

export function forgetKey() {
  sessionStorage.removeItem(KEY);
}

/**
 * GET of a path of this server (such as a listing's next_url), as JSON; null for 204 (an empty listing).
 * Credentials are omitted on purpose: the key goes in the Authorization header only, and a browser never opens its
 * own login dialog for the server's Basic challenge.
 */
export async function getJson(path) {
  if (!path.startsWith('/') || path.startsWith('//')) {
    // next_url and prev_url are paths of this server: the key never goes anywhere else.
    throw new Error('not a path of this server: ' + path);
  }
  const headers = {Accept: 'application/json'};
  const key = apiKey();
  if (key) {
    headers.Authorization = 'Bearer ' + key;
  }
  const response = await fetch(path, {headers, credentials: 'omit', cache: 'no-store'});
  if (response.status === 401) {
    throw new Unauthorized();
  }
  if (response.status === 204) {
    return null;
  }
  let body = null;
  try {
    body = await response.json();
  } catch (notJson) {
    body = null;
  }
  if (!response.ok) {
    throw new ApiError(response.status, body && body.message ? body.message : 'HTTP ' + response.status,
      body && body.errors);
  }
  return body;
}

/**
 * Every row of a listing, walking next_url from its first page, under the listing's key (metrics, sessions,
 * builds, comparisons...), up to `limit` rows. Returns {rows, first, more}: first is the first page's body (for
 * keys beside the rows), more says that rows were left after the limit.
 */
export async function getAll(path, rowsKey, limit = 5000) {
  const rows = [];
  let first = null;
  let next = path;
  while (next && rows.length < limit) {
    const page = await getJson(next);
    if (page === null) {
      break;
    }
    first = first || page;
    rows.push(...(page[rowsKey] || []));
    next = page.next_url;
  }
  return {rows: rows.slice(0, limit), first, more: Boolean(next) || rows.length > limit};
}

/** A path segment of the API: percent-encoded, so that [ ] % / and spaces in names stay one segment. */
export const segment = encodeURIComponent;
