// 信用修复: the online repair application. Before applying, every condition the enterprise does not meet yet and
// the earliest date it may apply; then the published credit commitment to accept, the form, the materials
// (PDF / JPEG / PNG, checked by their content on the server), and afterwards each application's status with the
// reasons and the time limits the agency works to.
import { h, zhDate, zhDateTime, yuan, explainedDate, problemBox, showFieldErrors, clearFieldErrors, toast, label } from './ui.js';
import { getJson, postForm, postJson, download, ApiError } from './api.js';
import { usccOf } from './enterprise.js';

const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
const ALLOWED = /\.(pdf|jpe?g|png)$/i;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export function register(page) {
  page('/repair', '信用修复', ['ENTERPRISE'], repairPage);
  page('/repair/apply/:recordId', '申请信用修复', ['ENTERPRISE'], applyPage, { nav: false });
  page('/repair/applications/:applicationId', '修复申请详情', ['ENTERPRISE'], applicationPage, { nav: false });
}

function base(claims) {
  const uscc = usccOf(claims);
  if (!uscc) throw new ApiError(403, { titleZh: '无企业身份', detailZh: '您的账号未关联统一社会信用代码。' });
  return `/api/enterprises/${encodeURIComponent(uscc)}`;
}

/** The condition the enterprise meets by accepting the commitment in the form itself. */
const MET_BY_THE_FORM = 'CREDIT_COMMITMENT_REQUIRED';

export function canApply(record) {
  return (record.unmet ?? []).every(u => u.code === MET_BY_THE_FORM);
}

/** Before the credit service offers online repair, its paths answer 404: say so rather than fail. */
export const NOT_OFFERED = Symbol('not offered');

export async function orNotOffered(promise) {
  try {
    return await promise;
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return NOT_OFFERED;
    throw e;
  }
}

async function repairPage({ claims }) {
  const [eligibility, list] = await Promise.all([
    orNotOffered(getJson(`${base(claims)}/repair-eligibility`)),
    orNotOffered(getJson(`${base(claims)}/repair-applications`)),
  ]);
  if (eligibility === NOT_OFFERED || list === NOT_OFFERED) {
    return [h('h1', {}, '信用修复'), h('p', { class: 'notice' }, '在线信用修复服务尚未开通，请联系作出处罚决定的生态环境主管部门办理。')];
  }
  const applications = list.applications ?? [];
  const records = eligibility.records ?? [];
  return [
    h('h1', {}, '信用修复'),
    h('p', { class: 'lead' }, `依据《信用修复管理办法》，满足条件后可在线申请修复行政处罚信息（谁认定、谁修复）。以下按今天（${zhDate(eligibility.today)}）的情况列出每条公示信息尚未满足的条件和最早可申请日期。`),
    // as the repair-rights notice says (国办发〔2025〕22号: warn against paid "credit repair" services)
    h('p', { class: 'notice', id: 'repair-free' }, '信用修复不收取任何费用。请仅通过官方渠道申请：信用中国网站（www.creditchina.gov.cn）、省级公共信用信息平台、作出处罚决定的生态环境部门窗口，或本门户（作出处罚决定的生态环境部门的在线办理渠道）。任何以收费“代办信用修复”为名的机构或个人均非官方渠道，谨防诈骗。'),
    h('section', { 'aria-labelledby': 'my-apps' },
      h('h2', { id: 'my-apps' }, '我的修复申请'),
      applications.length === 0
        ? h('p', { class: 'empty' }, '尚未提交信用修复申请。')
        : h('ul', { class: 'conditions' }, applications.map(applicationSummary))),
    h('section', { 'aria-labelledby': 'records' },
      h('h2', { id: 'records' }, '可修复的公示信息'),
      records.length === 0
        ? h('p', { class: 'empty' }, '本企业暂无行政处罚公示信息，无需修复。')
        : h('div', { class: 'cards' }, records.map(r => recordCard(r, applications)))),
  ];
}

