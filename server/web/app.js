// The web page of bhytdoc serve: a form built from a template's field
// declarations (GET /v1/templates/{name}), a live preview of the PDF,
// downloads, the annex check and the mail merge. No framework, no build
// step, nothing loaded from elsewhere.
"use strict";

const $ = (sel) => document.querySelector(sel);
// The page is Vietnamese: so are the server's problem details.
const vi = { "Accept-Language": "vi" };
let fieldsOf = null; // getter of the current form's data
let previewURL = null;
let previewTimer = 0;
let previewSeq = 0;

// el makes an element with attributes and children.
function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "text") e.textContent = v;
    else if (v !== undefined && v !== null && v !== false) e.setAttribute(k, v === true ? "" : v);
  }
  for (const k of kids) if (k) e.append(k);
  return e;
}

let uid = 0;
const newID = () => "f" + (++uid);

// parseNumber reads a Vietnamese number: "10.125" or "98,8".
function parseNumber(s, integer) {
  s = s.trim();
  if (s === "") return undefined;
  const plain = s.replace(/\./g, "").replace(",", ".");
  const n = Number(plain);
  if (Number.isNaN(n)) return s; // the server names the field
  return integer ? Math.trunc(n) : n;
}

// control builds the input of one field and returns its getter.
function control(f, path, value, box) {
  const id = newID();
  const label = el("label", { for: id, text: (f.label || f.name) + (f.required ? " *" : "") });
  const help = f.help ? el("p", { class: "goi-y", id: id + "-h", text: f.help }) : null;
  const err = el("p", { class: "loi-truong", id: id + "-e", "data-path": path });
  const described = (help ? id + "-h " : "") + id + "-e";
  let input, get;
  switch (f.type) {
    case "bool":
      input = el("input", { type: "checkbox", id, "data-path": path, "aria-describedby": described });
      input.checked = value === true;
      label.prepend(input);
      box.append(label, help || "", err);
      return () => input.checked;
    case "date":
      input = el("input", { type: "date", id, "data-path": path, "aria-describedby": described });
      if (typeof value === "string") input.value = isoDate(value);
      get = () => input.value || undefined;
      break;
    case "int":
    case "number":
      input = el("input", { type: "text", inputmode: f.type === "int" ? "numeric" : "decimal", id, "data-path": path, "aria-describedby": described });
      if (value !== undefined && value !== null) input.value = String(value).replace(".", f.type === "number" ? "," : ".");
      get = () => parseNumber(input.value, f.type === "int");
      break;
    case "list":
      box.append(label, help || "");
      get = listControl(path, Array.isArray(value) ? value : [], box, described);
      box.append(err);
      return get;
    case "object": {
      const fs = el("fieldset", {}, el("legend", { text: f.label || f.name }));
      if (help) fs.append(help);
      const get1 = objectControl(f.fields || [], path, value || {}, fs);
      fs.append(err);
      box.append(fs);
      return get1;
    }
    case "objects":
      return objectsControl(f, path, Array.isArray(value) ? value : [], box);
    default: {
      const long = typeof value === "string" && (value.length > 70 || value.includes("\n"));
      input = el(long ? "textarea" : "input", { type: long ? undefined : "text", id, "data-path": path, "aria-describedby": described });
      if (value !== undefined && value !== null) input.value = String(value);
      get = () => (input.value.trim() === "" ? undefined : input.value);
    }
  }
  box.append(label, help || "", input, err);
  return get;
}

// isoDate turns 30/6/2020 into 2020-06-30 for a date input.
function isoDate(s) {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) return `${m[3]}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}`;
  return s.slice(0, 10);
}

// listControl is a list of text lines that grows and shrinks.
function listControl(path, values, box, described) {
  const rows = el("div", { class: "ds" });
  const items = [];
  const add = (v) => {
    const input = el("input", { type: "text", "data-path": `${path}[${items.length}]`, "aria-label": "Mục " + (items.length + 1), "aria-describedby": described });
    input.value = v || "";
    const del = el("button", { type: "button", text: "Xóa", "aria-label": "Xóa mục" });
    const row = el("div", { class: "dong-ds" }, input, del);
    const item = { input, row };
    del.addEventListener("click", () => { items.splice(items.indexOf(item), 1); row.remove(); changed(); });
    items.push(item);
    rows.append(row);
  };
  values.forEach((v) => add(typeof v === "string" ? v : JSON.stringify(v)));
  const more = el("button", { type: "button", text: "Thêm mục" });
  more.addEventListener("click", () => { add(""); items[items.length - 1].input.focus(); });
  box.append(rows, more);
  return () => items.map((i) => i.input.value).filter((v) => v.trim() !== "");
}

