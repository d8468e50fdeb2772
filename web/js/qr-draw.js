// Draws a QR code the server encoded (rows of "0"/"1") as an SVG, with a quiet zone of 4 modules.
import { svg } from './dom.js';

/** An `<svg>` of the code; `label` is its accessible name. */
export function drawQR(qr, label) {
    const quiet = 4;
    const side = qr.size + quiet * 2;
    const path = [];
    qr.rows.forEach((row, y) => {
        for (let x = 0; x < row.length; x += 1) if (row[x] === '1') path.push(`M${x + quiet} ${y + quiet}h1v1h-1z`);
    });
    return svg('svg', { viewBox: `0 0 ${side} ${side}`, width: 240, height: 240, role: 'img', 'aria-label': label,
        'shape-rendering': 'crispEdges', class: 'qr' }, [
        svg('rect', { width: side, height: side, fill: '#fff' }),
        svg('path', { d: path.join(''), fill: '#000' }),
    ]);
}
