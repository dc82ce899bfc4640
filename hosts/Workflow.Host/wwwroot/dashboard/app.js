// Monitoring dashboard: reads the operator API with the key kept in this tab's sessionStorage and redraws every 5 s.
// Everything is built with textContent, never innerHTML, so nothing the API returns is interpreted as markup.

import {
  KEY_STORAGE, ZONE, AuthError, ApiError, ProblemError, operatorKey, api, apiPost, apiSend, problemOf, problemText, showProblem, formatInstant,
  vietnamInstant, el, onLogin,
} from './shared.js';

const REFRESH_MS = 5000;

const RUNTIME = {
  pending: 'Chờ bắt đầu',
  running: 'Đang chạy',
  'continued-as-new': 'Đang chạy',
  completed: 'Đã kết thúc',
  failed: 'Lỗi',
  terminated: 'Đã dừng',
  suspended: 'Tạm dừng',
};

const STATE = {
  'on-time': 'Đúng hạn',
  late: 'Muộn',
  missing: 'Quá hạn, chưa nộp',
  pending: 'Chưa nộp',
  'not-required': 'Không bắt buộc, không nộp',
  undated: 'Chưa ấn định thời hạn',
};

const LATE_POLICY = {
  'accept-and-mark-late': 'Nhận, đánh dấu muộn',
  reject: 'Không nhận',
};

const AWARD_LEVEL = {
  'minister-certificate': 'Bằng khen của Bộ trưởng Bộ Công an',
  'province-chair-certificate': 'Bằng khen của Chủ tịch UBND tỉnh',
  'police-director-certificate': 'Giấy khen của Giám đốc Công an tỉnh',
  'district-chair-certificate': 'Giấy khen của Chủ tịch UBND cấp huyện',
  'emulation-flag': 'Cờ thi đua',
};

// Timeline kinds that mean something went wrong, and those that are routine.
const TIMELINE_TONE = {
  failed: 'bad', 'activity-failed': 'bad', 'child-failed': 'bad', terminated: 'bad',
  'upload-rejected': 'bad', 'upload-rejected-late': 'bad',
  'upload-late': 'warn', reminder: 'warn', suspended: 'warn', extension: 'warn',
  'upload-accepted': 'good', completed: 'good', consolidated: 'good',
  milestone: 'warn', 'milestone-reminder': 'warn', 'consolidation-snapshot': 'good',
  'round-awaiting-quotas': 'warn', 'round-not-judged': 'bad', 'round-dated': 'warn', 'quota-set': 'good',
};

const TIMELINE_KIND = {
  started: 'Bắt đầu', 'plan-recorded': 'Kế hoạch', completed: 'Kết thúc', failed: 'Lỗi', terminated: 'Dừng hẳn',
  suspended: 'Tạm dừng', resumed: 'Tiếp tục', extension: 'Gia hạn', consolidated: 'Tổng hợp', 'activity-failed': 'Lỗi',
  'child-failed': 'Lỗi', 'follow-up-completed': 'Đôn đốc', 'round-closed': 'Khen thưởng', 'upload-accepted': 'Nộp đúng hạn',
  'upload-late': 'Nộp muộn', 'upload-rejected-late': 'Từ chối', 'upload-rejected': 'Từ chối', reminder: 'Nhắc hạn',
  milestone: 'Mốc công việc', 'milestone-upcoming': 'Mốc sắp tới', 'milestone-reminder': 'Nhắc mốc', 'consolidation-snapshot': 'Tổng hợp nhanh',
  'round-dated': 'Ấn định thời hạn', 'round-awaiting-quotas': 'Chờ chỉ tiêu', 'round-not-judged': 'Không xét', 'quota-set': 'Nhập chỉ tiêu',
  review: 'Xác minh thành tích',
};

const ROUND_STATE = {
  undated: 'Chưa ấn định thời hạn',
  open: 'Đang nhận hồ sơ',
  'awaiting-lower': 'Chờ đợt cấp dưới',
  judging: 'Đang xét',
  'awaiting-quotas': 'Chờ chỉ tiêu',
  'awaiting-picks': 'Chờ cấp tỉnh lựa chọn',
  judged: 'Đã xét',
  'not-judged': 'Không xét do chưa có chỉ tiêu',
  'closed-without-picks': 'Kết thúc, cấp tỉnh không lựa chọn',
  failed: 'Lỗi khi xét',
};

const MAX_TIMELINE = 100;
const MAX_UNIT_ROWS = 500;

const $ = (id) => document.getElementById(id);

const view = {
  cycleId: null,
  snapshotId: null,
  snapshotting: false,
  timer: null,
  busy: false,
  // The account of the key (GET /api/me), fetched once per login.
  me: null,
  again: false,
  filtersFor: null,
  units: [],
  advancing: false,
  starting: false,
  // The operator's forms for undated rounds and pending quotas are rebuilt only when what they ask for changes.
  actionsKey: null,
  // The relays opened on this page (by sub-cycle id) and each one's sub-cycle as last fetched.
  expanded: new Set(),
  subDetails: new Map(),
  // Titles of the cycles above a sub-cycle, fetched once for the breadcrumb.
  cycleTitles: new Map(),
  rollUps: null,
  acting: false,
  // The forwarding buttons are rebuilt only when the judged pick rounds change, so a shown result stays.
  forwardsKey: null,
};

// ---- the key: from the fragment on first load (fragments never reach a server), then sessionStorage only ----

function readFragment() {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const key = params.get('key');
  if (key) {
    sessionStorage.setItem(KEY_STORAGE, key);
    params.delete('key');
    // Drop the key from the address bar and history so it is not bookmarked or shared by accident.
    const rest = params.toString();
    history.replaceState(null, '', location.pathname + location.search + (rest ? '#' + rest : ''));
  }
  // A milestone's mail links to the snapshot it cites: that row is marked.
  view.snapshotId = params.get('snapshot');
  return params.get('cycle');
}

// ---- formatting ----

const clock = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});

/**
 * The next deadline as people read it: the API gives the cutoff (the first late instant, e.g. 01/06/2024 00:00 for
 * "trong tháng 05/2024"), so the page shows the last accepted minute, dd/MM/yyyy HH:mm in Vietnam time, with the
 * plan's own wording beside it.
 */
function nextDeadline(cutoff, wording) {
  if (!cutoff) return [wording ?? 'Không còn hạn nào', ''];
  const when = formatInstant(new Date(new Date(cutoff).getTime() - 1).toISOString());
  return [when, wording && wording !== when ? wording : ''];
}

const number = new Intl.NumberFormat('vi-VN');

function percent(part, total) {
  return total > 0 ? Math.round((100 * part) / total) : 0;
}

function cell(text, className) {
  return el('td', { class: className, text: text ?? '—' });
}

function runtimeBadge(status) {
  return el('span', { class: `badge status-${status ?? 'unknown'}`, text: RUNTIME[status] ?? status ?? '—' });
}

// ---- progress bars ----

/**
 * A stacked bar: on time, late, missing, pending. The container is the accessible progressbar (share submitted);
 * the counts are also written out as text beside it, so the colours are never the only carrier of meaning.
 */
function progressBar(label, counts, compact = false) {
  const { expected, onTime, late, missing, pending } = counts;
  const notRequired = counts.notRequired ?? 0;
  const submitted = onTime + late;
  const share = percent(submitted, expected);
  const summary = `Đã nộp ${submitted}/${expected} (${share}%): đúng hạn ${onTime}, muộn ${late}, quá hạn chưa nộp ${missing}, chưa nộp ${pending}`
    + (notRequired > 0 ? `, không bắt buộc, không nộp ${notRequired}` : '');
  const bar = el('div', {
    class: compact ? 'bar compact' : 'bar',
    role: 'progressbar',
    'aria-label': label,
    'aria-valuemin': 0,
    'aria-valuemax': 100,
    'aria-valuenow': share,
    'aria-valuetext': summary,
  });
  for (const [state, count] of [['on-time', onTime], ['late', late], ['missing', missing], ['pending', pending], ['not-required', notRequired]]) {
    if (count > 0) {
      bar.append(el('span', { class: `segment ${state}`, style: `width:${(100 * count) / expected}%`, title: `${STATE[state]}: ${count}` }));
    }
  }
  return { bar, submitted, share };
}

function blockRow(block) {
  if (block.expected === 0) {
    return el('div', { class: 'block' },
      el('div', { class: 'block-head' }, el('h4', { text: block.name }), el('span', { class: 'muted', text: 'Không có báo cáo phải nộp trong kỳ này' })));
  }
  const { bar, submitted, share } = progressBar(block.name, block);
  const counts = el('p', { class: 'block-counts' });
  for (const [state, count, text] of [
    ['on-time', block.onTime, 'Đúng hạn'],
    ['late', block.late, 'Muộn'],
    ['missing', block.missing, 'Quá hạn, chưa nộp'],
    ['pending', block.pending, 'Chưa nộp'],
    ['not-required', block.notRequired ?? 0, 'Không bắt buộc, không nộp'],
  ]) {
    if (state === 'not-required' && count === 0) continue;
    counts.append(el('span', { class: `count ${state}`, text: `${text}: ${count} (${percent(count, block.expected)}%)` }));
  }
  return el('div', { class: 'block', 'data-block': block.id },
    el('div', { class: 'block-head' },
      el('h4', { text: block.name }),
      el('span', { class: 'block-total', text: `Đã nộp ${submitted}/${block.expected} (${share}%)` })),
    bar,
    counts);
}

// ---- views ----

function showOnly(id) {
  for (const section of ['login', 'cycles-view', 'cycle-view']) {
    $(section).hidden = section !== id;
  }
  $('logout').hidden = id === 'login';
}

function showError(message) {
  $('error').textContent = message;
  $('error').hidden = !message;
}

function stamp() {
  $('updated').textContent = `Cập nhật lúc ${clock.format(new Date())}`;
}

async function renderCycles() {
  const items = [];
  let token = null;
  do {
    const page = await api('cycles' + (token ? `?continuationToken=${encodeURIComponent(token)}` : ''));
    items.push(...page.items);
    token = page.continuationToken;
  } while (token);

  const body = $('cycles-table').querySelector('tbody');
  body.replaceChildren(...items.map((cycle) => {
    const progress = cycle.progress ?? { expected: 0, onTime: 0, late: 0, missing: 0, pending: 0 };
    const { bar, submitted, share } = progressBar(`Tiến độ ${cycle.planNumber ?? cycle.id}`, progress, true);
    const rehearsal = cycle.progress?.rehearsal;
    const link = el('a', { href: `#cycle=${encodeURIComponent(cycle.id)}` },
      rehearsal ? el('span', { class: 'rehearsal-tag', text: 'DIỄN TẬP', title: rehearsalMode(rehearsal.speed === 0, rehearsal.speed) }) : null,
      el('span', { class: 'plan-number', text: cycle.planNumber ?? cycle.id }),
      el('span', { class: 'plan-title', text: cycle.title ?? cycle.id }));
    return el('tr', { 'data-rehearsal': rehearsal ? (rehearsal.speed === 0 ? 'step' : 'sliding') : null },
      el('td', {}, link),
      el('td', {}, runtimeBadge(cycle.runtimeStatus)),
      el('td', { class: 'progress-cell' }, bar, el('span', { text: `${submitted}/${progress.expected} (${share}%)` })),
      cell(nextDeadline(progress.nextDeadline, progress.nextDeadlineText).filter(Boolean).join(' — ')),
      cell(formatInstant(cycle.createdAt)));
  }));
  $('cycles-empty').hidden = items.length > 0;
  $('cycles-table').hidden = items.length === 0;
}

