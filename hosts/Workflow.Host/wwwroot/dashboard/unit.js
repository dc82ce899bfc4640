// The page a unit opens from its e-mail link: its tasks and deadlines, upload forms built from the plan's
// statistical forms and dossier documents, and its receipts. The link token is the only credential.
const token = new URLSearchParams(location.search).get("token") ?? "";
const $ = (id) => document.getElementById(id);

const stateLabels = {
  pending: "Chưa nộp", "on-time": "Đã nộp đúng hạn", late: "Đã nộp muộn", missing: "Quá hạn, chưa nộp",
  "not-required": "Không nộp (không bắt buộc)", undated: "Chưa ấn định thời hạn",
};

/** The state as the host words it ("Không đề nghị" for an optional round), or our own label for an older host. */
function stateText(task) {
  if (task.state === "on-time" || task.state === "late") return stateLabels[task.state];
  return task.stateText ?? stateLabels[task.state] ?? task.state;
}

async function call(path, options = {}) {
  const response = await fetch(path, { ...options, headers: { Authorization: `Bearer ${token}`, ...(options.headers ?? {}) } });
  const body = await response.json().catch(() => ({}));
  return { ok: response.ok, status: response.status, body };
}

function text(tag, content, className) {
  const element = document.createElement(tag);
  element.textContent = content;
  if (className) element.className = className;
  return element;
}

function problem(body) {
  const lines = [body.title ?? "Không thực hiện được.", body.detail ?? ""];
  for (const error of body.errors ?? []) if (error.message !== body.detail) lines.push(`${error.field}: ${error.message}`);
  return lines.filter(Boolean).join("\n");
}

function showResult(form, ok, message) {
  form.querySelector(".result")?.remove();
  const result = text("p", message, `result ${ok ? "ok" : "bad"}`);
  result.setAttribute("role", "status");
  result.style.whiteSpace = "pre-line";
  form.append(result);
}

function fieldInput(formId, field) {
  const id = `f-${formId}-${field.id}`;
  const row = document.createElement("div");
  row.className = "field";
  const label = text("label", field.unit ? `${field.label} (${field.unit})` : field.label);
  label.htmlFor = id;
  const input = document.createElement("input");
  input.id = id;
  input.dataset.form = formId;
  input.dataset.field = field.id;
  input.dataset.type = field.type;
  if (field.type === "boolean") input.type = "checkbox";
  else if (field.type === "text") input.type = "text";
  else { input.type = "number"; input.min = "0"; input.step = field.type === "integer" ? "1" : "any"; input.required = true; }
  row.append(label, input);
  return row;
}

function statistics(form) {
  const forms = {};
  for (const input of form.querySelectorAll("input[data-field]")) {
    const values = (forms[input.dataset.form] ??= {});
    values[input.dataset.field] = input.dataset.type === "boolean" ? { flag: input.checked }
      : input.dataset.type === "text" ? { text: input.value }
      : { number: Number(input.value) };
  }
  // Every row goes, blank ones too, so the server's rows[i] are the page's rows.
  for (const table of form.querySelectorAll(".table-field")) {
    (forms[table.dataset.form] ??= {})[table.dataset.table] = { rows: tableRows(table) };
  }
  return { forms };
}

// ---- Table fields: an editable table of typed cells, filled by hand or from the unit's spreadsheet. ----

function cellInput(column) {
  let input;
  if (column.type === "choice") {
    input = document.createElement("select");
    input.append(new Option("— chọn —", ""));
    for (const choice of column.choices ?? []) input.append(new Option(choice, choice));
  } else {
    input = document.createElement("input");
    // No min, max or required here: a bad cell must reach the server, whose message is shown beside it.
    if (column.type === "date") input.type = "date";
    else if (["integer", "decimal", "year"].includes(column.type)) { input.type = "number"; input.step = "any"; input.inputMode = column.type === "decimal" ? "decimal" : "numeric"; }
    else { input.type = "text"; input.maxLength = 2000; }
  }
  input.dataset.column = column.id;
  // Checked as the unit types, marked by the border and a tooltip only: a message appearing when the cell loses focus
  // would move the button being clicked. A server message beside the cell goes once the cell holds a good value.
  input.addEventListener("input", () => {
    const problem = cellProblem(column, input.value);
    input.setAttribute("aria-invalid", problem ? "true" : "false");
    input.title = problem ? `${column.label}: ${problem}` : "";
    if (!problem) input.closest("td")?.querySelector(".cell-error")?.remove();
  });
  return input;
}

function setCell(input, value) {
  if (input.tagName === "SELECT" && value && ![...input.options].some((o) => o.value === value)) {
    // A value read from a file that is not a choice stays visible, so the unit sees what to correct.
    input.append(new Option(`${value} (không có trong danh sách)`, value));
  }
  input.value = value ?? "";
}

/** The same rules as the server (TableCell), for instant feedback only: the server decides. */
function cellProblem(column, value) {
  const text = (value ?? "").trim();
  if (!text) return column.required ? "không được để trống." : null;
  const number = Number(text);
  switch (column.type) {
    case "integer": return Number.isInteger(number) && number >= 0 && number <= (column.max ?? 1e12) ? null : "phải là số nguyên không âm.";
    case "decimal": return Number.isFinite(number) && number >= 0 && number <= (column.max ?? 1e12) ? null : "phải là số không âm.";
    case "year": return /^\d{4}$/.test(text) && number >= 1945 && number <= 2100 ? null : "phải là năm (4 chữ số, từ 1945 đến 2100).";
    case "date": return /^\d{4}-\d{2}-\d{2}$/.test(text) ? null : "phải là ngày dạng dd/MM/yyyy.";
    case "choice": return (column.choices ?? []).includes(text) ? null : "phải là một lựa chọn trong danh sách.";
    default: return null;
  }
}

