// Small DOM helpers: elements are built with textContent, never from HTML strings, so that nothing a service
// answers can inject markup.

/** h('p', { class: 'x' }, 'text', child…): attributes starting with "on" become listeners. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2).toLowerCase(), value);
    else if (name === 'class') el.className = value;
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** 2026-11-23 → 2026年11月23日 */
export function zhDate(iso) {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

export function zhDateTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

/** A fen-exact amount as yuan with two decimals and thousands separators: 250000 → 250,000.00 元 */
export function yuan(amount) {
  if (amount === undefined || amount === null) return '—';
  const [int, frac = ''] = String(amount).split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${(frac + '00').slice(0, 2)} 元`;
}

/** An ExplainedDate {date, explanationZh}: the date and, beneath it, the sentence a person can check. */
export function explainedDate(label, explained, extra) {
  if (!explained) {
    return h('div', { class: 'date-row' }, h('dt', {}, label), h('dd', {}, h('span', { class: 'date' }, '不适用'), extra && h('p', { class: 'why' }, extra)));
  }
  return h('div', { class: 'date-row' },
    h('dt', {}, label),
    h('dd', {},
      h('time', { class: 'date', datetime: explained.date }, zhDate(explained.date)),
      h('p', { class: 'why' }, explained.explanationZh)));
}

export function plainDate(label, iso) {
  return h('div', { class: 'date-row' }, h('dt', {}, label), h('dd', {}, h('time', { class: 'date', datetime: iso }, zhDate(iso))));
}

/** A problem+json answer as the person should read it: the Chinese title, the detail, each field's rule. */
export function problemBox(error, heading) {
  const violations = error.violations ?? [];
  return h('div', { class: 'problem', role: 'alert' },
    h('p', { class: 'problem-title' }, heading || error.titleZh || '操作未成功'),
    h('p', {}, error.message),
    violations.length > 0 && h('ul', {}, violations.map(v => h('li', {}, v.messageZh || v.message || v.rule))));
}

/** Puts each violation next to its field (the input whose name or data-field matches the violation's field). */
export function showFieldErrors(form, error) {
  clearFieldErrors(form);
  const unplaced = [];
  for (const v of error.violations ?? []) {
    const field = form.querySelector(`[name="${CSS.escape(v.field)}"]`) ?? form.querySelector(`[data-field="${CSS.escape(v.field)}"]`);
    if (!field) { unplaced.push(v); continue; }
    const id = `${field.id || field.name}-error`;
    const message = h('p', { class: 'field-error', id }, v.messageZh || v.rule);
    field.setAttribute('aria-invalid', 'true');
    field.setAttribute('aria-describedby', id);
    field.closest('.field')?.append(message) ?? field.after(message);
  }
  return unplaced;
}

export function clearFieldErrors(form) {
  form.querySelectorAll('.field-error').forEach(e => e.remove());
  form.querySelectorAll('[aria-invalid]').forEach(e => { e.removeAttribute('aria-invalid'); e.removeAttribute('aria-describedby'); });
}

export function toast(text) {
  const el = document.getElementById('toast');
  el.textContent = text;
  el.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { el.hidden = true; }, 6000);
}

export const LABELS = {
  roles: {
    OFFICER: '执法人员', CASE_REVIEWER: '案件审查人员', LEGAL_REVIEWER: '法制审核人员', AGENCY_HEAD: '行政机关负责人',
    HEARING_HOST: '听证主持人', CREDIT_REVIEWER: '信用审核人员', AUDITOR: '执法监督人员', CALENDAR_ADMIN: '工作日历管理员', ENTERPRISE: '企业用户', DASHBOARD: '数据看板',
  },
  penaltyTypes: {
    WARNING: '警告', CIRCULATED_CRITICISM: '通报批评', FINE: '罚款', CONFISCATION_OF_ILLEGAL_GAINS: '没收违法所得',
    CONFISCATION_OF_ILLEGAL_PROPERTY: '没收非法财物', SUSPENSION_OF_LICENCE: '暂扣许可证件', DEMOTION_OF_QUALIFICATION: '降低资质等级',
    REVOCATION_OF_LICENCE: '吊销许可证件', RESTRICTION_OF_PRODUCTION: '限制开展生产经营活动', ORDER_TO_SUSPEND_PRODUCTION: '责令停产停业',
    ORDER_TO_CLOSE: '责令关闭', RESTRICTION_OF_PRACTICE: '限制从业', ADMINISTRATIVE_DETENTION: '行政拘留', OTHER: '法律、行政法规规定的其他行政处罚',
  },
  tiers: { MINOR: '轻微', GENERAL: '一般', SERIOUS: '严重' },
  // a case's state before the decision (case-service CaseState) and after it (ExecutionState), as the case views answer
  caseStates: {
    LEAD: '案件线索', NOT_FILED: '不予立案', INVESTIGATING: '调查取证', UNDER_CASE_REVIEW: '案件审查',
    CASE_REVIEWED: '审查通过待告知', PRE_NOTICE_SERVED: '已事先告知', HEARING_REQUESTED: '已申请听证',
    HEARING_SCHEDULED: '听证已安排', READY_FOR_DECISION: '待决定', LEGAL_REVIEW: '法制审核中',
    DECIDED: '已作出处罚决定', DECIDED_NO_PENALTY: '不予行政处罚', TRANSFERRED_TO_JUDICIAL: '已移送司法机关',
    FILING_CANCELLED: '已撤销立案', DELIVERED: '已送达', EXECUTING: '执行中', OVERDUE: '逾期未履行',
    REMINDER_SERVED: '已催告', COURT_ENFORCEMENT_REQUESTED: '已申请法院强制执行', PERFORMED: '已履行',
    CLOSED: '已结案', REVOKED: '已撤销', AMENDED: '已变更',
  },
  reviewStatus: { PENDING: '待审核', PASSED: '审核通过', RETURNED: '退回补充' },
  repairStatus: {
    BLOCKED: '未通过预检', RECEIVED: '已登记待受理', NOT_ACCEPTED: '不予受理', SUPPLEMENT_REQUESTED: '待补正材料',
    UNDER_REVIEW: '审核中', UNDER_REVIEW_EXTENDED: '审核中（已延期）', APPROVED: '准予修复，结果同步中', DENIED: '不予修复',
    COMPLETED: '修复完成，结果已同步', WITHDRAWN: '已撤回', REVOKED: '修复已撤销',
  },
  creditLevels: {
    UNRATED: '未评价', GREEN: '绿色（环保诚信）', BLUE: '蓝色（环保良好）', YELLOW: '黄色（环保警示）', RED: '红色（环保不良）',
  },
  publicityStatus: {
    NOT_PUBLISHED: '不予公示', PUBLISHED_MIN_RUNNING: '公示中（最短公示期内）', PUBLISHED_REPAIRABLE: '公示中（可申请信用修复）',
    PUBLISHED_NON_REPAIRABLE: '公示中（不予修复）', EXPIRED: '公示期满，已停止公示', WITHDRAWN: '已撤回',
    TERMINATED_BY_REPAIR: '信用修复，已终止公示', REPUBLISHED: '撤销修复，恢复公示',
  },
  deliveryStatus: { PREPARED: '文书已制作，待送达', IN_SERVICE: '送达中', PUBLIC_NOTICE_PUBLISHED: '已公告，待视为送达', SERVED: '已送达' },
  serviceMethods: {
    DIRECT: '直接送达', LEFT_WITH_WITNESS: '留置送达', ELECTRONIC: '电子送达', ENTRUSTED: '委托送达', POSTAL: '邮寄送达',
    FORWARDED: '转交送达', PUBLIC_NOTICE: '公告送达',
  },
};

/** The mark of a required field: a red asterisk for the eye, "必填" for a screen reader. */
export function requiredMark() {
  return h('span', { class: 'required' }, h('span', { 'aria-hidden': 'true' }, ' *'), h('span', { class: 'visually-hidden' }, '（必填）'));
}

/** A code as people read it; a code without a label is shown as 「未知状态」, never raw (PortalLabelsTest keeps the tables whole). */
export function label(map, key) {
  if (!key) return '—';
  return LABELS[map][key] ?? '未知状态';
}

/** What a view returns, ready for replaceChildren: nested arrays flattened, and false/null/undefined left out. */
export function nodes(content) {
  return [].concat(content).flat(Infinity).filter(c => c !== undefined && c !== null && c !== false);
}
