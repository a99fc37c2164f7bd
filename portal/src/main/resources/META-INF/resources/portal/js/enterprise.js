// The enterprise's own pages: its penalty decisions with the two documents served together (两书同达), and its
// credit publicity records with every date and the sentence that explains it. The USCC is the token's own
// (claim "uscc"); the services refuse any other (ENTERPRISE_SCOPE), whatever the page asks.
import { h, zhDate, zhDateTime, yuan, explainedDate, plainDate, problemBox, toast, label } from './ui.js';
import { getJson, getJsonOrNull, download, ApiError } from './api.js';

export function usccOf(claims) {
  return [].concat(claims.uscc ?? [])[0];
}

export async function publicityRecords(claims) {
  const uscc = usccOf(claims);
  if (!uscc) throw new ApiError(403, { titleZh: '无企业身份', detailZh: '您的账号未关联统一社会信用代码，无法查看企业信息。' });
  return (await getJson(`/api/enterprises/${encodeURIComponent(uscc)}/publicity-records`)).records ?? [];
}

export function register(page) {
  page('/decisions', '我的处罚决定', ['ENTERPRISE'], decisionsPage);
  page('/publicity', '信用信息公示', ['ENTERPRISE'], publicityPage);
  page('/credit-level', '环境信用等级', ['ENTERPRISE'], creditLevelPage);
  page('/cases/:caseId', '处罚决定详情', [], casePage, { nav: false });
}

async function decisionsPage({ claims }) {
  const records = await publicityRecords(claims);
  const heading = [h('h1', {}, '我的处罚决定'),
    h('p', { class: 'lead' }, '以下为已向本企业送达的行政处罚决定。处罚决定书与信用修复告知书同时送达（两书同达），均可下载 PDF 原件，文件带有行政机关电子印章。')];
  if (records.length === 0) {
    return [...heading, h('p', { class: 'empty' }, '暂无已送达的行政处罚决定。')];
  }
  // one decision that cannot be read (its case not found, a service slow) is said on its own card: the others show
  const cards = await Promise.all(records.map(r => caseCard(r.caseId, r).catch(e => h('article', {
    class: 'card', 'data-case-id': r.caseId, 'aria-labelledby': `case-${r.caseId}` },
  h('header', { class: 'card-head' }, h('h2', { id: `case-${r.caseId}` }, r.decisionDocumentNumber ?? '行政处罚决定')),
  problemBox(e instanceof ApiError ? e : new ApiError(0, { detailZh: e.message }), '暂时无法显示该处罚决定')))));
  return [...heading, h('div', { class: 'cards' }, cards)];
}

async function casePage({ params, roles }) {
  const back = roles.includes('ENTERPRISE') ? h('a', { href: '#/decisions' }, '← 返回我的处罚决定')
    : h('a', { href: '#/officer/cases' }, '← 返回案件查询');
  return [h('p', {}, back), await caseCard(params.caseId)];
}

async function caseCard(caseId, record) {
  const [view, delivery] = await Promise.all([
    getJson(`/api/cases/${encodeURIComponent(caseId)}`),
    getJsonOrNull(`/api/deliveries/${encodeURIComponent(caseId)}`),
  ]);
  const d = view.decision;
  return h('article', { class: 'card', 'data-case-id': caseId, 'aria-labelledby': `case-${caseId}` },
    h('header', { class: 'card-head' },
      h('h2', { id: `case-${caseId}` }, d.documentNumber),
      h('span', { class: 'badge' }, label('caseStates', view.state))),
    h('dl', { class: 'facts' },
      h('div', {}, h('dt', {}, '当事人'), h('dd', {}, `${d.enterprise.name}（${d.enterprise.uscc}）`)),
      h('div', {}, h('dt', {}, '作出机关'), h('dd', {}, d.issuingAgency)),
      h('div', {}, h('dt', {}, '决定日期'), h('dd', {}, zhDate(d.decisionDate))),
      h('div', {}, h('dt', {}, '处罚内容'), h('dd', {}, (d.penalties ?? []).map(p =>
        h('span', { class: 'penalty' }, label('penaltyTypes', p.type), p.amount != null ? ` ${yuan(p.amount)}` : '', p.description ? `（${p.description}）` : '')))),
      h('div', {}, h('dt', {}, '违法情节'), h('dd', {}, label('tiers', d.severityTier))),
      h('div', {}, h('dt', {}, '违反的规定'), h('dd', {}, d.violatedProvision)),
      h('div', {}, h('dt', {}, '处罚依据'), h('dd', {}, d.penaltyBasisProvision))),
    h('details', { class: 'facts-text' }, h('summary', {}, '违法事实'), h('p', {}, d.facts)),
    deliverySection(caseId, delivery),
    record && h('p', { class: 'see-also' }, h('a', { href: '#/publicity' }, '查看该决定的信用公示期限 →')));
}