function fillFilters(cycle) {
  if (view.filtersFor === cycle.id) return;
  view.filtersFor = cycle.id;
  const blocks = $('filter-block');
  blocks.replaceChildren(el('option', { value: '', text: 'Tất cả các khối' }), ...cycle.blocks.map((b) => el('option', { value: b.id, text: b.name })));
  const subjects = $('filter-subject');
  subjects.replaceChildren(el('option', { value: '', text: 'Tất cả nội dung' }),
    ...cycle.deliverables.map((d) => el('option', { value: d.id, text: d.title })),
    ...cycle.rounds.filter((r) => !r.pickedFrom).map((r) => el('option', { value: r.id, text: r.title })));
  $('filter-state').value = '';
  $('filter-text').value = '';
}

function renderHead(cycle) {
  document.title = `${cycle.rehearsal ? '[DIỄN TẬP] ' : ''}${cycle.title ?? cycle.id} — Theo dõi kỳ báo cáo`;
  $('cycle-number').textContent = cycle.planNumber ? `Kế hoạch số ${cycle.planNumber}` : '';
  $('cycle-title').textContent = cycle.title ?? cycle.id;
  $('cycle-issuer').textContent = cycle.issuer ?? '';
  $('cycle-status').replaceWith(Object.assign(runtimeBadge(cycle.runtimeStatus), { id: 'cycle-status' }));
  $('cycle-phase').textContent = cycle.progress?.phaseLabel ? `Giai đoạn: ${cycle.progress.phaseLabel}` : '';
  $('cycle-id').textContent = `Mã: ${cycle.id}`;
  // Next year's campaign starts from this one: the editor asks for the new id and the offset, then shifts every date.
  $('copy-cycle').href = `/dashboard/plans/new#copy=${encodeURIComponent(cycle.id)}`;
  const failure = $('cycle-failure');
  failure.hidden = !cycle.failure;
  failure.textContent = cycle.failure ? `Kỳ báo cáo gặp lỗi: ${cycle.failure.errorMessage ?? cycle.failure.errorType}` : '';

  const p = cycle.progress ?? {};
  // Counts come from the status rows behind the blocks and rounds, which are current; the orchestration's own
  // progress is refreshed only when it wakes up, so it supplies just what only it knows (reminders, extensions).
  // The nomination headline is the host's, one arithmetic for every view: picks are not new proposals, and
  // dossiers refused at the deadline are among the rejected.
  const sum = (field) => cycle.blocks.reduce((total, block) => total + block[field], 0);
  const n = cycle.nominations ?? p.nominations ?? {};
  const figures = [
    ['Phải nộp', sum('expected')],
    ['Đúng hạn', sum('onTime')],
    ['Muộn', sum('late')],
    ['Quá hạn, chưa nộp', sum('missing')],
    ['Chưa nộp (còn hạn)', sum('pending')],
    ['Không bắt buộc, không nộp', cycle.blocks.reduce((total, block) => total + (block.notRequired ?? 0), 0)],
    ['Thư nhắc đã gửi', p.remindersSent],
    ['Lần gia hạn', p.extensions],
    ['Hồ sơ khen thưởng nhận', n.received],
    ['Hồ sơ khen thưởng đạt', n.accepted],
    ['Hồ sơ khen thưởng bị từ chối', n.lateRejected ? `${n.rejected} (quá hạn ${n.lateRejected})` : n.rejected],
  ];
  if (n.picked) figures.push(['Tỉnh chọn', `${n.picked}, đạt ${n.pickedAccepted}`]);
  $('figures').replaceChildren(...figures.map(([label, value]) => el('div', { class: 'figure' }, el('dt', { text: label }), el('dd', { text: value ?? 0 }))));
  const [when, described] = nextDeadline(cycle.nextDeadline ?? p.nextDeadline, cycle.nextDeadlineText ?? p.nextDeadlineText);
  $('next-deadline').textContent = when;
  $('next-deadline-text').textContent = described ? `(${described})` : '';
}

/** Pieces that failed after their retries, each with its reason and a button to run it again. */
function renderPieces(cycle) {
  const pieces = cycle.progress?.failures ?? [];
  $('pieces-panel').hidden = pieces.length === 0;
  $('pieces').replaceChildren(...pieces.map((piece) => {
    const button = el('button', { type: 'button', text: 'Chạy lại' });
    button.addEventListener('click', () => retryPiece(piece));
    return el('li', { class: 'piece' },
      el('strong', { text: piece.title }),
      el('span', { class: 'muted', text: ` — ${piece.reason} (lần ${piece.attempts}, ${formatInstant(piece.at)}; mã ${piece.id}) ` }),
      button);
  }));
}

/** Asks the host to run one failed piece again. */
async function retryPiece(piece) {
  const id = view.cycleId;
  if (!id) return;
  showProblem($('pieces-error'), null);
  $('pieces-status').textContent = `Đang yêu cầu chạy lại «${piece.title}»…`;
  try {
    await apiPost(`cycles/${encodeURIComponent(id)}/failures/${encodeURIComponent(piece.id)}/retry`);
    $('pieces-status').textContent = `Đã yêu cầu chạy lại «${piece.title}»; trang sẽ cập nhật khi có kết quả.`;
  } catch (error) {
    if (error instanceof AuthError) return handleAuthError();
    $('pieces-status').textContent = '';
    showProblem($('pieces-error'), error);
  }
  setTimeout(refresh, 1000);
}

function rehearsalMode(stepped, speed) {
  return stepped
    ? 'Diễn tập từng bước: thời gian của kỳ báo cáo đứng yên cho tới khi được chuyển tiếp.'
    : `Diễn tập nhanh: thời gian của kỳ báo cáo trôi nhanh gấp ${number.format(speed)} lần thời gian thực.`;
}

/**
 * The DIỄN TẬP banner: how the rehearsal's clock runs, the business time now and how precise its instants are; a
 * stepped rehearsal that is still running also gets the advance controls. The host's rehearsal block is used when
 * present; the clock in the progress stands in otherwise.
 */
function renderRehearsal(cycle) {
  const info = cycle.rehearsal;
  const clock = cycle.progress?.rehearsal;
  const banner = $('rehearsal-banner');
  banner.hidden = !info && !clock;
  if (banner.hidden) {
    $('advance-form').hidden = true;
    return;
  }
  const stepped = info ? info.mode === 'step' : clock.speed === 0;
  const speed = info ? info.speed : clock.speed;
  banner.dataset.mode = stepped ? 'step' : 'sliding';
  $('rehearsal-mode').textContent = rehearsalMode(stepped, speed);
  $('rehearsal-now').textContent = info?.nowText ?? formatInstant(info?.now ?? cycle.progress?.standsAt ?? cycle.progress?.reachedAt);
  $('rehearsal-precision').textContent = info?.precision ?? '';
  const withheld = cycle.progress?.mailsWithheld ?? 0;
  $('rehearsal-withheld').hidden = withheld === 0;
  $('rehearsal-withheld').textContent = `Thư không gửi vì không còn đúng: ${withheld}`;

  const running = cycle.runtimeStatus === 'running' || cycle.runtimeStatus === 'pending';
  // A sub-cycle runs on its top cycle's clock: only the top advances it (the host refuses a sub-cycle's own advance).
  $('advance-form').hidden = !stepped || !running || Boolean(cycle.parent);
  $('rehearsal-follows').hidden = !cycle.parent;
  const next = cycle.progress?.nextStepAt;
  $('advance-next').textContent = next
    ? `Mốc kế tiếp của lịch (nhắc hạn, hạn chót, đôn đốc, kết thúc): ${formatInstant(next)}`
    : 'Chưa có mốc kế tiếp: kỳ báo cáo đang xử lý hoặc đang tổng hợp.';
  $('advance-next-button').disabled = view.advancing || !next;
  $('advance-to-button').disabled = view.advancing;
}

/** Asks the host to move a stepped rehearsal on: to the chosen instant, or to the next instant of the schedule. */
async function advance(to) {
  const id = view.cycleId;
  if (!id || view.advancing) return;
  view.advancing = true;
  $('advance-next-button').disabled = true;
  $('advance-to-button').disabled = true;
  showProblem($('advance-error'), null);
  $('advance-status').textContent = 'Đang gửi yêu cầu chuyển thời gian…';
  try {
    const accepted = await apiPost(`cycles/${encodeURIComponent(id)}/rehearsal/advance`, to ? { to } : undefined);
    $('advance-status').textContent = `Đã yêu cầu chuyển tới ${accepted?.reason ?? 'mốc kế tiếp'}; trang sẽ cập nhật khi kỳ báo cáo xử lý xong.`;
    $('advance-to').value = '';
  } catch (error) {
    if (error instanceof AuthError) {
      view.advancing = false;
      return handleAuthError();
    }
    $('advance-status').textContent = '';
    showProblem($('advance-error'), error);
  } finally {
    view.advancing = false;
  }
  refresh();
  // The cycle takes a moment to act on the new instant: look again shortly rather than at the next 5 s tick.
  setTimeout(refresh, 1000);
}

function renderBlocks(cycle) {
  $('blocks').replaceChildren(...cycle.blocks.map(blockRow));
}

// ---- the tree: relays and their sub-cycles, the parent above a sub-cycle, the report up ----

/** Sums the blocks of a cycle detail: the same current counts its own page shows in «Tổng quan». */
function totalsOf(cycle) {
  const sum = (field) => (cycle.blocks ?? []).reduce((total, block) => total + (block[field] ?? 0), 0);
  return { expected: sum('expected'), onTime: sum('onTime'), late: sum('late'), missing: sum('missing'), pending: sum('pending'), notRequired: sum('notRequired') };
}

/** The counts as words beside a bar, each in its own span so colour never carries the meaning alone. */
function countLine(counts, attribute) {
  const line = el('p', { class: 'block-counts' });
  for (const [state, count, text] of [
    ['on-time', counts.onTime, 'Đúng hạn'],
    ['late', counts.late, 'Muộn'],
    ['missing', counts.missing, 'Quá hạn, chưa nộp'],
    ['pending', counts.pending, 'Chưa nộp'],
  ]) {
    line.append(el('span', { class: `count ${state}`, [attribute]: state, text: `${text}: ${number.format(count)}` }));
  }
  return line;
}

/** Redraws a part only when what it shows changed, so a focused link or button inside it survives the 5 s refresh. */
function redrawIfChanged(node, signature, build) {
  const text = JSON.stringify(signature);
  if (node.dataset.signature === text) return;
  node.dataset.signature = text;
  node.replaceChildren(...build());
}

