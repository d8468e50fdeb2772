/// The report's stylesheet: readable on screen, A4 on paper (CSS Paged Media `@page`, `break-inside`).
enum ReportStyle {
    static let css = """
    @page { size: A4; margin: 14mm 12mm; }
    :root { color-scheme: light; }
    body { font: 10.5pt/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1b; margin: 0 auto; max-width: 190mm; padding: 8mm; }
    h1 { font-size: 18pt; margin: 0 0 2mm; } h2 { font-size: 13pt; margin: 7mm 0 2mm; border-bottom: 1px solid #999; }
    h3 { font-size: 11pt; margin: 4mm 0 1mm; }
    .meta, .note { color: #555; font-size: 9pt; }
    table { border-collapse: collapse; width: 100%; font-size: 9pt; }
    th, td { border-bottom: 1px solid #ddd; padding: 1.2mm 1.5mm; text-align: left; vertical-align: top; }
    th { background: #f1f1f1; } td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    tr.why td { color: #444; font-size: 8pt; border-bottom: 1px solid #bbb; padding-top: 0; }
    dl.figures { display: grid; grid-template-columns: repeat(3, 1fr); gap: 1mm 6mm; }
    dl.figures dt { color: #555; } dl.figures dd { margin: 0 0 1mm; font-weight: 600; }
    figure { margin: 3mm 0; } figcaption { font-weight: 600; font-size: 9.5pt; }
    svg.chart { width: 100%; height: auto; font-size: 10px; }
    svg .bar { fill: #4a7bb7; } svg .whisker { stroke: #111; stroke-width: 1.5; } svg .grid { stroke: #e3e3e3; }
    svg .mean { stroke: #c0392b; stroke-dasharray: 4 3; } svg .tick, svg .value { fill: #444; } svg .label { fill: #111; }
    .method dt { font-weight: 600; } .method dd { margin: 0 0 2mm 0; }
    .desc { margin: 1mm 0 0; white-space: pre-wrap; } ul.buildons { margin: 0; padding-left: 4mm; font-size: 8.5pt; color: #333; }
    tr { break-inside: avoid; page-break-inside: avoid; }
    .workshop { break-before: page; }
    @media print {
      body { padding: 0; max-width: none; }
      section, figure, tr { break-inside: avoid; }
      thead { display: table-header-group; }
      a { color: inherit; text-decoration: none; }
    }
    """
}