function markCell(cell, message) {
  if (!cell) return;
  cell.querySelector(".cell-error")?.remove();
  const input = cell.querySelector("input, select");
  input?.setAttribute("aria-invalid", message ? "true" : "false");
  if (message) cell.append(text("p", message, "cell-error"));
}

function addRow(table, field, values = {}) {
  const body = table.querySelector("tbody");
  const row = document.createElement("tr");
  row.append(text("td", "", "num"));
  for (const column of field.columns) {
    const cell = document.createElement("td");
    cell.dataset.column = column.id;
    const input = cellInput(column);
    setCell(input, values[column.id]);
    cell.append(input);
    row.append(cell);
  }
  const actions = document.createElement("td");
  actions.className = "row-actions";
  const remove = text("button", "Xoá dòng", "secondary");
  remove.type = "button";
  remove.addEventListener("click", () => { row.remove(); renumber(table, field); });
  actions.append(remove);
  row.append(actions);
  body.append(row);
  renumber(table, field);
  return row;
}

function renumber(table, field) {
  [...table.querySelector("tbody").rows].forEach((row, i) => {
    row.cells[0].textContent = String(i + 1);
    field.columns.forEach((column, j) => row.cells[j + 1].querySelector("input, select").setAttribute("aria-label", `${column.label}, dòng ${i + 1}`));
    row.querySelector(".row-actions button").setAttribute("aria-label", `Xoá dòng ${i + 1}`);
  });
}

function tableRows(container) {
  return [...container.querySelectorAll("tbody tr")].map((row) => {
    const values = {};
    for (const input of row.querySelectorAll("[data-column]:is(input, select)")) if (input.value.trim()) values[input.dataset.column] = input.value;
    return values;
  });
}

function fillTable(container, field, rows) {
  const table = container.querySelector("table");
  table.querySelector("tbody").replaceChildren();
  for (const values of rows) addRow(table, field, values);
}

/** Messages keyed by a path ending in rows[i] or rows[i].column go beside that row or cell; others beside the table. */
function showTableErrors(container, errors, prefix) {
  const table = container.querySelector("table");
  const rows = table.querySelector("tbody").rows;
  const general = [];
  for (const error of errors) {
    // Upload errors (no prefix) are all this table's; a report's are those under its path, or the path itself.
    if (prefix && error.field !== prefix.slice(0, -1) && !error.field.startsWith(prefix)) continue;
    const match = error.field.startsWith(prefix) ? /^rows\[(\d+)\](?:\.(.+))?$/.exec(error.field.slice(prefix.length)) : null;
    const row = match ? rows[Number(match[1])] : null;
    if (!row) { general.push(error.message); continue; }
    const cell = match[2] ? row.querySelector(`td[data-column="${CSS.escape(match[2])}"]`) : null;
    if (cell) markCell(cell, error.message);
    else { row.classList.add("row-invalid"); row.querySelector(".row-actions").append(text("p", error.message, "cell-error")); }
  }
  const box = container.querySelector(".table-errors");
  box.replaceChildren(...general.map((m) => text("p", m, "cell-error")));
}

function clearTableErrors(container) {
  for (const cell of container.querySelectorAll("td")) cell.querySelector(".cell-error")?.remove();
  for (const input of container.querySelectorAll("[aria-invalid]")) input.setAttribute("aria-invalid", "false");
  for (const row of container.querySelectorAll(".row-invalid")) row.classList.remove("row-invalid");
  container.querySelector(".table-errors").replaceChildren();
}

function tableInput(task, formId, field) {
  const container = document.createElement("div");
  container.className = "table-field";
  container.dataset.form = formId;
  container.dataset.table = field.id;
  const table = document.createElement("table");
  table.className = "data rows";
  table.append(text("caption", field.label));
  const head = document.createElement("tr");
  head.append(text("th", "STT", "num"));
  for (const column of field.columns) head.append(text("th", column.required ? `${column.label} *` : column.label));
  head.append(text("th", ""));
  table.createTHead().append(head);
  table.createTBody();
  const bounds = [field.minRows ? `ít nhất ${field.minRows} dòng` : "", field.maxRows ? `tối đa ${field.maxRows} dòng` : ""].filter(Boolean).join(", ");
  const add = text("button", "Thêm dòng", "secondary");
  add.type = "button";
  add.addEventListener("click", () => addRow(table, field).querySelector("input, select").focus());

  // The template and the upload: the unit fills its own spreadsheet and the rows come back into this table.
  const route = `/api/unit/tables/${encodeURIComponent(task.subject)}/${encodeURIComponent(formId)}/${encodeURIComponent(field.id)}`;
  const tools = document.createElement("div");
  tools.className = "table-tools";
  const xlsx = text("a", "Tải mẫu Excel (.xlsx)");
  xlsx.href = `${route}/template?token=${encodeURIComponent(token)}`;
  xlsx.download = "";
  const csv = text("a", "mẫu CSV");
  csv.href = `${route}/template?format=csv&token=${encodeURIComponent(token)}`;
  csv.download = "";
  const upload = document.createElement("input");
  upload.type = "file";
  upload.accept = ".xlsx,.csv";
  upload.id = `t-${task.subject}-${formId}-${field.id}`;
  const uploadLabel = text("label", "Điền bảng từ tệp đã điền (.xlsx, .csv):");
  uploadLabel.htmlFor = upload.id;
  const status = text("p", "", "table-status");
  status.setAttribute("aria-live", "polite");
  upload.addEventListener("change", async () => {
    const file = upload.files[0];
    if (!file) return;
    const data = new FormData();
    data.append("file", file);
    const { ok, body } = await call(`${route}/rows`, { method: "POST", body: data });
    upload.value = "";
    clearTableErrors(container);
    if (ok || Array.isArray(body.rows)) fillTable(container, field, body.rows ?? []);
    if (ok) { status.className = "table-status ok"; status.textContent = `Đã điền ${body.count} dòng từ tệp «${file.name}». Kiểm tra rồi bấm «Nộp báo cáo».`; return; }
    status.className = "table-status bad";
    status.textContent = body.rows ? `Tệp «${file.name}» có lỗi; các dòng đã được điền, lỗi ghi cạnh từng ô. Sửa trên trang hoặc trong tệp rồi tải lên lại.` : problem(body);
    showTableErrors(container, body.errors ?? [], "");
  });
  tools.append(xlsx, text("span", " · "), csv, uploadLabel, upload);

  container.append(tools, table, text("div", "", "table-errors"), add);
  if (bounds) container.append(text("span", ` Bảng có ${bounds}.`, "muted"));
  container.append(status);
  return container;
}

