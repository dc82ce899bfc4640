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
  return { forms };
}

function reportForm(task) {
  const form = document.createElement("form");
  for (const statForm of task.forms ?? []) {
    const fieldset = document.createElement("fieldset");
    fieldset.append(text("legend", statForm.title));
    for (const field of statForm.fields) fieldset.append(fieldInput(statForm.id, field));
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
    const { ok, body } = await call(`/api/unit/reports/${encodeURIComponent(task.subject)}`, { method: "POST", body: data });
    showResult(form, ok, ok
      ? `Đã nhận lúc ${body.receivedAtText}, số biên nhận ${body.receiptNumber} (lần nộp ${body.version}${body.late ? ", nộp muộn" : ""}).`
      : problem(body));
    if (ok) load();
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
    for (const value of [r.receipt, r.subjectTitle ?? r.subject, r.version, r.receivedAtText, r.fileName, r.late ? "Muộn" : "Đúng hạn"]) row.append(text("td", String(value ?? "")));
    rows.append(row);
  }
}

if (!token) {
  $("error").hidden = false;
  $("error").textContent = "Thiếu đường dẫn của đơn vị. Hãy mở đường dẫn trong thư thông báo kế hoạch.";
} else {
  load();
}