function deliverySection(caseId, delivery) {
  if (!delivery) {
    return h('section', { class: 'delivery' }, h('h3', {}, '文书送达'), h('p', { class: 'empty' }, '文书正在制作，尚未送达。'));
  }
  const served = delivery.delivery.serviceAct;
  return h('section', { class: 'delivery' },
    h('h3', {}, '文书送达（两书同达）'),
    h('dl', { class: 'dates' },
      h('div', { class: 'date-row' }, h('dt', {}, '送达状态'), h('dd', {}, label('deliveryStatus', delivery.delivery.status),
        delivery.overdue ? h('span', { class: 'error-text' }, '（已超过送达期限）') : '')),
      served && h('div', { class: 'date-row' }, h('dt', {}, '送达方式'), h('dd', {},
        label('serviceMethods', served.method), served.deemed ? '（视为送达）' : '')),
      served ? plainDate('送达日期', served.servedDate) : explainedDate('应送达截止日', delivery.delivery.serveBy)),
    h('ul', { class: 'documents' }, delivery.documents.map(doc => h('li', {},
      h('span', { class: 'doc-kind' }, doc.kindZh),
      h('span', { class: 'doc-number' }, doc.documentNumber),
      h('button', {
        class: 'button', type: 'button', 'data-document': doc.kind,
        'aria-label': `下载${doc.kindZh} PDF（${doc.documentNumber}）`,
        onclick: async ev => {
          const button = ev.currentTarget;
          button.disabled = true;
          try {
            const name = await download(doc.href, `${doc.documentNumber}.pdf`);
            toast(`已下载：${name}`);
          } catch (e) {
            button.after(problemBox(e, '下载失败'));
          } finally {
            button.disabled = false;
          }
        },
      }, '下载 PDF')))));
}

async function publicityPage({ claims }) {
  const records = await publicityRecords(claims);
  const heading = [h('h1', {}, '信用信息公示'),
    h('p', { class: 'lead' }, '行政处罚信息依法在信用网站公示。每个日期下方是它的计算依据（法规条款、起算日和工作日顺延），可逐条核对。')];
  if (records.length === 0) {
    return [...heading, h('p', { class: 'empty' }, '本企业暂无行政处罚公示记录。')];
  }
  return [...heading, h('div', { class: 'cards' }, records.map(publicityCard))];
}