/** Puts the items in the list in order, touching the DOM only when the order changed (moving a node drops its focus). */
function placeChildren(list, items) {
  const same = list.children.length === items.length && items.every((item, i) => list.children[i] === item);
  if (!same) list.replaceChildren(...items);
}

/**
 * The relays of a cycle as a tree: each row with its units, whether its sub-cycle is issued, its phase and progress;
 * an issued one expands (a disclosure button) to its sub-cycle, fetched when opened, with its own relays below.
 */
function syncRelays(list, rows, path) {
  const existing = new Map([...list.children].map((li) => [li.dataset.relay, li]));
  placeChildren(list, rows.map((row) => {
    const li = existing.get(row.unitId) ?? el('li', { class: 'relay', 'data-relay': row.unitId });
    syncRelay(li, row, path);
    return li;
  }));
}

function syncRelay(li, row, path) {
  const sub = row.subCycleId;
  li.dataset.subCycle = sub ?? '';
  li.dataset.issued = sub ? 'true' : 'false';
  // The head is rebuilt only when the relay is first issued: its button keeps focus and state across refreshes.
  if (li.dataset.head !== (sub ?? '')) {
    li.dataset.head = sub ?? '';
    const regionId = sub ? `relay-sub-${sub}` : null;
    const title = sub
      ? el('button', { type: 'button', class: 'relay-toggle', 'aria-expanded': 'false', 'aria-controls': regionId },
        el('span', { class: 'chevron', 'aria-hidden': 'true', text: '▸' }), el('span', { class: 'relay-name', text: row.name }))
      : el('span', { class: 'relay-name plain', text: row.name });
    if (sub) title.addEventListener('click', () => toggleRelay(li, sub));
    li.replaceChildren(
      el('div', { class: 'relay-head' }, title, el('div', { class: 'relay-summary' })),
      sub ? el('div', { class: 'relay-sub', id: regionId, role: 'region', 'aria-label': `Kỳ báo cáo cấp dưới của ${row.name}`, hidden: true },
        el('div', { class: 'sub-summary' }), el('ul', { class: 'relay-tree nested' })) : relayPlanArea(li, row, path[path.length - 1]));
  }
  redrawIfChanged(li.querySelector('.relay-summary'), row, () => relaySummary(row));
  if (!sub) return;
  const open = view.expanded.has(sub);
  const button = li.querySelector('.relay-toggle');
  button.setAttribute('aria-expanded', open ? 'true' : 'false');
  button.querySelector('.chevron').textContent = open ? '▾' : '▸';
  const region = li.querySelector('.relay-sub');
  region.hidden = !open;
  if (!open) return;
  const detail = view.subDetails.get(sub);
  const summary = region.querySelector('.sub-summary');
  if (!detail) {
    redrawIfChanged(summary, 'loading', () => [el('p', { class: 'muted', text: 'Đang tải kỳ báo cáo cấp dưới…' })]);
    return;
  }
  if (detail.error) {
    redrawIfChanged(summary, detail, () => [el('p', { class: 'alert', text: detail.error })]);
    return;
  }
  redrawIfChanged(summary, subSignature(detail), () => subSummary(detail));
  // A cycle that names itself among its ancestors would loop: the path stops it.
  syncRelays(region.querySelector('.relay-tree'), path.includes(sub) ? [] : detail.relays ?? [], [...path, sub]);
}

// ---- a relay's own plan, issued from its row: its units' deadlines, each before the relay's own to the parent ----

/** The button that opens the issuing form; the form lives inside the row, which is kept until the relay is issued. */
function relayPlanArea(li, row, parentCycleId) {
  const area = el('div', { class: 'relay-plan' });
  const button = el('button', { type: 'button', class: 'relay-plan-open', 'aria-expanded': 'false', text: 'Ban hành kế hoạch cấp mình' });
  const holder = el('div', { class: 'relay-plan-holder' });
  button.addEventListener('click', () => toggleRelayPlan(button, holder, row, parentCycleId));
  area.append(button, holder);
  return area;
}

async function toggleRelayPlan(button, holder, row, parentCycleId) {
  if (button.getAttribute('aria-expanded') === 'true') {
    button.setAttribute('aria-expanded', 'false');
    holder.replaceChildren();
    return;
  }
  button.setAttribute('aria-expanded', 'true');
  holder.replaceChildren(el('p', { class: 'muted', text: 'Đang tải nội dung kế hoạch…' }));
  try {
    const plan = await api(`cycles/${encodeURIComponent(parentCycleId)}/relays/${encodeURIComponent(row.unitId)}/plan`);
    holder.replaceChildren(relayPlanForm(plan));
  } catch (error) {
    if (error instanceof AuthError) return handleAuthError();
    holder.replaceChildren(el('p', { class: 'alert', role: 'alert', text: describe(error) }));
  }
}

function relayPlanForm(plan) {
  const prefix = `plan-${plan.relayUnitId}`;
  const general = el('div', { class: 'alert', role: 'alert', hidden: true });
  const status = el('p', { class: 'muted', role: 'status', 'aria-live': 'polite' });
  const numberError = el('p', { class: 'field-error', id: `${prefix}-number-error`, hidden: true });
  const numberInput = el('input', { type: 'text', name: 'number', maxlength: 100, autocomplete: 'off', 'aria-describedby': numberError.id });
  const numberField = field(`${prefix}-number`, 'Số kế hoạch', numberInput);
  numberField.append(numberError);
  // Each subject's inputs and the place its error is shown, by subject id, so a 400's paths land beside their input.
  const subjects = new Map();
  const fieldsets = plan.subjects.map((s) => {
    const id = `${prefix}-${s.id}`;
    const hint = el('p', { class: 'muted', id: `${id}-hint`, text: `hạn của đơn vị với cấp trên: ${s.parentDeadlineText}` });
    const error = el('p', { class: 'field-error', id: `${id}-error`, hidden: true });
    const date = el('input', { type: 'date', name: `date-${s.id}`, 'data-subject': s.id, 'aria-describedby': `${hint.id} ${error.id}` });
    const semantics = el('select', { name: `semantics-${s.id}`, 'aria-describedby': hint.id },
      el('option', { value: 'before', text: 'trước ngày' }),
      el('option', { value: 'by', text: 'chậm nhất ngày' }));
    // A deliverable the relay hands in itself is not passed down, so it needs no date for its units.
    const retained = s.isNominationRound ? null : el('input', { type: 'checkbox', name: `retained-${s.id}`, id: `${id}-retained` });
    if (retained) retained.addEventListener('change', () => { date.disabled = semantics.disabled = retained.checked; });
    subjects.set(s.id, { subject: s, date, semantics, retained, error });
    return el('fieldset', { class: 'relay-plan-subject', 'data-subject': s.id },
      el('legend', { text: s.isNominationRound ? `Hồ sơ đề nghị: ${s.title}` : s.title }),
      hint,
      el('div', { class: 'relay-plan-row' },
        field(`${id}-semantics`, `Cách tính hạn: ${s.title}`, semantics),
        field(`${id}-date`, `${s.title} — hạn của đơn vị với cấp trên: ${s.parentDeadlineText}`, date)),
      retained ? el('div', { class: 'check' }, retained, el('label', { for: retained.id, text: 'Đơn vị tự thực hiện, không giao cấp dưới' })) : null,
      error);
  });
  const submit = el('button', { type: 'submit', text: 'Ban hành kế hoạch' });
  // novalidate: the host checks each date against the parent's deadline and says why beside the input.
  const form = el('form', { class: 'relay-plan-form', 'data-relay': plan.relayUnitId, novalidate: true, 'aria-label': `Ban hành kế hoạch cấp mình: ${plan.name}` },
    el('p', { class: 'muted', text: `${plan.name} giao cho ${number.format(plan.unitsUnder)} đơn vị trực thuộc; mỗi thời hạn phải trước hạn của đơn vị với cấp trên.` }),
    numberField, ...fieldsets, el('div', {}, submit), status, general);
  const showFieldError = (entry, message) => {
    entry.error.textContent = message ?? '';
    entry.error.hidden = !message;
    if (message) entry.date.setAttribute('aria-invalid', 'true');
    else entry.date.removeAttribute('aria-invalid');
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const deadlines = {};
    const retained = [];
    for (const [id, entry] of subjects) {
      showFieldError(entry, null);
      if (entry.retained?.checked) retained.push(id);
      else if (entry.date.value) deadlines[id] = { semantics: entry.semantics.value, date: entry.date.value };
    }
    numberError.hidden = true;
    showProblem(general, null);
    submit.disabled = true;
    status.textContent = 'Đang gửi…';
    try {
      const issued = await apiPost(`cycles/${encodeURIComponent(plan.parentCycleId)}/relays/${encodeURIComponent(plan.relayUnitId)}/plan`,
        { number: numberInput.value.trim(), deadlines, retained });
      status.replaceChildren('Đã ban hành kế hoạch. ',
        el('a', { href: `#cycle=${encodeURIComponent(issued.cycleId)}` }, 'Mở trang kỳ báo cáo cấp dưới'));
      // The row turns into the sub-cycle's once the parent records it: refresh now and shortly after.
      refresh();
      setTimeout(refresh, 1500);
    } catch (error) {
      submit.disabled = false;
      status.textContent = '';
      if (error instanceof AuthError) return handleAuthError();
      const rest = placeFieldErrors(error, subjects, retained, numberError, showFieldError);
      if (rest) showProblem(general, rest);
    }
  });
  return form;
}

/**
 * Puts each of a 400's errors beside its input ($.deadlines.<id>, $.retained[i], $.number); returns the problem
 * still to show above the form (its title and whatever could not be placed), or null when nothing is left.
 */