function applicationSummary(view) {
  const a = view.application;
  return h('li', { 'data-application-id': a.applicationId, class: statusClass(a.status) === 'bad' ? 'unmet' : 'met' },
    h('a', { href: `#/repair/applications/${encodeURIComponent(a.applicationId)}` }, a.decisionDocumentNumber || a.recordId),
    ' ', h('span', { class: `badge ${statusClass(a.status)}` }, view.statusZh),
    a.submittedAt && h('span', { class: 'meta' }, ` 提交于 ${zhDateTime(a.submittedAt)}`));
}

function statusClass(status) {
  if (['BLOCKED', 'NOT_ACCEPTED', 'DENIED', 'REVOKED'].includes(status)) return 'bad';
  if (['SUPPLEMENT_REQUESTED', 'RECEIVED', 'UNDER_REVIEW', 'UNDER_REVIEW_EXTENDED', 'APPROVED'].includes(status)) return 'warn';
  return '';
}

function recordCard(r, applications = []) {
  const eligible = canApply(r);
  const unmet = (r.unmet ?? []).filter(u => u.code !== MET_BY_THE_FORM);
  return h('article', { class: 'card', 'data-record-id': r.recordId, 'data-case-id': r.caseId, 'aria-labelledby': `rec-${r.recordId}` },
    h('header', { class: 'card-head' },
      h('h3', { id: `rec-${r.recordId}` }, r.decisionDocumentNumber),
      h('span', { class: `badge ${eligible ? '' : 'warn'}` }, eligible ? '可以申请' : '暂不能申请')),
    h('dl', { class: 'dates' },
      explainedDate('最早可申请日', r.earliestApplicationDate),
      explainedDate('最短公示期届满日', r.minPeriodEnd, '该情节无最短公示期。'),
      r.fine && h('div', { class: 'date-row' }, h('dt', {}, '罚款缴纳'), h('dd', {},
        r.fine.fullyPaid ? `已缴清（${yuan(r.fine.totalFine)}${r.fine.lastPaidDate ? `，${zhDate(r.fine.lastPaidDate)}` : ''}）`
          : `尚欠 ${yuan(r.fine.outstanding)}（共 ${yuan(r.fine.totalFine)}）`)),
      h('div', { class: 'date-row' }, h('dt', {}, '整改核查'), h('dd', {},
        r.rectificationVerifiedOn ? `已于${zhDate(r.rectificationVerifiedOn)}核查通过` : '尚无整改核查通过的记录'))),
    eligible
      ? h('div', { class: 'actions' },
        h('a', { class: 'button primary', href: `#/repair/apply/${encodeURIComponent(r.recordId)}` }, '申请信用修复'),
        h('span', { class: 'hint' }, '申请时须在线签署信用承诺书。'))
      : h('div', { class: 'blocked' },
        h('p', { class: 'problem-title' }, `暂不能申请的原因（${unmet.length} 项）`),
        unmetList(unmet, { open: openApplication(applications, r.recordId) })));
}

/** What the enterprise can do about each unmet condition, and where (the finding authority decides; 谁认定、谁修复). */
const NEXT_STEP = {
  MIN_PERIOD_NOT_ELAPSED: () => '最短公示期届满后即可在线申请，届时本门户将提醒您。',
  FINE_NOT_FULLY_PAID: () => ['请按行政处罚决定书所载的缴款方式（缴款码或收款账户）缴纳罚款及加处罚款。缴纳后由作出处罚决定的生态环境主管部门核对入账，核对后此项自动满足。',
    ' ', h('a', { href: '#/decisions' }, '查看并下载处罚决定书')],
  RECTIFICATION_NOT_VERIFIED: () => '整改完成后，请联系作出处罚决定的生态环境主管部门的执法人员申请整改核查；核查通过并记入后此项自动满足。',
  NON_REPAIRABLE: () => '该信息依法不予修复，公示期满后自动停止公示。',
  REAPPLICATION_BARRED: () => '信用修复被撤销后，限制期内不得再次申请；如有疑问请联系作出处罚决定的生态环境主管部门。',
  APPLICATION_ALREADY_OPEN: ({ open }) => open
    ? h('a', { href: `#/repair/applications/${encodeURIComponent(open.application.applicationId)}` }, `查看正在办理的申请（${open.statusZh}）`)
    : '请在“我的修复申请”中查看正在办理的申请。',
};

