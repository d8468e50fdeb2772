// DOM helpers. User text only ever goes in through textContent or attributes: nothing here
// parses HTML, so a proposal titled "<img src=x onerror=…>" stays inert text.

/**
 * Creates an element. `props` keys: `class`, `text` (textContent), `attrs` (setAttribute),
 * `dataset`, `on` (event listeners), plus any plain property (e.g. `type`, `value`, `disabled`).
 * Children may be nodes, strings (added as text nodes) or null/false (skipped).
 */
export function el(tag, props = {}, children = []) {
    return build(document.createElement(tag), props, children);
}

/** Like `el` but in the SVG namespace (attributes only, no properties). */
export function svg(tag, attrs = {}, children = []) {
    const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [name, value] of Object.entries(attrs)) {
        if (name === 'text') node.textContent = String(value);
        else if (value !== null && value !== undefined) node.setAttribute(name, String(value));
    }
    append(node, children);
    return node;
}

function build(node, props, children) {
    for (const [key, value] of Object.entries(props)) {
        if (value === undefined || value === null) continue;
        switch (key) {
        case 'class': node.className = value; break;
        case 'text': node.textContent = String(value); break;
        case 'attrs':
            for (const [name, v] of Object.entries(value)) {
                if (v === false || v === null || v === undefined) continue;
                node.setAttribute(name, v === true ? '' : String(v));
            }
            break;
        case 'dataset': Object.assign(node.dataset, value); break;
        case 'on':
            for (const [type, handler] of Object.entries(value)) node.addEventListener(type, handler);
            break;
        default: node[key] = value;
        }
    }
    append(node, children);
    return node;
}

function append(node, children) {
    for (const child of [].concat(children)) {
        if (child === null || child === undefined || child === false) continue;
        node.append(typeof child === 'string' ? document.createTextNode(child) : child);
    }
}

/** `document.getElementById`, throwing a clear error when a page lacks an element a module needs. */
export function byId(id) {
    const node = document.getElementById(id);
    if (!node) throw new Error(`missing #${id}`);
    return node;
}

/** Sets an element's text (never HTML). */
export function setText(node, text) {
    node.textContent = text === null || text === undefined ? '' : String(text);
}

/** Shows or hides with the `hidden` attribute. */
export function show(node, visible) {
    node.hidden = !visible;
}

/** Replaces all children. */
export function replace(node, ...children) {
    node.replaceChildren();
    append(node, children);
}

/**
 * Puts `nodes` into `parent` in order, moving only the ones out of place so a focused
 * control inside an unmoved node keeps its focus; removes any other children.
 */
export function reconcile(parent, nodes) {
    const wanted = new Set(nodes);
    for (const child of [...parent.children]) if (!wanted.has(child)) child.remove();
    let ref = parent.firstElementChild;
    for (const node of nodes) {
        if (node === ref) { ref = ref.nextElementSibling; continue; }
        parent.insertBefore(node, ref);
    }
}

/** Calls `fn` at most once per `ms` after the last call (trailing debounce). */
export function debounce(fn, ms) {
    let timer = null;
    const wrapped = (...args) => {
        clearTimeout(timer);
        timer = setTimeout(() => { timer = null; fn(...args); }, ms);
    };
    wrapped.flush = (...args) => { if (timer) { clearTimeout(timer); timer = null; fn(...args); } };
    wrapped.pending = () => timer !== null;
    return wrapped;
}

/** A live character counter "12 / 120" bound to an input; marks the field when over the limit. */
export function bindCounter(input, output, max, format) {
    const update = () => {
        const length = [...input.value].length;
        output.textContent = format(length, max);
        output.classList.toggle('over', length > max);
        input.setAttribute('aria-invalid', length > max ? 'true' : 'false');
    };
    input.addEventListener('input', update);
    update();
    return update;
}

/** Shows a transient message in a live region. */
export function toast(message, { action = null, timeout = 5000 } = {}) {
    const host = document.getElementById('toast');
    if (!host) return;
    const item = el('div', { class: 'toast-item' }, [el('span', { text: message })]);
    if (action) {
        item.append(el('button', { type: 'button', class: 'link', text: action.label, on: { click: () => { item.remove(); action.run(); } } }));
    }
    host.append(item);
    while (host.children.length > 3) host.firstElementChild.remove();
    setTimeout(() => item.remove(), timeout);
}