// A form's template files: a download link (the token goes in the query, as for a link in an e-mail) when attached,
// otherwise the file is named and said not to be attached yet, never linked.
function templateLinks(task, formId) {
  const templates = (task.templates ?? []).filter((t) => t.form === formId);
  if (templates.length === 0) return null;
  const list = document.createElement("ul");
  list.className = "templates";
  for (const t of templates) {
    const item = document.createElement("li");
    if (t.attached && t.url) {
      const link = text("a", `Tải tệp mẫu: ${t.title} (${t.file})`);
      link.href = `${t.url}?token=${encodeURIComponent(token)}`;
      link.download = t.file;
      item.append(link);
    } else {
      item.append(text("span", `Tệp mẫu ${t.title} (${t.file}): chưa được đính kèm.`, "muted"));
    }
    list.append(item);
  }
  return list;
}

// Only the forms of the unit's scope come from the API. A form without fields is returned as its filled file, sent in
// the part «form:<id>» beside the report file.
function reportForm(task) {
  const form = document.createElement("form");
  const formFiles = [];
  for (const statForm of task.forms ?? []) {
    const fieldset = document.createElement("fieldset");
    fieldset.dataset.form = statForm.id;
    fieldset.append(text("legend", statForm.title));
    const links = templateLinks(task, statForm.id);
    if (links) fieldset.append(links);
    if (statForm.fields.length === 0) {
      const input = Object.assign(document.createElement("input"), { type: "file", required: true, id: `ff-${task.subject}-${statForm.id}` });
      const label = text("label", `Tệp đã điền: ${statForm.title}`);
      label.htmlFor = input.id;
      fieldset.append(label, input);
      formFiles.push({ id: statForm.id, input });
    }
    for (const field of statForm.fields) fieldset.append(field.type === "table" ? tableInput(task, statForm.id, field) : fieldInput(statForm.id, field));
    form.append(fieldset);
  }
  const file = document.createElement("input");
  file.type = "file";
  file.required = true;
  file.setAttribute("aria-label", "Tệp báo cáo");
  form.append(text("label", "Tệp báo cáo (PDF, Word, Excel, ảnh quét)"), file, text("button", "Nộp báo cáo"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData();
    data.append("file", file.files[0]);
    data.append("statistics", JSON.stringify(statistics(form)));
    for (const f of formFiles) if (f.input.files[0]) data.append(`form:${f.id}`, f.input.files[0]);
    const { ok, body } = await call(`/api/unit/reports/${encodeURIComponent(task.subject)}`, { method: "POST", body: data });
    const files = (body.files ?? []).length > 1 ? `\nCác tệp đã nhận:\n${body.files.map((f) => `${f.title}: ${f.fileName}`).join("\n")}` : "";
    const message = ok
      ? `Đã nhận lúc ${body.receivedAtText}, số biên nhận ${body.receiptNumber} (lần nộp ${body.version}${body.late ? ", nộp muộn" : ""}).${files}`
      : problem(body);
    // The server's checks are the truth: each error of a table goes beside its row or cell.
    for (const table of form.querySelectorAll(".table-field")) {
      clearTableErrors(table);
      showTableErrors(table, ok ? [] : body.errors ?? [], `statistics.forms.${table.dataset.form}.${table.dataset.table}.`);
    }
    if (!ok) {
      showResult(form, ok, message);
      return;
    }
    // The page is drawn again with the new state; the receipt stays under the task's new form.
    await load();
    showResult(document.querySelector(`article.task[data-subject="${CSS.escape(task.subject)}"] form`) ?? form, ok, message);
  });
  return form;
}

// ---- Nomination dossiers: a form built from the round's profiles, the plan's scales and the unit's kept nominees. ----

const OTHER_TITLE = "other";
const zoneDay = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric" });

/** "2024-03-11" or an ISO instant as dd/MM/yyyy (an instant in Vietnam time). */
function dayText(value) {
  if (!value) return "";
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return plain ? `${plain[3]}/${plain[2]}/${plain[1]}` : zoneDay.format(new Date(value));
}

/** What the server already holds for a kept record: its decision's file, or the operators' review. */
function keptEvidenceText(record) {
  const review = record.review;
  if (review?.verdict === "refused") return `Không công nhận: ${review.reason ?? ""}${review.at ? ` (${dayText(review.at)})` : ""}`;
  const parts = [];
  if (record.evidence) parts.push(`${record.evidence.fileName} — đã có minh chứng`);
  if (review?.verdict === "verified") parts.push(`Đã xác minh${review.at ? ` (${dayText(review.at)})` : ""}`);
  return parts.join("; ");
}