// objectControl builds the fields of an object; the getter omits empty ones
// so that the template's defaults apply.
function objectControl(fields, path, value, box) {
  const getters = fields.map((f) => [f.name, control(f, path ? `${path}.${f.name}` : f.name, value[f.name] ?? f.example ?? f.default, box)]);
  return () => {
    const out = {};
    for (const [name, get] of getters) {
      const v = get();
      if (v !== undefined) out[name] = v;
    }
    return out;
  };
}

// objectsControl is a list of objects (the units of an annex, say).
function objectsControl(f, path, values, box) {
  const fs = el("fieldset", {}, el("legend", { text: f.label || f.name }));
  if (f.help) fs.append(el("p", { class: "goi-y", text: f.help }));
  const list = el("div");
  const items = [];
  const add = (v) => {
    const sub = el("fieldset", {}, el("legend", { text: `${f.label || f.name} ${items.length + 1}` }));
    const get = objectControl(f.fields || [], `${path}[${items.length}]`, v || {}, sub);
    const del = el("button", { type: "button", text: "Xóa" });
    const item = { get, sub };
    del.addEventListener("click", () => { items.splice(items.indexOf(item), 1); sub.remove(); changed(); });
    sub.append(del);
    items.push(item);
    list.append(sub);
  };
  values.forEach(add);
  if (values.length === 0 && f.required) add({}); // a required list starts with one item
  const more = el("button", { type: "button", text: "Thêm" });
  more.addEventListener("click", () => { add({}); changed(); });
  fs.append(list, more, el("p", { class: "loi-truong", "data-path": path }));
  box.append(fs);
  return () => items.map((i) => i.get());
}

async function loadTemplates() {
  const res = await fetch("/v1/templates");
  const list = (await res.json()).templates || [];
  for (const sel of [$("#chon-mau"), $("#mau-tron")]) {
    sel.replaceChildren(...list.map((t) => el("option", { value: t.name, text: t.title ? `${t.title} (${t.name})` : t.name })));
  }
  if (list.length) await loadForm(list[0].name);
}

async function loadForm(name) {
  const res = await fetch("/v1/templates/" + encodeURIComponent(name));
  const t = await res.json();
  $("#mo-ta-mau").textContent = t.description || "";
  const form = $("#bieu-mau");
  form.replaceChildren();
  fieldsOf = objectControl(t.fields || [], "", {}, form);
  $("#mau-tron").value = name;
  changed();
}

// changed schedules a preview after the user stops typing.
function changed() {
  clearTimeout(previewTimer);
  previewTimer = setTimeout(preview, 600);
}

// fill posts the form's data and returns the response; with a units file
// and milestones, the annex is planned from them on the server.
function fill(format) {
  const url = `/v1/templates/${encodeURIComponent($("#chon-mau").value)}?format=${format}`;
  const data = JSON.stringify(fieldsOf ? fieldsOf() : {});
  const units = $("#tep-donvi").files[0];
  if (!units) {
    return fetch(url, { method: "POST", headers: { "Content-Type": "application/json", ...vi }, body: data });
  }
  const fd = new FormData();
  fd.append("data", data);
  fd.append("units", units, units.name);
  const ms = $("#cac-moc").value.trim().split(/\s+/).filter(Boolean);
  const q = ms.map((m) => "&milestone=" + encodeURIComponent(m)).join("");
  return fetch(url + q, { method: "POST", headers: vi, body: fd });
}

