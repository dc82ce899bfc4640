// What the operator pages share: the key kept in this tab, the operator API with RFC 7807 problems, Vietnam-time
// formatting, and building elements with textContent only, so nothing the API returns is interpreted as markup.

export const KEY_STORAGE = 'workflow.operatorKey';
export const ZONE = 'Asia/Ho_Chi_Minh';

export class AuthError extends Error {}

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}


export function operatorKey() {
  return sessionStorage.getItem(KEY_STORAGE);
}

// ---- API ----

export async function api(path) {
  const response = await fetch('/api/' + path, {
    headers: { 'X-Api-Key': operatorKey() ?? '', Accept: 'application/json' },
    cache: 'no-store',
  });
  // 401: the key is wrong, revoked or rotated, so back to the login; 403 is a refusal of this request only (role or scope).
  if (response.status === 401) {
    throw new AuthError();
  }
  if (!response.ok) {
    throw new ApiError(response.status, await problemText(response));
  }
  return response.json();
}

export async function problemText(response) {
  const { title, detail, fields } = await problemOf(response);
  return [title, detail, ...fields].filter(Boolean).join(' — ');
}

/**
 * The host's problem details as the page shows them: a title, the detail when it adds something, and every field at
 * fault. Our handlers send errors as [{field, message}], ASP.NET's own binding failures as {field: [messages]}.
 */
export async function problemOf(response) {
  const fallback = FALLBACK_PROBLEM[response.status] ?? (response.status >= 500 ? 'Máy chủ gặp lỗi.' : `Máy chủ từ chối yêu cầu (HTTP ${response.status}).`);
  let problem = null;
  try {
    problem = await response.json();
  } catch {
    return { title: fallback, detail: '', fields: [] };
  }
  const errors = problem?.errors;
  const fields = Array.isArray(errors)
    ? errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message))
    : errors && typeof errors === 'object'
      ? Object.entries(errors).flatMap(([field, messages]) => (Array.isArray(messages) ? messages : [messages]).map((m) => `${field}: ${m}`))
      : [];
  const title = problem?.title || fallback;
  const detail = problem?.detail && problem.detail !== title ? problem.detail : '';
  // A single field's message often repeats the detail word for word: say it once.
  const messages = Array.isArray(errors) ? errors.map((e) => e.message) : [];
  return { title, detail, fields: fields.filter((_, i) => !detail || messages[i] !== detail), errors: Array.isArray(errors) ? errors : [] };
}

const FALLBACK_PROBLEM = {
  400: 'Yêu cầu không hợp lệ.',
  404: 'Không tìm thấy kỳ báo cáo.',
  409: 'Thao tác không thực hiện được ở trạng thái hiện tại của kỳ báo cáo.',
  413: 'Nội dung gửi lên quá lớn.',
  415: 'Nội dung phải là JSON.',
};

export class ProblemError extends Error {
  constructor(status, problem) {
    super(problem.title);
    this.status = status;
    this.problem = problem;
  }
}

/** POSTs to the operator API with the tab's key; a refused request throws a ProblemError with the host's details. */
export async function apiPost(path, body, contentType = 'application/json') {
  return apiSend('POST', path, body, contentType);
}

export async function apiSend(method, path, body, contentType = 'application/json') {
  const init = {
    method,
    headers: { 'X-Api-Key': operatorKey() ?? '', Accept: 'application/json' },
    cache: 'no-store',
  };
  if (body !== undefined) {
    init.headers['Content-Type'] = contentType;
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
  }
  const response = await fetch('/api/' + path, init);
  if (response.status === 401) {
    throw new AuthError();
  }
  if (!response.ok) {
    throw new ProblemError(response.status, await problemOf(response));
  }
  return response.status === 204 ? null : response.json().catch(() => null);
}

/** Fills an alert with a problem: its title, then its detail and each field at fault as a list. */
export function showProblem(target, error) {
  if (!error) {
    target.replaceChildren();
    target.hidden = true;
    return;
  }
  const problem = error instanceof ProblemError
    ? error.problem
    : { title: 'Không kết nối được tới máy chủ. Vui lòng thử lại.', detail: '', fields: [] };
  const lines = [problem.detail, ...problem.fields].filter(Boolean);
  // replaceChildren would write a null as the text "null": only the parts present are passed.
  target.replaceChildren(...[
    el('p', { class: 'problem-title', text: problem.title }),
    lines.length ? el('ul', { class: 'problem-fields' }, ...lines.map((line) => el('li', { text: line }))) : null].filter(Boolean));
  target.hidden = false;
}


const dateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/** dd/MM/yyyy HH:mm in Vietnam time, whatever the browser's own zone is. */
export function formatInstant(iso) {
  if (!iso) return '—';
  const parts = Object.fromEntries(dateTime.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}


/** A datetime-local value ("2024-03-11T08:00") read as Vietnam time (UTC+7, no daylight saving) in ISO 8601. */
export function vietnamInstant(value) {
  if (!value) return null;
  const time = value.length === 16 ? `${value}:00` : value.slice(0, 19);
  return `${time}+07:00`;
}


export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

/** The login form both operator pages have (#login-form, #key-input): the key goes to this tab only, then done(). */
export function onLogin(done) {
  document.getElementById('login-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = document.getElementById('key-input');
    const key = input.value.trim();
    if (!key) return;
    sessionStorage.setItem(KEY_STORAGE, key);
    input.value = '';
    done();
  });
}
