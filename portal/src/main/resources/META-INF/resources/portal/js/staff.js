// Agency staff: the credit reviewer's (信用审核人员) queue of repair applications with the review steps the state
// machine allows at each status. Every step is the credit service's; a refused step (409, 400) is shown as answered.
import { h, zhDate, zhDateTime, explainedDate, problemBox, showFieldErrors, clearFieldErrors, toast } from './ui.js';
import { getJson, postJson, ApiError } from './api.js';
import { applicationDetail, orNotOffered, NOT_OFFERED } from './repair.js';

const STEPS = {
  RECEIVED: [['ACCEPT', '受理'], ['REQUEST_SUPPLEMENT', '要求补正'], ['NOT_ACCEPT', '不予受理']],
  UNDER_REVIEW: [['APPROVE', '准予修复'], ['DENY', '不予修复'], ['EXTEND', '延长审核期限']],
  UNDER_REVIEW_EXTENDED: [['APPROVE', '准予修复'], ['DENY', '不予修复']],
  APPROVED: [['REVOKE', '撤销修复']],
  COMPLETED: [['REVOKE', '撤销修复']],
};
const NO_REASON = new Set(['ACCEPT', 'APPROVE']);

export function register(page) {
  page('/review/repairs', '信用修复审核', ['CREDIT_REVIEWER', 'AGENCY_HEAD', 'AUDITOR'], queuePage);
  page('/review/repairs/:applicationId', '修复申请审核', ['CREDIT_REVIEWER', 'AGENCY_HEAD', 'AUDITOR'], reviewPage, { nav: false });
}

async function queuePage() {
  const queue = await orNotOffered(getJson('/api/repair-applications'));
  if (queue === NOT_OFFERED) {
    return [h('h1', {}, '信用修复审核'), h('p', { class: 'notice' }, '在线信用修复服务尚未开通。')];
  }
  const items = queue.items ?? [];
  return [
    h('h1', {}, '信用修复审核'),
    h('p', { class: 'lead' }, `待办的信用修复申请（截至${zhDate(queue.today)}），按办理期限排列。期限按工作日计算，每个期限下方是它的计算依据。`),
    items.length === 0 ? h('p', { class: 'empty' }, '暂无待办的信用修复申请。') :
      h('table', { class: 'queue' },
        h('caption', { class: 'meta' }, `共 ${items.length} 件`),
        h('thead', {}, h('tr', {}, ['申请', '统一社会信用代码', '状态', '提交时间', '办理期限'].map(t => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, [...items].sort((x, y) => (x.dueBy?.date ?? '9').localeCompare(y.dueBy?.date ?? '9')).map(i =>
          h('tr', { 'data-application-id': i.applicationId },
            h('td', {}, h('a', { href: `#/review/repairs/${encodeURIComponent(i.applicationId)}` }, i.decisionDocumentNumber || i.recordId)),
            h('td', {}, i.uscc),
            h('td', {}, h('span', { class: `badge ${i.overdue?.length ? 'bad' : 'warn'}` }, i.statusZh)),
            h('td', {}, zhDateTime(i.submittedAt)),
            h('td', {}, i.dueBy ? [h('time', { datetime: i.dueBy.date }, zhDate(i.dueBy.date)), h('p', { class: 'why' }, i.dueBy.explanationZh)] : '—',
              i.overdue?.length ? h('span', { class: 'error-text' }, `（已超期：${i.overdue.join('、')}）`) : '')))))];
}

async function reviewPage({ params, roles, refresh }) {
  const id = encodeURIComponent(params.applicationId);
  const view = await getJson(`/api/repair-applications/${id}`);
  const steps = roles.includes('CREDIT_REVIEWER') ? (STEPS[view.application.status] ?? []) : [];
  return [h('p', {}, h('a', { href: '#/review/repairs' }, '← 返回审核待办')),
    applicationDetail(view, { materialHref: m => `/api/repair-applications/${id}/materials/${encodeURIComponent(m.fileId)}` }),
    steps.length > 0 && decisionForm(id, steps, refresh)];
}

function decisionForm(id, steps, refresh) {
  const status = h('div', { 'aria-live': 'polite' });
  const reason = h('textarea', { id: 'reason', name: 'reason', maxlength: '2000', 'aria-describedby': 'reason-help' });
  const form = h('form', { class: 'card', novalidate: true, 'aria-labelledby': 'decide-title' },
    h('h2', { id: 'decide-title' }, '审核操作'),
    h('div', { class: 'field' },
      h('label', { for: 'reason' }, '理由'),
      reason,
      h('p', { class: 'help', id: 'reason-help' }, '不予受理、要求补正、延期、不予修复和撤销须写明理由，理由将告知申请企业。')),
    status,
    h('div', { class: 'actions', 'data-field': 'action' }, steps.map(([action, text]) =>
      h('button', { class: `button ${NO_REASON.has(action) ? 'primary' : action === 'REVOKE' || action === 'DENY' || action === 'NOT_ACCEPT' ? 'danger' : ''}`,
        type: 'submit', name: 'action', value: action }, text))));
  const send = async action => {
    try {
      const view = await postJson(`/api/repair-applications/${id}/decisions`, { action, reason: reason.value.trim() || null });
      toast(`已办理：${view.statusZh}`);
      refresh();
    } catch (e) {
      if (e instanceof ApiError) showFieldErrors(form, e);
      status.replaceChildren(problemBox(e));
    }
  };
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    const action = ev.submitter?.value;
    clearFieldErrors(form);
    status.replaceChildren();
    if (!NO_REASON.has(action) && !reason.value.trim()) {
      showFieldErrors(form, { violations: [{ field: 'reason', messageZh: '该操作须写明理由' }] });
      reason.focus();
      return;
    }
    if (CONFIRM[action]) {
      status.replaceChildren(confirmation(action, () => send(action), () => status.replaceChildren()));
      status.querySelector('button')?.focus();
      return;
    }
    await send(action);
  });
  return form;
}

/** Decisions that go against the enterprise and are told to it: asked once more before they are sent. */
const CONFIRM = {
  NOT_ACCEPT: ['不予受理', '申请将不予受理，理由将告知申请企业。'],
  DENY: ['不予修复', '将作出不予信用修复决定，理由将告知申请企业；企业可依法申请行政复议或提起行政诉讼。'],
  REVOKE: ['撤销修复', '将撤销已准予的信用修复，公示信息恢复公示，理由将告知申请企业。'],
};

function confirmation(action, onConfirm, onCancel) {
  const [name, consequence] = CONFIRM[action];
  return h('div', { class: 'confirm problem', role: 'alertdialog', 'aria-labelledby': 'confirm-title', 'aria-describedby': 'confirm-text' },
    h('p', { class: 'problem-title', id: 'confirm-title' }, `确认${name}？`),
    h('p', { id: 'confirm-text' }, consequence),
    h('div', { class: 'actions' },
      h('button', { class: 'button danger', type: 'button', onclick: onConfirm }, `确认${name}`),
      h('button', { class: 'button', type: 'button', onclick: onCancel }, '取消')));
}
