// revkg planners' console: sorting, lazy suggestions and the writes. No library; the pages work for
// reading without it. The personal key lives in sessionStorage only and travels as the X-API-Key header;
// who is signed in comes from GET /users/me with that key (provenance takes the name from the key).
"use strict";
(function () {
  const KEY = "revkg.apiKey", WHO = "revkg.who", ROLE = "revkg.role", ROLE_WORDS = "revkg.roleWords";
  const $ = (sel, root) => (root || document).querySelector(sel);
  const $$ = (sel, root) => Array.from((root || document).querySelectorAll(sel));

  function flash(text, isError) {
    const box = $("#flash");
    if (!box) return;
    box.textContent = text;
    box.className = isError ? "error" : "";
  }

  // --- the key panel ---------------------------------------------------------------------------
  function keyState() {
    const state = $("#key-state");
    const who = sessionStorage.getItem(WHO), role = sessionStorage.getItem(ROLE);
    if (state) state.textContent = sessionStorage.getItem(KEY) && who ? "已登录：" + who + "（" + (sessionStorage.getItem(ROLE_WORDS) || role) + "）" : "未登录";
    $$("[data-admin-only]").forEach((el) => { el.hidden = role !== "admin"; });
  }
  function signOut() { [KEY, WHO, ROLE, ROLE_WORDS].forEach((k) => sessionStorage.removeItem(k)); keyState(); }
  const keyForm = $("#key-form");
  if (keyForm) {
    keyForm.addEventListener("submit", async (e) => {
      e.preventDefault();
      const key = $("#key-input").value.trim();
      $("#key-input").value = "";
      if (!key) return;
      // the role in the console's language (Chinese), whatever the browser's
      const response = await fetch("/users/me", { headers: { "X-API-Key": key, "Accept-Language": "zh-CN" } });
      if (!response.ok) { signOut(); flash("密钥无效、已吊销或已更换，未能登录。", true); return; }
      const me = await response.json();
      sessionStorage.setItem(KEY, key);
      sessionStorage.setItem(WHO, me.name);
      sessionStorage.setItem(ROLE, me.role);
      sessionStorage.setItem(ROLE_WORDS, me.role_words);
      keyState();
      $("#key-panel").open = false;
      flash("已登录：" + me.name + "（" + me.role_words + "），仅本标签页会话有效。");
    });
    $("#key-clear").addEventListener("click", () => { signOut(); flash("已退出登录。"); });
  }
  keyState();

  function needKey() {
    const key = sessionStorage.getItem(KEY);
    if (!key) {
      $("#key-panel").open = true;
      $("#key-input").focus();
      flash("请先在页首用个人密钥登录。", true);
      return null;
    }
    return { key, who: sessionStorage.getItem(WHO) };
  }

  async function send(method, url, body) {
    const cred = needKey();
    if (!cred) return null;
    // The console speaks Chinese whatever the browser's language: the API's messages come back in it.
    const headers = { "X-API-Key": cred.key, "Accept-Language": "zh-CN" };
    if (body !== undefined && !(body instanceof FormData)) headers["Content-Type"] = "application/json";
    const response = await fetch(url, { method, headers, body: body === undefined || body instanceof FormData ? body : JSON.stringify(body) });
    const text = await response.text();
    let data = null;
    try { data = JSON.parse(text); } catch (_) { data = text; }
    if (!response.ok) {
      const detail = data && data.detail ? (typeof data.detail === "string" ? data.detail : JSON.stringify(data.detail)) : text;
      flash("未成功（" + response.status + "）：" + detail, true);
      return null;
    }
    return data;
  }

  // --- sortable tables ---------------------------------------------------------------------------
  $$("table.sortable").forEach((table) => {
    $$("th[data-sort]", table).forEach((th) => {
      const button = $("button.sort", th);
      (button || th).addEventListener("click", () => {
        const index = Array.from(th.parentNode.children).indexOf(th);
        const numeric = th.dataset.sort === "num";
        const ascending = th.getAttribute("aria-sort") !== "ascending";
        $$("th", table).forEach((other) => other.removeAttribute("aria-sort"));
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        const body = table.tBodies[0];
        const rows = Array.from(body.rows).filter((r) => r.cells.length > index);
        const value = (row) => {
          const cell = row.cells[index];
          const raw = cell.dataset.value !== undefined ? cell.dataset.value : cell.textContent.trim();
          return numeric ? parseFloat(raw) || 0 : raw;
        };
        rows.sort((a, b) => {
          const x = value(a), y = value(b);
          const order = numeric ? x - y : String(x).localeCompare(String(y), "zh-CN");
          return ascending ? order : -order;
        });
        rows.forEach((r) => body.appendChild(r));
      });
    });
  });

  // --- lazy fragments (a district's suggestions per village) ------------------------------------
  $$("details.lazy").forEach((details) => {
    details.addEventListener("toggle", async () => {
      if (!details.open || details.dataset.loaded) return;
      details.dataset.loaded = "1";
      const box = $(".fragment", details);
      box.textContent = "正在计算推荐…";
      const response = await fetch(details.dataset.fragment);
      box.innerHTML = await response.text();  // HTML the console itself rendered (escaped by Jinja)
    });
  });

  // fragments the page asks for as soon as it is shown (the slow parts of a page: cluster pictures)
  $$("[data-autoload]").forEach(async (box) => {
    const response = await fetch(box.dataset.autoload);
    box.innerHTML = await response.text();  // HTML the console itself rendered (escaped by Jinja)
    box.dataset.loaded = "1";
  });

  // --- writes ------------------------------------------------------------------------------------
  function fields(form) {
    const out = {};
    new FormData(form).forEach((v, k) => { out[k] = typeof v === "string" ? v.trim() : v; });
    return out;
  }
  const reload = (message) => { sessionStorage.setItem("revkg.flash", message); location.reload(); };
  const pending = sessionStorage.getItem("revkg.flash");
  if (pending) { sessionStorage.removeItem("revkg.flash"); flash(pending); }

  document.addEventListener("submit", async (e) => {
    const form = e.target;
    const action = form.dataset && form.dataset.action;
    if (!action || action === "upload") return;
    e.preventDefault();
    const f = fields(form);
    if (action === "record-pairing") {
      const done = await send("POST", "/decisions/pairings", { helper_uid: f.helper_uid, village: f.village, since: f.since, note: f.note || "" });
      if (done) reload("已记录：" + done.helper + " 自 " + done.day + " 与 " + done.village + " 结对（来源：规划人员在控制台记录）。");
    } else if (action === "end-pairing") {
      const done = await send("POST", "/decisions/pairings/end", { village: f.village, source_id: f.source_id, source_loc: f.source_loc, until: f.until, note: f.note || "" });
      if (done) reload("已结束：" + done.helper + " 与 " + done.village + " 的结对止于 " + done.day + "。");
    } else if (action === "accept-plan") {
      // the rows still ticked (an unticked row re-solves the page, so normally every row is)
      const rows = $$("#plan-table tbody tr[data-helper]").filter((tr) => $(".plan-tick", tr).checked)
        .map((tr) => ({ helper_uid: tr.dataset.helper, village: tr.dataset.village }));
      if (!rows.length) { flash("没有勾选任何结对。", true); return; }
      const done = await send("POST", "/decisions/plan", { rows, since: f.since, note: f.note || "", plan: JSON.parse(f.plan) });
      if (done) {
        sessionStorage.setItem("revkg.flash", "已接受方案：记录 " + done.length + " 项结对（来源：规划人员在控制台记录），可在村页逐项撤销。");
        location.href = $("#plan-back") ? $("#plan-back").href : location.href;
      }
    } else if (action === "review") {
      const done = await send("POST", "/review/decisions", { key: f.key, code: f.code || null, note: f.note || "" });
      if (done) reload("已记录复核决定：" + done.key + " → " + (done.decided_code || "不在代码表") + "。" + (done.message || ""));
    }
  });

  document.addEventListener("click", async (e) => {
    const button = e.target.closest && e.target.closest("button[data-action='undo']");
    if (!button) return;
    if (!window.confirm("撤销这项决定？撤销后结对恢复到决定之前的样子。")) return;
    const cred = needKey();
    if (!cred) return;
    const done = await send("DELETE", "/decisions/" + encodeURIComponent(button.dataset.decision));
    if (done) reload("已撤销该决定。");
  });

  // the pairing plan: unticking a row sets its village aside, choosing another helper fixes it; both re-solve
  $$(".plan-tick").forEach((box) => box.addEventListener("change", () => {
    if (!box.checked) location.href = box.dataset.untick;
  }));
  $$(".plan-swap").forEach((select) => select.addEventListener("change", () => {
    if (select.value) location.href = select.value;
  }));

  // choose a helper by name: the datalist is filled from GET /search
  const helperSearch = $("[data-helper-search]");
  if (helperSearch) {
    let timer = null;
    helperSearch.addEventListener("input", () => {
      clearTimeout(timer);
      const q = helperSearch.value.trim();
      const picked = $$("#helper-options option").find((o) => o.value === q);
      if (picked) { $("#helper-uid").value = picked.dataset.uid; return; }
      if (q.length < 2) return;
      timer = setTimeout(async () => {
        const hits = await (await fetch("/search?limit=20&q=" + encodeURIComponent(q))).json();
        const list = $("#helper-options");
        list.replaceChildren();
        hits.filter((h) => h.label === "Organization" || h.label === "PartyOrganization").forEach((h) => {
          const option = document.createElement("option");
          option.value = h.name;
          option.dataset.uid = h.key;
          list.appendChild(option);
        });
      }, 250);
    });
  }

  // --- the audit trail (admins) -----------------------------------------------------------------
  async function saveBlob(response, fallback) {
    const blob = await response.blob();
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    const disposition = response.headers.get("Content-Disposition") || "";
    const named = /filename\*=UTF-8''([^;]+)/.exec(disposition);
    a.download = named ? decodeURIComponent(named[1]) : fallback;
    document.body.appendChild(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  // The trail keeps UTC; planners read Beijing time (China keeps one zone, no daylight saving).
  const BEIJING = new Intl.DateTimeFormat("zh-CN", {
    timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit",
    hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false,
  });
  function beijingTime(iso) { const when = new Date(iso); return isNaN(when) ? iso : BEIJING.format(when); }
  const auditTable = $("#audit-table");
  async function showAudit() {
    const cred = needKey();
    if (!cred) return;
    const data = await send("GET", "/audit?limit=1000");
    if (!data) return;
    const body = auditTable.tBodies[0];
    body.replaceChildren();
    data.forEach((e) => {
      const tr = document.createElement("tr");
      [beijingTime(e.at), e.who, e.role_words, e.action_words, e.target, e.details_words].forEach((v) => cell(tr, v));
      body.appendChild(tr);
    });
    $("#audit-count").textContent = String(data.length);
  }
  if (auditTable) {
    showAudit();
    $$("[data-audit-export]").forEach((button) => button.addEventListener("click", async () => {
      const cred = needKey();
      if (!cred) return;
      const fmt = button.dataset.auditExport;
      const response = await fetch("/audit?limit=100000&format=" + fmt, { headers: { "X-API-Key": cred.key, "Accept-Language": "zh-CN" } });
      if (!response.ok) { flash("导出未成功（" + response.status + "）。", true); return; }
      await saveBlob(response, "audit." + fmt);
    }));
  }

  // --- upload ------------------------------------------------------------------------------------
  const uploadForm = $("#upload-form");
  let lastIssues = [];
  function cell(row, value) { const td = document.createElement("td"); td.textContent = value === null || value === undefined ? "" : String(value); row.appendChild(td); }
  function showReport(report) {
    $("#upload-result").hidden = false;
    $("#upload-summary").textContent = report.summary;
    const sheets = $("#upload-sheets tbody");
    sheets.replaceChildren();
    (report.report.sheets || []).forEach((s) => {
      const tr = document.createElement("tr");
      [s.file, s.sheet, s.kind_text || s.kind, s.rows, s.loaded, s.rejected, s.warnings].forEach((v) => cell(tr, v));
      sheets.appendChild(tr);
    });
    lastIssues = report.report.issues || (report.report.rejected || []).map((r) => ({ file: "", reason: String(r), severity: "rejected" }));
    const rejects = $("#upload-rejects tbody");
    rejects.replaceChildren();
    lastIssues.forEach((i) => {
      const tr = document.createElement("tr");
      tr.className = i.severity === "rejected" ? "reject" : "warning";
      [i.file, i.sheet, i.row, i.column, i.value, i.severity === "rejected" ? "拒绝" : "警告", i.reason].forEach((v) => cell(tr, v));
      rejects.appendChild(tr);
    });
    $("#upload-raw").textContent = JSON.stringify(report.report, null, 2);
  }
  if (uploadForm) {
    uploadForm.addEventListener("submit", (e) => {
      e.preventDefault();
      const cred = needKey();
      if (!cred) return;
      const target = uploadForm.querySelector("input[name=target]:checked").value;
      const kind = $("#upload-kind").value;
      const data = new FormData();
      Array.from($("#upload-files").files).forEach((file) => data.append("files", file));
      const url = "/uploads/" + target + (target === "registers" && kind ? "?kind=" + encodeURIComponent(kind) : "");
      const xhr = new XMLHttpRequest();  // XHR, not fetch: it reports upload progress
      const bar = $("#upload-progress"), state = $("#upload-state");
      bar.hidden = false; bar.value = 0; state.textContent = "正在上传…";
      xhr.upload.onprogress = (p) => { if (p.lengthComputable) bar.value = Math.round(p.loaded / p.total * 100); };
      xhr.upload.onload = () => { state.textContent = "已上传，正在加载…"; };
      xhr.onload = () => {
        bar.hidden = true;
        let body = null;
        try { body = JSON.parse(xhr.responseText); } catch (_) { body = { detail: xhr.responseText }; }
        if (xhr.status >= 200 && xhr.status < 300) { state.textContent = "完成。"; showReport(body); flash(body.summary); }
        else { state.textContent = "未成功。"; flash("上传未成功（" + xhr.status + "）：" + (typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail)), true); }
      };
      xhr.onerror = () => { bar.hidden = true; state.textContent = "网络错误。"; };
      xhr.open("POST", url);
      xhr.setRequestHeader("Accept-Language", "zh-CN");  // the console's language, whatever the browser's
      xhr.setRequestHeader("X-API-Key", cred.key);
      xhr.send(data);
    });
    $("#rejects-xlsx").addEventListener("click", async () => {
      const response = await fetch("/upload/rejects.xlsx", { method: "POST", headers: { "Content-Type": "application/json", "Accept-Language": "zh-CN" }, body: JSON.stringify(lastIssues) });
      const blob = await response.blob();
      const a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = "rejects.xlsx";
      document.body.appendChild(a);
      a.click();
      setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    });
  }
})();