/** A labelled input; data-path names the field the server's errors use, so they go beside it. */
function entry(id, labelText, input, path) {
  input.id = id;
  const wrapper = document.createElement("div");
  wrapper.className = "entry";
  if (path) wrapper.dataset.path = path;
  const label = text("label", labelText);
  label.htmlFor = id;
  wrapper.append(label, input);
  return wrapper;
}

function markField(target, message) {
  if (!target) return false;
  const input = target.matches("input, select") ? target : target.querySelector("input:not([type=radio]), select");
  input?.setAttribute("aria-invalid", "true");
  (target.matches("input, select") ? target.parentElement : target).append(text("p", message, "cell-error"));
  return true;
}

function clearFieldErrors(form) {
  for (const p of form.querySelectorAll(".cell-error")) p.remove();
  for (const input of form.querySelectorAll("[aria-invalid]")) input.removeAttribute("aria-invalid");
  for (const row of form.querySelectorAll(".row-invalid")) row.classList.remove("row-invalid");
}

/**
 * The nomination form: who is proposed, the chosen profile's criteria and facts, the achievement records with their
 * decision files, and the dossier's documents. Nothing is typed as JSON; the server's checks decide and each of its
 * errors is written beside the input it names.
 */
function nominationForm(task, context) {
  const subject = task.subject;
  const form = document.createElement("form");
  form.className = "nomination";
  const profiles = task.profiles ?? [];
  const unitNames = new Map(context.nomineeUnits.map((u) => [u.id, u.name]));
  // Every level of every scale, "scale name: level name"; options carry an index into this list.
  const levels = context.scales.flatMap((scale) => scale.levels.map((level) => ({ scale, level })));
  const state = { nextRecord: 1, reuse: null };

  // Pre-filling from a collective or person proposed before.
  let prefill = null;
  if (context.kept.length > 0) {
    prefill = document.createElement("select");
    prefill.append(new Option("— Không điền sẵn —", ""));
    context.kept.forEach((k, i) => prefill.append(new Option(`${k.name} — ${unitNames.get(k.nomineeUnit) ?? k.nomineeUnit}`, String(i))));
    const box = entry(`n-${subject}-prefill`, "Điền sẵn từ hồ sơ đã lưu", prefill);
    box.classList.add("prefill");
    box.append(text("p", "Chọn tập thể, cá nhân đơn vị đã đề nghị trước đây: thông tin và quá trình thành tích đã lưu được điền vào mẫu dưới đây; sửa hoặc bổ sung rồi nộp.", "muted"));
    form.append(box);
  }
  const reuseNote = text("p", "", "muted reuse-note");
  reuseNote.hidden = true;
  form.append(reuseNote);

  // ---- the nominee ----
  const who = document.createElement("fieldset");
  who.append(text("legend", "Tập thể, cá nhân được đề nghị"));
  const entries = document.createElement("div");
  entries.className = "entries";
  const kind = document.createElement("select");
  kind.append(new Option("Tập thể", "collective"), new Option("Cá nhân", "individual"));
  const name = Object.assign(document.createElement("input"), { type: "text", required: true, maxLength: 300, autocomplete: "off" });
  const position = Object.assign(document.createElement("input"), { type: "text", maxLength: 300, autocomplete: "off" });
  const personalId = Object.assign(document.createElement("input"), { type: "text", inputMode: "numeric", maxLength: 12, autocomplete: "off", placeholder: "12 chữ số (không bắt buộc)" });
  const nomineeUnit = document.createElement("select");
  for (const u of context.nomineeUnits) nomineeUnit.append(new Option(u.name, u.id));
  const police = Object.assign(document.createElement("input"), { type: "checkbox" });
  const profile = document.createElement("select");
  const positionEntry = entry(`n-${subject}-position`, "Chức vụ", position, "nomination.position");
  const personalIdEntry = entry(`n-${subject}-personal-id`, "Số định danh cá nhân", personalId, "nomination.personalId");
  const policeEntry = entry(`n-${subject}-police`, "Thuộc lực lượng Công an", police, "nomination.isPolice");
  policeEntry.classList.add("check");
  entries.append(
    entry(`n-${subject}-kind`, "Loại", kind, "nomination.kind"),
    entry(`n-${subject}-name`, "Tên tập thể, cá nhân", name, "nomination.name"),
    positionEntry, personalIdEntry,
    entry(`n-${subject}-unit`, "Đơn vị", nomineeUnit, "nomination.nomineeUnit"),
    policeEntry,
    entry(`n-${subject}-profile`, "Đối tượng xét tiêu chuẩn", profile, "nomination.profile"));
  const criteria = document.createElement("div");
  criteria.className = "criteria";
  who.append(entries, criteria);
  form.append(who);

  // ---- the chosen profile's yes/no facts and numbers ----
  const facts = document.createElement("fieldset");
  facts.className = "facts";
  const answers = new Map();
  const figures = new Map();
  form.append(facts);

  // ---- the achievement records ----
  const records = document.createElement("fieldset");
  records.className = "records";
  records.append(text("legend", "Quá trình thành tích"));
  records.append(text("p", "Mỗi danh hiệu, hình thức khen thưởng một dòng, kèm tệp quyết định (PDF, ảnh quét). Thành tích không kèm quyết định vẫn được kê khai nhưng được ghi là chưa có minh chứng.", "muted"));
  const table = document.createElement("table");
  table.className = "data rows record-table";
  const head = document.createElement("tr");
  for (const title of ["STT", "Năm", "Danh hiệu, hình thức khen thưởng", "Số quyết định", "Ngày quyết định", ""]) head.append(text("th", title));
  table.createTHead().append(head);
  // One tbody per record: its decision on the first line, who issued it and its file on the second.
  const recordBodies = () => [...table.tBodies];
  const addRecord = text("button", "Thêm thành tích", "secondary");
  addRecord.type = "button";
  addRecord.addEventListener("click", () => recordRow().querySelector("input").focus());
  const scroll = document.createElement("div");
  scroll.className = "records-scroll";
  scroll.append(table);
  records.append(scroll, addRecord);
  form.append(records);

  // ---- the dossier's documents ----
  const dossier = document.createElement("fieldset");
  dossier.append(text("legend", "Thành phần hồ sơ"));
  // The paper sets still go by post: the plan says how many.
  if (task.copies) dossier.append(text("p", `Mỗi thành phần gửi bản điện tử tại đây; hồ sơ giấy gửi ${String(task.copies).padStart(2, "0")} bộ theo kế hoạch.`, "muted dossier-copies"));
  const documents = (task.documents ?? []).map((doc, i) => {
    const box = document.createElement("div");
    box.className = "document";
    box.dataset.path = `files[${i}]`;
    const file = Object.assign(document.createElement("input"), { type: "file", required: true, id: `n-${subject}-doc-${doc.id}` });
    const label = text("label", doc.form ? `${doc.title} (${[doc.form, doc.legalBasis].filter(Boolean).join(", ")})` : doc.title);
    label.htmlFor = file.id;
    box.append(label, file);
    let lines = null;
    if (doc.maxLinesForCollective) {
      lines = Object.assign(document.createElement("input"), {
        type: "number", min: "1", step: "1", id: `n-${subject}-lines-${doc.id}`, placeholder: `Tập thể: tối đa ${doc.maxLinesForCollective} dòng`,
      });
      const linesBox = entry(lines.id, "Số dòng", lines, `files[${i}].lineCount`);
      linesBox.classList.add("lines");
      lines.setAttribute("aria-label", `Số dòng: ${doc.title}`);
      box.append(linesBox);
    }
    dossier.append(box);
    return { doc, box, file, lines };
  });
  form.append(dossier);
  const submit = text("button", "Nộp hồ sơ đề nghị");
  submit.type = "submit";
  form.append(submit);

  // ---- behaviour ----
  function showProfiles() {
    const chosen = profile.value;
    profile.replaceChildren(...profiles.filter((p) => p.nomineeKind === kind.value).map((p) => new Option(p.name, p.id)));
    if ([...profile.options].some((o) => o.value === chosen)) profile.value = chosen;
  }

  function showKind() {
    const individual = kind.value === "individual";
    positionEntry.hidden = !individual;
    personalIdEntry.hidden = !individual;
    for (const d of documents) if (d.lines) d.lines.closest(".lines").hidden = individual;
    showProfiles();
    showProfile();
  }

  // The criteria as the plan words them; each yes/no fact asks whether its criterion holds (no answer chosen for the unit).
  function showProfile() {
    const chosen = profiles.find((p) => p.id === profile.value);
    criteria.replaceChildren();
    facts.replaceChildren(text("legend", "Các điều kiện khác"));
    facts.hidden = !chosen || (chosen.flags ?? []).length + (chosen.numbers ?? []).length === 0;
    if (!chosen) return;
    if ((chosen.criteria ?? []).length) {
      criteria.append(text("p", "Tiêu chuẩn của đối tượng này:", "criteria-title"));
      const list = document.createElement("ul");
      for (const c of chosen.criteria) list.append(text("li", c));
      criteria.append(list);
    }
    if ((chosen.flags ?? []).length) {
      facts.append(text("p", "Chọn «Có» nếu tập thể, cá nhân đáp ứng đúng nội dung nêu, «Không» nếu không đáp ứng. Mục chưa chọn được coi là chưa khai báo.", "muted"));
    }
    for (const flag of chosen.flags ?? []) {
      const group = document.createElement("fieldset");
      group.className = "fact";
      group.dataset.path = `nomination.record.flags.${flag.id}`;
      group.append(text("legend", flag.description));
      const radioName = `fact-${subject}-${flag.id}`;
      for (const [value, label] of [["yes", "Có"], ["no", "Không"]]) {
        const radio = Object.assign(document.createElement("input"), { type: "radio", name: radioName, value, id: `${radioName}-${value}` });
        radio.checked = answers.get(flag.id) === value;
        radio.addEventListener("change", () => answers.set(flag.id, value));
        const labelElement = text("label", label);
        labelElement.htmlFor = radio.id;
        group.append(radio, labelElement);
      }
      facts.append(group);
    }
    for (const number of chosen.numbers ?? []) {
      const input = Object.assign(document.createElement("input"), { type: "number", step: "any", value: figures.get(number.id) ?? "" });
      if (number.minimum !== null && number.minimum !== undefined) input.placeholder = `Tối thiểu ${number.minimum}`;
      input.addEventListener("input", () => figures.set(number.id, input.value));
      const box = entry(`fact-${subject}-${number.id}`, number.description, input, `nomination.record.numbers.${number.id}`);
      box.classList.add("figure-entry");
      facts.append(box);
    }
  }

  function titleOptions(select) {
    select.append(new Option("— Chọn danh hiệu —", ""));
    for (const scale of context.scales) {
      const group = document.createElement("optgroup");
      group.label = scale.name;
      for (const level of scale.levels) {
        const index = levels.findIndex((l) => l.scale === scale && l.level === level);
        group.append(new Option(`${scale.name}: ${level.name}`, String(index)));
      }
      select.append(group);
    }
    select.append(new Option("Hình thức khen thưởng khác", OTHER_TITLE));
  }

  function newRecordId() {
    const taken = new Set(recordBodies().map((r) => r.dataset.record));
    while (taken.has(`tt-${state.nextRecord}`)) state.nextRecord++;
    return `tt-${state.nextRecord++}`;
  }

  function cellWith(column, ...children) {
    const td = document.createElement("td");
    td.dataset.column = column;
    td.append(...children);
    return td;
  }

  function labelledCell(column, span, labelText, ...children) {
    const td = cellWith(column, text("span", labelText, "inline-label"), ...children);
    td.colSpan = span;
    return td;
  }

  /** One record row; a kept record keeps its id, and says what evidence or review the server already has for it. */
  function recordRow(kept) {
    const row = document.createElement("tbody");
    row.className = "record";
    row.dataset.record = kept?.id ?? newRecordId();
    const year = Object.assign(document.createElement("input"), { type: "number", step: "1", inputMode: "numeric", placeholder: "yyyy" });
    year.dataset.column = "year";
    const title = document.createElement("select");
    title.dataset.column = "title";
    titleOptions(title);
    const otherTitle = Object.assign(document.createElement("input"), { type: "text", maxLength: 300, placeholder: "Tên hình thức khen thưởng" });
    otherTitle.className = "other-title";
    otherTitle.hidden = true;
    title.addEventListener("change", () => {
      otherTitle.hidden = title.value !== OTHER_TITLE;
      title.title = title.selectedOptions[0]?.text ?? "";
      if (!otherTitle.hidden) otherTitle.focus();
    });
    const decisionNumber = Object.assign(document.createElement("input"), { type: "text", maxLength: 300, placeholder: "Số/ký hiệu" });
    decisionNumber.dataset.column = "decisionNumber";
    const decisionDate = Object.assign(document.createElement("input"), { type: "date" });
    decisionDate.dataset.column = "decisionDate";
    const issuer = Object.assign(document.createElement("input"), { type: "text", maxLength: 300 });
    issuer.dataset.column = "issuer";
    const file = Object.assign(document.createElement("input"), { type: "file", accept: ".pdf,.jpg,.jpeg,.png,.tif,.tiff,.doc,.docx" });
    file.dataset.column = "evidence";
    const held = text("p", "", "held");
    const remove = text("button", "Xoá", "secondary");
    remove.type = "button";
    remove.addEventListener("click", () => { row.remove(); renumber(); });
    const number = text("td", "", "num");
    number.rowSpan = 2;
    const actions = cellWith("actions", remove);
    actions.rowSpan = 2;
    const first = document.createElement("tr");
    first.append(number, cellWith("year", year), cellWith("title", title, otherTitle), cellWith("decisionNumber", decisionNumber), cellWith("decisionDate", decisionDate), actions);
    const second = document.createElement("tr");
    second.className = "record-more";
    second.append(labelledCell("issuer", 2, "Cấp ra quyết định", issuer), labelledCell("evidence", 2, "Tệp quyết định", file, held));
    row.append(first, second);
    if (kept) {
      year.value = String(kept.year ?? "");
      const index = levels.findIndex((l) => l.scale.id === kept.scale && l.level.id === kept.level);
      title.value = index >= 0 ? String(index) : OTHER_TITLE;
      if (index < 0) { otherTitle.hidden = false; otherTitle.value = kept.title ?? ""; }
      title.title = title.selectedOptions[0]?.text ?? "";
      // Re-sent with the same year, title and decision number, the record keeps its file and review on the server.
      row.dataset.keptChoice = title.value;
      row.dataset.keptTitle = kept.title ?? "";
      decisionNumber.value = kept.decisionNumber ?? "";
      decisionDate.value = kept.decisionDate ?? "";
      issuer.value = kept.issuer ?? "";
      const heldText = keptEvidenceText(kept);
      const original = { year: year.value, title: kept.title ?? "", decisionNumber: decisionNumber.value.trim() };
      const sync = () => {
        const current = recordOf(row);
        const same = String(current.year ?? "") === original.year && current.title === original.title && (current.decisionNumber ?? "") === original.decisionNumber;
        held.textContent = same ? heldText : heldText ? "Đã sửa năm, danh hiệu hoặc số quyết định: minh chứng đã lưu không còn áp dụng, hãy đính kèm tệp quyết định." : "";
      };
      for (const input of [year, title, otherTitle, decisionNumber]) input.addEventListener("input", sync);
      title.addEventListener("change", sync);
      sync();
    }
    table.append(row);
    renumber();
    return row;
  }

  function renumber() {
    recordBodies().forEach((row, i) => {
      const n = i + 1;
      row.rows[0].cells[0].textContent = String(n);
      const label = (column, what) => row.querySelector(`[data-column="${column}"]:is(input, select)`)?.setAttribute("aria-label", `${what}, dòng ${n}`);
      label("year", "Năm");
      label("title", "Danh hiệu");
      label("decisionNumber", "Số quyết định");
      label("decisionDate", "Ngày quyết định");
      label("issuer", "Cấp ra quyết định");
      label("evidence", "Tệp quyết định");
      row.querySelector(".other-title").setAttribute("aria-label", `Tên hình thức khen thưởng, dòng ${n}`);
      row.querySelector("td[data-column=actions] button").setAttribute("aria-label", `Xoá thành tích dòng ${n}`);
    });
  }

  function recordOf(row) {
    const value = (column) => row.querySelector(`[data-column="${column}"]:is(input, select)`).value.trim();
    const choice = value("title");
    let title = "";
    let scale = null;
    let level = null;
    if (choice === OTHER_TITLE) title = row.querySelector(".other-title").value.trim();
    else if (choice !== "") {
      const picked = levels[Number(choice)];
      scale = picked.scale.id;
      level = picked.level.id;
      // A kept record's own wording stays while its choice is unchanged, so the server knows it as the same record.
      title = row.dataset.keptChoice === choice && row.dataset.keptTitle ? row.dataset.keptTitle : picked.level.name;
    }
    const year = value("year");
    return {
      id: row.dataset.record, year: year === "" ? null : Number(year), title, scale, level,
      decisionNumber: value("decisionNumber") || null, decisionDate: value("decisionDate") || null, issuer: value("issuer") || null,
    };
  }

  function fill(kept) {
    kind.value = kept.kind === "individual" ? "individual" : "collective";
    name.value = kept.name ?? "";
    position.value = kept.position ?? "";
    personalId.value = kept.personalId ?? "";
    if (![...nomineeUnit.options].some((o) => o.value === kept.nomineeUnit)) nomineeUnit.append(new Option(kept.nomineeUnit, kept.nomineeUnit));
    nomineeUnit.value = kept.nomineeUnit;
    police.checked = Boolean(kept.isPolice);
    showProfiles();
    if ([...profile.options].some((o) => o.value === kept.profile)) profile.value = kept.profile;
    showKind();
    for (const record of recordBodies()) record.remove();
    state.nextRecord = 1;
    for (const record of kept.records ?? []) recordRow(record);
    // Proposed already in this cycle: the same nomination id, so sending again replaces that dossier instead of adding one.
    state.reuse = kept.lastCycleId === context.cycleId && kept.lastNominationId ? { id: kept.lastNominationId, kind: kind.value, name: name.value.trim(), unit: kept.nomineeUnit, personalId: personalId.value.trim() } : null;
    reuseNote.hidden = !state.reuse;
    reuseNote.textContent = state.reuse ? `Tập thể, cá nhân này đã được đề nghị trong kỳ báo cáo này (mã đề nghị ${state.reuse.id}); nộp lại trong cùng đợt sẽ thay hồ sơ đã nộp.` : "";
  }

  // A server message beside an input goes once the unit changes that input.
  const settle = (event) => {
    const input = event.target;
    if (input.getAttribute?.("aria-invalid") !== "true") return;
    input.removeAttribute("aria-invalid");
    input.closest("td, .entry, .document, fieldset")?.querySelector(".cell-error")?.remove();
  };
  form.addEventListener("input", settle);
  form.addEventListener("change", settle);
  kind.addEventListener("change", showKind);
  profile.addEventListener("change", showProfile);
  prefill?.addEventListener("change", () => { if (prefill.value !== "") fill(context.kept[Number(prefill.value)]); });
  showKind();

  /** The server's errors beside their inputs; those that name no input are returned for the summary. */
  function placeErrors(errors) {
    const rows = recordBodies();
    const loose = [];
    for (const error of errors) {
      const field = error.field ?? "";
      const record = /^nomination\.achievements\[(\d+)\](?:\.(\w+))?/.exec(field);
      const evidence = /^evidence\.(.+)$/.exec(field);
      const file = /^files\[(\d+)\](?:\.(\w+))?$/.exec(field);
      let placed = false;
      if (record && rows[Number(record[1])]) {
        const row = rows[Number(record[1])];
        const column = { scale: "title", level: "title" }[record[2]] ?? record[2];
        const cell = column ? row.querySelector(`td[data-column="${column}"]`) : null;
        if (cell) placed = markField(cell, error.message);
        else { row.classList.add("row-invalid"); placed = markField(row.querySelector("td[data-column=actions]"), error.message); }
      } else if (evidence) {
        const row = rows.find((r) => r.dataset.record === evidence[1]);
        placed = row ? markField(row.querySelector("td[data-column=evidence]"), error.message) : false;
      } else if (file && documents[Number(file[1])]) {
        const d = documents[Number(file[1])];
        placed = markField(file[2] === "lineCount" && d.lines ? d.lines.closest(".entry") : d.box, error.message);
      } else {
        placed = markField(form.querySelector(`[data-path="${CSS.escape(field)}"]`), error.message);
      }
      if (!placed) loose.push(error);
    }
    return loose;
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    const chosen = profiles.find((p) => p.id === profile.value);
    const flags = {};
    for (const flag of chosen?.flags ?? []) {
      // «Có»: the criterion holds, so the fact has the answer that meets it.
      const answer = answers.get(flag.id);
      if (answer) flags[flag.id] = answer === "yes" ? flag.required ?? true : !(flag.required ?? true);
    }
    const numbers = {};
    for (const number of chosen?.numbers ?? []) {
      const value = (figures.get(number.id) ?? "").trim();
      if (value !== "") numbers[number.id] = Number(value);
    }
    const individual = kind.value === "individual";
    const rows = recordBodies();
    const nominee = { kind: kind.value, name: name.value.trim(), unit: nomineeUnit.value, personalId: individual ? personalId.value.trim() : "" };
    const reuse = state.reuse && state.reuse.kind === nominee.kind && state.reuse.name === nominee.name && state.reuse.unit === nominee.unit && state.reuse.personalId === nominee.personalId;
    const nomination = {
      id: reuse ? state.reuse.id : `${context.unitId}-${Date.now()}`,
      name: nominee.name, kind: kind.value, nomineeUnit: nomineeUnit.value, isPolice: police.checked, profile: profile.value,
      position: individual && position.value.trim() ? position.value.trim() : null,
      personalId: individual && nominee.personalId ? nominee.personalId : null,
      record: { flags, numbers },
      achievements: rows.map(recordOf),
      documents: documents.map((d) => ({ documentId: d.doc.id, lineCount: !individual && d.lines?.value ? Number(d.lines.value) : null })),
    };
    const data = new FormData();
    data.append("nomination", JSON.stringify(nomination));
    for (const d of documents) if (d.file.files[0]) data.append("files", d.file.files[0]);
    for (const row of rows) {
      const file = row.querySelector("input[type=file]").files[0];
      if (file) data.append(`evidence.${row.dataset.record}`, file);
    }
    submit.disabled = true;
    const { ok, body: answer } = await call(`/api/unit/nominations/${encodeURIComponent(subject)}`, { method: "POST", body: data }).finally(() => { submit.disabled = false; });
    if (!ok) {
      const loose = placeErrors(answer.errors ?? []);
      const placed = (answer.errors ?? []).length - loose.length;
      const lines = [answer.title ?? "Không thực hiện được.", answer.detail ?? "", ...loose.filter((e) => e.message !== answer.detail).map((e) => e.message)];
      if (placed > 0) lines.push("Lỗi của từng mục được ghi ngay cạnh mục đó.");
      showResult(form, false, lines.filter(Boolean).join("\n"));
      form.querySelector("[aria-invalid=true]")?.focus();
      return;
    }
    const names = new Map(documents.map((d) => [d.doc.id, d.doc.title]));
    for (const r of nomination.achievements) names.set(`minh-chung.${r.id}`, `Quyết định ${r.title} năm ${r.year}`);
    const files = (answer.files ?? []).map((f) => `${names.get(f.documentId) ?? f.documentId}: ${f.fileName}`);
    const message = `Đã nhận hồ sơ đề nghị «${nomination.name}» lúc ${answer.receivedAtText}, số biên nhận ${answer.receiptNumber}${answer.late ? " (nộp muộn)" : ""}.`
      + (files.length ? `\nCác tệp đã nhận:\n${files.join("\n")}` : "");
    // The page is drawn again (the nominee is now among the kept ones); the receipt stays under the task's new form.
    await load();
    showResult(document.querySelector(`article.task[data-subject="${CSS.escape(subject)}"] form`) ?? form, true, message);
  });
  return form;
}