async function preview() {
  const seq = ++previewSeq;
  $("#trang-thai").textContent = "— đang cập nhật…";
  const res = await fill("pdf");
  if (seq !== previewSeq) return; // a newer preview is on its way
  if (!res.ok) {
    showProblem(await problem(res), $("#loi-mau"), $("#bieu-mau"));
    $("#trang-thai").textContent = "— có lỗi, xem bên trái";
    return;
  }
  showProblem(null, $("#loi-mau"), $("#bieu-mau"));
  const blob = await res.blob();
  if (previewURL) URL.revokeObjectURL(previewURL);
  previewURL = URL.createObjectURL(blob);
  $("#xem-truoc").src = previewURL;
  $("#trang-thai").textContent = "— đã cập nhật";
}

async function problem(res) {
  try { return await res.json(); } catch { return { detail: `Lỗi ${res.status}` }; }
}

// showProblem puts each item beside the input its field names, the rest in
// box; nil clears them.
function showProblem(p, box, form) {
  box.replaceChildren();
  form.querySelectorAll("[aria-invalid]").forEach((e) => e.removeAttribute("aria-invalid"));
  form.querySelectorAll("p.loi-truong").forEach((e) => (e.textContent = ""));
  if (!p) return;
  box.append(el("p", { text: p.detail }));
  const rest = el("ul");
  for (const it of p.errors || []) {
    const path = (it.field || "").replace(/^\./, "");
    const target = path && findPath(form, path);
    // A row and column without an annex are a rows or table file's.
    const inFile = it.annex == null;
    const where = [it.file, it.sheet ? "trang tính " + it.sheet : "", it.line ? "dòng " + it.line : "",
      inFile && it.row != null ? "dòng " + it.row : "", inFile && it.column ? "cột " + it.column : "",
      it.cell ? "ô " + it.cell : ""].filter(Boolean).join(", ");
    const msg = (where ? where + ": " : "") + (it.field ? it.field + ": " : "") + it.detail;
    if (target) {
      const errBox = target.id ? form.querySelector(`#${target.id}-e`) : null;
      target.setAttribute("aria-invalid", "true");
      (errBox || target.parentElement.querySelector("p.loi-truong") || rest).append(el("span", { text: it.detail + " " }));
    } else {
      rest.append(el("li", { text: msg }));
    }
  }
  if (rest.childElementCount) box.append(rest);
}