function placeFieldErrors(error, subjects, retained, numberError, showFieldError) {
  if (!(error instanceof ProblemError) || error.status !== 400 || !error.problem.errors?.length) return error;
  const unplaced = [];
  const placed = new Map();
  for (const { field: path, message } of error.problem.errors) {
    const deadline = /^\$\.deadlines\.([^.[]+)/.exec(path ?? '');
    const kept = /^\$\.retained\[(\d+)\]/.exec(path ?? '');
    const id = deadline ? deadline[1] : kept ? retained[Number(kept[1])] : null;
    if (id && subjects.has(id)) {
      placed.set(id, [...(placed.get(id) ?? []), message]);
    } else if (path === '$.number') {
      numberError.textContent = message;
      numberError.hidden = false;
    } else {
      unplaced.push(path ? `${path}: ${message}` : message);
    }
  }
  placed.forEach((messages, id) => showFieldError(subjects.get(id), messages.join(' ')));
  // The title still says the plan was refused, even when every reason sits beside its input.
  const title = placed.size ? 'Kế hoạch chưa được ban hành: xem lỗi bên dưới từng nội dung.' : error.problem.title;
  return new ProblemError(error.status, { title, detail: '', fields: unplaced });
}

function relaySummary(row) {
  const parts = [el('span', { class: 'relay-units', text: `${number.format(row.unitsUnder)} đơn vị trực thuộc` })];
  if (!row.subCycleId) {
    parts.push(el('span', { class: 'relay-state not-issued', text: 'Chưa ban hành kế hoạch cấp mình' }));
    return [el('p', { class: 'relay-meta' }, ...parts)];
  }
  parts.push(runtimeBadge(row.runtimeStatus));
  if (row.phaseLabel) parts.push(el('span', { class: 'relay-phase', text: row.phaseLabel }));
  const counts = { expected: row.expected, onTime: row.onTime, late: row.late, missing: row.missing, pending: Math.max(0, row.expected - row.onTime - row.late - row.missing) };
  const { bar, submitted, share } = progressBar(`Tiến độ kỳ báo cáo cấp dưới của ${row.name}`, counts, true);
  return [
    el('p', { class: 'relay-meta' }, ...parts),
    el('div', { class: 'relay-progress' }, bar,
      el('span', { class: 'relay-total', 'data-relay-count': 'submitted', text: `Đã nộp ${number.format(submitted)}/${number.format(row.expected)} (${share}%)` })),
    countLine(counts, 'data-relay-count'),
  ];
}

/** What the inline sub-cycle shows, without the instants that change on every read. */
function subSignature(detail) {
  return [detail.id, detail.title, detail.runtimeStatus, detail.progress?.phaseLabel, detail.rehearsal?.nowText, detail.nextDeadlineText, detail.blocks];
}

function subSummary(detail) {
  const totals = totalsOf(detail);
  const { bar, submitted, share } = progressBar(`Tiến độ ${detail.title ?? detail.id}`, totals, true);
  const blocks = (detail.blocks ?? []).filter((b) => b.expected > 0).map((b) => el('li', { 'data-block': b.id },
    el('span', { text: b.name }), ' ',
    el('span', { class: 'muted', text: `đã nộp ${number.format(b.onTime + b.late)}/${number.format(b.expected)}: đúng hạn ${b.onTime}, muộn ${b.late}, quá hạn ${b.missing}, chưa nộp ${b.pending}` })));
  const [when, described] = nextDeadline(detail.nextDeadline, detail.nextDeadlineText);
  return [
    el('p', { class: 'sub-title' },
      el('a', { href: `#cycle=${encodeURIComponent(detail.id)}`, class: 'sub-link' }, `Mở trang kỳ báo cáo: ${detail.title ?? detail.id}`)),
    el('p', { class: 'relay-meta' },
      runtimeBadge(detail.runtimeStatus),
      detail.progress?.phaseLabel ? el('span', { text: `Giai đoạn: ${detail.progress.phaseLabel}` }) : null,
      el('span', { class: 'muted', text: `Hạn tiếp theo: ${when}${described ? ` (${described})` : ''}` })),
    el('div', { class: 'relay-progress' }, bar,
      el('span', { class: 'relay-total', 'data-sub-count': 'submitted', text: `Đã nộp ${number.format(submitted)}/${number.format(totals.expected)} (${share}%)` })),
    countLine(totals, 'data-sub-count'),
    blocks.length ? el('ul', { class: 'sub-blocks' }, ...blocks) : null,
  ];
}

/** Opens or closes a relay; opening fetches its sub-cycle at once rather than waiting for the next refresh. */
async function toggleRelay(li, sub) {
  if (view.expanded.has(sub)) {
    view.expanded.delete(sub);
  } else {
    view.expanded.add(sub);
    if (!view.subDetails.has(sub)) {
      syncRelay(li, relayRowOf(li), pathOf(li));
      try {
        view.subDetails.set(sub, await api(`cycles/${encodeURIComponent(sub)}`));
      } catch (error) {
        if (error instanceof AuthError) return handleAuthError();
        view.subDetails.set(sub, { error: describe(error) });
      }
    }
  }
  if (li.isConnected) syncRelay(li, relayRowOf(li), pathOf(li));
}

// The row a relay item was last drawn from, kept on the item so a click can redraw it without a refresh.
function relayRowOf(li) {
  return JSON.parse(li.querySelector('.relay-summary').dataset.signature);
}

function pathOf(li) {
  const path = [];
  for (let node = li.parentElement?.closest('li.relay'); node; node = node.parentElement?.closest('li.relay')) {
    path.unshift(node.dataset.subCycle);
  }
  return path;
}

/** Fetches every open sub-cycle reachable from these rows, so a refresh redraws the open tree with current figures. */
async function loadOpenSubCycles(rows, seen = new Set()) {
  const open = rows.filter((r) => r.subCycleId && view.expanded.has(r.subCycleId) && !seen.has(r.subCycleId));
  open.forEach((r) => seen.add(r.subCycleId));
  const details = await Promise.all(open.map((r) => api(`cycles/${encodeURIComponent(r.subCycleId)}`)
    .catch((e) => (e instanceof AuthError ? Promise.reject(e) : { error: describe(e) }))));
  open.forEach((r, i) => view.subDetails.set(r.subCycleId, details[i]));
  const below = details.flatMap((d) => d.relays ?? []);
  if (below.length) await loadOpenSubCycles(below, seen);
}

function renderRelays(cycle) {
  const rows = cycle.relays ?? [];
  $('relays-panel').hidden = rows.length === 0;
  syncRelays($('relays'), rows, [cycle.id]);
}

/**
 * A sub-cycle's place in the tree: «Thuộc kỳ báo cáo:» then its ancestors from the top, each a link. A sub-cycle's id
 * is its parent's with the relay's appended, so the ancestors' ids follow from the lineage; their titles are fetched once.
 */
async function loadParentTitles(cycle) {
  const ids = ancestorIds(cycle).filter((id) => !view.cycleTitles.has(id));
  const titles = await Promise.all(ids.map((id) => api(`cycles/${encodeURIComponent(id)}`).then((c) => c.title ?? id)
    .catch((e) => (e instanceof AuthError ? Promise.reject(e) : null))));
  ids.forEach((id, i) => { if (titles[i]) view.cycleTitles.set(id, titles[i]); });
}

function ancestorIds(cycle) {
  const parent = cycle.parent;
  if (!parent) return [];
  const lineage = parent.lineage ?? [];
  const suffix = lineage.slice(0, -1).join('.');
  const top = suffix && parent.parentCycleId.endsWith(`.${suffix}`) ? parent.parentCycleId.slice(0, -suffix.length - 1) : null;
  if (!top) return [parent.parentCycleId];
  return lineage.slice(0, -1).reduce((ids, relay) => [...ids, `${ids[ids.length - 1]}.${relay}`], [top]);
}

function renderParent(cycle) {
  const crumb = $('parent-crumb');
  crumb.hidden = !cycle.parent;
  if (!cycle.parent) return;
  const ids = ancestorIds(cycle);
  redrawIfChanged($('parent-chain'), ids.map((id) => [id, view.cycleTitles.get(id)]), () => ids.map((id) =>
    el('li', {}, el('a', { href: `#cycle=${encodeURIComponent(id)}`, 'data-cycle': id }, view.cycleTitles.get(id) ?? id))));
  $('parent-relay').textContent = cycle.parent.relayName ? `— kỳ báo cáo cấp dưới do ${cycle.parent.relayName} ban hành` : '';
}

// ---- the report up (a sub-cycle's roll-up to its parent) ----

const ROLLUP_REFRESH_MS = 30000;

/** The roll-up of each deliverable the relay owes its parent; a deliverable the relay added itself answers 404 and is left out. */
async function loadRollUps(cycle) {
  if (!cycle.parent) return null;
  if (view.rollUps && view.rollUps.for === cycle.id && Date.now() - view.rollUps.at < ROLLUP_REFRESH_MS) return view.rollUps.items;
  const items = await Promise.all(cycle.deliverables.map((d) => api(`cycles/${encodeURIComponent(cycle.id)}/rollups/${encodeURIComponent(d.id)}`)
    .catch((e) => (e instanceof AuthError ? Promise.reject(e) : null))));
  view.rollUps = { for: cycle.id, at: Date.now(), items: items.filter(Boolean) };
  return view.rollUps.items;
}

function renderRollUps(cycle, items) {
  $('rollups-panel').hidden = !cycle.parent || !items || items.length === 0;
  if ($('rollups-panel').hidden) return;
  const container = $('rollups');
  const existing = new Map([...container.children].map((node) => [node.dataset.deliverable, node]));
  placeChildren(container, items.map((item) => {
    const article = existing.get(item.deliverableId) ?? rollUpArticle(item);
    redrawIfChanged(article.querySelector('.rollup-figures'), [item.base, item.baseText, item.figures], () => rollUpFigures(item));
    article.rollUp = item;
    return article;
  }));
}

function rollUpFigures(item) {
  const base = item.base;
  return [
    el('p', { class: 'rollup-base', text: item.baseText }),
    el('dl', { class: 'figures rollup-base-figures' }, ...[
      ['Đơn vị cơ sở phải nộp', base.expected, 'expected'],
      ['Đúng hạn', base.onTime, 'on-time'],
      ['Muộn', base.late, 'late'],
      ['Chưa nộp', base.missing, 'missing'],
    ].map(([label, value, key]) => el('div', { class: 'figure', 'data-base': key }, el('dt', { text: label }), el('dd', { text: number.format(value) })))),
    item.figures.length === 0
      ? el('p', { class: 'muted', text: 'Nội dung này không có biểu số liệu.' })
      : el('table', { class: 'data rollup-table' },
        el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Biểu' }), el('th', { scope: 'col', text: 'Chỉ tiêu' }), el('th', { scope: 'col', class: 'num', text: 'Số liệu tổng hợp' }))),
        el('tbody', {}, ...item.figures.map((f) => el('tr', { 'data-field': `${f.form}.${f.field}` }, cell(f.form), cell(f.label), cell(f.value, 'num'))))),
  ];
}

/**
 * One deliverable's report up: the pre-filled figures, then a form for the relay's own report file, with a corrected
 * number and its reason for any figure the relay changes (the host records who corrected what and why).
 */
function rollUpArticle(item) {
  const id = item.deliverableId;
  const status = el('p', { class: 'muted', role: 'status', 'aria-live': 'polite' });
  const error = el('div', { class: 'alert', role: 'alert', hidden: true });
  const numbers = item.figures.filter((f) => typeof item.statistics?.forms?.[f.form]?.[f.field]?.number === 'number');
  const corrections = numbers.map((f, i) => el('div', { class: 'correction', 'data-field': `${f.form}.${f.field}` },
    el('label', { for: `rollup-${id}-value-${i}`, text: `${f.label}: số liệu sửa` }),
    el('input', { id: `rollup-${id}-value-${i}`, type: 'number', step: 'any', 'data-role': 'value', placeholder: f.value }),
    el('label', { for: `rollup-${id}-reason-${i}`, text: 'Lý do sửa' }),
    el('input', { id: `rollup-${id}-reason-${i}`, type: 'text', maxlength: 2000, 'data-role': 'reason' })));
  const form = el('form', { class: 'rollup-form', 'data-deliverable': id },
    el('div', {},
      el('label', { for: `rollup-${id}-file`, text: 'Báo cáo của cấp mình (tệp)' }),
      el('input', { id: `rollup-${id}-file`, type: 'file', required: true })),
    corrections.length ? el('details', { class: 'corrections' }, el('summary', { text: 'Sửa số liệu (không bắt buộc)' }), ...corrections) : null,
    el('div', {}, el('button', { type: 'submit', text: 'Gửi báo cáo lên cấp trên' })));
  const article = el('article', { class: 'rollup', 'data-deliverable': id },
    el('h4', { text: item.title }), el('div', { class: 'rollup-figures' }), form, status, error);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submitRollUp(article, form, status, error);
  });
  return article;
}

