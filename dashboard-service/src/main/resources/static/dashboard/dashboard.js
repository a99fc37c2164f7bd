// The lifecycle dashboard's page. Every figure comes from /api/dashboard/... (the JSON API other consumers read
// too) with the portal's sign-in (same origin through the gateway, same tab); a figure links to the list of cases
// behind it; server-sent events (read with fetch, so that the bearer token goes along) refresh the figures as
// events arrive on the topics.
import { accessToken, session } from '../portal/js/auth.js';
import { h, zhDate, yuan, label, LABELS } from '../portal/js/ui.js';

const API = '../api/dashboard';
// the portal's zh-CN labels (tested against the services' enums by PortalLabelsTest)
const LEVELS = LABELS.creditLevels;
const REPAIR_STATUS = LABELS.repairStatus;
const LEVEL_COLOURS = { GREEN: '#2e9d5b', BLUE: '#2f6fd1', YELLOW: '#e8b400', RED: '#c8102e', UNRATED: '#9aa5ad' };
const charts = {};
let lastFigures;

function el(id) { return document.getElementById(id); }

async function api(path, { raw = false } = {}) {
  const token = await accessToken();
  if (!token) throw Object.assign(new Error('请先在门户登录。'), { status: 401 });
  const response = await fetch(`${API}${path}`, { headers: { Authorization: `Bearer ${token}`, Accept: raw ? '*/*' : 'application/json' } });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw Object.assign(new Error(problem.detailZh || problem.titleZh || `请求失败（HTTP ${response.status}）`), { status: response.status, problem });
  }
  return raw ? response : response.json();
}

function scopeQuery() {
  const q = new URLSearchParams();
  for (const name of ['agency', 'from', 'to']) if (el(name).value) q.set(name, el(name).value);
  return q;
}

function showProblem(e) {
  const box = el('problem');
  if (!e) { box.replaceChildren(); return; }
  const text = e.status === 401 ? [h('span', {}, '请先登录：'), h('a', { href: '../portal/' }, '前往门户登录'), h('span', {}, '，登录后从导航栏“数据看板”进入。')]
    : e.status === 403 ? ['本看板仅向行政机关负责人、执法监督人员和数据看板客户端开放。'] : [e.message];
  box.replaceChildren(h('div', { class: 'problem', role: 'alert' }, h('p', { class: 'problem-title' }, e.status === 503 ? '看板正在重建' : '无法显示数据'), h('p', {}, ...text)));
}

/** A number that links to the list behind it. */
function figure(n, text, name, { warn = false } = {}) {
  const body = [h('span', { class: 'n', 'data-figure': name || text }, n ?? '—'), h('span', { class: 'l' }, text)];
  if (!name) return h('div', { class: `figure${warn && n > 0 ? ' warn' : ''}` }, ...body);
  return h('a', { class: `figure${warn && n > 0 ? ' warn' : ''}`, href: `#list=${name}`, onclick: ev => { ev.preventDefault(); openList(name, text); } }, ...body);
}

function chart(id, option) {
  if (!window.echarts) return;
  charts[id] ??= window.echarts.init(el(id));
  charts[id].setOption(option, true);
}

function pct(v) { return v === null || v === undefined ? '—' : `${v}%`; }

