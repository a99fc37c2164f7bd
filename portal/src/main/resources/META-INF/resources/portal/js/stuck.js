// 待处理异常: what a service could not finish by itself — records its consumers dead-lettered, events its outbox
// could not publish — with the case, the reason in Chinese and the action to take, and a replay after the fix.
// Each service answers GET /api/operations/stuck; the gateway reaches them at /api/operations/<service>/stuck.
import { h, zhDateTime, toast, problemBox } from './ui.js';
import { getJson, postJson, ApiError } from './api.js';

const SERVICES = [
  ['case-service', '案件服务'],
  ['notice-service', '送达服务'],
  ['credit-service', '信用服务'],
];
const KINDS = { DEAD_LETTER: '事件未能处理', PARKED_EVENT: '事件未能发布' };
const REPLAY_ROLES = ['OFFICER', 'LEGAL_REVIEWER', 'CREDIT_REVIEWER', 'AGENCY_HEAD'];

export function register(page) {
  page('/operations/stuck', '待处理异常', ['OFFICER', 'LEGAL_REVIEWER', 'CREDIT_REVIEWER', 'AGENCY_HEAD', 'AUDITOR'], stuckPage);
}

async function stuckPage({ roles, refresh }) {
  const canReplay = roles.some(r => REPLAY_ROLES.includes(r));
  const sections = await Promise.all(SERVICES.map(async ([service, name]) => {
    try {
      return { service, name, items: await getJson(`/api/operations/${service}/stuck`) };
    } catch (e) {
      return { service, name, error: e instanceof ApiError ? e : new ApiError(0, { detailZh: e.message }) };
    }
  }));
  const total = sections.reduce((n, s) => n + (s.items?.length ?? 0), 0);
  return [
    h('h1', {}, '待处理异常'),
    h('p', { class: 'hint' }, '系统无法自动完成的处理都列在这里：未能处理或未能发布的事件。查明并修复原因后点击“重放”；重放不会重复已完成的处理，每次重放都会留有记录。'),
    h('p', { role: 'status' }, total === 0 ? '目前没有待处理的异常。' : `共有 ${total} 项待处理。`),
    ...sections.map(s => section(s, canReplay, refresh)),
  ];
}

function section({ service, name, items, error }, canReplay, refresh) {
  if (error) return h('section', { class: 'card' }, h('h2', {}, name), problemBox(error, `${name}暂时无法查询`));
  if (items.length === 0) return h('section', { class: 'card' }, h('h2', {}, name), h('p', {}, '无待处理异常。'));
  return h('section', { class: 'card' },
    h('h2', {}, `${name}（${items.length}）`),
    h('table', { class: 'table' },
      h('thead', {}, h('tr', {}, ['类别', '案件 / 主体', '事件', '原因', '处理建议', '发生时间', canReplay && '操作'].filter(Boolean)
        .map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, items.map(item => h('tr', {},
        h('td', {}, KINDS[item.kind] ?? item.kind),
        h('td', {}, item.subject ?? '—'),
        h('td', {}, shortType(item.ceType)),
        h('td', {}, h('span', { title: item.reason ?? '' }, item.reasonZh ?? '—')),
        h('td', {}, item.actionZh ?? '—'),
        h('td', {}, zhDateTime(item.since)),
        canReplay && h('td', {}, h('button', {
          class: 'button', type: 'button',
          onclick: async ev => {
            ev.target.disabled = true;
            try {
              const result = await postJson(`/api/operations/${service}/stuck/${encodeURIComponent(item.id)}/replay`);
              toast(result?.outcome === 'REQUEUED' ? '已重新排队发布。' : '已重放处理。');
              refresh();
            } catch (e) {
              ev.target.disabled = false;
              toast(e.message);
            }
          },
        }, '重放')))))));
}

function shortType(ceType) {
  if (!ceType) return '—';
  const m = /\.([A-Za-z]+)\.v\d+$/.exec(ceType);
  return m ? m[1] : ceType;
}
