// Calls to the services through the gateway (same origin), with the bearer token. Every error the services
// answer is RFC 9457 problem+json with a Chinese title (titleZh), detail (detailZh) and, for bad input, the
// violations naming each field: ApiError carries them to the page.
import { accessToken, signIn } from './auth.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detailZh || problem.titleZh || problem.title || `请求失败（HTTP ${status}）`);
    this.status = status;
    this.problem = problem;
    this.titleZh = problem.titleZh || statusTitle(status);
    this.violations = Array.isArray(problem.violations) ? problem.violations : [];
  }
}

function statusTitle(status) {
  return {
    400: '输入不符合要求', 401: '登录已失效', 403: '无权访问', 404: '未找到', 409: '状态冲突',
    413: '文件过大', 415: '文件类型不受支持', 502: '服务暂不可用', 504: '服务响应超时',
  }[status] || '请求失败';
}

async function send(path, init = {}, retried = false) {
  const token = await accessToken({ force: retried });
  if (!token) {
    await signIn();
    throw new ApiError(401, { titleZh: '登录已失效', detailZh: '请重新登录。' });
  }
  let response;
  try {
    response = await fetch(path, { ...init, headers: { Accept: 'application/json, application/problem+json', ...init.headers, Authorization: `Bearer ${token}` } });
  } catch {
    throw new ApiError(0, { titleZh: '网络错误', detailZh: '无法连接服务器，请检查网络后重试。' });
  }
  if (response.status === 401 && !retried) return send(path, init, true);
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new ApiError(response.status, problem);
  }
  return response;
}

export async function getJson(path) {
  return (await send(path)).json();
}

/** GET that answers null for 404 (not there yet, e.g. a delivery still being prepared). */
export async function getJsonOrNull(path) {
  try {
    return await getJson(path);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

export async function postJson(path, body) {
  const response = await send(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body ?? {}) });
  return response.status === 204 ? null : response.json().catch(() => null);
}

export async function postForm(path, formData) {
  const response = await send(path, { method: 'POST', body: formData });
  return response.status === 204 ? null : response.json().catch(() => null);
}

/** Downloads a file (a PDF) with the token and hands it to the browser under its own name. */
export async function download(path, fallbackName) {
  const response = await send(path, { headers: { Accept: 'application/pdf, image/png, image/jpeg, application/problem+json' } });
  const blob = await response.blob();
  const name = fileName(response.headers.get('Content-Disposition')) || fallbackName;
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}

function fileName(disposition) {
  if (!disposition) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : null;
}