async function submitRollUp(article, form, status, error) {
  const item = article.rollUp;
  const file = form.querySelector('input[type=file]').files?.[0];
  const button = form.querySelector('button[type=submit]');
  if (!item || !file || button.disabled) return;
  const statistics = structuredClone(item.statistics ?? { forms: {} });
  const reasons = {};
  for (const row of form.querySelectorAll('.correction')) {
    const value = row.querySelector('[data-role=value]').value.trim();
    if (!value) continue;
    const [formId, fieldId] = row.dataset.field.split('.');
    statistics.forms[formId][fieldId] = { number: Number(value) };
    reasons[row.dataset.field] = row.querySelector('[data-role=reason]').value.trim();
  }
  const data = new FormData();
  data.append('file', file, file.name);
  data.append('statistics', JSON.stringify(statistics));
  if (Object.keys(reasons).length) data.append('corrections', JSON.stringify(reasons));
  button.disabled = true;
  showProblem(error, null);
  status.textContent = 'Đang gửi…';
  try {
    const response = await fetch(`/api/cycles/${encodeURIComponent(item.subCycleId)}/rollups/${encodeURIComponent(item.deliverableId)}`, {
      method: 'POST', headers: { 'X-Api-Key': operatorKey() ?? '', Accept: 'application/json' }, body: data,
    });
    // 401 only: a 403 (role or scope) is this request's refusal, shown with the host's words.
    if (response.status === 401) throw new AuthError();
    if (!response.ok) throw new ProblemError(response.status, await problemOf(response));
    const receipt = await response.json().catch(() => null);
    status.textContent = `Đã gửi báo cáo lên cấp trên${receipt?.receiptNumber ? ` — biên nhận ${receipt.receiptNumber}` : ''}.`;
    form.reset();
    // The figures are read again at once: the report just sent is now among the sub-cycle's.
    view.rollUps = null;
    refresh();
  } catch (problem) {
    if (problem instanceof AuthError) return handleAuthError();
    status.textContent = '';
    showProblem(error, problem);
  } finally {
    button.disabled = false;
  }
}

function renderDeadlines(cycle) {
  const optional = (item) => (item.optional ? ' (không bắt buộc)' : '');
  const rows = cycle.deliverables.map((d) => el('tr', {},
    cell(d.title + optional(d)), cell(d.deadlineText), cell(d.lastAcceptedText), cell(LATE_POLICY[d.latePolicy] ?? d.latePolicy)));
  const rounds = cycle.rounds.filter((r) => r.deadlineText).map((r) => el('tr', { 'data-round': r.id },
    cell(`Hồ sơ đề nghị: ${r.title}${optional(r)}`), cell(r.deadlineText), cell('—'), cell(r.state === 'undated' ? '—' : 'Không nhận')));
  // The operators' own milestones: nothing is handed in, they are reminded (and a snapshot is taken if the plan says so).
  const milestones = (cycle.milestones ?? []).map((m) => el('tr', { class: 'milestone', 'data-milestone': m.id },
    cell(`Mốc công việc: ${m.title}`), cell(m.deadlineText), cell(m.lastAcceptedText),
    cell(`${m.reached ? 'Đã đến hạn' : 'Nhắc cơ quan thường trực'}${m.consolidate ? ', kèm bản tổng hợp' : ''}`)));
  $('deadlines-table').querySelector('tbody').replaceChildren(...rows, ...rounds, ...milestones);

  $('rounds-table').querySelector('tbody').replaceChildren(...cycle.rounds.map((r) => el('tr', { 'data-round': r.id, 'data-state': r.state },
    awardCell(r),
    cell(r.deadlineText ?? (r.pickedFrom ? 'Chọn từ đợt cấp dưới' : '—')),
    roundStateCell(r),
    // A picked level's nominees are the province's picks, not proposals received.
    cell(r.pickedFrom ? `tỉnh chọn ${r.received}` : r.received, 'num'), cell(r.accepted, 'num'), cell(r.refused, 'num'),
    cell(r.pickedFrom ? '—' : r.lateRejected, 'num'))));
  renderRoundActions(cycle);
  renderForwards(cycle);
}

/** Where a round stands ("Chờ chỉ tiêu", "Chưa ấn định thời hạn"…), with the quota rules it still waits for. */
function roundStateCell(round) {
  const text = round.stateText ?? ROUND_STATE[round.state] ?? RUNTIME[round.runtimeStatus] ?? '—';
  const pending = round.pendingQuotas ?? [];
  return el('td', {},
    el('span', { class: `round-state ${round.state ?? ''}`, text }),
    round.optional ? el('span', { class: 'muted', text: ' · không bắt buộc' }) : null,
    pending.length ? el('br') : null,
    pending.length ? el('span', { class: 'muted', text: `Chỉ tiêu chưa có số lượng: ${pending.map((q) => q.description).join('; ')}` }) : null);
}

/**
 * The operator's forms for what the plan left to be set later: a date for each round still undated, numbers for each
 * quota rule still pending. Rebuilt only when that list changes, so the 5 s refresh never wipes what is being typed.
 */
function renderRoundActions(cycle) {
  const running = cycle.runtimeStatus === 'running' || cycle.runtimeStatus === 'pending';
  const actions = running
    ? [
      ...cycle.rounds.filter((r) => r.state === 'undated' && !r.pickedFrom).map((r) => ({ key: `date:${r.id}`, round: r })),
      ...cycle.rounds.flatMap((r) => (r.pendingQuotas ?? []).map((q) => ({ key: `quota:${r.id}:${q.id}`, round: r, quota: q }))),
    ]
    : [];
  const key = `${cycle.id}|${actions.map((a) => a.key).join('|')}`;
  $('round-actions-panel').hidden = actions.length === 0;
  if (view.actionsKey === key) return;
  view.actionsKey = key;
  $('round-actions').replaceChildren(...actions.map((a) => (a.quota ? quotaForm(cycle.id, a.round, a.quota) : dateForm(cycle.id, a.round))));
}

function field(id, label, input) {
  input.id = id;
  return el('div', {}, el('label', { for: id, text: label }), input);
}

/** Who and why: every change an operator makes is recorded with both. */
function whoAndWhy(prefix) {
  return [
    field(`${prefix}-by`, 'Người đề nghị', el('input', { type: 'text', name: 'requestedBy', required: true, maxlength: 200, autocomplete: 'off' })),
    field(`${prefix}-reason`, 'Lý do, căn cứ', el('input', { type: 'text', name: 'reason', required: true, maxlength: 2000, autocomplete: 'off' })),
  ];
}

function dateForm(cycleId, round) {
  const prefix = `date-${round.id}`;
  const semantics = el('select', { name: 'semantics' },
    el('option', { value: 'before', text: 'Trước ngày' }),
    el('option', { value: 'by', text: 'Chậm nhất ngày' }),
    el('option', { value: 'within-month', text: 'Trong tháng' }));
  const day = el('input', { type: 'date', name: 'date' });
  const month = el('input', { type: 'month', name: 'month' });
  const dayField = field(`${prefix}-date`, 'Ngày', day);
  const monthField = field(`${prefix}-month`, 'Tháng', month);
  const sync = () => {
    const byMonth = semantics.value === 'within-month';
    dayField.hidden = byMonth;
    monthField.hidden = !byMonth;
  };
  semantics.addEventListener('change', sync);
  sync();
  const form = el('form', { 'data-action': 'date', 'data-round': round.id },
    field(`${prefix}-semantics`, 'Thời hạn', semantics), dayField, monthField, ...whoAndWhy(prefix),
    el('div', {}, el('button', { type: 'submit', text: 'Ấn định thời hạn' })));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const newDeadline = semantics.value === 'within-month'
      ? { semantics: 'within-month', month: data.get('month') || null }
      : { semantics: semantics.value, date: data.get('date') || null };
    act(form, `Đã gửi thời hạn của đợt «${round.title}»; trang sẽ cập nhật khi kỳ báo cáo ghi nhận.`,
      () => apiPost(`cycles/${encodeURIComponent(cycleId)}/extensions`, {
        subject: round.id, newDeadline, requestedBy: data.get('requestedBy'), reason: data.get('reason'),
      }));
  });
  return el('div', { class: 'round-action' },
    el('h4', { text: `${round.title}: chưa ấn định thời hạn` }),
    el('p', { class: 'muted', text: 'Thời hạn áp dụng cho mọi đơn vị được đề nghị; sau đó nhắc hạn và đóng đợt theo thời hạn này.' }),
    form);
}

const QUOTA_FIELDS = [
  ['max', 'Tổng số tối đa'],
  ['maxCollective', 'Tập thể tối đa'],
  ['maxIndividual', 'Cá nhân tối đa'],
  ['minPolice', 'Công an ít nhất'],
  ['maxPolice', 'Công an tối đa'],
];

function quotaForm(cycleId, round, quota) {
  const prefix = `quota-${round.id}-${quota.id}`;
  const numbers = QUOTA_FIELDS.map(([name, label]) => field(`${prefix}-${name}`, label, el('input', { type: 'number', name, min: 0, step: 1, inputmode: 'numeric' })));
  const form = el('form', { 'data-action': 'quota', 'data-round': round.id, 'data-quota': quota.id },
    ...numbers, ...whoAndWhy(prefix), el('div', {}, el('button', { type: 'submit', text: 'Nhập chỉ tiêu' })));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const body = { requestedBy: data.get('requestedBy'), reason: data.get('reason') };
    for (const [name] of QUOTA_FIELDS) {
      const value = String(data.get(name) ?? '').trim();
      body[name] = value === '' ? null : Number(value);
    }
    act(form, `Đã nhập chỉ tiêu «${quota.description}»; trang sẽ cập nhật khi đợt được xét.`,
      () => apiSend('PUT', `cycles/${encodeURIComponent(cycleId)}/rounds/${encodeURIComponent(round.id)}/quotas/${encodeURIComponent(quota.id)}`, body));
  });
  return el('div', { class: 'round-action' },
    el('h4', { text: `${round.title}: chờ chỉ tiêu «${quota.description}»` }),
    el('p', { class: 'muted', text: 'Nhập các số lượng được giao (bỏ trống những số không giao).' }),
    form);
}

/** Sends one operator form; the host's problem, naming the field at fault, is shown under the forms. */
async function act(form, done, send) {
  if (view.acting) return;
  view.acting = true;
  const button = form.querySelector('button[type="submit"]');
  button.disabled = true;
  showProblem($('round-actions-error'), null);
  $('round-actions-status').textContent = 'Đang gửi…';
  try {
    await send();
    $('round-actions-status').textContent = done;
    view.actionsKey = null;
  } catch (error) {
    if (error instanceof AuthError) {
      view.acting = false;
      return handleAuthError();
    }
    $('round-actions-status').textContent = '';
    showProblem($('round-actions-error'), error);
  } finally {
    view.acting = false;
    button.disabled = false;
  }
  refresh();
  setTimeout(refresh, 1000);
}