function unmetList(unmet, context = {}) {
  return h('ul', { class: 'conditions unmet-list' }, (unmet ?? []).map(u => h('li', { class: 'unmet', 'data-code': u.code },
    h('strong', {}, u.messageZh),
    u.date && h('span', {}, ' — ', h('time', { datetime: u.date.date }, zhDate(u.date.date))),
    u.date && h('p', { class: 'why' }, u.date.explanationZh),
    NEXT_STEP[u.code] && h('p', { class: 'next-step' }, h('span', { class: 'next-label' }, '下一步：'), NEXT_STEP[u.code](context)))));
}

/** The application still being handled for a record, if any (not blocked, refused, withdrawn or finished). */
function openApplication(applications, recordId) {
  return applications.find(v => v.application.recordId === recordId
    && ['RECEIVED', 'SUPPLEMENT_REQUESTED', 'UNDER_REVIEW', 'UNDER_REVIEW_EXTENDED', 'APPROVED'].includes(v.application.status));
}

async function applyPage({ claims, params }) {
  const eligibility = await getJson(`${base(claims)}/repair-eligibility`);
  const record = (eligibility.records ?? []).find(r => r.recordId === params.recordId);
  if (!record) throw new ApiError(404, { titleZh: '未找到', detailZh: '未找到该公示信息，或它不属于本企业。' });
  const commitment = eligibility.commitment;
  const back = h('p', {}, h('a', { href: '#/repair' }, '← 返回信用修复'));
  if (!canApply(record)) {
    return [back, h('h1', {}, `申请信用修复：${record.decisionDocumentNumber}`),
      h('div', { class: 'blocked' }, h('p', { class: 'problem-title' }, '暂不能申请的原因'),
        unmetList(record.unmet.filter(u => u.code !== MET_BY_THE_FORM)))];
  }
  const status = h('div', { 'aria-live': 'polite' });

  const files = h('input', { type: 'file', id: 'materials', name: 'materials', multiple: true, accept: ACCEPT, 'aria-describedby': 'materials-help' });
  const chosen = h('ul', { class: 'file-list' });
  files.addEventListener('change', () => {
    chosen.replaceChildren(...[...files.files].map(f => h('li', {}, `${f.name}（${size(f.size)}）`)));
  });

  const form = h('form', { novalidate: true, 'aria-labelledby': 'apply-title' },
    h('section', { class: 'card' },
      h('h2', {}, '一、信用承诺'),
      h('p', { class: 'help' }, `承诺书版本 ${commitment.versionId}，请完整阅读。`),
      h('div', { class: 'commitment', tabindex: '0', role: 'document', 'aria-label': '信用承诺书全文' }, commitment.textZh),
      h('div', { class: 'field', 'data-field': 'commitment' },
        h('label', { class: 'check' },
          h('input', { type: 'checkbox', name: 'commitment.accepted', id: 'commitment-accepted', required: true }),
          '本企业已阅读上述信用承诺书，承诺所提交材料真实、完整、有效，并自愿接受监督。'))),
    h('section', { class: 'card' },
      h('h2', {}, '二、申请表'),
      field('contactName', '联系人', h('input', { type: 'text', id: 'contactName', name: 'contactName', required: true, maxlength: '50', autocomplete: 'name' })),
      field('contactPhone', '联系电话', h('input', { type: 'tel', id: 'contactPhone', name: 'contactPhone', required: true, autocomplete: 'tel', inputmode: 'tel' }),
        '11位手机号码，或带区号的固定电话（如 0595-22123456）。'),
      field('statement', '修复申请说明', h('textarea', { id: 'statement', name: 'statement', maxlength: '2000' }),
        '简述已履行的处罚义务和整改情况（不超过2000字）。')),
    h('section', { class: 'card' },
      h('h2', {}, '三、证明材料'),
      h('div', { class: 'field', 'data-field': 'materials' },
        h('label', { for: 'materials' }, '上传材料'),
        files,
        h('p', { class: 'help', id: 'materials-help' }, '如罚款缴纳凭证、整改报告、现场照片。仅限 PDF、JPEG、PNG，每个文件不超过 10 MB，至多 10 个。'),
        chosen)),
    status,
    h('div', { class: 'actions' },
      h('button', { class: 'button primary', type: 'submit' }, '提交申请'),
      h('a', { class: 'button', href: '#/repair' }, '取消')));

  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    clearFieldErrors(form);
    status.replaceChildren();
    const local = localViolations(form, files);
    if (local.length > 0) {
      showFieldErrors(form, { violations: local });
      status.replaceChildren(problemBox(new ApiError(400, { titleZh: '请检查填写内容', detailZh: `有 ${local.length} 处需要修改。`, violations: [] })));
      form.querySelector('[aria-invalid=true]')?.focus();
      return;
    }
    const data = new FormData();
    data.append('application', new Blob([JSON.stringify({
      recordId: record.recordId,
      contactName: form.contactName.value.trim(),
      contactPhone: form.contactPhone.value.trim(),
      statement: form.statement.value.trim(),
      commitment: { versionId: commitment.versionId, sha256: commitment.sha256, accepted: form['commitment.accepted'].checked },
    })], { type: 'application/json' }));
    for (const f of files.files) data.append('materials', f, f.name);
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    button.textContent = '正在提交…';
    try {
      const view = await postForm(`${base(claims)}/repair-applications`, data);
      toast('申请已提交');
      location.hash = `#/repair/applications/${encodeURIComponent(view.application.applicationId)}`;
    } catch (e) {
      if (e instanceof ApiError && e.status === 422 && Array.isArray(e.problem.reasons)) {
        status.replaceChildren(h('div', { class: 'problem', role: 'alert' },
          h('p', { class: 'problem-title' }, e.titleZh),
          h('p', {}, '申请已登记为“未通过预检”，原因如下：'),
          unmetList(e.problem.reasons),
          e.problem.applicationId && h('p', {}, h('a', { href: `#/repair/applications/${encodeURIComponent(e.problem.applicationId)}` }, '查看该申请'))));
      } else {
        const unplaced = e instanceof ApiError ? showFieldErrors(form, { violations: e.violations.map(v => ({ ...v, field: fieldName(v.field) })) }) : [];
        status.replaceChildren(problemBox(e instanceof ApiError ? e : new ApiError(0, { detailZh: e.message })));
        if (unplaced.length === 0) form.querySelector('[aria-invalid=true]')?.focus();
      }
    } finally {
      button.disabled = false;
      button.textContent = '提交申请';
    }
  });

  return [back, h('h1', { id: 'apply-title' }, `申请信用修复：${record.decisionDocumentNumber}`),
    h('p', { class: 'lead' }, '提交后，认定单位将在规定期限内决定是否受理并审核；办理进度和理由可在“信用修复”页查看。'),
    form];
}

