// Offline API docs: the server's own /openapi.json rendered as a list of endpoints, with a form
// to try each GET endpoint. No Swagger bundle, nothing from outside this server.
"use strict";

const root = document.getElementById("docs");

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function tryForm(path, params) {
  const inputs = params.map((p) => el("input", { name: p.name, placeholder: p.name + (p.required ? " (required)" : "") }));
  const out = el("pre", { class: "response" });
  const form = el("form", { class: "try", onsubmit: async (ev) => {
    ev.preventDefault();
    let url = path;
    const qs = new URLSearchParams();
    params.forEach((p, i) => {
      const v = inputs[i].value.trim();
      if (!v) return;
      if (p.in === "path") url = url.replace("{" + p.name + "}", encodeURIComponent(v));
      else qs.set(p.name, v);
    });
    const s = qs.toString();
    out.textContent = "GET " + url + (s ? "?" + s : "") + " …";
    const res = await fetch(url + (s ? "?" + s : ""));
    const text = await res.text();
    let shown = text;
    try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch (e) { /* not JSON */ }
    out.textContent = res.status + "\n" + shown.slice(0, 20000);
  } }, inputs, el("button", { type: "submit" }, "Try"));
  return [form, out];
}

async function render() {
  const spec = await (await fetch("/openapi.json")).json();
  root.textContent = "";
  root.appendChild(el("h1", {}, spec.info.title + " API " + spec.info.version));
  root.appendChild(el("p", {}, spec.info.description || ""));
  for (const [path, ops] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const params = op.parameters || [];
      root.appendChild(el("section", { class: "panel endpoint" },
        el("h2", {}, el("code", {}, method.toUpperCase() + " " + path), " ", op.summary || ""),
        op.description ? el("p", {}, op.description) : null,
        params.length ? el("ul", {}, params.map((p) => el("li", {}, el("code", {}, p.name),
          " (" + p.in + (p.required ? ", required" : "") + ") " + ((p.schema && (p.schema.type || (p.schema.anyOf || []).map((x) => x.type).join("|"))) || "")))) : null,
        op.requestBody ? el("p", {}, "Body: " + Object.keys(op.requestBody.content || {}).join(", ")) : null,
        method === "get" ? tryForm(path, params) : null));
    }
  }
}

render().catch((e) => { root.textContent = "Cannot load /openapi.json: " + e; });