function publicityCard(r) {
  const p = r.plan;
  return h('article', { class: 'card', 'data-case-id': r.caseId, 'aria-labelledby': `pub-${r.recordId}` },
    h('header', { class: 'card-head' },
      h('h2', { id: `pub-${r.recordId}` }, r.decisionDocumentNumber),
      h('span', { class: 'badge' }, label('publicityStatus', r.status))),
    h('dl', { class: 'facts' },
      h('div', {}, h('dt', {}, '当事人'), h('dd', {}, `${r.enterpriseName}（${r.uscc}）`)),
      h('div', {}, h('dt', {}, '违法情节'), h('dd', {}, label('tiers', p.tier))),
      h('div', {}, h('dt', {}, '适用规则'), h('dd', {}, p.ruleSetNameZh)),
      h('div', {}, h('dt', {}, '是否公示'), h('dd', {}, p.published ? '公示' : '不予公示（轻微情节，原则上不公示）'))),
    p.transitional && h('p', { class: 'notice' }, '该决定适用的公示规则已被新规则替代，过渡期处理以主管部门确认为准。'),
    h('dl', { class: 'dates' },
      plainDate('决定日期', r.decisionDate),
      plainDate('送达日期', r.servedDate),
      plainDate('公示起始日', p.publicityStart),
      explainedDate('最短公示期届满日', p.minPeriodEnd, '该情节无最短公示期：履行完毕义务即可申请修复。'),
      explainedDate('最长公示期届满日', p.maxPeriodEnd),
      explainedDate('最早可申请信用修复日', p.earliestApplicationDate),
      explainedDate('自动停止公示日', p.autoStopDate)),
    h('p', { class: 'meta' }, `公示记录生成时间：${zhDateTime(r.openedAt)}`));
}

/**
 * 环境信用等级: the enterprise's level and score, what it means for supervision, the penalties that count, and every
 * change with its reason, as credit-service keeps them (《福建省企业环境信用动态评价实施方案（试行）》).
 */
async function creditLevelPage({ claims }) {
  const uscc = usccOf(claims);
  if (!uscc) throw new ApiError(403, { titleZh: '无企业身份', detailZh: '您的账号未关联统一社会信用代码，无法查看企业信息。' });
  const v = await getJson(`/api/enterprises/${encodeURIComponent(uscc)}/credit-level`);
  const s = v.supervision;
  const level = h('article', { class: 'card', 'data-level': v.level, 'aria-labelledby': 'level-title' },
    h('header', { class: 'card-head' },
      h('h2', { id: 'level-title' }, v.enterpriseName ?? uscc),
      h('span', { class: `badge level-${String(v.level).toLowerCase()}` }, label('creditLevels', v.level))),
    h('dl', { class: 'facts' },
      h('div', {}, h('dt', {}, '统一社会信用代码'), h('dd', {}, v.uscc)),
      h('div', {}, h('dt', {}, '环境信用等级'), h('dd', {}, label('creditLevels', v.level))),
      v.score != null && h('div', {}, h('dt', {}, '评价得分'), h('dd', {}, String(v.score))),
      v.veto && h('div', {}, h('dt', {}, '直接评为红色'), h('dd', {}, '存在一票否决情形')),
      h('div', {}, h('dt', {}, '正在公示的处罚信息'), h('dd', {}, `${v.openPublicityRecords} 条`)),
      s && h('div', {}, h('dt', {}, '监管方式'), h('dd', {}, s.inspectionFrequencyZh,
        s.onSiteAssistanceQuarterly ? '；每季度驻点帮扶' : '',
        s.repairFastLane ? '；可通过信用修复快速通道申请修复' : '',
        v.positiveList ? '；已列入正面清单' : ''))));
  const history = (v.history ?? []).length === 0
    ? h('p', { class: 'empty' }, '暂无等级变动记录。')
    : h('table', { class: 'queue history' },
      h('caption', {}, '等级变动记录（由近及远）'),
      h('thead', {}, h('tr', {}, ['日期', '原因', '有关决定', '变动'].map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, [...v.history].reverse().map(c => h('tr', {},
        h('td', {}, zhDate(c.on)),
        h('td', {}, c.reasonZh),
        h('td', {}, c.documentNumber ?? '—'),
        h('td', {}, c.from === c.to ? `${label('creditLevels', c.to)}（得分 ${c.scoreBefore ?? '—'} → ${c.scoreAfter ?? '—'}）`
          : `${label('creditLevels', c.from)} → ${label('creditLevels', c.to)}`)))));
  return [h('h1', {}, '环境信用等级'),
    h('p', { class: 'lead' }, '企业环境信用等级由生态环境主管部门依据动态评价规则评定，每次变动均附原因。信用修复完成、整改经核查后，等级按规则重新评定。'),
    level, h('h2', { class: 'section' }, '变动记录'), history];
}