/** "materials[1]" → "materials"; "application.contactName" → "contactName" */
function fieldName(field) {
  if (!field) return field;
  const plain = field.replace(/\[\d+\]$/, '');
  return plain.startsWith('application.') ? plain.slice('application.'.length) : plain;
}

function localViolations(form, files) {
  const v = [];
  if (!form['commitment.accepted'].checked) v.push({ field: 'commitment.accepted', messageZh: '须阅读并接受信用承诺后方可提交' });
  if (!form.contactName.value.trim()) v.push({ field: 'contactName', messageZh: '须填写联系人' });
  if (!/^(1\d{10}|0\d{2,3}-?\d{7,8})$/.test(form.contactPhone.value.trim())) v.push({ field: 'contactPhone', messageZh: '联系电话须为11位手机号码或带区号的固定电话' });
  for (const f of files.files) {
    if (!ALLOWED.test(f.name)) v.push({ field: 'materials', messageZh: `“${f.name}”不是 PDF、JPEG 或 PNG 文件` });
    else if (f.size > MAX_FILE_BYTES) v.push({ field: 'materials', messageZh: `“${f.name}”超过 10 MB` });
  }
  return v;
}

function field(name, text, input, help) {
  if (help) input.setAttribute('aria-describedby', `${name}-help`);
  return h('div', { class: 'field' }, h('label', { for: name }, text), input, help && h('p', { class: 'help', id: `${name}-help` }, help));
}

