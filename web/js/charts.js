// SVG charts drawn with createElementNS (via dom.svg); labels are text nodes, never markup.
import { svg } from './dom.js';

function shorten(text, max) {
    const chars = [...String(text)];
    return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

/**
 * A horizontal bar chart. `items`: [{key, label, value, valueText}]. Bars scale to the largest
 * value (or `max`). Returns an <svg> that scales to its container's width.
 */
export function barChart(items, { max = null, title = '', labelChars = 48, rowHeight = 56 } = {}) {
    const width = 1000;
    const top = Math.max(max ?? 0, ...items.map((i) => i.value), 1);
    const height = Math.max(rowHeight, items.length * rowHeight);
    const root = svg('svg', {
        viewBox: `0 0 ${width} ${height}`, class: 'chart bars', role: 'img', 'aria-label': title,
        preserveAspectRatio: 'xMinYMin meet',
    });
    root.append(svg('title', { text: title }));
    items.forEach((item, index) => {
        const y = index * rowHeight;
        const barWidth = Math.max(item.value > 0 ? 6 : 0, Math.round((item.value / top) * (width - 120)));
        const row = svg('g', { class: 'bar-row', 'data-key': item.key });
        row.append(
            svg('text', { x: 0, y: y + rowHeight * 0.36, class: 'bar-label', text: shorten(item.label, labelChars) }),
            svg('rect', { x: 0, y: y + rowHeight * 0.46, width: barWidth, height: rowHeight * 0.4, rx: 4, class: 'bar' }),
            svg('text', { x: barWidth + 12, y: y + rowHeight * 0.8, class: 'bar-value', text: item.valueText ?? String(item.value) }),
        );
        row.append(svg('title', { text: `${item.label}: ${item.valueText ?? item.value}` }));
        root.append(row);
    });
    return root;
}

/**
 * One stacked bar of an overall score's parts on a 0–100 scale: [{value, className, label}].
 */
export function stackedBar(parts, { total = 100, title = '' } = {}) {
    const width = 300;
    const root = svg('svg', { viewBox: `0 0 ${width} 14`, class: 'chart stacked', role: 'img', 'aria-label': title,
        preserveAspectRatio: 'none' });
    root.append(svg('title', { text: title }));
    root.append(svg('rect', { x: 0, y: 0, width, height: 14, class: 'track', rx: 3 }));
    let x = 0;
    for (const part of parts) {
        const w = Math.max(0, (part.value / total) * width);
        root.append(svg('rect', { x, y: 0, width: w, height: 14, class: part.className }));
        x += w;
    }
    return root;
}
