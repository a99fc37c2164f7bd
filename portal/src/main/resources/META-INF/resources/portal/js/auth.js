// Sign-in with the authorization server: authorization code + PKCE (S256) for the public client "portal"
// (RFC 7636, OAuth 2.1 §4.1). Tokens live in this tab's sessionStorage only: they go when the tab closes.
// Refresh tokens rotate: every refresh returns a new one and the old one stops working.

const SESSION = 'portal.session';
const PENDING = 'portal.pending-sign-in';
const EARLY_REFRESH_SECONDS = 30;

let configPromise;
let refreshing;

/** The runtime configuration the gateway serves (authorization server endpoints, client id). */
export function config() {
  // relative to this module, not to the page: the dashboard's page (/dashboard/) shares the sign-in
  configPromise ??= fetch(new URL('../config.json', import.meta.url), { headers: { Accept: 'application/json' } }).then(r => {
    if (!r.ok) throw new Error('无法读取门户配置（config.json），请稍后重试。');
    return r.json();
  });
  return configPromise;
}

function base64url(bytes) {
  let s = '';
  for (const b of new Uint8Array(bytes)) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(byteCount) {
  return base64url(crypto.getRandomValues(new Uint8Array(byteCount)));
}

async function s256(text) {
  return base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

function portalUrl(path) {
  return new URL(path, new URL('./', location.href.replace(/[?#].*$/, ''))).href;
}

function redirectUri() {
  return portalUrl('callback.html');
}

/** The payload of a JWT, for display and expiry only (the services check the signature). */
export function claimsOf(jwt) {
  const part = jwt.split('.')[1];
  const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, c => c.charCodeAt(0))));
}

/** Sends the browser to the authorization server's login page; comes back to callback.html. */
export async function signIn(returnTo = location.hash || '#/') {
  const cfg = await config();
  const verifier = randomString(48);
  const state = randomString(16);
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, returnTo }));
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: cfg.clientId,
    scope: 'openid profile',
    redirect_uri: redirectUri(),
    state,
    code_challenge: await s256(verifier),
    code_challenge_method: 'S256',
  });
  location.assign(`${cfg.authorizationEndpoint}?${query}`);
}

async function tokenRequest(form) {
  const cfg = await config();
  const response = await fetch(cfg.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({ client_id: cfg.clientId, ...form }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(body.titleZh || body.error_description || `登录服务返回错误（${response.status}）`);
    error.status = response.status;
    error.oauthError = body.error;
    throw error;
  }
  return body;
}

function store(tokens, previous) {
  const claims = claimsOf(tokens.access_token);
  const session = {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token ?? previous?.refreshToken,
    idToken: tokens.id_token ?? previous?.idToken,
    expiresAt: claims.exp ? claims.exp * 1000 : Date.now() + (tokens.expires_in ?? 300) * 1000,
    claims,
  };
  sessionStorage.setItem(SESSION, JSON.stringify(session));
  return session;
}

/** callback.html: checks the state, exchanges the code with its verifier, goes back where the user was. */
export async function completeSignIn() {
  const params = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  if (params.get('error')) {
    throw new Error(`登录服务拒绝了本次登录：${params.get('error_description') || params.get('error')}`);
  }
  if (!pending || !params.get('code') || params.get('state') !== pending.state) {
    throw new Error('登录回调无效或已过期（state 不符），请重新登录。');
  }
  store(await tokenRequest({
    grant_type: 'authorization_code',
    code: params.get('code'),
    redirect_uri: redirectUri(),
    code_verifier: pending.verifier,
  }));
  location.replace(portalUrl('./') + (pending.returnTo || '#/'));
}

export function session() {
  return JSON.parse(sessionStorage.getItem(SESSION) || 'null');
}

/** A valid access token, refreshed (with rotation) when it is about to expire; null when signed out. */
export async function accessToken({ force = false } = {}) {
  const current = session();
  if (!current) return null;
  if (!force && current.expiresAt - Date.now() > EARLY_REFRESH_SECONDS * 1000) return current.accessToken;
  refreshing ??= refresh(current).finally(() => { refreshing = undefined; });
  return (await refreshing)?.accessToken ?? null;
}

async function refresh(current) {
  if (!current.refreshToken) {
    sessionStorage.removeItem(SESSION);
    return null;
  }
  try {
    return store(await tokenRequest({ grant_type: 'refresh_token', refresh_token: current.refreshToken }), current);
  } catch (e) {
    if (e.status === 400 || e.status === 401) {
      sessionStorage.removeItem(SESSION); // the refresh token expired or was used: sign in again
      return null;
    }
    throw e;
  }
}

/** Forgets the tokens and ends the session at the authorization server (OpenID Connect RP-initiated logout). */
export async function signOut() {
  const current = session();
  sessionStorage.removeItem(SESSION);
  const cfg = await config();
  const query = new URLSearchParams({ client_id: cfg.clientId, post_logout_redirect_uri: portalUrl('./'), state: 'signed-out' });
  if (current?.idToken) query.set('id_token_hint', current.idToken);
  location.assign(`${cfg.endSessionEndpoint}?${query}`);
}
