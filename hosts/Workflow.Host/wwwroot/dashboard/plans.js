// The plan editor: the operator builds a plan through forms, never JSON. The page holds the plan as the API reads it;
// every change is checked at once by the host (POST /api/plans/check, the same validator that refuses a bad start),
// and each error is shown beside the field its path names. Parts of a plan the editor has no form for (committee
// members, targets, programme periods, dossiers) are kept as they are and saved with the rest.

import { onLogin, AuthError, ProblemError, api, apiSend, showProblem, problemOf, operatorKey, vietnamInstant, el } from './shared.js';

const CHECK_DELAY_MS = 250;
const MAX_UNIT_ROWS = 300;

const KIND = {
  'final-review': 'Tổng kết',
  'interim-review': 'Sơ kết',
  'annual-emulation': 'Thi đua hằng năm',
  programme: 'Chương trình, đề án nhiều năm',
};
const DELIVERABLE_KIND = { report: 'Báo cáo', registration: 'Đăng ký', 'implementation-plan': 'Kế hoạch thực hiện' };
const SEMANTICS = { before: 'Trước ngày', by: 'Chậm nhất ngày', 'within-month': 'Trong tháng' };
const LATE_POLICY = { 'accept-and-mark-late': 'Nhận, đánh dấu nộp muộn', reject: 'Không nhận' };
const FIELD_TYPE = { integer: 'Số nguyên', decimal: 'Số thập phân', percent: 'Tỷ lệ %', boolean: 'Có / không', text: 'Văn bản', table: 'Bảng' };
const COLUMN_TYPE = { text: 'Văn bản', integer: 'Số nguyên', decimal: 'Số thập phân', date: 'Ngày', choice: 'Danh sách chọn', year: 'Năm' };
const AWARD_LEVEL = {
  'minister-certificate': 'Bằng khen của Bộ trưởng Bộ Công an',
  'province-chair-certificate': 'Bằng khen của Chủ tịch UBND tỉnh',
  'police-director-certificate': 'Giấy khen của Giám đốc Công an tỉnh',
  'district-chair-certificate': 'Giấy khen của Chủ tịch UBND cấp huyện',
  'emulation-flag': 'Cờ thi đua',
};
const QUOTA_PER = { all: 'Cả đợt', proposer: 'Mỗi đơn vị đề nghị', 'nominee-unit': 'Mỗi đơn vị được đề nghị' };
const NOMINEE_KIND = { collective: 'Tập thể', individual: 'Cá nhân' };
const RULE_KIND = { flag: 'Điều kiện có/không', 'minimum-number': 'Số tối thiểu', 'yearly-level': 'Xếp loại hằng năm' };
const SCHEDULE_KIND = {
  reminder: 'Nhắc hạn',
  deadline: 'Hết hạn',
  chase: 'Đôn đốc',
  escalation: 'Báo thành viên phụ trách',
  'milestone-reminder': 'Nhắc mốc',
  milestone: 'Mốc công việc',
};

const $ = (id) => document.getElementById(id);

const state = {
  plan: null,
  draftId: null,
  check: null,
  checkSeq: 0,
  checkTimer: null,
  imported: null,
  saving: false,
  starting: false,
  startIdTyped: false,
  startFromTyped: false,
};

// ---- paths: "$.deliverables[0].forms[1].fields[2].label", as the validator names them ----

function tokens(path) {
  const out = [];
  for (const match of path.replace(/^\$/, '').matchAll(/\.([A-Za-z0-9_]+)|\[(\d+)\]/g)) {
    out.push(match[1] ?? Number(match[2]));
  }
  return out;
}

function at(base, key) {
  return typeof key === 'number' ? `${base}[${key}]` : `${base}.${key}`;
}

function getAt(path) {
  let node = state.plan;
  for (const key of tokens(path)) {
    if (node === undefined || node === null) return undefined;
    node = node[key];
  }
  return node;
}