/**
 * A sub-cycle's pick rounds ({parent round}-chon) once judged: a button sends the picks up to the parent's round of the
 * same id, and each pick's result (accepted, receipt number, problems) is listed under it.
 */
function renderForwards(cycle) {
  const rounds = cycle.parent ? cycle.rounds.filter((r) => r.id.endsWith('-chon') && r.state === 'judged') : [];
  const key = `${cycle.id}|${rounds.map((r) => r.id).join('|')}`;
  $('forwards-panel').hidden = rounds.length === 0;
  if (view.forwardsKey === key) return;
  view.forwardsKey = key;
  $('forwards').replaceChildren(...rounds.map((r) => forwardAction(cycle.id, r)));
}

function forwardAction(cycleId, round) {
  const parentRound = round.id.slice(0, -'-chon'.length);
  const button = el('button', { type: 'button', text: 'Gửi đề nghị đã chọn lên cấp trên' });
  const status = el('p', { class: 'muted', role: 'status', 'aria-live': 'polite' });
  const error = el('div', { class: 'alert', role: 'alert', hidden: true });
  const results = el('div', { class: 'forward-results' });
  button.addEventListener('click', async () => {
    button.disabled = true;
    showProblem(error, null);
    status.textContent = 'Đang gửi…';
    try {
      const rows = await apiPost(`cycles/${encodeURIComponent(cycleId)}/forwards/${encodeURIComponent(parentRound)}`) ?? [];
      const accepted = rows.filter((r) => r.accepted).length;
      status.textContent = `Đã gửi ${number.format(rows.length)} đề nghị; cấp trên nhận ${number.format(accepted)}.`;
      results.replaceChildren(rows.length ? el('table', { class: 'data' },
        el('thead', {}, el('tr', {}, ...['Đề nghị', 'Kết quả', 'Số tiếp nhận', 'Vấn đề'].map((t) => el('th', { scope: 'col', text: t })))),
        el('tbody', {}, ...rows.map((r) => el('tr', { 'data-nomination': r.nominationId, 'data-accepted': r.accepted ? 'true' : 'false' },
          cell(r.name), cell(r.accepted ? 'Cấp trên đã nhận' : 'Không được nhận'), cell(r.receiptNumber),
          cell((r.problems ?? []).map((p) => (typeof p === 'string' ? p : p.message ?? JSON.stringify(p))).join('; ') || '—'))))) : null);
    } catch (e) {
      if (e instanceof AuthError) return handleAuthError();
      status.textContent = '';
      showProblem(error, e);
    } finally {
      button.disabled = false;
    }
  });
  return el('div', { class: 'round-action', 'data-round': round.id },
    el('h4', { text: `${round.title}: đã xét` }), el('div', {}, button), status, error, results);
}

function awardCell(round) {
  const level = AWARD_LEVEL[round.awardLevel] ?? round.awardLevel;
  return round.title === level
    ? el('td', {}, el('strong', { text: level }))
    : el('td', {}, el('strong', { text: level }), el('br'), el('span', { class: 'muted', text: round.title }));
}

// ---- nominees: their achievement records, evidence and reviews; per round the award documents and the signed decision ----

const OUTCOME = { pending: 'Chờ xét', accepted: 'Đạt', refused: 'Không đạt' };
const NOMINEE_KIND = { collective: 'Tập thể', individual: 'Cá nhân' };
const AWARD_FILES = [['to-trinh.docx', 'Tờ trình (.docx)'], ['quyet-dinh.docx', 'Quyết định (.docx)'], ['danh-sach.xlsx', 'Danh sách (.xlsx)']];

/** "2024-03-11" as dd/MM/yyyy. */
function dayText(value) {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '');
  return match ? `${match[3]}/${match[2]}/${match[1]}` : value ?? '';
}

/** The nominees of every round that received some, by round id (null where the list could not be read this time). */
async function loadNominees(cycle) {
  const rounds = cycle.rounds.filter((r) => r.received > 0);
  const path = `cycles/${encodeURIComponent(cycle.id)}/nominations/`;
  const lists = await Promise.all(rounds.map((r) => api(path + encodeURIComponent(r.id)).catch((e) => (e instanceof AuthError ? Promise.reject(e) : null))));
  return new Map(rounds.map((r, i) => [r.id, lists[i]]));
}

function canAct() {
  return view.me?.role !== 'viewer';
}

/**
 * One section per dated round, built once per page so a reason or a decision number being typed survives the 5 s
 * refresh; inside it each nominee is redrawn only when its own row changed and no review of it is under way.
 */
function renderNominees(cycle, lists) {
  const rounds = cycle.rounds.filter((r) => r.state !== 'undated');
  $('nominees-panel').hidden = rounds.length === 0;
  const container = $('nominee-rounds');
  for (const section of [...container.children]) {
    if (section.dataset.cycle !== cycle.id || !rounds.some((r) => r.id === section.dataset.round)) section.remove();
  }
  for (const round of rounds) {
    let section = [...container.children].find((s) => s.dataset.round === round.id);
    if (!section) {
      section = nomineeRound(cycle.id, round);
      container.append(section);
    }
    const decision = round.decision;
    section.querySelector('.decision-current').textContent = decision
      ? `Đã ghi nhận Quyết định số ${decision.number ?? ''} ngày ${decision.signedOnText ?? dayText(decision.signedOn)}.`
      : '';
    drawNominees(section.querySelector('.nominee-list'), cycle.id, round, lists.get(round.id));
  }
}

function nomineeRound(cycleId, round) {
  const base = `/api/cycles/${encodeURIComponent(cycleId)}/awards/${encodeURIComponent(round.id)}`;
  const error = el('div', { class: 'alert', role: 'alert', hidden: true });
  const status = el('p', { class: 'muted award-status', role: 'status', 'aria-live': 'polite' });
  const links = AWARD_FILES.map(([file, label]) => {
    const button = el('button', { type: 'button', class: 'link-button', text: label, 'data-file': file });
    button.addEventListener('click', async () => {
      showProblem(error, null);
      status.textContent = '';
      try {
        await download({ url: `${base}/${file}`, name: file });
      } catch (e) {
        if (e instanceof AuthError) return handleAuthError();
        // 409 until the round has its selection: the host says why.
        showProblem(error, e instanceof ApiError ? new ProblemError(e.status, { title: e.message, detail: '', fields: [] }) : e);
      }
    });
    return el('li', {}, button);
  });
  const prefix = `decision-${round.id}`;
  const decisionNumber = el('input', { type: 'text', name: 'number', required: true, maxlength: 100, autocomplete: 'off', placeholder: '125/QĐ-UBND' });
  const signedOn = el('input', { type: 'date', name: 'signedOn', required: true });
  const submit = el('button', { type: 'submit', text: 'Ghi nhận quyết định' });
  const form = el('form', { class: 'decision-form', 'data-action': 'decision', 'data-round': round.id },
    el('span', { class: 'decision-label', text: 'Quyết định đã ký:' }),
    field(`${prefix}-number`, 'Số', decisionNumber), field(`${prefix}-date`, 'Ngày', signedOn), el('div', {}, submit));
  form.hidden = !canAct();
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    showProblem(error, null);
    status.textContent = 'Đang gửi…';
    submit.disabled = true;
    try {
      const result = await apiPost(`cycles/${encodeURIComponent(cycleId)}/awards/${encodeURIComponent(round.id)}/decision`, { number: decisionNumber.value.trim(), signedOn: signedOn.value });
      const awardees = Array.isArray(result?.nominationIds) ? result.nominationIds.length : null;
      status.textContent = `Đã ghi nhận Quyết định số ${result?.number ?? decisionNumber.value.trim()} ngày ${result?.signedOnText ?? dayText(result?.signedOn ?? signedOn.value)}`
        + (awardees === null ? '.' : `; ${number.format(awardees)} tập thể, cá nhân được ghi nhận khen thưởng.`);
      refresh();
    } catch (e) {
      if (e instanceof AuthError) return handleAuthError();
      status.textContent = '';
      showProblem(error, e);
    } finally {
      submit.disabled = false;
    }
  });
  return el('section', { class: 'nominee-round', 'data-round': round.id, 'data-cycle': cycleId },
    el('h4', { text: round.title }),
    el('div', { class: 'award-tools' },
      el('ul', { class: 'award-files', 'aria-label': `Văn bản khen thưởng: ${round.title}` }, ...links),
      form),
    el('p', { class: 'decision-current' }),
    status, error,
    el('div', { class: 'nominee-list' }));
}

function drawNominees(list, cycleId, round, rows) {
  if (rows === null) return;
  if (!rows || rows.length === 0) {
    if (!list.querySelector('.empty')) list.replaceChildren(el('p', { class: 'muted empty', text: round.pickedFrom ? 'Chưa có đề nghị được chọn.' : 'Chưa có hồ sơ đề nghị.' }));
    return;
  }
  const current = [...list.querySelectorAll(':scope > article.nominee')];
  const byId = new Map(current.map((card) => [card.dataset.nomination, card]));
  const next = rows.map((n) => {
    const card = byId.get(n.nominationId);
    return card && (card.dataset.signature === JSON.stringify(n) || card.dataset.busy) ? card : nomineeCard(cycleId, round, n);
  });
  // The same nominees in the same order: only the changed cards are swapped, so focus stays where it is.
  if (next.length === current.length && next.every((card, i) => card.dataset.nomination === current[i].dataset.nomination)) {
    next.forEach((card, i) => { if (card !== current[i]) current[i].replaceWith(card); });
  } else {
    list.replaceChildren(...next);
  }
}

function nomineeUnitName(n) {
  if (n.nomineeUnitName) return n.nomineeUnitName;
  const units = new Map(view.units.map((u) => [u.unitId, u.unitName]));
  return units.get(n.nomineeUnit) ?? n.nomineeUnit;
}

