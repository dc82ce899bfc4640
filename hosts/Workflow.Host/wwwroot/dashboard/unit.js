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

function nominationForm(task, unitId) {
  const form = document.createElement("form");
  const inputs = {};
  const add = (name, labelText, element) => {
    element.id = `n-${task.subject}-${name}`;
    const label = text("label", labelText);
    label.htmlFor = element.id;
    form.append(label, element);
    inputs[name] = element;
  };
  add("name", "Tên tập thể, cá nhân được đề nghị", Object.assign(document.createElement("input"), { required: true }));
  const kind = document.createElement("select");
  kind.append(new Option("Tập thể", "collective"), new Option("Cá nhân", "individual"));
  add("kind", "Loại", kind);
  const profile = document.createElement("select");
  for (const p of task.profiles ?? []) profile.append(new Option(p.name, p.id));
  add("profile", "Đối tượng xét tiêu chuẩn", profile);
  add("police", "Thuộc lực lượng Công an", Object.assign(document.createElement("input"), { type: "checkbox" }));
  add("record", "Thông tin khai báo (danh hiệu theo năm, các điều kiện) — JSON",
    Object.assign(document.createElement("textarea"), { value: JSON.stringify({ yearly: {}, flags: {}, numbers: {} }, null, 2) }));
  const documents = [];
  for (const doc of task.documents ?? []) {
    const fieldset = document.createElement("fieldset");
    fieldset.append(text("legend", doc.form ? `${doc.title} (${doc.form}, ${doc.legalBasis ?? ""})` : doc.title));
    const file = Object.assign(document.createElement("input"), { type: "file", required: true });
    file.setAttribute("aria-label", doc.title);
    fieldset.append(file);
    let lines = null;
    if (doc.maxLinesForCollective) {
      lines = Object.assign(document.createElement("input"), { type: "number", min: "1", placeholder: `Số dòng (tập thể tối đa ${doc.maxLinesForCollective})` });
      lines.setAttribute("aria-label", "Số dòng");
      fieldset.append(lines);
    }
    documents.push({ id: doc.id, file, lines });
    form.append(fieldset);
  }
  form.append(text("button", "Nộp hồ sơ đề nghị"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    let record;
    try { record = JSON.parse(inputs.record.value); } catch { showResult(form, false, "Thông tin khai báo không phải JSON hợp lệ."); return; }
    const nomination = {
      id: `${unitId}-${Date.now()}`, name: inputs.name.value, kind: inputs.kind.value, nomineeUnit: unitId,
      isPolice: inputs.police.checked, profile: inputs.profile.value, record,
      documents: documents.map((d) => ({ documentId: d.id, lineCount: d.lines?.value ? Number(d.lines.value) : null })),
    };
    const data = new FormData();
    data.append("nomination", JSON.stringify(nomination));
    for (const d of documents) data.append("files", d.file.files[0]);
    const { ok, body } = await call(`/api/unit/nominations/${encodeURIComponent(task.subject)}`, { method: "POST", body: data });
    showResult(form, ok, ok ? `Đã nhận hồ sơ lúc ${body.receivedAtText}, số biên nhận ${body.receiptNumber}.` : problem(body));
    if (ok) load();
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
    card.append(task.kind === "nomination" ? nominationForm(task, body.unitId) : reportForm(task));
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