/** Sets a value, making the objects on the way; undefined removes the property, so an emptied optional field is absent. */
function setAt(path, value) {
  const keys = tokens(path);
  let node = state.plan;
  for (let i = 0; i < keys.length - 1; i++) {
    if (node[keys[i]] === undefined || node[keys[i]] === null) node[keys[i]] = typeof keys[i + 1] === 'number' ? [] : {};
    node = node[keys[i]];
  }
  const last = keys[keys.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
}

function listAt(path) {
  const list = getAt(path);
  if (Array.isArray(list)) return list;
  setAt(path, []);
  return getAt(path);
}

// ---- the plan as the API reads it ----

function todayInVietnam() {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date()).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

function newPlan() {
  const today = todayInVietnam();
  return {
    id: '',
    number: '',
    issuedOn: today,
    issuer: '',
    title: '',
    legalBasis: [],
    kind: 'final-review',
    dataPeriod: { from: `${today.slice(0, 4)}-01-01`, to: today },
    closesOn: `${today.slice(0, 4)}-12-31`,
    blocks: [],
    units: [],
    deliverables: [],
    nominationRounds: [],
    reminders: { daysBefore: [7, 1], sendAt: '08:00:00', chase: { everyDays: 3, maxCount: 2 }, escalateAfterChases: 0 },
    milestones: [],
    operatorEmails: [],
  };
}

function planText() {
  return JSON.stringify(state.plan, null, 2);
}

// ---- inputs bound to a path ----

let nextInputId = 0;

function changed() {
  fillStart();
  scheduleCheck();
}

/**
 * A labelled input bound to the plan at path. kind: text (empty removes an optional value), number, days (a list of
 * whole numbers), list (texts separated by ";"), date, month, time, select.
 */
function field(path, label, options = {}) {
  const { kind = 'text', required = false, hint, choices, wide = false, placeholder, min, step } = options;
  const id = `f${++nextInputId}`;
  const value = getAt(path);
  let input;
  if (kind === 'select') {
    input = el('select', { id });
    for (const [code, text] of Object.entries(choices)) input.append(el('option', { value: code, text }));
    input.value = value ?? Object.keys(choices)[0];
  } else {
    const type = { number: 'number', date: 'date', month: 'month', time: 'time' }[kind] ?? 'text';
    input = el('input', { id, type, autocomplete: 'off', placeholder, min, step: step ?? (kind === 'number' ? 'any' : null) });
    input.value = kind === 'list' || kind === 'days' ? (value ?? []).join('; ') : kind === 'time' ? String(value ?? '').slice(0, 5) : value ?? '';
  }
  input.dataset.path = path;
  const read = () => {
    const raw = input.value;
    switch (kind) {
      case 'number': return raw === '' ? undefined : Number(raw);
      case 'days': return raw.split(/[;,\s]+/).filter(Boolean).map(Number);
      case 'list': return raw.split(/[;\n]/).map((s) => s.trim()).filter(Boolean);
      case 'time': return raw ? `${raw.length === 5 ? `${raw}:00` : raw}` : undefined;
      case 'select': return raw;
      default: return raw === '' && !required ? undefined : raw;
    }
  };
  input.addEventListener(kind === 'select' ? 'change' : 'input', () => {
    setAt(path, read());
    if (options.onChange) options.onChange(input.value);
    changed();
  });
  const hintNode = hint ? el('small', { class: 'hint', text: hint }) : null;
  return el('div', { class: `field${wide ? ' wide' : ''}`, 'data-field': path },
    el('label', { for: id, text: label }), input, hintNode, errorSlot());
}

function checkbox(path, label, onChange) {
  const id = `f${++nextInputId}`;
  const input = el('input', { id, type: 'checkbox' });
  input.checked = Boolean(getAt(path));
  input.dataset.path = path;
  input.addEventListener('change', () => {
    setAt(path, input.checked ? true : undefined);
    if (onChange) onChange(input.checked);
    changed();
  });
  return el('div', { class: 'field check', 'data-field': path }, el('label', { for: id }, input, ` ${label}`), errorSlot());
}

function errorSlot() {
  return el('ul', { class: 'field-errors', hidden: true });
}

/** Which blocks a deliverable or round applies to, as boxes to tick; units named one by one are kept and counted. */
function blockScope(path, label) {
  const scope = getAt(path) ?? {};
  const chosen = new Set(scope.blocks ?? []);
  const box = el('fieldset', { class: 'scope', 'data-field': path }, el('legend', { text: label }));
  const blocks = state.plan.blocks ?? [];
  if (blocks.length === 0) box.append(el('p', { class: 'hint', text: 'Chưa có khối nào: thêm khối ở mục 3.' }));
  for (const block of blocks) {
    const id = `f${++nextInputId}`;
    const input = el('input', { id, type: 'checkbox', value: block.id });
    input.checked = chosen.has(block.id);
    input.addEventListener('change', () => {
      const current = new Set(getAt(at(path, 'blocks')) ?? []);
      if (input.checked) current.add(block.id);
      else current.delete(block.id);
      setAt(at(path, 'blocks'), blocks.map((b) => b.id).filter((b) => current.has(b)).concat([...current].filter((b) => !blocks.some((x) => x.id === b))));
      changed();
    });
    box.append(el('label', { for: id, class: 'scope-item' }, input, ` ${block.name || block.id}`));
  }
  if ((scope.units ?? []).length > 0) box.append(el('p', { class: 'hint', text: `Cùng ${scope.units.length} đơn vị được chỉ định riêng.` }));
  box.append(errorSlot());
  return box;
}

/** A deadline: its wording, its day (or month), and the last instant a file is accepted, as the host computes it. */
function deadlineEditor(path, label, { optional = false } = {}) {
  const deadline = getAt(path);
  const semantics = deadline?.semantics ?? '';
  const id = `f${++nextInputId}`;
  const select = el('select', { id });
  if (optional) select.append(el('option', { value: '', text: 'Chưa ấn định (ấn định trong kỳ)' }));
  for (const [code, text] of Object.entries(SEMANTICS)) select.append(el('option', { value: code, text }));
  select.value = semantics || (optional ? '' : 'before');
  select.dataset.path = at(path, 'semantics');
  const box = el('fieldset', { class: 'deadline', 'data-field': path }, el('legend', { text: label }));
  box.append(el('div', { class: 'field' }, el('label', { for: id, text: 'Cách tính hạn' }), select));
  if (semantics === 'within-month') {
    box.append(field(at(path, 'month'), 'Tháng', { kind: 'month' }));
  } else if (semantics) {
    box.append(field(at(path, 'date'), 'Ngày', { kind: 'date' }));
  }
  box.append(el('p', { class: 'deadline-last', 'data-deadline': path }), errorSlot());
  select.addEventListener('change', () => {
    const old = getAt(path) ?? {};
    if (!select.value) {
      setAt(path, undefined);
    } else if (select.value === 'within-month') {
      setAt(path, { semantics: 'within-month', month: old.month ?? (old.date ? old.date.slice(0, 7) : undefined) });
    } else {
      setAt(path, { semantics: select.value, date: old.date });
    }
    rerender();
  });
  return box;
}

function button(text, onClick, className = 'secondary') {
  const b = el('button', { type: 'button', class: className, text });
  b.addEventListener('click', onClick);
  return b;
}

/** A button that removes item i of the list at path, then redraws the editor. */
function remover(listPath, i, text = 'Xoá') {
  return button(text, () => {
    listAt(listPath).splice(i, 1);
    rerender();
  }, 'remove');
}

function adder(listPath, text, make) {
  return button(text, () => {
    listAt(listPath).push(make(listAt(listPath).length));
    rerender();
  }, 'add');
}

// ---- the sections ----

function renderIdentity() {
  return el('div', { class: 'grid' },
    field('$.id', 'Mã kế hoạch', { required: true, hint: 'Chữ không dấu, số, «-»; cũng là mã kỳ báo cáo. Ví dụ: bac-giang-2025-chi-thi-07' }),
    field('$.number', 'Số kế hoạch', { required: true, placeholder: '30/KH-BCĐ' }),
    field('$.issuedOn', 'Ngày ban hành', { kind: 'date', required: true }),
    field('$.issuer', 'Cơ quan ban hành', { required: true, wide: true }),
    field('$.place', 'Địa danh', { hint: 'Ví dụ: Bắc Giang; để trống thì lấy từ tên cơ quan ban hành' }),
    field('$.title', 'Trích yếu', { required: true, wide: true }),
    field('$.kind', 'Loại kỳ báo cáo', { kind: 'select', choices: KIND }),
    field('$.dataPeriod.from', 'Số liệu tính từ ngày', { kind: 'date', required: true }),
    field('$.dataPeriod.to', 'Số liệu tính đến ngày', { kind: 'date', required: true }),
    field('$.closesOn', 'Kỳ báo cáo kết thúc ngày', { kind: 'date', required: true }),
    field('$.operatorEmails', 'Thư điện tử của cơ quan thường trực', { kind: 'list', wide: true, hint: 'Nhận nhắc mốc công việc; nhiều địa chỉ cách nhau bằng dấu ;' }));
}

function renderLegal() {
  const list = listAt('$.legalBasis');
  return el('div', { 'data-field': '$.legalBasis' },
    ...list.map((_, i) => el('div', { class: 'row' }, field(`$.legalBasis[${i}]`, `Căn cứ ${i + 1}`, { required: true, wide: true }), remover('$.legalBasis', i))),
    adder('$.legalBasis', 'Thêm căn cứ', () => ''),
    errorSlot());
}

function renderBlocks() {
  const list = listAt('$.blocks');
  return el('div', { 'data-field': '$.blocks' },
    el('p', { class: 'hint', text: 'Các khối đơn vị (ví dụ: Ban Chỉ đạo cấp huyện; Sở, ngành). Danh sách đơn vị ghi khối bằng mã hoặc tên khối.' }),
    ...list.map((_, i) => el('div', { class: 'row', 'data-field': `$.blocks[${i}]` },
      field(`$.blocks[${i}].id`, 'Mã khối', { required: true }),
      field(`$.blocks[${i}].name`, 'Tên khối', { required: true, wide: true }),
      remover('$.blocks', i),
      errorSlot())),
    adder('$.blocks', 'Thêm khối', (n) => ({ id: `khoi-${n + 1}`, name: '' })),
    errorSlot());
}

function flatten(units, parent = null, path = '$.units', out = []) {
  units.forEach((unit, i) => {
    const here = `${path}[${i}]`;
    out.push({ unit, parent, path: here });
    flatten(unit.units ?? [], unit, `${here}.units`, out);
  });
  return out;
}

function renderUnits() {
  const all = flatten(state.plan.units ?? []);
  const blockName = Object.fromEntries((state.plan.blocks ?? []).map((b) => [b.id, b.name]));
  const fileId = `f${++nextInputId}`;
  const file = el('input', { id: fileId, type: 'file', accept: '.xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  file.addEventListener('change', () => importUnits(file));
  const top = el('div', { class: 'row' },
    button('Tải mẫu danh sách (.xlsx)', () => downloadTemplate('xlsx')),
    button('Tải mẫu (.csv)', () => downloadTemplate('csv')),
    el('div', { class: 'field' }, el('label', { for: fileId, text: 'Nhập danh sách đơn vị từ tệp (.xlsx hoặc .csv)' }), file));
  const hint = el('p', { class: 'hint', text: all.length
    ? 'Mẫu tải về đã điền sẵn các đơn vị hiện có: sửa trong Excel rồi nhập lại, các thay đổi được liệt kê để xác nhận trước khi áp dụng.'
    : 'Tải mẫu, điền mỗi dòng một đơn vị (mã, tên, khối, thư điện tử, đơn vị cấp trên…), rồi nhập tệp.' });
  const box = el('div', { 'data-field': '$.units' }, hint, top, el('div', { id: 'import-result' }));
  if (state.imported) box.append(renderImport(state.imported));
  const direct = (state.plan.units ?? []).length;
  box.append(el('p', { class: 'unit-count', id: 'unit-count', text: all.length
    ? `${all.length} đơn vị (${direct} trực thuộc kế hoạch, ${all.length - direct} cấp dưới).`
    : 'Chưa có đơn vị nào.' }));
  if (all.length) {
    const rows = all.slice(0, MAX_UNIT_ROWS).map(({ unit, parent, path }) => el('tr', { 'data-field': path },
      el('td', { text: unit.id }),
      el('td', {}, el('span', { text: unit.name }), errorSlot()),
      el('td', { text: blockName[unit.block] ?? unit.block }),
      el('td', { text: (unit.emails ?? []).join('; ') }),
      el('td', { text: parent ? parent.name : '—' })));
    box.append(el('div', { class: 'scroll' }, el('table', { class: 'data', id: 'unit-table' },
      el('thead', {}, el('tr', {}, ...['Mã', 'Tên đơn vị', 'Khối', 'Thư điện tử', 'Đơn vị cấp trên'].map((h) => el('th', { text: h })))),
      el('tbody', {}, ...rows))));
    if (all.length > MAX_UNIT_ROWS) box.append(el('p', { class: 'hint', text: `Hiện ${MAX_UNIT_ROWS} đơn vị đầu; tải mẫu để xem đủ danh sách.` }));
  }
  box.append(errorSlot());
  return box;
}

function renderImport(result) {
  if (result.error) {
    // Each message already names its row and column ("Dòng 3, cột «Khối»: …").
    const problem = result.error instanceof ProblemError ? result.error.problem : { title: 'Không kết nối được tới máy chủ.', errors: [] };
    return el('div', { class: 'alert import-errors', role: 'alert', id: 'import-errors' },
      el('p', { class: 'problem-title', text: `Tệp «${result.fileName}»: ${problem.title}` }),
      el('ul', { class: 'problem-fields' }, ...(problem.errors ?? []).map((e) => el('li', { text: e.message }))),
      el('p', { text: 'Không đơn vị nào được nhập; sửa tệp rồi nhập lại.' }));
  }
  const { diff } = result;
  const changes = diff.added.length + diff.removed.length + diff.changed.length;
  const box = el('div', { class: 'import-diff panel-inner', id: 'import-diff' },
    el('h3', { text: `Tệp «${result.fileName}»: ${result.unitCount} đơn vị` }),
    el('p', { text: changes ? `Thêm ${diff.added.length}, bỏ ${diff.removed.length}, sửa ${diff.changed.length} đơn vị so với kế hoạch đang soạn.` : 'Không có thay đổi nào so với kế hoạch đang soạn.' }));
  const list = (title, items, text) => items.length
    ? el('div', {}, el('h4', { text: `${title} (${items.length})` }), el('ul', {}, ...items.map((x) => el('li', { text: text(x) }))))
    : null;
  const FIELD = { name: 'tên', block: 'khối', emails: 'thư điện tử', supervisor: 'thành viên phụ trách', managedBy: 'đơn vị quản lý', isPolice: 'thuộc Công an', parent: 'đơn vị cấp trên' };
  box.append(...[
    list('Thêm', diff.added, (u) => `${u.id} — ${u.name}`),
    list('Bỏ', diff.removed, (u) => `${u.id} — ${u.name}`),
    list('Sửa', diff.changed, (c) => `${c.id} — ${c.name}: ${c.fields.map((f) => FIELD[f] ?? f).join(', ')}`),
  ].filter(Boolean));
  if (result.planErrors.length) {
    box.append(el('p', { class: 'hint', text: `Sau khi áp dụng, kế hoạch còn ${result.planErrors.length} lỗi (hiện bên cạnh từng mục).` }));
  }
  box.append(el('div', { class: 'row' },
    changes ? button('Áp dụng thay đổi', () => {
      state.plan.units = result.units;
      state.imported = null;
      rerender();
    }, 'primary') : null,
    button(changes ? 'Huỷ' : 'Đóng', () => {
      state.imported = null;
      rerender();
    })));
  return box;
}

async function importUnits(input) {
  const file = input.files?.[0];
  if (!file) return;
  const form = new FormData();
  form.append('plan', planText());
  form.append('file', file, file.name);
  try {
    const response = await fetch('/api/plans/units/import', { method: 'POST', headers: { 'X-Api-Key': operatorKey() ?? '', Accept: 'application/json' }, body: form });
    if (response.status === 401) throw new AuthError();
    if (!response.ok) throw new ProblemError(response.status, await problemOf(response));
    state.imported = { ...(await response.json()), fileName: file.name };
  } catch (error) {
    if (error instanceof AuthError) return showLogin();
    state.imported = { error, fileName: file.name };
  }
  rerender();
}

async function downloadTemplate(format) {
  try {
    const hasUnits = (state.plan.units ?? []).length > 0;
    const response = await fetch(`/api/plans/units/template?format=${format}`, hasUnits
      ? { method: 'POST', headers: { 'X-Api-Key': operatorKey() ?? '', 'Content-Type': 'application/json' }, body: planText() }
      : { headers: { 'X-Api-Key': operatorKey() ?? '' } });
    if (response.status === 401) throw new AuthError();
    if (!response.ok) throw new ProblemError(response.status, await problemOf(response));
    save(await response.blob(), `danh-sach-don-vi${state.plan.id ? `-${state.plan.id}` : ''}.${format}`);
    showProblem($('action-error'), null);
  } catch (error) {
    if (error instanceof AuthError) return showLogin();
    showProblem($('action-error'), error);
  }
}

function renderDeliverables() {
  const list = listAt('$.deliverables');
  return el('div', { 'data-field': '$.deliverables' },
    ...list.map((d, i) => renderDeliverable(d, `$.deliverables[${i}]`, i)),
    adder('$.deliverables', 'Thêm nội dung phải nộp', (n) => ({
      id: `bao-cao-${n + 1}`, kind: 'report', title: '', appliesTo: { blocks: [] }, deadline: { semantics: 'before' }, forms: [],
    })),
    errorSlot());
}

function renderDeliverable(d, path, i) {
  return el('fieldset', { class: 'item', 'data-field': path, 'data-item': 'deliverable' },
    el('legend', { text: `Nội dung ${i + 1}${d.title ? `: ${d.title}` : ''}` }),
    el('div', { class: 'grid' },
      field(at(path, 'id'), 'Mã nội dung', { required: true }),
      field(at(path, 'kind'), 'Loại', { kind: 'select', choices: DELIVERABLE_KIND }),
      field(at(path, 'title'), 'Tên nội dung phải nộp', { required: true, wide: true }),
      field(at(path, 'latePolicy'), 'Nộp sau hạn', { kind: 'select', choices: LATE_POLICY }),
      checkbox(at(path, 'optional'), 'Không bắt buộc')),
    blockScope(at(path, 'appliesTo'), 'Đơn vị phải nộp (theo khối)'),
    deadlineEditor(at(path, 'deadline'), 'Thời hạn'),
    renderOutline(at(path, 'outline')),
    renderForms(at(path, 'forms')),
    el('div', { class: 'row end' }, remover('$.deliverables', i, 'Xoá nội dung này')),
    errorSlot());
}

function renderOutline(path) {
  const list = getAt(path) ?? [];
  return el('fieldset', { class: 'sub', 'data-field': path }, el('legend', { text: 'Đề cương báo cáo' }),
    ...list.map((_, i) => el('div', { class: 'row', 'data-field': at(path, i) },
      field(`${path}[${i}].number`, 'Mục', { required: true }),
      field(`${path}[${i}].title`, 'Tên mục', { required: true, wide: true }),
      remover(path, i))),
    adder(path, 'Thêm mục', (n) => ({ number: String(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'][n] ?? n + 1), title: '' })),
    errorSlot());
}

function renderForms(path) {
  const list = getAt(path) ?? [];
  return el('div', { class: 'forms', 'data-field': path },
    ...list.map((form, f) => {
      const formPath = at(path, f);
      return el('fieldset', { class: 'sub form-item', 'data-field': formPath, 'data-item': 'form' },
        el('legend', { text: `Biểu mẫu ${f + 1}${form.title ? `: ${form.title}` : ''}` }),
        el('div', { class: 'grid' },
          field(at(formPath, 'id'), 'Mã biểu', { required: true }),
          field(at(formPath, 'title'), 'Tên biểu', { required: true, wide: true })),
        renderFields(at(formPath, 'fields')),
        (form.templates ?? []).length ? el('p', { class: 'hint', text: `Tệp mẫu: ${form.templates.map((t) => t.file).join(', ')} (đính kèm khi bắt đầu kỳ).` }) : null,
        el('div', { class: 'row end' }, remover(path, f, 'Xoá biểu mẫu')),
        errorSlot());
    }),
    adder(path, 'Thêm biểu mẫu', (n) => ({ id: `bieu-${String(n + 1).padStart(2, '0')}`, title: '', fields: [] })),
    errorSlot());
}

function renderFields(path) {
  const list = getAt(path) ?? [];
  return el('div', { class: 'fields', 'data-field': path },
    el('h4', { text: 'Chỉ tiêu' }),
    ...list.map((x, i) => {
      const fieldPath = at(path, i);
      const isTable = x.type === 'table';
      return el('div', { class: 'field-item', 'data-field': fieldPath, 'data-item': 'field' },
        el('div', { class: 'row' },
          field(at(fieldPath, 'id'), 'Mã chỉ tiêu', { required: true }),
          field(at(fieldPath, 'label'), 'Tên chỉ tiêu', { required: true, wide: true }),
          field(at(fieldPath, 'type'), 'Kiểu', { kind: 'select', choices: FIELD_TYPE, onChange: (type) => retype(fieldPath, type) }),
          isTable ? null : field(at(fieldPath, 'unit'), 'Đơn vị tính'),
          isTable || !['integer', 'decimal'].includes(x.type) ? null : field(at(fieldPath, 'max'), 'Giá trị tối đa', { kind: 'number', min: 0 }),
          remover(path, i)),
        isTable ? renderColumns(fieldPath) : null,
        errorSlot());
    }),
    adder(path, 'Thêm chỉ tiêu', (n) => ({ id: `chi-tieu-${n + 1}`, label: '', type: 'integer' })),
    errorSlot());
}

/** A field's kind decides what else it has: a table has columns and row limits, a number a unit and a maximum. */
function retype(path, type) {
  const x = getAt(path);
  if (type === 'table') {
    delete x.unit;
    delete x.max;
    x.columns = x.columns ?? [];
  } else {
    delete x.columns;
    delete x.minRows;
    delete x.maxRows;
    delete x.groupBy;
    if (!['integer', 'decimal'].includes(type)) delete x.max;
  }
  rerender();
}

function renderColumns(fieldPath) {
  const path = at(fieldPath, 'columns');
  const list = getAt(path) ?? [];
  return el('fieldset', { class: 'sub columns-editor', 'data-field': path }, el('legend', { text: 'Các cột của bảng' }),
    ...list.map((c, i) => el('div', { class: 'row', 'data-field': at(path, i), 'data-item': 'column' },
      field(`${path}[${i}].id`, 'Mã cột', { required: true }),
      field(`${path}[${i}].label`, 'Tên cột', { required: true, wide: true }),
      field(`${path}[${i}].type`, 'Kiểu cột', { kind: 'select', choices: COLUMN_TYPE, onChange: (type) => {
        const column = getAt(at(path, i));
        if (type !== 'choice') delete column.choices;
        if (!['integer', 'decimal'].includes(type)) delete column.max;
        rerender();
      } }),
      c.type === 'choice' ? field(`${path}[${i}].choices`, 'Các lựa chọn', { kind: 'list', hint: 'Cách nhau bằng dấu ;' }) : null,
      ['integer', 'decimal'].includes(c.type) ? field(`${path}[${i}].max`, 'Tối đa', { kind: 'number', min: 0 }) : null,
      checkbox(`${path}[${i}].required`, 'Bắt buộc'),
      remover(path, i))),
    adder(path, 'Thêm cột', (n) => ({ id: `cot-${n + 1}`, label: '', type: 'text' })),
    el('div', { class: 'row' },
      field(at(fieldPath, 'minRows'), 'Số dòng tối thiểu', { kind: 'number', min: 0, step: 1 }),
      field(at(fieldPath, 'maxRows'), 'Số dòng tối đa', { kind: 'number', min: 1, step: 1 })),
    errorSlot());
}

function renderRounds() {
  const list = listAt('$.nominationRounds');
  return el('div', { 'data-field': '$.nominationRounds' },
    ...list.map((r, i) => renderRound(r, `$.nominationRounds[${i}]`, i)),
    adder('$.nominationRounds', 'Thêm đợt đề nghị khen thưởng', (n) => ({
      id: `dot-${n + 1}`, awardLevel: 'province-chair-certificate', title: '', proposers: { blocks: [] }, deadline: { semantics: 'before' }, quotas: [], eligibility: [],
    })),
    renderScales(),
    errorSlot());
}

function renderRound(r, path, i) {
  const others = Object.fromEntries([['', 'Không (đơn vị tự đề nghị)'], ...(state.plan.nominationRounds ?? []).filter((x) => x !== r).map((x) => [x.id, x.title || x.id])]);
  return el('fieldset', { class: 'item', 'data-field': path, 'data-item': 'round' },
    el('legend', { text: `Đợt ${i + 1}${r.title ? `: ${r.title}` : ''}` }),
    el('div', { class: 'grid' },
      field(at(path, 'id'), 'Mã đợt', { required: true }),
      field(at(path, 'title'), 'Tên đợt', { required: true, wide: true }),
      field(at(path, 'awardLevel'), 'Hình thức khen thưởng', { kind: 'select', choices: AWARD_LEVEL }),
      field(at(path, 'pickedFrom'), 'Lựa chọn từ đợt', { kind: 'select', choices: others, onChange: () => {
        if (!getAt(at(path, 'pickedFrom'))) setAt(at(path, 'pickedFrom'), undefined);
        rerender();
      } }),
      field(at(path, 'latePolicy'), 'Hồ sơ nộp sau hạn', { kind: 'select', choices: { reject: LATE_POLICY.reject, 'accept-and-mark-late': LATE_POLICY['accept-and-mark-late'] } }),
      checkbox(at(path, 'optional'), 'Không bắt buộc đề nghị')),
    r.pickedFrom ? null : blockScope(at(path, 'proposers'), 'Đơn vị được đề nghị (theo khối)'),
    r.pickedFrom ? null : deadlineEditor(at(path, 'deadline'), 'Thời hạn nộp hồ sơ', { optional: true }),
    renderQuotas(at(path, 'quotas')),
    renderProfiles(at(path, 'eligibility')),
    el('div', { class: 'row end' }, remover('$.nominationRounds', i, 'Xoá đợt này')),
    errorSlot());
}

function renderQuotas(path) {
  const list = getAt(path) ?? [];
  return el('fieldset', { class: 'sub', 'data-field': path }, el('legend', { text: 'Chỉ tiêu số lượng' }),
    ...list.map((q, i) => el('div', { class: 'row', 'data-field': at(path, i), 'data-item': 'quota' },
      field(`${path}[${i}].id`, 'Mã chỉ tiêu', { required: true }),
      field(`${path}[${i}].description`, 'Mô tả', { required: true, wide: true }),
      field(`${path}[${i}].per`, 'Tính theo', { kind: 'select', choices: QUOTA_PER }),
      field(`${path}[${i}].max`, 'Tối đa', { kind: 'number', min: 0, step: 1 }),
      field(`${path}[${i}].maxCollective`, 'Tối đa tập thể', { kind: 'number', min: 0, step: 1 }),
      field(`${path}[${i}].maxIndividual`, 'Tối đa cá nhân', { kind: 'number', min: 0, step: 1 }),
      checkbox(`${path}[${i}].pending`, 'Chờ giao số lượng'),
      remover(path, i),
      errorSlot())),
    adder(path, 'Thêm chỉ tiêu số lượng', (n) => ({ id: `chi-tieu-${n + 1}`, description: '' })),
    errorSlot());
}

function renderProfiles(path) {
  const list = getAt(path) ?? [];
  return el('fieldset', { class: 'sub', 'data-field': path }, el('legend', { text: 'Tiêu chuẩn xét' }),
    ...list.map((p, i) => {
      const profilePath = at(path, i);
      return el('div', { class: 'profile', 'data-field': profilePath, 'data-item': 'profile' },
        el('div', { class: 'row' },
          field(at(profilePath, 'id'), 'Mã đối tượng', { required: true }),
          field(at(profilePath, 'name'), 'Đối tượng xét', { required: true, wide: true }),
          field(at(profilePath, 'nomineeKind'), 'Loại', { kind: 'select', choices: NOMINEE_KIND }),
          remover(path, i)),
        renderRules(at(profilePath, 'rules')),
        errorSlot());
    }),
    adder(path, 'Thêm đối tượng xét', (n) => ({ id: `doi-tuong-${n + 1}`, name: '', nomineeKind: 'collective', rules: [] })),
    errorSlot());
}

function renderRules(path) {
  const list = getAt(path) ?? [];
  const scales = Object.fromEntries((state.plan.scales ?? []).map((s) => [s.id, s.name || s.id]));
  return el('div', { class: 'rules', 'data-field': path },
    ...list.map((rule, i) => {
      const rulePath = at(path, i);
      if (!RULE_KIND[rule.kind]) {
        return el('div', { class: 'row', 'data-field': rulePath }, el('p', { class: 'hint', text: `Tiêu chuẩn «${rule.description}» (nhiều phương án) được giữ nguyên.` }), remover(path, i), errorSlot());
      }
      const levels = Object.fromEntries(((state.plan.scales ?? []).find((s) => s.id === rule.scale)?.levels ?? []).map((l) => [l.id, l.name]));
      return el('div', { class: 'row rule', 'data-field': rulePath },
        field(at(rulePath, 'kind'), 'Loại tiêu chuẩn', { kind: 'select', choices: RULE_KIND, onChange: (kind) => {
          const { id, description } = getAt(rulePath);
          setAt(rulePath, newRule(kind, id, description));
          rerender();
        } }),
        field(at(rulePath, 'id'), 'Mã', { required: true }),
        field(at(rulePath, 'description'), 'Nội dung tiêu chuẩn', { required: true, wide: true }),
        ...(rule.kind === 'flag' ? [field(at(rulePath, 'flag'), 'Mã điều kiện', { required: true }), checkbox(at(rulePath, 'required'), 'Bắt buộc «Có»')] : []),
        ...(rule.kind === 'minimum-number' ? [field(at(rulePath, 'number'), 'Mã số liệu', { required: true }), field(at(rulePath, 'minimum'), 'Tối thiểu', { kind: 'number', min: 0 })] : []),
        ...(rule.kind === 'yearly-level' ? [
          field(at(rulePath, 'scale'), 'Thang xếp loại', { kind: 'select', choices: { '': '—', ...scales }, onChange: () => rerender() }),
          field(at(rulePath, 'fromYear'), 'Từ năm', { kind: 'number', step: 1 }),
          field(at(rulePath, 'toYear'), 'Đến năm', { kind: 'number', step: 1 }),
          field(at(rulePath, 'minimum'), 'Mỗi năm tối thiểu', { kind: 'select', choices: { '': '—', ...levels } }),
          field(at(rulePath, 'atLeastLevel'), 'Có ít nhất (mức)', { kind: 'select', choices: { '': 'Không yêu cầu', ...levels }, onChange: (v) => { if (!v) setAt(at(rulePath, 'atLeastLevel'), undefined); } }),
          field(at(rulePath, 'atLeastCount'), 'Số năm', { kind: 'number', min: 0, step: 1 }),
        ] : []),
        remover(path, i),
        errorSlot());
    }),
    adder(path, 'Thêm tiêu chuẩn', (n) => newRule('flag', `tieu-chuan-${n + 1}`, '')),
    errorSlot());
}

function newRule(kind, id, description) {
  switch (kind) {
    case 'minimum-number': return { kind, id, description, number: '', minimum: 1 };
    case 'yearly-level': {
      const year = Number((state.plan.issuedOn ?? todayInVietnam()).slice(0, 4));
      return { kind, id, description, scale: '', fromYear: year - 5, toYear: year - 1, minimum: '' };
    }
    default: return { kind: 'flag', id, description, flag: '', required: true };
  }
}

function renderScales() {
  const path = '$.scales';
  const list = getAt(path) ?? [];
  return el('fieldset', { class: 'sub', 'data-field': path }, el('legend', { text: 'Thang xếp loại (dùng cho tiêu chuẩn xếp loại hằng năm)' }),
    ...list.map((s, i) => el('div', { class: 'profile', 'data-field': at(path, i) },
      el('div', { class: 'row' },
        field(`${path}[${i}].id`, 'Mã thang', { required: true }),
        field(`${path}[${i}].name`, 'Tên thang', { required: true, wide: true }),
        remover(path, i)),
      el('div', { class: 'rules', 'data-field': `${path}[${i}].levels` },
        ...(s.levels ?? []).map((_, l) => el('div', { class: 'row' },
          field(`${path}[${i}].levels[${l}].id`, `Mức ${l + 1} (thấp → cao): mã`, { required: true }),
          field(`${path}[${i}].levels[${l}].name`, 'Tên mức', { required: true, wide: true }),
          remover(`${path}[${i}].levels`, l))),
        adder(`${path}[${i}].levels`, 'Thêm mức', (n) => ({ id: `muc-${n + 1}`, name: '' })),
        errorSlot()),
      errorSlot())),
    adder(path, 'Thêm thang xếp loại', (n) => ({ id: `thang-${n + 1}`, name: '', levels: [] })),
    errorSlot());
}

function renderReminders() {
  return el('div', { class: 'grid', 'data-field': '$.reminders' },
    field('$.reminders.daysBefore', 'Nhắc trước hạn (số ngày)', { kind: 'days', hint: 'Ví dụ: 7; 3; 1' }),
    field('$.reminders.sendAt', 'Giờ gửi thư', { kind: 'time' }),
    field('$.reminders.chase.everyDays', 'Đôn đốc sau hạn, cách nhau (ngày)', { kind: 'number', min: 1, step: 1 }),
    field('$.reminders.chase.maxCount', 'Số lần đôn đốc tối đa', { kind: 'number', min: 0, step: 1 }),
    field('$.reminders.escalateAfterChases', 'Báo thành viên phụ trách sau số lần đôn đốc', { kind: 'number', min: 0, step: 1, hint: '0: không báo' }),
    errorSlot());
}

function renderMilestones() {
  const list = listAt('$.milestones');
  return el('div', { 'data-field': '$.milestones' },
    ...list.map((m, i) => el('fieldset', { class: 'item', 'data-field': `$.milestones[${i}]` },
      el('legend', { text: `Mốc ${i + 1}${m.title ? `: ${m.title}` : ''}` }),
      el('div', { class: 'grid' },
        field(`$.milestones[${i}].id`, 'Mã mốc', { required: true }),
        field(`$.milestones[${i}].title`, 'Tên mốc', { required: true, wide: true }),
        checkbox(`$.milestones[${i}].consolidate`, 'Lập bản tổng hợp nhanh tại mốc')),
      deadlineEditor(`$.milestones[${i}].deadline`, 'Thời hạn'),
      el('div', { class: 'row end' }, remover('$.milestones', i)),
      errorSlot())),
    adder('$.milestones', 'Thêm mốc công việc', (n) => ({ id: `moc-${n + 1}`, title: '', deadline: { semantics: 'by' } })),
    errorSlot());
}

const SECTIONS = {
  identity: renderIdentity,
  legal: renderLegal,
  blocks: renderBlocks,
  units: renderUnits,
  deliverables: renderDeliverables,
  rounds: renderRounds,
  reminders: renderReminders,
  milestones: renderMilestones,
};

/** Redraws every section from the plan, keeps the focus on the same field, and checks the plan again. */
function rerender() {
  const focused = document.activeElement?.dataset?.path;
  for (const [id, render] of Object.entries(SECTIONS)) {
    $(id).querySelector('.body').replaceChildren(render());
  }
  if (focused) document.querySelector(`[data-path="${CSS.escape(focused)}"]`)?.focus();
  showCheck();
  scheduleCheck();
}

// ---- the check: errors beside their fields, deadlines' last instants, the schedule ----

function scheduleCheck() {
  clearTimeout(state.checkTimer);
  state.checkTimer = setTimeout(runCheck, CHECK_DELAY_MS);
  $('check-status').textContent = 'Đang kiểm tra…';
  $('check-status').className = 'check-status';
}

async function runCheck() {
  const seq = ++state.checkSeq;
  try {
    const result = await apiSend('POST', 'plans/check', planText());
    if (seq !== state.checkSeq) return;
    state.check = result;
  } catch (error) {
    if (seq !== state.checkSeq) return;
    if (error instanceof AuthError) return showLogin();
    state.check = { errors: [{ field: '$', message: error instanceof ProblemError ? error.problem.title : 'Không kết nối được tới máy chủ.' }], deadlines: [], schedule: [] };
  }
  showCheck();
}

/** Finds the element an error's path belongs to: the field itself, or the nearest enclosing part of the plan shown. */
function placeOf(path, index) {
  let p = path;
  while (p && p !== '$') {
    if (index.has(p)) return index.get(p);
    p = p.replace(/(\.[A-Za-z0-9_]+|\[\d+\])$/, '');
  }
  return null;
}

function showCheck() {
  const check = state.check;
  const index = new Map([...document.querySelectorAll('#editor [data-field]')].map((node) => [node.dataset.field, node]));
  for (const slot of document.querySelectorAll('#editor .field-errors')) {
    slot.replaceChildren();
    slot.hidden = true;
  }
  for (const input of document.querySelectorAll('#editor [aria-invalid]')) input.removeAttribute('aria-invalid');
  for (const node of document.querySelectorAll('#editor .has-error')) node.classList.remove('has-error');
  if (!check) return;
  const errors = check.errors ?? [];
  for (const error of errors) {
    const place = placeOf(error.field ?? '', index);
    const slot = place?.querySelector(':scope > .field-errors, :scope > td > .field-errors');
    // An error with no field of its own on the page (e.g. a part the editor keeps as is) is in the list at the top.
    if (!slot) continue;
    slot.append(el('li', { text: error.message }));
    slot.hidden = false;
    place.classList.add('has-error');
    place.querySelector(':scope > input, :scope > select')?.setAttribute('aria-invalid', 'true');
  }
  for (const node of document.querySelectorAll('#editor [data-deadline]')) {
    const deadline = (check.deadlines ?? []).find((d) => d.field === node.dataset.deadline);
    node.textContent = deadline ? `→ ${deadline.text}` : '';
  }
  const status = $('check-status');
  status.textContent = errors.length ? `Kế hoạch còn ${errors.length} lỗi; mỗi lỗi hiện bên cạnh mục của nó.` : `Kế hoạch hợp lệ: ${check.unitCount} đơn vị, ${(check.schedule ?? []).length} mốc trong lịch.`;
  status.className = `check-status ${errors.length ? 'bad' : 'good'}`;
  const panel = $('error-panel');
  panel.hidden = errors.length === 0;
  $('error-summary').textContent = `Các lỗi (${errors.length}); bấm vào một lỗi để tới mục của nó:`;
  $('error-list').replaceChildren(...errors.map((error) => {
    const item = el('li', {}, el('span', { class: 'error-path', text: describePath(error.field) }), ` ${error.message}`);
    item.addEventListener('click', () => {
      const place = placeOf(error.field ?? '', index);
      place?.scrollIntoView({ block: 'center' });
      place?.querySelector('input, select')?.focus();
    });
    return item;
  }));
  $('start-submit').disabled = errors.length > 0;
  $('start-hint').textContent = errors.length ? 'Sửa hết lỗi để diễn tập hoặc ban hành.' : '';
  renderSchedule();
}

const PART = {
  deliverables: 'Nội dung', forms: 'biểu', fields: 'chỉ tiêu', columns: 'cột', nominationRounds: 'Đợt', quotas: 'chỉ tiêu số lượng',
  eligibility: 'đối tượng', rules: 'tiêu chuẩn', units: 'Đơn vị', blocks: 'Khối', milestones: 'Mốc', legalBasis: 'Căn cứ', scales: 'Thang', levels: 'mức',
};

/** A path as people read it: "Nội dung 1 › biểu 1 › chỉ tiêu 2". */
function describePath(path) {
  const parts = [];
  const keys = tokens(path ?? '');
  for (let i = 0; i < keys.length; i++) {
    if (typeof keys[i + 1] === 'number' && PART[keys[i]]) {
      parts.push(`${PART[keys[i]]} ${keys[i + 1] + 1}`);
      i++;
    }
  }
  return parts.length ? `${parts.join(' › ')}:` : '';
}

const WEEKDAYS = ['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN'];

function renderSchedule() {
  const check = state.check;
  const rows = check?.schedule ?? [];
  const counts = {};
  for (const row of rows) counts[row.kind] = (counts[row.kind] ?? 0) + 1;
  $('schedule-summary').textContent = check?.scheduleNote
    ?? (rows.length
      ? `${rows.length} mốc: ${Object.entries(counts).map(([kind, n]) => `${n} ${(SCHEDULE_KIND[kind] ?? kind).toLowerCase()}`).join(', ')}. Giờ Việt Nam.`
      : 'Chưa có mốc nào: thêm nội dung phải nộp có thời hạn.');
  $('schedule-table').querySelector('tbody').replaceChildren(...rows.map((row) => el('tr', { class: `ev-${row.kind}` },
    el('td', { text: row.date }), el('td', { text: row.time }), el('td', { text: SCHEDULE_KIND[row.kind] ?? row.kind }),
    el('td', { text: `${row.text} — ${row.title}` }), el('td', { class: 'num', text: row.units ? String(row.units) : '—' }))));
  $('calendar').replaceChildren(...months(rows).map(([month, byDay]) => calendarMonth(month, byDay)));
}

/** The months from the first event to the last, each with its events by day (yyyy-MM-dd in Vietnam time). */
function months(rows) {
  if (!rows.length) return [];
  const byMonth = new Map();
  const first = rows[0].day.slice(0, 7);
  const last = rows[rows.length - 1].day.slice(0, 7);
  let [y, m] = first.split('-').map(Number);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    byMonth.set(key, new Map());
    if (key >= last || byMonth.size > 36) break;
    m++;
    if (m > 12) { m = 1; y++; }
  }
  for (const row of rows) {
    const days = byMonth.get(row.day.slice(0, 7));
    if (!days) continue;
    if (!days.has(row.day)) days.set(row.day, []);
    days.get(row.day).push(row);
  }
  return [...byMonth.entries()];
}

function calendarMonth(month, byDay) {
  const [y, m] = month.split('-').map(Number);
  const firstWeekday = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7;
  const length = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const cells = [];
  for (let i = 0; i < firstWeekday; i++) cells.push(el('td', { class: 'empty' }));
  for (let d = 1; d <= length; d++) {
    const day = `${month}-${String(d).padStart(2, '0')}`;
    const events = byDay.get(day) ?? [];
    cells.push(el('td', { class: events.length ? 'has-events' : null, 'data-day': day },
      el('span', { class: 'day-number', text: String(d) }),
      events.length ? el('ul', {}, ...events.map((e) => el('li', { class: `ev ev-${e.kind}`, title: `${e.time} ${e.text} — ${e.title}`, text: `${e.time} ${SCHEDULE_KIND[e.kind] ?? e.kind}: ${e.title}` }))) : null));
  }
  const weeks = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(el('tr', {}, ...cells.slice(i, i + 7)));
  return el('table', { class: 'month', 'data-month': month },
    el('caption', { text: `Tháng ${String(m).padStart(2, '0')}/${y}` }),
    el('thead', {}, el('tr', {}, ...WEEKDAYS.map((w) => el('th', { text: w })))),
    el('tbody', {}, ...weeks));
}

// ---- drafts, files, starting ----

function save(blob, name) {
  const link = el('a', { href: URL.createObjectURL(blob), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

function draftLine(draft) {
  return `Bản nháp «${draft.draftId}», phiên bản ${draft.version}, lưu lúc ${draft.savedAtText} bởi ${draft.savedBy}${draft.errorCount ? ` (còn ${draft.errorCount} lỗi)` : ''}.`;
}

async function saveDraft() {
  if (state.saving) return;
  const draftId = state.draftId ?? (state.plan.id || '').trim();
  if (!draftId) {
    showProblem($('action-error'), new ProblemError(400, { title: 'Nhập mã kế hoạch (mục 1) trước khi lưu bản nháp.', detail: '', fields: [] }));
    $('action-error').scrollIntoView({ block: 'center' });
    return;
  }
  state.saving = true;
  $('save-draft').disabled = true;
  try {
    const saved = await apiSend('PUT', `plans/drafts/${encodeURIComponent(draftId)}`, planText());
    state.draftId = saved.draftId;
    $('draft-status').textContent = draftLine(saved);
    showProblem($('action-error'), null);
    history.replaceState(null, '', `/dashboard/plans/${encodeURIComponent(saved.draftId)}`);
    await loadDraftLists(saved.draftId, saved.version);
  } catch (error) {
    if (error instanceof AuthError) return showLogin();
    showProblem($('action-error'), error);
  } finally {
    state.saving = false;
    $('save-draft').disabled = false;
  }
}

/**
 * The drafts to open, and the versions of the current one (newest first, as the host lists them). A draft just opened
 * brings its versions; after a save they are read once.
 */
async function loadDraftLists(current, version, versions) {
  const drafts = await api('plans/drafts');
  $('open-draft').replaceChildren(el('option', { value: '', text: '— chọn để mở —' }),
    ...drafts.map((d) => el('option', { value: d.draftId, text: `${d.title || d.draftId} (${d.draftId}, phiên bản ${d.version}, ${d.savedAtText})` })));
  $('open-draft').value = current ?? '';
  if (current) {
    const list = versions ?? (await api(`plans/drafts/${encodeURIComponent(current)}`)).versions;
    $('draft-version').replaceChildren(...list.map((v) => el('option', { value: String(v.version), text: `Phiên bản ${v.version} — ${v.savedAtText}, ${v.savedBy}` })));
    $('draft-version').value = String(version);
    $('draft-version').disabled = false;
  }
}

async function openDraft(draftId, version) {
  const draft = await api(`plans/drafts/${encodeURIComponent(draftId)}${version ? `/versions/${version}` : ''}`);
  state.plan = draft.plan;
  state.draftId = draft.draftId;
  state.imported = null;
  $('draft-status').textContent = draftLine(draft);
  history.replaceState(null, '', `/dashboard/plans/${encodeURIComponent(draft.draftId)}${version ? `#version=${version}` : ''}`);
  await loadDraftLists(draft.draftId, draft.version, draft.versions);
  fillStart();
  rerender();
}

async function openFile(input) {
  const file = input.files?.[0];
  if (!file) return;
  input.value = '';
  let plan = null;
  try {
    plan = JSON.parse(await file.text());
  } catch {
    // Not JSON: refused below like any other non-plan.
  }
  if (!plan || typeof plan !== 'object' || Array.isArray(plan)) {
    showProblem($('action-error'), new ProblemError(400, { title: `Tệp «${file.name}» không phải kế hoạch dạng JSON.`, detail: '', fields: [] }));
    return;
  }
  state.plan = plan;
  state.draftId = null;
  state.imported = null;
  $('draft-status').textContent = `Mở từ tệp «${file.name}», chưa lưu thành bản nháp.`;
  history.replaceState(null, '', '/dashboard/plans/new');
  showProblem($('action-error'), null);
  fillStart();
  rerender();
}

/** The start form follows the plan's id and issue day until the operator types their own. */
function fillStart() {
  const live = $('start-mode').value === 'live';
  if (!state.startIdTyped) $('start-id').value = live ? state.plan.id ?? '' : `${state.plan.id || 'ke-hoach'}-dien-tap`;
  if (!state.startFromTyped) $('start-from').value = state.plan.issuedOn ? `${state.plan.issuedOn}T08:00` : '';
  $('start-from-field').hidden = live;
  $('start-confirm-field').hidden = !live;
  $('start-submit').textContent = live ? 'Ban hành kỳ báo cáo' : 'Bắt đầu diễn tập';
}

async function startCycle() {
  if (state.starting) return;
  const live = $('start-mode').value === 'live';
  if (live && !$('start-confirm').checked) {
    showProblem($('start-error'), new ProblemError(400, { title: 'Đánh dấu xác nhận trước khi ban hành: thư sẽ được gửi thật tới các đơn vị.', detail: '', fields: [] }));
    return;
  }
  state.starting = true;
  $('start-submit').disabled = true;
  showProblem($('start-error'), null);
  try {
    const query = new URLSearchParams();
    const id = $('start-id').value.trim();
    if (id) query.set('id', id);
    if (!live) {
      query.set('rehearsal', 'step');
      const from = vietnamInstant($('start-from').value);
      if (from) query.set('from', from);
    }
    const started = await apiSend('POST', `cycles?${query}`, planText());
    location.href = `/dashboard/#cycle=${encodeURIComponent(started.id)}`;
  } catch (error) {
    if (error instanceof AuthError) return showLogin();
    showProblem($('start-error'), error);
  } finally {
    state.starting = false;
    $('start-submit').disabled = (state.check?.errors ?? []).length > 0;
  }
}

async function copyFrom(cycleId) {
  $('copy-panel').hidden = false;
  $('copy-title').textContent = `Sao chép kế hoạch của kỳ «${cycleId}»`;
  const year = (cycleId.match(/(19|20)\d\d/) ?? [])[0];
  $('copy-new-id').value = year ? cycleId.replace(year, String(Number(year) + 1)) : `${cycleId}-moi`;
  $('copy-form').onsubmit = async (event) => {
    event.preventDefault();
    showProblem($('copy-error'), null);
    try {
      const plan = await apiSend('POST', `cycles/${encodeURIComponent(cycleId)}/copy`, {
        newId: $('copy-new-id').value.trim(), years: Number($('copy-years').value || 0), days: Number($('copy-days').value || 0),
      });
      state.plan = plan;
      state.draftId = null;
      $('copy-panel').hidden = true;
      $('draft-status').textContent = `Sao chép từ kỳ «${cycleId}», chưa lưu thành bản nháp.`;
      history.replaceState(null, '', '/dashboard/plans/new');
      fillStart();
      rerender();
    } catch (error) {
      if (error instanceof AuthError) return showLogin();
      showProblem($('copy-error'), error);
    }
  };
}

// ---- start-up ----

function showLogin() {
  $('editor').hidden = true;
  $('login').hidden = false;
}

async function open() {
  let me;
  try {
    me = await api('me');
  } catch (error) {
    if (error instanceof AuthError) return showLogin();
    $('error').textContent = 'Không kết nối được tới máy chủ.';
    $('error').hidden = false;
    return;
  }
  $('login').hidden = true;
  $('who').textContent = me.name ?? '';
  $('who').hidden = !me.name;
  // The host keeps plans to root operators (a viewer reads, a district issues its sub-cycle from the province's
  // cycle page): say so instead of an editor whose every check would be refused.
  if (me.role === 'viewer' || me.scope !== '*') {
    $('not-allowed-text').textContent = me.role === 'viewer'
      ? 'Tài khoản chỉ xem không soạn, lưu hay bắt đầu kế hoạch.'
      : `Kế hoạch mới do cơ quan thường trực (phạm vi toàn hệ thống) soạn. Đơn vị ${me.scope} ban hành kế hoạch cho các đơn vị cấp dưới tại trang kỳ báo cáo của cấp trên, mục «Đơn vị cấp dưới».`;
    $('not-allowed').hidden = false;
    return;
  }
  $('editor').hidden = false;
  const match = location.pathname.match(/^\/dashboard\/plans\/([^/]+)\/?$/);
  const draftId = match && match[1] !== 'new' ? decodeURIComponent(match[1]) : null;
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  state.plan = newPlan();
  try {
    if (draftId) {
      await openDraft(draftId, fragment.get('version'));
      return;
    }
    await loadDraftLists(null);
  } catch (error) {
    if (error instanceof AuthError) return showLogin();
    showProblem($('action-error'), error);
  }
  if (fragment.get('copy')) copyFrom(fragment.get('copy'));
  fillStart();
  rerender();
}

onLogin(open);
$('save-draft').addEventListener('click', saveDraft);
$('download-json').addEventListener('click', () => save(new Blob([planText()], { type: 'application/json' }), `${state.plan.id || 'ke-hoach'}.plan.json`));
$('open-json').addEventListener('change', () => openFile($('open-json')));
$('open-draft').addEventListener('change', () => {
  if ($('open-draft').value) openDraft($('open-draft').value).catch((error) => showProblem($('action-error'), error));
});
$('draft-version').addEventListener('change', () => {
  if (state.draftId) openDraft(state.draftId, $('draft-version').value).catch((error) => showProblem($('action-error'), error));
});
$('start-mode').addEventListener('change', () => {
  state.startIdTyped = false;
  fillStart();
});
$('start-id').addEventListener('input', () => { state.startIdTyped = true; });
$('start-from').addEventListener('input', () => { state.startFromTyped = true; });
$('start-form').addEventListener('submit', (event) => {
  event.preventDefault();
  startCycle();
});
open();