// findPath finds the input of a data path, or of its longest prefix.
function findPath(form, path) {
  for (let p = path; p; p = p.replace(/(\.[^.[\]]*|\[\d+\])$/, "")) {
    const e = form.querySelector(`[data-path="${CSS.escape(p)}"]:not(p)`) || form.querySelector(`p[data-path="${CSS.escape(p)}"]`);
    if (e) return e;
    if (!/[.[]/.test(p)) break;
  }
  return null;
}

async function download(res, fallback) {
  const blob = await res.blob();
  const cd = res.headers.get("Content-Disposition") || "";
  const m = /filename\*=UTF-8''([^;]+)/.exec(cd);
  const a = el("a", { href: URL.createObjectURL(blob), download: m ? decodeURIComponent(m[1]) : fallback });
  document.body.append(a);
  a.click();
  a.remove();
}

function setupTabs() {
  const tabs = [...document.querySelectorAll("nav button")];
  for (const b of tabs) {
    b.addEventListener("click", () => {
      for (const o of tabs) {
        o.setAttribute("aria-selected", String(o === b));
        document.getElementById(o.getAttribute("aria-controls")).hidden = o !== b;
      }
    });
  }
}

function setup() {
  setupTabs();
  $("#chon-mau").addEventListener("change", (e) => loadForm(e.target.value));
  $("#bieu-mau").addEventListener("input", changed);
  $("#tep-donvi").addEventListener("change", changed);
  $("#cac-moc").addEventListener("input", changed);
  for (const b of document.querySelectorAll(".tai-ve button")) {
    b.addEventListener("click", async () => {
      const res = await fill(b.dataset.format);
      if (!res.ok) return showProblem(await problem(res), $("#loi-mau"), $("#bieu-mau"));
      await download(res, "van-ban." + b.dataset.format);
    });
  }
  $("#bieu-nguon").addEventListener("submit", async (e) => {
    e.preventDefault();
    const fd = new FormData();
    fd.append("source", $("#tep-nguon").files[0]);
    for (const f of $("#tep-kem").files) fd.append("file", f, f.name);
    const fmt = $("#dinh-dang").value;
    const res = await fetch("/v1/render?format=" + fmt, { method: "POST", body: fd, headers: vi });
    if (!res.ok) return showProblem(await problem(res), $("#loi-nguon"), $("#bieu-nguon"));
    showProblem(null, $("#loi-nguon"), $("#bieu-nguon"));
    await download(res, "van-ban." + fmt);
  });
  $("#bieu-kiemtra").addEventListener("submit", async (e) => {
    e.preventDefault();
    const fd = new FormData();
    const f = $("#tep-bang").files[0];
    fd.append("file", f, f.name);
    const res = await fetch("/v1/annex/check", { method: "POST", body: fd, headers: vi });
    const tbody = $("#bang-kiemtra tbody");
    tbody.replaceChildren();
    if (!res.ok) {
      $("#bang-kiemtra").hidden = true;
      $("#ket-qua-kiemtra").textContent = "";
      return showProblem(await problem(res), $("#loi-kiemtra"), $("#bieu-kiemtra"));
    }
    showProblem(null, $("#loi-kiemtra"), $("#bieu-kiemtra"));
    const r = await res.json();
    $("#ket-qua-kiemtra").textContent = r.count === 0 ? "Số liệu khớp: không có chỗ sai." : `Có ${r.count} chỗ sai số học.`;
    for (const x of r.findings) {
      tbody.append(el("tr", { "data-row": x.row },
        el("td", { text: x.row === 0 ? "Cộng" : String(x.row) }), el("td", { text: x.unit || "" }),
        el("td", { text: x.milestone || "" }), el("td", { text: x.column }), el("td", { text: x.cell || "" }),
        el("td", { text: x.expected }), el("td", { text: x.stated })));
    }
    $("#bang-kiemtra").hidden = r.count === 0;
  });
  $("#bieu-tron").addEventListener("submit", async (e) => {
    e.preventDefault();
    const fd = new FormData();
    const tpl = $("#mau-tron").value;
    fd.append("template", tpl);
    fd.append("data", JSON.stringify(tpl === $("#chon-mau").value && fieldsOf ? fieldsOf() : {}));
    const f = $("#tep-dong").files[0];
    fd.append("rows", f, f.name);
    if ($("#cot-ten").value.trim()) fd.append("name", $("#cot-ten").value.trim());
    const units = $("#tep-donvi-tron").files[0];
    if (units) fd.append("units", units, units.name);
    const combined = $("#gop-mot").checked;
    // The options are merge's flags, as the server names them.
    const q = new URLSearchParams();
    if (combined) q.append("combined", "1");
    if ($("#ten-ascii").checked) q.append("ascii_names", "1");
    if ($("#bo-cot-thua").checked) q.append("ignore_extra_columns", "1");
    if ($("#so-tu").value.trim()) q.append("number_from", $("#so-tu").value.trim());
    for (const m of $("#moc-tron").value.trim().split(/\s+/).filter(Boolean)) q.append("milestone", m);
    if ($("#xep-tron").checked) q.append("sort", "1");
    $("#ket-qua-tron").textContent = "Đang trộn…";
    const qs = q.toString();
    try {
      const res = await fetch("/v1/merge" + (qs ? "?" + qs : ""), { method: "POST", body: fd, headers: vi });
      if (!res.ok) {
        $("#ket-qua-tron").textContent = "";
        return showProblem(await problem(res), $("#loi-tron"), $("#bieu-tron"));
      }
      showProblem(null, $("#loi-tron"), $("#bieu-tron"));
      await download(res, combined ? "van-ban.pdf" : "van-ban.zip");
      $("#ket-qua-tron").textContent = "Đã tải về.";
    } catch (e) {
      // The server cuts a merge that fails after its first byte, so that a
      // partial zip never looks whole: nothing was saved.
      $("#ket-qua-tron").textContent = "Trộn bị dừng giữa chừng, không có tệp nào được lưu: một dòng của bảng không tạo được văn bản, hoặc kết nối bị ngắt. Hãy kiểm tra bảng rồi trộn lại.";
    }
  });
  loadTemplates();
}

document.addEventListener("DOMContentLoaded", setup);
