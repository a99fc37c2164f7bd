// Enforcement officers (执法人员): record a penalty decision (the case service checks every field against the law and
// answers each violation by its field, shown beside it), then follow it — its two documents and their delivery —
// on the case page; and find any case by its 文号, company, USCC, state or date (案件查询).
import { h, problemBox, showFieldErrors, clearFieldErrors, toast, LABELS, requiredMark, label, zhDate } from './ui.js';
import { getJson, postJson, ApiError } from './api.js';

export function register(page) {
  page('/officer/decisions/new', '录入处罚决定', ['OFFICER'], decisionForm);
  page('/officer/cases', '案件查询', ['OFFICER', 'CASE_REVIEWER', 'LEGAL_REVIEWER', 'AGENCY_HEAD', 'HEARING_HOST', 'CREDIT_REVIEWER', 'AUDITOR'], lookup);
}

/**
 * 案件查询: search by 文号, company name or USCC, by state and decision date, a page at a time; each case opens its
 * page. The search is in the address (#/officer/cases?q=…), so a list can be bookmarked and the back button works.
 */
async function lookup({ params }) {
  const query = new URLSearchParams(location.hash.split('?')[1] ?? '');
  const q = query.get('q') ?? '';
  const state = query.get('state') ?? '';
  const from = query.get('decidedFrom') ?? '';
  const to = query.get('decidedTo') ?? '';
  const pageNo = Math.max(0, Number(query.get('page') ?? 0) || 0);
  const form = h('form', { class: 'card search', role: 'search', 'aria-label': '案件查询条件' },
    h('div', { class: 'field' }, h('label', { for: 'q' }, '文号、企业名称或统一社会信用代码'),
      h('input', { type: 'search', id: 'q', name: 'q', value: q, autocomplete: 'off', maxlength: 100 })),
    h('div', { class: 'field' }, h('label', { for: 'state' }, '案件状态'),
      h('select', { id: 'state', name: 'state' }, h('option', { value: '' }, '全部'),
        Object.entries(LABELS.caseStates).filter(([k]) => k !== 'DELIVERED')
          .map(([value, text]) => h('option', { value, selected: value === state }, text)))),
    h('div', { class: 'field' }, h('label', { for: 'decidedFrom' }, '决定日期（起）'),
      h('input', { type: 'date', id: 'decidedFrom', name: 'decidedFrom', value: from })),
    h('div', { class: 'field' }, h('label', { for: 'decidedTo' }, '决定日期（止）'),
      h('input', { type: 'date', id: 'decidedTo', name: 'decidedTo', value: to })),
    h('div', { class: 'actions' }, h('button', { class: 'button primary', type: 'submit' }, '查询')));
  const go = (page) => {
    const next = new URLSearchParams();
    for (const name of ['q', 'state', 'decidedFrom', 'decidedTo']) {
      const v = form.elements[name].value.trim();
      if (v) next.set(name, v);
    }
    if (page > 0) next.set('page', String(page));
    location.hash = `#/officer/cases${next.size ? `?${next}` : ''}`;
  };
  form.addEventListener('submit', ev => { ev.preventDefault(); go(0); });

  const api = new URLSearchParams({ size: '20', page: String(pageNo) });
  if (q) api.set('q', q);
  if (state) api.set('state', state);
  if (from) api.set('decidedFrom', from);
  if (to) api.set('decidedTo', to);
  let result;
  try {
    result = await getJson(`/api/cases?${api}`);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    showFieldErrors(form, e);
    return [h('h1', {}, '案件查询'), form, problemBox(e)];
  }
  const pages = Math.max(1, Math.ceil(result.total / result.size));
  const table = result.cases.length === 0
    ? h('p', { class: 'empty' }, '没有符合条件的案件。')
    : h('table', { class: 'queue cases' },
      h('caption', {}, `共 ${result.total} 件，第 ${result.page + 1} / ${pages} 页`),
      h('thead', {}, h('tr', {}, ['决定书文号', '当事人', '统一社会信用代码', '决定日期', '状态'].map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, result.cases.map(c => h('tr', { 'data-case-id': c.caseId },
        h('td', {}, h('a', { href: `#/cases/${encodeURIComponent(c.caseId)}` }, c.documentNumber ?? '（尚未作出决定）')),
        h('td', {}, c.enterpriseName ?? '—'),
        h('td', {}, c.uscc ?? '—'),
        h('td', {}, zhDate(c.decisionDate)),
        h('td', {}, h('span', { class: 'badge' }, label('caseStates', c.state)))))));
  const pager = pages > 1 && h('nav', { class: 'pager', 'aria-label': '翻页' },
    result.page > 0 && h('button', { class: 'button', type: 'button', onclick: () => go(result.page - 1) }, '上一页'),
    result.page + 1 < pages && h('button', { class: 'button', type: 'button', onclick: () => go(result.page + 1) }, '下一页'));
  return [h('h1', {}, '案件查询'), form, table, pager];
}

let penaltyRows = 0;

function penaltyRow(index) {
  const prefix = `penalties[${index}]`;
  const id = n => `penalty-${index}-${n}`;
  return h('fieldset', { class: 'penalty-row' },
    h('legend', {}, `处罚种类 ${index + 1}`),
    h('div', { class: 'field' }, h('label', { for: id('type') }, '种类', requiredMark()),
      h('select', { id: id('type'), name: `${prefix}.type`, required: true, 'aria-required': 'true' },
        h('option', { value: '' }, '请选择'),
        Object.entries(LABELS.penaltyTypes).map(([value, text]) => h('option', { value }, text)))),
    h('div', { class: 'field' }, h('label', { for: id('amount') }, '金额（元，罚款、没收违法所得须填）'),
      h('input', { type: 'text', id: id('amount'), name: `${prefix}.amount`, inputmode: 'decimal' })),
    h('div', { class: 'field' }, h('label', { for: id('description') }, '说明（可选）'),
      h('input', { type: 'text', id: id('description'), name: `${prefix}.description` })));
}

function decisionForm({ claims }) {
  penaltyRows = 0;
  const penalties = h('div', { 'data-field': 'penalties' }, penaltyRow(penaltyRows++));
  const status = h('div', { 'aria-live': 'polite' });
  const text = (name, label, attrs = {}, help) => h('div', { class: 'field' },
    h('label', { for: name }, label, attrs.optional ? '（可选）' : requiredMark()),
    attrs.multiline
      ? h('textarea', { id: name, name, required: !attrs.optional, 'aria-required': attrs.optional ? undefined : 'true', 'aria-describedby': help ? `${name}-help` : undefined })
      : h('input', { type: attrs.type || 'text', id: name, name, value: attrs.value, required: !attrs.optional, 'aria-required': attrs.optional ? undefined : 'true', 'aria-describedby': help ? `${name}-help` : undefined }),
    help && h('p', { class: 'help', id: `${name}-help` }, help));
  const form = h('form', { novalidate: true, 'aria-labelledby': 'decision-title' },
    h('section', { class: 'card' }, h('h2', {}, '当事人'),
      text('enterprise.name', '名称'),
      text('enterprise.uscc', '统一社会信用代码', {}, '18位，含校验位。'),
      text('enterprise.address', '住所'),
      text('enterprise.legalRepresentative', '法定代表人', { optional: true })),
    h('section', { class: 'card' }, h('h2', {}, '决定'),
      text('documentNumber', '决定书文号', {}, '如：泉环罚〔2026〕58号'),
      text('decisionDate', '决定日期', { type: 'date' }),
      h('div', { class: 'field' }, h('label', { for: 'severityTier' }, '违法情节（失信程度）'),
        h('select', { id: 'severityTier', name: 'severityTier' },
          Object.entries(LABELS.tiers).map(([value, t]) => h('option', { value, selected: value === 'GENERAL' }, t)))),
      penalties,
      h('button', { class: 'button', type: 'button', onclick: () => penalties.append(penaltyRow(penaltyRows++)) }, '添加处罚种类'),
      text('facts', '违法事实', { multiline: true }),
      text('evidence', '证据（每行一项）', { multiline: true, optional: true }),
      text('violatedProvision', '违反的规定'),
      text('penaltyBasisProvision', '处罚依据'),
      text('discretionStatement', '裁量说明', { multiline: true, optional: true }),
      text('issuingAgency', '作出机关', { value: claims.agency })),
    status,
    h('div', { class: 'actions' }, h('button', { class: 'button primary', type: 'submit' }, '录入并制作文书')));

  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    clearFieldErrors(form);
    status.replaceChildren();
    const value = name => form.elements[name]?.value.trim() || null;
    // An amount that is not a number is refused here, beside its field. The service is still asked, so that one
    // typo no longer hides the other fields' errors: the amount goes as -1, which the service always refuses
    // (AMOUNT_NOT_POSITIVE, or AMOUNT_NOT_APPLICABLE for a penalty without an amount), so such a request can never
    // be recorded; the service's answer for that field is replaced by the form's own message.
    const local = [];
    const amount = i => {
      const raw = value(`penalties[${i}].amount`);
      if (raw === null) return null;
      const plain = raw.replace(/[,，\s]/g, '');
      if (/^\d+(\.\d{1,2})?$/.test(plain)) return plain;
      local.push({ field: `penalties[${i}].amount`, rule: 'AMOUNT_FORMAT', messageZh: '金额须为数字，最多两位小数（如 150000 或 150000.50）' });
      return -1;
    };
    const body = {
      enterprise: { uscc: value('enterprise.uscc'), name: value('enterprise.name'), address: value('enterprise.address'), legalRepresentative: value('enterprise.legalRepresentative') },
      documentNumber: value('documentNumber'),
      decisionDate: value('decisionDate'),
      penalties: [...Array(penaltyRows).keys()].map(i => ({
        type: value(`penalties[${i}].type`), amount: amount(i), description: value(`penalties[${i}].description`),
      })),
      severityTier: value('severityTier'),
      facts: value('facts'),
      evidence: (value('evidence') || '').split('\n').map(s => s.trim()).filter(Boolean),
      violatedProvision: value('violatedProvision'),
      penaltyBasisProvision: value('penaltyBasisProvision'),
      discretionStatement: value('discretionStatement'),
      issuingAgency: value('issuingAgency'),
    };
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const view = await postJson('/api/cases/decisions', body);
      toast('处罚决定已录入，文书正在制作');
      status.replaceChildren(h('div', { class: 'success', role: 'status' },
        h('p', {}, `已录入 ${view.decision.documentNumber}，案件编号 `, h('code', { 'data-case-id': view.caseId }, view.caseId), '。'),
        (view.warnings ?? []).length > 0 && h('ul', {}, view.warnings.map(w => h('li', {}, `提示：${w.messageZh}`))),
        h('p', {}, h('a', { href: `#/cases/${encodeURIComponent(view.caseId)}` }, '查看案件与文书送达 →'))));
    } catch (e) {
      const problem = e instanceof ApiError ? e : new ApiError(0, { detailZh: e.message });
      problem.violations = [...local, ...(problem.violations ?? []).filter(v => !local.some(l => l.field === v.field))];
      // each error once: beside its field; the box above lists only the count and what could not be placed
      const unplaced = showFieldErrors(form, problem);
      const placed = problem.violations.length - unplaced.length;
      if (placed > 0) problem.message = `${problem.message}：有 ${problem.violations.length} 处需要修改，已在相应栏目旁标出。`;
      status.replaceChildren(problemBox(Object.assign(problem, { violations: unplaced })));
      if (placed > 0) form.querySelector('[aria-invalid=true]')?.focus();
    } finally {
      button.disabled = false;
    }
  });
  return [h('h1', { id: 'decision-title' }, '录入处罚决定'),
    h('p', { class: 'lead' }, '录入已作出的行政处罚决定。系统据此制作行政处罚决定书和信用修复告知书，两书同时送达（两书同达），并按规则计算信用公示期限。'),
    form];
}
