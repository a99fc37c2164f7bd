// The portal's shell: who is signed in, the navigation their roles allow, and a hash router (#/…) that renders
// one view at a time into <main>.
import { session, signIn, signOut } from './auth.js';
import { h, problemBox, LABELS, nodes } from './ui.js';
import { ApiError } from './api.js';
import * as enterprise from './enterprise.js';
import * as repair from './repair.js';
import * as staff from './staff.js';
import * as officer from './officer.js';
import * as legal from './legal.js';
import * as stuck from './stuck.js';

const views = [];
/** Who may open the lifecycle dashboard (/dashboard/): its API answers these roles. */
const DASHBOARD_ROLES = ['AGENCY_HEAD', 'AUDITOR'];

/** A page: its hash pattern, the title, who may open it and how it renders. */
export function page(pattern, title, roles, render, { nav = true } = {}) {
  views.push({ pattern, title, roles, render, nav });
}

enterprise.register(page);
repair.register(page);
staff.register(page);
legal.register(page);
officer.register(page);
stuck.register(page);

function rolesOf(current) {
  return current?.claims?.roles ?? [];
}

function allowed(view, roles) {
  return view.roles.length === 0 || view.roles.some(r => roles.includes(r));
}

function renderWho(current) {
  const who = document.getElementById('who');
  if (!current) {
    who.replaceChildren(h('button', { class: 'button', type: 'button', onclick: () => signIn() }, '登录'));
    return;
  }
  const c = current.claims;
  const roles = rolesOf(current).map(r => LABELS.roles[r] ?? r).join('、');
  who.replaceChildren(...[
    h('span', { class: 'who-name' }, c.name || c.preferred_username || c.sub),
    h('span', { class: 'who-role' }, roles),
    c.uscc && h('span', { class: 'who-uscc' }, `统一社会信用代码 ${[].concat(c.uscc).join('、')}`),
    !c.uscc && c.agency && h('span', { class: 'who-uscc' }, c.agency),
    h('button', { class: 'button secondary', type: 'button', onclick: () => signOut() }, '退出登录'),
  ].filter(Boolean));
}

function renderNav(current, active) {
  const nav = document.getElementById('nav');
  const roles = rolesOf(current);
  const items = current ? views.filter(v => v.nav && allowed(v, roles)) : [];
  nav.replaceChildren(...items.map(v => h('a', {
    href: `#${v.pattern}`, 'aria-current': v === active ? 'page' : undefined,
  }, v.title)));
  // the lifecycle dashboard is its own page (dashboard-service), in this tab so that it shares the sign-in
  if (current && DASHBOARD_ROLES.some(r => roles.includes(r))) nav.append(h('a', { href: '../dashboard/' }, '数据看板'));
  nav.hidden = nav.children.length === 0;
}

function match(path) {
  for (const view of views) {
    const names = [];
    const re = new RegExp('^' + view.pattern.replace(/:(\w+)/g, (_, n) => { names.push(n); return '([^/]+)'; }) + '$');
    const m = re.exec(path);
    if (m) return { view, params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1])])) };
  }
  return null;
}

function signedOutPage(main) {
  const justSignedOut = new URLSearchParams(location.search).get('state') === 'signed-out';
  main.replaceChildren(h('section', { class: 'welcome' },
    h('h1', {}, '欢迎使用生态环境执法与信用修复门户'),
    justSignedOut && h('p', { class: 'notice', role: 'status' }, '您已安全退出登录。'),
    h('p', {}, '企业可在此查看本企业的行政处罚决定书和信用修复告知书、信用信息公示期限及其计算依据，并在线申请信用修复；执法和审核人员可在此办理待办事项。'),
    h('button', { class: 'button primary', type: 'button', onclick: () => signIn() }, '登录'),
    h('p', { class: 'hint' }, '登录由统一身份认证服务完成，本门户不接触您的密码。')));
  document.title = '生态环境执法与信用修复门户';
}

let renderCount = 0;

async function route() {
  const main = document.getElementById('main');
  const current = session();
  renderWho(current);
  if (!current) {
    renderNav(null);
    signedOutPage(main);
    return;
  }
  const roles = rolesOf(current);
  // a page's search criteria follow a '?' in the hash (#/officer/cases?q=…); the route is the part before it
  let path = ((location.hash || '#/').slice(1) || '/').split('?')[0] || '/';
  if (path === '/') {
    const home = views.find(v => v.nav && allowed(v, roles));
    if (home) { location.replace(`#${home.pattern}`); return; }
  }
  const found = match(path);
  renderNav(current, found?.view);
  if (!found) {
    main.replaceChildren(h('h1', {}, '页面不存在'), h('p', {}, h('a', { href: '#/' }, '返回首页')));
    return;
  }
  if (!allowed(found.view, roles)) {
    main.replaceChildren(h('h1', {}, found.view.title), problemBox(new ApiError(403, { titleZh: '无权访问', detailZh: '您的账号角色不能查看此页面。' })));
    return;
  }
  const mine = ++renderCount;
  document.title = `${found.view.title} · 生态环境执法与信用修复门户`;
  const container = h('div', { class: 'view', 'aria-busy': 'true' }, h('p', { class: 'loading', role: 'status' }, '正在加载…'));
  main.replaceChildren(container);
  try {
    const content = await found.view.render({ params: found.params, claims: current.claims, roles, refresh: route });
    if (mine !== renderCount) return; // the user went elsewhere meanwhile
    container.replaceChildren(...nodes(content));
  } catch (e) {
    if (mine !== renderCount) return;
    container.replaceChildren(h('h1', {}, found.view.title), problemBox(e instanceof ApiError ? e : new ApiError(0, { detailZh: e.message })));
  } finally {
    container.removeAttribute('aria-busy');
    container.dataset.ready = 'true';
    if (mine === renderCount) announce(container, found.view.title);
  }
}

/**
 * After a page change, focus goes to the new page's heading (WCAG 2.4.3) and a screen reader hears its title:
 * without this, focus stays on <body> (or on a link that no longer exists) and nothing is announced.
 */
function announce(container, title) {
  const heading = container.querySelector('h1') ?? document.getElementById('main');
  if (heading !== document.getElementById('main')) heading.setAttribute('tabindex', '-1');
  heading.focus({ preventScroll: false });
  document.getElementById('announcer').textContent = `已打开：${title}`;
}

window.addEventListener('hashchange', () => {
  document.getElementById('toast').hidden = true;
  route();
});
route();
