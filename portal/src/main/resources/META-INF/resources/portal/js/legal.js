// Legal reviewers (法制审核人员): the cases waiting for legal review (行政处罚法第五十八条), each with what triggers
// the review, the proposal and the decision deadline; and the review itself — PASS or RETURN with an opinion.
// The case service checks who may review (not an investigator; the qualification for a first review).
import { h, zhDate, yuan, explainedDate, problemBox, showFieldErrors, clearFieldErrors, toast, label } from './ui.js';
import { getJson, postJson, ApiError } from './api.js';

export function register(page) {
  page('/legal-reviews', '法制审核', ['LEGAL_REVIEWER', 'AGENCY_HEAD', 'AUDITOR'], queuePage);
  page('/legal-reviews/:caseId', '法制审核', ['LEGAL_REVIEWER', 'AGENCY_HEAD', 'AUDITOR'], reviewPage, { nav: false });
}

async function queuePage() {
  const cases = await getJson('/api/cases/legal-reviews');
  return [
    h('h1', {}, '法制审核'),
    h('p', { class: 'lead' }, '待法制审核的案件（《行政处罚法》第五十八条）。未经法制审核或审核未通过的，不得作出决定。'),
    cases.length === 0 ? h('p', { class: 'empty' }, '暂无待法制审核的案件。') :
      h('table', { class: 'queue' },
        h('thead', {}, h('tr', {}, ['当事人', '拟处罚', '审核情形', '决定期限'].map(t => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, cases.map(c => {
          const deadline = c.deadlines?.decisionDeadline?.effective;
          return h('tr', { 'data-case-id': c.caseId },
            h('td', {}, h('a', { href: `#/legal-reviews/${encodeURIComponent(c.caseId)}` }, c.file.party?.name ?? c.caseId),
              h('p', { class: 'why' }, c.file.party?.uscc ?? '')),
            h('td', {}, penalties(c.file.proposal)),
            h('td', {}, (c.gates?.legalReview ?? []).map(t => h('p', { class: 'why' }, `${t.descriptionZh}（${t.article}）`))),
            h('td', {}, deadline ? [h('time', { datetime: deadline.date }, zhDate(deadline.date)), h('p', { class: 'why' }, deadline.explanationZh)] : '—'));
        })))];
}

function penalties(proposal) {
  return (proposal?.penalties ?? []).map(p => `${label('penaltyTypes', p.type)}${p.amount != null ? ` ${yuan(p.amount)}` : ''}`).join('；') || '—';
}

async function reviewPage({ params, roles, refresh }) {
  const id = encodeURIComponent(params.caseId);
  const view = await getJson(`/api/cases/${id}/file`);
  const f = view.file;
  const p = f.proposal ?? {};
  const card = h('article', { class: 'card', 'data-case-id': view.caseId, 'data-state': view.state },
    h('header', { class: 'card-head' }, h('h2', {}, f.party?.name ?? view.caseId), h('span', { class: 'badge warn' }, view.stateZh)),
    h('dl', { class: 'facts' },
      h('div', {}, h('dt', {}, '统一社会信用代码'), h('dd', {}, f.party?.uscc ?? '—')),
      h('div', {}, h('dt', {}, '立案编号'), h('dd', {}, f.filing?.number ?? '—')),
      h('div', {}, h('dt', {}, '拟处罚'), h('dd', {}, penalties(p))),
      h('div', {}, h('dt', {}, '违法情节'), h('dd', {}, label('tiers', p.severityTier))),
      h('div', {}, h('dt', {}, '违反的规定'), h('dd', {}, p.violatedProvision ?? '—')),
      h('div', {}, h('dt', {}, '处罚依据'), h('dd', {}, p.penaltyBasisProvision ?? '—'))),
    p.facts && h('details', { class: 'facts-text' }, h('summary', {}, '违法事实'), h('p', {}, p.facts)),
    p.discretionText && h('details', { class: 'facts-text' }, h('summary', {}, '裁量说明'), h('p', {}, p.discretionText)),
    h('h3', {}, '法制审核情形'),
    h('ul', {}, (view.gates?.legalReview ?? []).map(t => h('li', {}, `${t.descriptionZh}（${t.article}）`))),
    h('dl', { class: 'dates' }, explainedDate('决定期限', view.deadlines?.decisionDeadline?.effective)),
    (f.legalReviews ?? []).length > 0 && h('details', {}, h('summary', {}, '审核记录'), h('ol', {}, f.legalReviews.map(r =>
      h('li', {}, `${zhDate(r.requestedDate)} 提请（${r.requestedBy}）${r.reviewedDate ? `；${zhDate(r.reviewedDate)} ${label('reviewStatus', r.status)}：${r.opinion ?? ''}` : ''}`)))));
  const canReview = roles.includes('LEGAL_REVIEWER') && view.state === 'LEGAL_REVIEW';
  return [h('p', {}, h('a', { href: '#/legal-reviews' }, '← 返回法制审核待办')), card, canReview && reviewForm(id, refresh)];
}

function reviewForm(id, refresh) {
  const status = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'card', novalidate: true, 'aria-labelledby': 'legal-title' },
    h('h2', { id: 'legal-title' }, '审核意见'),
    h('div', { class: 'field' }, h('label', { for: 'review-date' }, '审核日期'),
      h('input', { type: 'date', id: 'review-date', name: 'date', required: true,
        value: new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }) })),
    h('div', { class: 'field' }, h('label', { for: 'opinion' }, '意见'),
      h('textarea', { id: 'opinion', name: 'opinion', maxlength: '4000' }),
      h('p', { class: 'help' }, '退回时须写明理由；通过时可写明审核要点。')),
    status,
    h('div', { class: 'actions', 'data-field': 'outcome' },
      h('button', { class: 'button primary', type: 'submit', value: 'PASS' }, '审核通过'),
      h('button', { class: 'button danger', type: 'submit', value: 'RETURN' }, '退回')));
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    clearFieldErrors(form);
    status.replaceChildren();
    const outcome = ev.submitter?.value;
    const opinion = form.opinion.value.trim();
    if (outcome === 'RETURN' && !opinion) {
      showFieldErrors(form, { violations: [{ field: 'opinion', messageZh: '退回须写明理由' }] });
      form.opinion.focus();
      return;
    }
    try {
      const view = await postJson(`/api/cases/${id}/legal-review`, { outcome, opinion: opinion || null, date: form.date.value || null });
      toast(`已办理：${view.stateZh}`);
      refresh();
    } catch (e) {
      if (e instanceof ApiError) showFieldErrors(form, e);
      status.replaceChildren(problemBox(e));
    }
  });
  return form;
}