async function load() {
  const { ok, status, body } = await call("/api/unit/tasks");
  if (!ok) {
    $("error").hidden = false;
    $("error").textContent = status === 401 ? "Đường dẫn không hợp lệ hoặc kỳ báo cáo đã kết thúc." : problem(body);
    return;
  }

  $("unit-name").textContent = body.unitName;
  $("plan-title").textContent = `Kế hoạch số ${body.planNumber}: ${body.planTitle}`;
  // The collectives and people proposed before, to pre-fill a nomination; an older host without the list offers none.
  const hasRounds = body.tasks.some((t) => t.kind === "nomination" && t.state !== "undated");
  const kept = hasRounds ? await call("/api/unit/nominees") : { ok: false };
  const context = {
    unitId: body.unitId, cycleId: body.cycleId, scales: body.scales ?? [],
    nomineeUnits: body.nomineeUnits?.length ? body.nomineeUnits : [{ id: body.unitId, name: body.unitName }],
    kept: kept.ok && Array.isArray(kept.body) ? kept.body : [],
  };
  const tasks = $("tasks");
  tasks.replaceChildren();
  for (const task of body.tasks) {
    const card = document.createElement("article");
    card.className = "panel task";
    card.dataset.subject = task.subject;
    card.dataset.state = task.state;
    card.append(text("h2", task.optional ? `${task.title} (không bắt buộc)` : task.title));
    if (task.state === "undated") {
      // Nothing can be sent until the standing agency dates the round: no form, just the reason.
      card.append(text("p", "Thời hạn: chưa ấn định thời hạn. Cơ quan thường trực sẽ thông báo thời hạn; đến khi đó chưa nhận hồ sơ đề nghị.", "undated"));
      tasks.append(card);
      continue;
    }
    card.append(text("p", `Thời hạn: ${task.deadlineText} — nhận đến ${task.lastAcceptedText}. ${task.latePolicy === "reject" ? "Quá thời hạn, hồ sơ không được tiếp nhận." : "Nộp muộn vẫn được nhận và ghi nhận là muộn."}`));
    if (task.optional) {
      card.append(text("p", task.kind === "nomination" ? "Đề nghị khen thưởng là không bắt buộc: đơn vị không đề nghị thì không bị coi là chậm nộp." : "Nội dung này không bắt buộc: đơn vị không nộp thì không bị coi là chậm nộp.", "muted"));
    }
    card.append(text("p", `Tình trạng: ${stateText(task)}${task.receipt ? ` — biên nhận ${task.receipt}, lần nộp ${task.version}, lúc ${task.submittedAtText}` : ""}`, "muted task-state"));
    card.append(task.kind === "nomination" ? nominationForm(task, context) : reportForm(task));
    tasks.append(card);
  }

  const receipts = await call("/api/unit/receipts");
  const rows = $("receipts");
  rows.replaceChildren();
  for (const r of receipts.ok ? receipts.body : []) {
    const row = document.createElement("tr");
    const file = r.form ? `${r.formTitle ?? r.form}: ${r.fileName}` : r.fileName;
    for (const value of [r.receipt, r.subjectTitle ?? r.subject, r.version, r.receivedAtText, file, r.late ? "Muộn" : "Đúng hạn"]) row.append(text("td", String(value ?? "")));
    rows.append(row);
  }
}

if (!token) {
  $("error").hidden = false;
  $("error").textContent = "Thiếu đường dẫn của đơn vị. Hãy mở đường dẫn trong thư thông báo kế hoạch.";
} else {
  load();
}