function size(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

async function applicationPage({ claims, params, refresh }) {
  const view = await getJson(`${base(claims)}/repair-applications/${encodeURIComponent(params.applicationId)}`);
  return [h('p', {}, h('a', { href: '#/repair' }, '← 返回信用修复')), applicationDetail(view, {
    withdraw: ['RECEIVED', 'SUPPLEMENT_REQUESTED'].includes(view.application.status) && (async () => {
      if (!confirm('确定撤回该信用修复申请吗？撤回后如需修复须重新申请。')) return;
      await postJson(`${base(claims)}/repair-applications/${encodeURIComponent(params.applicationId)}/withdrawal`);
      toast('申请已撤回');
      refresh();
    }),
    supplement: view.application.status === 'SUPPLEMENT_REQUESTED'
      && (data => postForm(`${base(claims)}/repair-applications/${encodeURIComponent(params.applicationId)}/supplement`, data).then(() => { toast('补正材料已提交'); refresh(); })),
  })];
}

/** The credit service's RepairStatus names in Chinese (its views carry statusZh for the current one only). */
function statusZh(status) {
  return label('repairStatus', status);
}

const STATUS_NOTE = {
  BLOCKED: '申请未通过预检，未进入受理环节。满足下列条件后可重新申请。',
  RECEIVED: '申请已登记，等待认定单位决定是否受理。',
  SUPPLEMENT_REQUESTED: '认定单位要求补正材料，请按理由补充后重新提交。',
  UNDER_REVIEW: '申请已受理，正在审核。',
  UNDER_REVIEW_EXTENDED: '审核期限已依法延长。',
  APPROVED: '准予修复，正在将结果同步至信用平台。',
  COMPLETED: '修复完成，结果已同步至信用平台，公示已停止。',
};

/**
 * The reviewer's reason is shown as the application's current word only while it is: a supplement request while
 * the supplement is pending, a refusal once refused. After the enterprise supplemented and the application was
 * approved, the old request no longer stands over the page (the history keeps it).
 */
const REASON_TITLE = {
  SUPPLEMENT_REQUESTED: '补正要求', NOT_ACCEPTED: '不予受理理由', DENIED: '不予修复理由', REVOKED: '撤销修复理由',
  BLOCKED: '未通过预检的原因',
};

/** One application: status with reasons, the time limits, the form, the materials, the history. Shared with staff pages. */
export function applicationDetail(view, { withdraw, supplement, actions, materialHref } = {}) {
  const a = view.application;
  const overdue = view.overdue ?? [];
  return h('article', { class: 'card', 'data-application-id': a.applicationId, 'data-status': a.status, 'aria-labelledby': `app-${a.applicationId}` },
    h('header', { class: 'card-head' },
      h('h2', { id: `app-${a.applicationId}` }, `信用修复申请 · ${a.decisionDocumentNumber || a.recordId}`),
      h('span', { class: `badge ${statusClass(a.status)}`, 'data-role': 'status' }, view.statusZh)),
    STATUS_NOTE[a.status] && h('p', {}, STATUS_NOTE[a.status]),
    a.reason && REASON_TITLE[a.status] && h('div', { class: a.status === 'SUPPLEMENT_REQUESTED' ? 'notice' : 'problem' },
      h('p', { class: 'problem-title' }, REASON_TITLE[a.status]), h('p', { 'data-role': 'reason' }, a.reason)),
    a.blockedReasons?.length > 0 && h('div', { class: 'blocked' }, h('p', { class: 'problem-title' }, '未通过预检的原因'), unmetList(a.blockedReasons)),
    overdue.length > 0 && h('p', { class: 'problem' }, `已超过办理期限：${overdue.join('、')}`),
    h('dl', { class: 'dates' },
      h('div', { class: 'date-row' }, h('dt', {}, '申请编号'), h('dd', {}, a.applicationId)),
      a.submittedAt && h('div', { class: 'date-row' }, h('dt', {}, '提交时间'), h('dd', {}, zhDateTime(a.submittedAt))),
      a.earliestApplicationDate && explainedDate('最早可申请日', a.earliestApplicationDate),
      a.acceptanceDueBy && explainedDate('受理期限', a.acceptanceDueBy),
      a.acceptedDate && h('div', { class: 'date-row' }, h('dt', {}, '受理日期'), h('dd', {}, zhDate(a.acceptedDate))),
      a.decisionDueBy && explainedDate('审核决定期限', a.decisionDueBy),
      a.extensionReason && h('div', { class: 'date-row' }, h('dt', {}, '延期理由'), h('dd', {}, a.extensionReason)),
      a.decidedDate && h('div', { class: 'date-row' }, h('dt', {}, '决定日期'), h('dd', {}, zhDate(a.decidedDate))),
      a.syncDueBy && explainedDate('结果同步期限', a.syncDueBy),
      a.syncedAt && h('div', { class: 'date-row' }, h('dt', {}, '已同步'), h('dd', {}, `${zhDateTime(a.syncedAt)}${a.platformReference ? `（平台编号 ${a.platformReference}）` : ''}`)),
      a.barredUntil && h('div', { class: 'date-row' }, h('dt', {}, '不得再次申请至'), h('dd', {}, zhDate(a.barredUntil)))),
    a.form && h('section', {}, h('h3', {}, '申请表'), h('dl', { class: 'facts' },
      h('div', {}, h('dt', {}, '联系人'), h('dd', {}, a.form.contactName)),
      h('div', {}, h('dt', {}, '联系电话'), h('dd', {}, a.form.contactPhone)),
      a.form.statement && h('div', {}, h('dt', {}, '申请说明'), h('dd', {}, a.form.statement)))),
    a.commitment && h('p', { class: 'meta' }, `已接受信用承诺书（版本 ${a.commitment.versionId}，${zhDateTime(a.commitment.acceptedAt)}）`),
    a.materials?.length > 0 && h('section', {}, h('h3', {}, '证明材料'), h('ul', { class: 'documents' }, a.materials.map(m =>
      h('li', { 'data-file-id': m.fileId },
        h('span', { class: 'doc-kind' }, m.filename),
        h('span', { class: 'doc-number' }, `${m.contentType}，${size(m.size)}${m.supplement ? '（补正）' : ''}`),
        materialHref && h('button', {
          class: 'button', type: 'button', 'aria-label': `下载材料 ${m.filename}`,
          onclick: async ev => {
            const button = ev.currentTarget;
            try { toast(`已下载：${await download(materialHref(m), m.filename)}`); } catch (e) { button.after(problemBox(e, '下载失败')); }
          },
        }, '下载'))))),
    supplement && supplementForm(supplement),
    (withdraw || actions) && h('div', { class: 'actions' },
      actions,
      withdraw && h('button', { class: 'button danger', type: 'button', onclick: async ev => {
        try { await withdraw(); } catch (e) { ev.currentTarget?.after?.(problemBox(e, '撤回未成功')); }
      } }, '撤回申请')),
    a.history?.length > 0 && h('details', {}, h('summary', {}, '办理记录'), h('ol', {}, a.history.map(t =>
      h('li', {}, `${zhDateTime(t.at)} ${t.from ? `${statusZh(t.from)} → ` : ''}${statusZh(t.to)}${t.note ? `：${t.note}` : ''}`)))));
}

function supplementForm(send) {
  const status = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'card', novalidate: true },
    h('h3', {}, '补正材料'),
    field('supplement-statement', '补正说明', h('textarea', { id: 'supplement-statement', name: 'statement', maxlength: '2000' })),
    h('div', { class: 'field', 'data-field': 'materials' },
      h('label', { for: 'supplement-materials' }, '补正材料（PDF、JPEG、PNG）'),
      h('input', { type: 'file', id: 'supplement-materials', name: 'materials', multiple: true, accept: ACCEPT })),
    status,
    h('div', { class: 'actions' }, h('button', { class: 'button primary', type: 'submit' }, '提交补正')));
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    clearFieldErrors(form);
    const data = new FormData();
    if (form.statement.value.trim()) data.append('statement', form.statement.value.trim());
    for (const f of form.materials.files) data.append('materials', f, f.name);
    try {
      await send(data);
    } catch (e) {
      showFieldErrors(form, { violations: (e.violations ?? []).map(v => ({ ...v, field: fieldName(v.field) })) });
      status.replaceChildren(problemBox(e));
    }
  });
  return form;
}