function render(f) {
  lastFigures = f;
  const fu = f.funnel;
  const stages = [['处罚决定', fu.decided, 'DECIDED'], ['两书送达', fu.served, 'SERVED'], ['信用公示', fu.published, 'PUBLISHED'],
    ['申请修复', fu.repairApplied, 'REPAIR_APPLIED'], ['修复完成', fu.repaired, 'REPAIRED']];
  chart('chart-funnel', {
    tooltip: { trigger: 'item', formatter: '{b}：{c}' },
    series: [{ type: 'funnel', sort: 'none', left: '5%', width: '90%', minSize: '10%', label: { formatter: '{b} {c}' },
      data: stages.map(([name, value, key]) => ({ name, value, key })) }],
  });
  charts['chart-funnel']?.off('click');
  charts['chart-funnel']?.on('click', p => openList(p.data.key, p.name));
  el('funnel').replaceChildren(...stages.map(([t, n, key]) => figure(n, t, key)),
    figure(fu.nonconforming, '两书未同达', 'NONCONFORMING', { warn: true }),
    ...Object.entries(fu.servedByMethod).map(([m, n]) => figure(n, `送达方式：${label('serviceMethods', m)}`)));
  el('conformance').textContent = `两书同达率 ${pct(fu.conformanceRate)}（${fu.conforming}/${fu.completedDeliveries}）`;

  const s = f.service;
  chart('chart-service', {
    tooltip: {}, xAxis: { type: 'category', data: Object.keys(s.daysToServiceDistribution) }, yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name: '案件数', data: Object.values(s.daysToServiceDistribution), itemStyle: { color: '#0b6e4f' } }],
    title: { text: '决定至送达（日历日）', textStyle: { fontSize: 13 } }, grid: { top: 40, bottom: 30, left: 40, right: 10 },
  });
  el('service').replaceChildren(figure(s.withinLimit, '期限内送达'), figure(s.late, '超期送达', 'SERVED_LATE', { warn: true }),
    figure(s.overdueNow, '逾期未送达', 'SERVICE_OVERDUE', { warn: true }));
  el('service-methods').replaceChildren(h('tr', {}, h('th', {}, '送达方式'), h('th', {}, '送达数'), h('th', {}, '期限内'), h('th', {}, '平均天数')),
    ...Object.entries(s.byMethod).map(([m, t]) => h('tr', {}, h('td', {}, label('serviceMethods', m)), h('td', { class: 'num' }, t.served),
      h('td', { class: 'num' }, t.withinLimit), h('td', { class: 'num' }, t.averageDays))));

  const p = f.payment;
  el('payment').replaceChildren(figure(p.fined, '处以罚款'), figure(p.due, '待缴', 'PAYMENT_DUE'), figure(p.paid, '已缴清', 'PAID'),
    figure(p.overdue, '逾期未缴', 'PAYMENT_OVERDUE', { warn: true }), figure(yuan(p.finesTotal), '罚款总额'), figure(yuan(p.paidTotal), '已缴金额'),
    figure(yuan(p.surchargeAccrued), '加处罚款'), figure(p.reminded, '已催告', 'REMINDED'),
    figure(p.courtRequested, '申请法院强制执行', 'COURT_REQUESTED'));

  const pu = f.publicity;
  chart('chart-publicity', {
    tooltip: { trigger: 'item' }, legend: { bottom: 0 },
    series: [{ type: 'pie', radius: ['35%', '65%'], data: Object.entries(pu.activeByTier).map(([k, v]) => ({ name: label('tiers', k), value: v })) }],
  });
  el('publicity').replaceChildren(figure(pu.active, '公示中', 'PUBLICITY_ACTIVE'), figure(pu.endingThisMonth, '本月公示期满', 'PUBLICITY_ENDING_THIS_MONTH'),
    figure(pu.notPublished, '不予公示（轻微）'), figure(pu.withdrawnAfterRevocation, '撤销后撤下公示', 'WITHDRAWN_AFTER_REVOCATION'),
    figure(pu.withdrawnWithinLimit, '3个工作日内撤下'), figure(pu.withdrawnLate, '超过3个工作日', 'WITHDRAWN_LATE', { warn: true }));

  const r = f.repair;
  chart('chart-repair', {
    tooltip: {}, grid: { top: 10, bottom: 30, left: 110, right: 10 }, xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: Object.keys(r.byStatus).map(k => REPAIR_STATUS[k] || k) },
    series: [{ type: 'bar', data: Object.values(r.byStatus), itemStyle: { color: '#2f6fd1' } }],
  });
  el('repair').replaceChildren(figure(r.applications, '修复申请'), figure(r.approved, '准予修复', 'REPAIRED'),
    figure(r.refused, '不予受理或不予修复', 'REPAIR_REFUSED'), figure(pct(r.approvalRate), '准予率'), figure(pct(r.refusalRate), '拒绝率'),
    figure(r.acceptance.breached + r.decision.breached + r.sync.breached, '办理超时', 'REPAIR_BREACHED', { warn: true }));
  el('repair-limits').replaceChildren(h('tr', {}, h('th', {}, '时限'), h('th', {}, '期限内'), h('th', {}, '超时')),
    ...[['受理（3个工作日）', r.acceptance], ['作出决定（7个工作日，复杂案件+10）', r.decision], ['同步信用中国', r.sync]]
      .map(([t, l]) => h('tr', {}, h('td', {}, t), h('td', { class: 'num' }, l.withinLimit), h('td', { class: 'num' }, l.breached))));
  el('repair-reasons').replaceChildren(...Object.entries(r.refusalReasons).map(([why, n]) => h('li', {}, `${why}（${n}件）`)));

  const lv = f.levels;
  chart('chart-levels', {
    tooltip: { trigger: 'item' }, legend: { bottom: 0 },
    series: [{ type: 'pie', radius: '60%', data: Object.entries(lv.byLevel).map(([k, v]) => ({ name: LEVELS[k] || k, value: v, itemStyle: { color: LEVEL_COLOURS[k] } })) }],
  });
  el('levels').replaceChildren(figure(lv.enterprises, '已评价企业'),
    ...Object.entries(lv.bySupervisionTier).map(([k, v]) => figure(v, `监管等级：${LEVELS[k] || k}`)),
    ...Object.entries(lv.levelChangesThisMonth).map(([k, v]) => figure(v, `本月 ${k.split('→').map(x => LEVELS[x] || x).join(' → ')}`)));
  el('level-changes').replaceChildren(h('tr', {}, h('th', {}, '日期'), h('th', {}, '统一社会信用代码'), h('th', {}, '变化'), h('th', {}, '原因')),
    ...lv.changesThisMonth.slice(0, 20).map(c => h('tr', {}, h('td', {}, zhDate(c.changedOn)), h('td', {}, c.uscc ?? '—'),
      h('td', {}, `${LEVELS[c.from] || c.from || '—'} → ${LEVELS[c.to] || c.to}`), h('td', {}, c.reasonZh ?? ''))));
}