function nomineeCard(cycleId, round, n) {
  const card = el('article', { class: `nominee outcome-${n.outcome}`, 'data-nomination': n.nominationId, 'data-outcome': n.outcome });
  card.dataset.signature = JSON.stringify(n);
  const who = [NOMINEE_KIND[n.kind] ?? n.kind, n.position, nomineeUnitName(n), n.isPolice ? 'thuộc lực lượng Công an' : null].filter(Boolean).join(' · ');
  card.append(
    el('div', { class: 'nominee-head' },
      el('h5', { text: n.name }),
      el('span', { class: `outcome ${n.outcome}`, text: OUTCOME[n.outcome] ?? n.outcome })),
    el('p', { class: 'muted', text: `${who} — đơn vị đề nghị: ${n.proposedByName ?? n.proposedBy}${n.submittedAtText ? `, nộp lúc ${n.submittedAtText}` : ''}` }));
  // Criteria met only by records without evidence: the operator checks them against the issuer's archive.
  if ((n.unevidenced ?? []).length) {
    card.append(el('ul', { class: 'unevidenced', 'aria-label': 'Chưa có minh chứng' }, ...n.unevidenced.map((m) => el('li', { text: m }))));
  }
  if (n.outcome === 'refused' && (n.reasons ?? []).length) {
    card.append(el('ul', { class: 'reasons', 'aria-label': 'Lý do không đạt' }, ...n.reasons.map((m) => el('li', { text: m }))));
  }
  const status = el('p', { class: 'muted review-status', role: 'status', 'aria-live': 'polite' });
  const error = el('div', { class: 'alert', role: 'alert', hidden: true });
  const records = n.achievements ?? [];
  const reviewable = canAct() && !round.pickedFrom;
  card.append(records.length
    ? el('table', { class: 'data records' },
      el('thead', {}, el('tr', {}, ...['Năm', 'Danh hiệu, hình thức khen thưởng', 'Quyết định', 'Cấp ra quyết định', 'Minh chứng', 'Xác minh', reviewable ? '' : null]
        .filter((t) => t !== null).map((t) => el('th', { scope: 'col', text: t })))),
      el('tbody', {}, ...records.map((a) => recordRow(cycleId, round, n, a, card, reviewable, { status, error }))))
    : el('p', { class: 'muted', text: 'Không kê khai thành tích.' }));
  card.append(status, error);
  return card;
}

function recordRow(cycleId, round, n, a, card, reviewable, out) {
  const evidence = a.evidenceUrl
    ? el('button', { type: 'button', class: 'link-button', text: a.evidenceFileName ?? 'Tệp quyết định' })
    : el('span', { class: 'no-evidence', text: a.evidenceFileName ? `${a.evidenceFileName} (chưa tải được)` : 'chưa có minh chứng' });
  if (a.evidenceUrl) evidence.addEventListener('click', () => download({ url: a.evidenceUrl, name: a.evidenceFileName ?? 'quyet-dinh' }).catch((e) => showProblem(out.error, new ProblemError(0, { title: describe(e), detail: '', fields: [] }))));
  const row = el('tr', { 'data-record': a.id, 'data-verdict': a.verdict ?? 'none' },
    cell(String(a.year), 'num'),
    cell(a.title),
    cell([a.decisionNumber ? `Số ${a.decisionNumber}` : null, a.decisionDateText ? `ngày ${a.decisionDateText}` : null].filter(Boolean).join(' ') || '—'),
    cell(a.issuer),
    el('td', {}, evidence),
    el('td', { class: `review ${a.verdict ?? 'none'}`, text: a.reviewText }));
  if (!reviewable) return row;
  const actions = el('td', { class: 'review-actions' });
  const verify = el('button', { type: 'button', class: 'secondary', text: 'Xác minh' });
  const refuse = el('button', { type: 'button', class: 'secondary', text: 'Không công nhận' });
  const reason = el('input', { type: 'text', maxlength: 2000, autocomplete: 'off', 'aria-label': `Lý do không công nhận thành tích năm ${a.year}`, placeholder: 'Lý do không công nhận' });
  const confirm = el('button', { type: 'submit', text: 'Xác nhận không công nhận' });
  const cancel = el('button', { type: 'button', class: 'secondary', text: 'Huỷ' });
  const refuseForm = el('form', { class: 'refuse-form', hidden: true }, reason, el('div', {}, confirm, cancel));
  verify.addEventListener('click', () => review(cycleId, round, n, a, 'verified', null, card, out));
  refuse.addEventListener('click', () => {
    refuseForm.hidden = false;
    card.dataset.busy = 'reason';
    reason.focus();
  });
  cancel.addEventListener('click', () => {
    refuseForm.hidden = true;
    delete card.dataset.busy;
  });
  refuseForm.addEventListener('submit', (event) => {
    event.preventDefault();
    review(cycleId, round, n, a, 'refused', reason.value.trim(), card, out);
  });
  // The opposite verdict stays offered: a review can be changed.
  if (a.verdict !== 'verified') actions.append(verify);
  if (a.verdict !== 'refused') actions.append(refuse);
  actions.append(refuseForm);
  row.append(actions);
  return row;
}

/** Sends a verdict; the answer's nominee replaces the card, with its records, flags and outcome as they now stand. */
async function review(cycleId, round, n, a, verdict, reason, card, out) {
  card.dataset.busy = 'sending';
  for (const button of card.querySelectorAll('button')) button.disabled = true;
  showProblem(out.error, null);
  out.status.textContent = 'Đang gửi…';
  try {
    const result = await apiPost(
      `cycles/${encodeURIComponent(cycleId)}/nominations/${encodeURIComponent(round.id)}/${encodeURIComponent(n.nominationId)}/achievements/${encodeURIComponent(a.id)}/review`,
      { verdict, reason });
    const fresh = nomineeCard(cycleId, round, result.nominee);
    fresh.querySelector('.review-status').textContent = verdict === 'verified'
      ? `Đã xác minh thành tích «${a.title}» năm ${a.year}.`
      : `Đã ghi không công nhận thành tích «${a.title}» năm ${a.year}.`;
    card.replaceWith(fresh);
  } catch (e) {
    if (e instanceof AuthError) return handleAuthError();
    out.status.textContent = '';
    showProblem(out.error, e);
    for (const button of card.querySelectorAll('button')) button.disabled = false;
    card.dataset.busy = card.querySelector('.refuse-form:not([hidden])') ? 'reason' : '';
    if (!card.dataset.busy) delete card.dataset.busy;
  }
}

function renderUnits() {
  const state = $('filter-state').value;
  const text = $('filter-text').value.trim().toLocaleLowerCase('vi');
  const rows = view.units.filter((u) => (!state || u.state === state) && (!text || u.unitName.toLocaleLowerCase('vi').includes(text)));
  // A province has about 2,000 units: drawing them all every 5 s would make the page sluggish, so filters narrow it.
  const shown = rows.slice(0, MAX_UNIT_ROWS);
  $('units-count').textContent = rows.length > shown.length
    ? `Hiển thị ${shown.length}/${rows.length} dòng; dùng bộ lọc để thu hẹp.`
    : `${rows.length} dòng`;
  $('units-table').querySelector('tbody').replaceChildren(...shown.map((u) => el('tr', { 'data-unit': u.unitId, 'data-state': u.state },
    cell(u.unitName),
    cell(u.blockName ?? u.block),
    el('td', { class: 'subject', title: u.subjectTitle, text: u.subjectTitle }),
    el('td', {}, el('span', { class: `state ${u.state}`, text: u.stateText ?? STATE[u.state] ?? u.state })),
    cell(u.submittedAtText ? `${u.submittedAtText}${u.version > 1 ? ` (lần ${u.version})` : ''}` : '—'),
    receiptCell(u),
    cell(u.remindersSent, 'num'),
    cell(u.lastReminderText ?? '—'),
    cell(u.deadlineText))));
}

// A report handed in with filled forms: the receipt, then a download button per file (the report, each form).
function receiptCell(u) {
  const files = (u.files ?? []).filter((f) => f.url);
  if (!u.receipt || files.length < 2) return cell(u.receipt ?? '—');
  const buttons = files.map((f) => {
    const button = el('button', { type: 'button', class: 'link-button', text: f.title, title: `Tải ${f.title}` });
    button.addEventListener('click', () => download({ url: f.url, name: f.title }).catch((e) => showError(describe(e))));
    return el('li', {}, button);
  });
  return el('td', {}, u.receipt, el('ul', { class: 'files' }, ...buttons));
}

function renderTimeline(entries) {
  const shown = entries.slice(0, MAX_TIMELINE);
  const items = shown.map((e) => el('li', { class: `tone-${TIMELINE_TONE[e.kind] ?? 'info'}` },
    el('time', { datetime: e.at, text: e.atText }),
    el('span', { class: 'kind', text: TIMELINE_KIND[e.kind] ?? e.kind }),
    el('p', { class: 'title', text: e.title }),
    e.detail ? el('p', { class: 'detail', text: e.detail }) : null));
  if (entries.length > shown.length) {
    items.push(el('li', { class: 'muted', text: `Hiển thị ${shown.length} sự kiện gần nhất trên tổng số ${entries.length}.` }));
  }
  $('timeline').replaceChildren(...(items.length ? items : [el('li', { class: 'muted', text: 'Chưa có sự kiện nào.' })]));
}

function renderExports(exports) {
  if (!exports || exports.length === 0) {
    $('exports').replaceChildren(el('li', { class: 'muted', text: 'Chưa có tệp tổng hợp (tệp được lập khi kỳ báo cáo tổng hợp xong).' }));
    return;
  }
  $('exports').replaceChildren(...exports.map((x) => {
    const button = el('button', { type: 'button', class: 'link-button', text: x.name });
    button.addEventListener('click', () => download(x).catch((e) => showError(describe(e))));
    return el('li', {}, button);
  }));
}

/**
 * The snapshots taken while the cycle runs, newest first: when (the cycle's own time), who asked, the figures then,
 * and a button per file. "Tổng hợp ngay" is offered while the cycle runs.
 */
function renderSnapshots(cycle, snapshots) {
  const rows = snapshots ?? [];
  const running = cycle.runtimeStatus === 'running' || cycle.runtimeStatus === 'pending' || cycle.runtimeStatus === 'suspended';
  $('snapshot-form').hidden = !running;
  $('snapshot-button').disabled = view.snapshotting;
  $('snapshots-empty').hidden = rows.length > 0;
  $('snapshots-table').hidden = rows.length === 0;
  $('snapshots-table').querySelector('tbody').replaceChildren(...rows.map((s) => {
    const files = el('td', { class: 'files' }, ...s.exports.map((x) => {
      const button = el('button', { type: 'button', class: 'link-button', text: x.name });
      button.addEventListener('click', () => download(x).catch((e) => showError(describe(e))));
      return button;
    }));
    const selected = s.id === view.snapshotId;
    return el('tr', { 'data-snapshot': s.id, class: selected ? 'selected' : null, 'aria-current': selected ? 'true' : null, title: s.note ?? null },
      cell(s.atText),
      cell(s.requestedBy),
      cell(number.format(s.onTime), 'num'),
      cell(number.format(s.late), 'num'),
      cell(number.format(s.missing), 'num'),
      cell(number.format(s.pending), 'num'),
      files,
      el('td', { class: 'muted', text: s.id }));
  }));
}

/** Tổng hợp ngay: the host consolidates at the cycle's current instant, without closing it, and keeps the result. */
async function takeSnapshot() {
  const id = view.cycleId;
  if (!id || view.snapshotting) return;
  view.snapshotting = true;
  $('snapshot-button').disabled = true;
  showProblem($('snapshot-error'), null);
  $('snapshot-status').textContent = 'Đang tổng hợp…';
  const body = {};
  const by = $('snapshot-by').value.trim();
  const note = $('snapshot-note').value.trim();
  if (by) body.requestedBy = by;
  if (note) body.note = note;
  try {
    const snapshot = await apiPost(`cycles/${encodeURIComponent(id)}/consolidations`, body);
    $('snapshot-status').textContent = `Đã lập bản tổng hợp lúc ${snapshot.atText} (mã ${snapshot.id}); kỳ báo cáo vẫn tiếp tục.`;
    $('snapshot-note').value = '';
  } catch (error) {
    if (error instanceof AuthError) {
      view.snapshotting = false;
      return handleAuthError();
    }
    $('snapshot-status').textContent = '';
    showProblem($('snapshot-error'), error);
  } finally {
    view.snapshotting = false;
    $('snapshot-button').disabled = false;
  }
  refresh();
}

/** Mails the outbox could not deliver yet (queued, unconfirmed) or gave up on (failed), each with a resend button. */
function renderMails(cycleId, mails) {
  const rows = mails ?? [];
  const failed = rows.filter((m) => m.state === 'failed').length;
  $('mails-summary').textContent = rows.length === 0
    ? 'Mọi thư đều đã gửi.'
    : `${number.format(rows.length)} thư chưa gửi được, trong đó ${number.format(failed)} thư gửi thất bại. Thư chờ gửi lại được hệ thống tự gửi; thư thất bại cần gửi lại.`;
  $('mails-table').hidden = rows.length === 0;
  $('mails-table').querySelector('tbody').replaceChildren(...rows.map((m) => {
    const button = el('button', { type: 'button', class: 'link-button', text: 'Gửi lại', 'data-key': m.key });
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        await apiPost(`cycles/${encodeURIComponent(cycleId)}/mails/${encodeURIComponent(m.key)}/resend`);
        showProblem($('mails-error'), null);
        refresh();
      } catch (error) {
        if (error instanceof AuthError) handleAuthError();
        else showProblem($('mails-error'), error);
        button.disabled = false;
      }
    });
    return el('tr', { class: `mail-${m.state}` },
      cell(m.stateText),
      cell(m.recipients),
      cell(m.subject),
      cell(number.format(m.attempts), 'num'),
      cell(m.nextAttemptText ?? '—'),
      cell(m.lastError ?? '—'),
      el('td', {}, button));
  }));
}

// Export links need the key header, which a plain link cannot send: fetch the file and hand it to the browser.
async function download(exportLink) {
  const response = await fetch(exportLink.url, { headers: { 'X-Api-Key': operatorKey() ?? '' } });
  if (!response.ok) throw new ApiError(response.status, await problemText(response));
  const url = URL.createObjectURL(await response.blob());
  // A stored file keeps the name it was sent under (Content-Disposition); an export is named by its link.
  const disposition = /filename\*=UTF-8''([^;]+)/i.exec(response.headers.get('content-disposition') ?? '');
  const link = el('a', { href: url, download: disposition ? decodeURIComponent(disposition[1]) : exportLink.name.split('/').pop() });
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

async function renderCycle(id) {
  const path = `cycles/${encodeURIComponent(id)}`;
  const filters = new URLSearchParams();
  if ($('filter-block').value && view.filtersFor === id) filters.set('block', $('filter-block').value);
  if ($('filter-subject').value && view.filtersFor === id) filters.set('subject', $('filter-subject').value);
  const query = filters.toString();
  const [cycle, units, timeline, exports, mails, snapshots] = await Promise.all([
    api(path),
    api(`${path}/units${query ? '?' + query : ''}`),
    api(`${path}/timeline`),
    // Exports exist only after consolidation; their absence is not an error on this page.
    api(`${path}/exports`).catch((e) => (e instanceof AuthError ? Promise.reject(e) : [])),
    api(`${path}/mails`),
    api(`${path}/consolidations`).catch((e) => (e instanceof AuthError ? Promise.reject(e) : [])),
  ]);
  if (view.cycleId !== id) return;
  const [, rollUps, , nominees] = await Promise.all([
    loadOpenSubCycles(cycle.relays ?? []),
    loadRollUps(cycle),
    loadParentTitles(cycle),
    loadNominees(cycle),
  ]);
  if (view.cycleId !== id) return;
  fillFilters(cycle);
  renderHead(cycle);
  renderPieces(cycle);
  renderRehearsal(cycle);
  renderBlocks(cycle);
  renderParent(cycle);
  renderRelays(cycle);
  renderRollUps(cycle, rollUps);
  renderDeadlines(cycle);
  view.units = units;
  renderUnits();
  renderNominees(cycle, nominees);
  renderTimeline(timeline);
  renderExports(exports);
  renderMails(id, mails);
  renderSnapshots(cycle, snapshots);
}

function describe(error) {
  if (error instanceof ApiError) {
    return error.status === 404 ? 'Không tìm thấy kỳ báo cáo này. Kiểm tra lại mã kỳ báo cáo.' : error.message;
  }
  return 'Không kết nối được tới máy chủ. Trang sẽ tự thử lại sau ít giây.';
}

// ---- refresh loop ----

async function refresh() {
  if (view.busy) {
    // A filter changed mid-request: draw once more when this one is done.
    view.again = true;
    return;
  }
  if (!operatorKey()) {
    stop();
    showOnly('login');
    return;
  }
  view.busy = true;
  try {
    if (!view.me) {
      // The key is checked before anything is shown: who it belongs to, with which role and scope.
      view.me = await api('me');
      showWho(view.me);
    }
    if (view.cycleId) {
      showOnly('cycle-view');
      await renderCycle(view.cycleId);
    } else {
      showOnly('cycles-view');
      await renderCycles();
    }
    showError('');
    stamp();
  } catch (error) {
    if (error instanceof AuthError) {
      handleAuthError();
    } else {
      showError(describe(error));
    }
  } finally {
    view.busy = false;
  }
  if (view.again) {
    view.again = false;
    refresh();
  }
}

const ROLE_LABELS = { administrator: 'quản trị', operator: 'vận hành', viewer: 'chỉ xem' };

/** Who is logged in: name, role and scope, in the header; starting a top cycle is offered to root operators only. */
function showWho(me) {
  const who = $('who');
  if (!me) {
    who.textContent = '';
    who.hidden = true;
    $('start-panel').hidden = false;
    $('plan-links').hidden = false;
    return;
  }
  const scope = me.scope === '*' ? 'toàn hệ thống' : `đơn vị ${me.scope} và cấp dưới`;
  who.textContent = `${me.name} · ${ROLE_LABELS[me.role] ?? me.role} · phạm vi: ${scope}`;
  who.hidden = false;
  // Plans are drafted and started by root operators only, like a plan file; a district issues its sub-cycle's plan
  // from the province cycle's page.
  $('start-panel').hidden = me.role === 'viewer' || me.scope !== '*';
  $('plan-links').hidden = $('start-panel').hidden;
}

function logout() {
  sessionStorage.removeItem(KEY_STORAGE);
  view.me = null;
  showWho(null);
  stop();
  showOnly('login');
  $('updated').textContent = '';
}

function handleAuthError() {
  view.me = null;
  showWho(null);
  sessionStorage.removeItem(KEY_STORAGE);
  stop();
  showOnly('login');
  showError('Khoá vận hành không đúng hoặc đã hết hiệu lực. Vui lòng nhập lại khoá.');
  $('updated').textContent = '';
}

function start() {
  stop();
  refresh();
  view.timer = setInterval(refresh, REFRESH_MS);
}

function stop() {
  if (view.timer) clearInterval(view.timer);
  view.timer = null;
}

function route() {
  view.cycleId = readFragment();
  view.units = [];
  view.actionsKey = null;
  view.forwardsKey = null;
  // Another cycle's page starts with its relays closed; the lists are emptied so no row of the last page is reused.
  view.expanded = new Set();
  view.subDetails = new Map();
  view.rollUps = null;
  $('relays').replaceChildren();
  $('rollups').replaceChildren();
  $('nominee-rounds').replaceChildren();
  $('parent-chain').replaceChildren();
  delete $('parent-chain').dataset.signature;
  $('round-actions-status').textContent = '';
  showProblem($('round-actions-error'), null);
  $('advance-status').textContent = '';
  $('advance-to').value = '';
  showProblem($('advance-error'), null);
  $('snapshot-status').textContent = '';
  showProblem($('snapshot-error'), null);
  start();
}

onLogin(() => {
  view.me = null;
  showError('');
  start();
});

$('logout').addEventListener('click', logout);

for (const id of ['filter-block', 'filter-subject']) {
  $(id).addEventListener('change', () => refresh());
}
$('filter-state').addEventListener('change', renderUnits);
$('filter-text').addEventListener('input', renderUnits);
$('unit-filters').addEventListener('submit', (event) => event.preventDefault());
// ---- starting a cycle ----

const START_MODE_HINT = {
  step: 'Thời gian của kỳ báo cáo đứng yên; bấm «Chuyển tới mốc kế tiếp» để đi tiếp.',
  speed: 'Thời gian của kỳ báo cáo trôi nhanh gấp nhiều lần thời gian thực.',
  '': 'Gửi thư chính thức theo thời gian thực.',
};

function showStartFields() {
  const mode = $('start-rehearsal').value;
  $('start-mode-hint').textContent = START_MODE_HINT[mode];
  $('start-speed-field').hidden = mode !== 'speed';
  $('start-from-field').hidden = mode === '';
  $('start-live-warning').hidden = mode !== '';
}

/** The query of POST /api/cycles: the id, and for a rehearsal its mode ("step" or a speed) and the instant it starts at. */
function startQuery() {
  const query = new URLSearchParams();
  const id = $('start-id').value.trim();
  if (id) query.set('id', id);
  const mode = $('start-rehearsal').value;
  if (mode) {
    query.set('rehearsal', mode === 'step' ? 'step' : String($('start-speed').value).trim());
    const from = vietnamInstant($('start-from').value);
    if (from) query.set('from', from);
  }
  return query.toString();
}

async function startCycle() {
  const file = $('start-plan').files?.[0];
  if (!file || view.starting) return;
  view.starting = true;
  $('start-submit').disabled = true;
  showProblem($('start-error'), null);
  try {
    const query = startQuery();
    const started = await apiPost('cycles' + (query ? `?${query}` : ''), await file.text());
    $('start-form').reset();
    showStartFields();
    $('start-panel').open = false;
    location.hash = `cycle=${encodeURIComponent(started.id)}`;
  } catch (error) {
    if (error instanceof AuthError) {
      handleAuthError();
    } else {
      showProblem($('start-error'), error);
    }
  } finally {
    view.starting = false;
    $('start-submit').disabled = false;
  }
}

$('start-rehearsal').addEventListener('change', showStartFields);
$('start-form').addEventListener('submit', (event) => {
  event.preventDefault();
  startCycle();
});
showStartFields();

$('snapshot-form').addEventListener('submit', (event) => {
  event.preventDefault();
  takeSnapshot();
});
$('advance-next-button').addEventListener('click', () => advance(null));
$('advance-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const to = vietnamInstant($('advance-to').value);
  if (!to) {
    showProblem($('advance-error'), new ProblemError(400, { title: 'Chọn thời điểm cần chuyển tới, hoặc bấm «Chuyển tới mốc kế tiếp».', detail: '', fields: [] }));
    return;
  }
  advance(to);
});

window.addEventListener('hashchange', route);
route();