async function loadAgencies() {
  const agencies = await api('/agencies');
  const select = el('agency');
  const chosen = select.value;
  select.replaceChildren(h('option', { value: '' }, '全省（全部机关）'), ...agencies.map(a => h('option', { value: a }, a)));
  select.value = chosen;
}

async function loadFigures() {
  try {
    render(await api(`/figures?${scopeQuery()}`));
    showProblem(null);
  } catch (e) {
    showProblem(e);
  }
}

async function loadAnnual() {
  const q = new URLSearchParams({ year: el('year').value });
  if (el('agency').value) q.set('agency', el('agency').value);
  try {
    const annual = await api(`/annual?${q}`);
    el('annual').replaceChildren(h('tr', {}, h('th', {}, '项目'), h('th', {}, '数值')),
      ...annual.rows.map(row => h('tr', {}, h('td', {}, row.labelZh), h('td', { class: 'num' }, row.value))));
  } catch (e) {
    showProblem(e);
  }
}

async function download(ext) {
  const q = new URLSearchParams({ year: el('year').value });
  if (el('agency').value) q.set('agency', el('agency').value);
  try {
    const response = await api(`/annual.${ext}?${q}`, { raw: true });
    const blob = await response.blob();
    const a = h('a', { href: URL.createObjectURL(blob), download: `${el('year').value}年执法统计.${ext}` });
    document.body.append(a);
    a.click();
    a.remove();
  } catch (e) {
    showProblem(e);
  }
}

async function openList(name, text) {
  try {
    const q = scopeQuery();
    q.set('figure', name);
    const list = await api(`/cases?${q}`);
    el('h-list').textContent = `明细：${list.figureZh || text}`;
    el('list-lead').textContent = `共 ${list.total} 件${list.total > list.rows.length ? `，显示前 ${list.rows.length} 件` : ''}。企业名称仅在其处罚信息已公示时显示。`;
    el('list').replaceChildren(h('tr', {}, ...['决定书文号', '作出决定的机关', '决定日期', '罚款', '送达', '公示状态', '企业（已公示）', '修复申请'].map(t => h('th', {}, t))),
      ...list.rows.map(c => h('tr', { 'data-case': c.caseId }, h('td', {}, c.documentNumber ?? c.caseId), h('td', {}, c.agency ?? '—'),
        h('td', {}, zhDate(c.decisionDate)), h('td', { class: 'num' }, c.totalFine ? yuan(c.totalFine) : '—'),
        h('td', {}, c.servedDate ? `${zhDate(c.servedDate)} ${label('serviceMethods', c.serviceMethod)}` : '未送达'),
        h('td', {}, c.publicityStatus ? label('publicityStatus', c.publicityStatus) : '—'), h('td', {}, c.publishedEnterpriseName ?? '—'),
        h('td', {}, c.repairStatuses.map(s => REPAIR_STATUS[s] || s).join('、') || '—'))));
    el('list-card').hidden = false;
    el('list-card').scrollIntoView({ behavior: 'smooth' });
  } catch (e) {
    showProblem(e);
  }
}

/** Server-sent events over fetch: the bearer token goes in the header (EventSource cannot send one). */
async function listen() {
  const live = el('live');
  for (;;) {
    try {
      const token = await accessToken();
      if (!token) { live.textContent = '实时更新：未登录'; return; }
      const response = await fetch(`${API}/stream`, { headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' } });
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      live.textContent = '实时更新：已连接';
      live.classList.add('on');
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      let pending;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let cut;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          if (/^event:\s*figures/m.test(block)) {
            clearTimeout(pending);
            pending = setTimeout(() => { loadFigures(); loadAnnual(); }, 300);
          }
        }
      }
    } catch {
      // fall through: reconnect below
    }
    live.textContent = '实时更新：重新连接中…';
    live.classList.remove('on');
    await new Promise(resolve => setTimeout(resolve, 3000));
  }
}

function renderWho() {
  const current = session();
  const who = el('who');
  if (!current) {
    who.replaceChildren(h('a', { class: 'button', href: '../portal/' }, '登录门户'));
    return;
  }
  const c = current.claims;
  who.replaceChildren(h('span', { class: 'who-name' }, c.name || c.preferred_username || c.sub),
    h('span', { class: 'who-role' }, (c.roles ?? []).map(r => LABELS.roles[r] ?? r).join('、')));
}

async function start() {
  renderWho();
  el('year').value = new Date().getFullYear();
  el('filters').addEventListener('submit', ev => { ev.preventDefault(); el('list-card').hidden = true; loadFigures(); loadAnnual(); });
  el('year').addEventListener('change', loadAnnual);
  el('csv').addEventListener('click', () => download('csv'));
  el('xlsx').addEventListener('click', () => download('xlsx'));
  el('list-close').addEventListener('click', () => { el('list-card').hidden = true; });
  window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));
  if (!session()) {
    showProblem({ status: 401 });
    el('live').textContent = '实时更新：未登录';
    return;
  }
  try {
    await loadAgencies();
  } catch (e) {
    showProblem(e);
    return;
  }
  await loadFigures();
  await loadAnnual();
  listen();
}

start();
