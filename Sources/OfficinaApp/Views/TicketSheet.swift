import OfficinaCore

/// A printable A4 sheet of single-use access codes, one ticket each: the workshop, where to
/// go, and the code. Generated documents carry their own style, so their policy allows inline
/// CSS and nothing else (no script of any kind).
struct TicketSheet {
    let workshop: Workshop
    let codes: [String]
    let joinURL: String

    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; frame-ancestors 'none'; form-action 'none'"

    var html: String {
        let title = HTMLText.escape(workshop.title.it)
        let english = HTMLText.escape(workshop.title.en)
        let url = HTMLText.escape(joinURL)
        let tickets = codes.map { code in
            """
            <div class="ticket"><p class="title">\(title)</p><p class="en">\(english)</p>\
            <p>Vai su / Go to <b>\(url)</b></p><p>Codice di accesso / Access code</p><p class="code">\(HTMLText.escape(code))</p></div>
            """
        }.joined(separator: "\n")
        return """
            <!doctype html>
            <html lang="it"><head><meta charset="utf-8"><title>Biglietti / Tickets — \(title)</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 0; }
            .sheet { display: grid; grid-template-columns: 1fr 1fr 1fr; gap: 0; }
            .ticket { border: 1px dashed #555; padding: 10px; break-inside: avoid; text-align: center; }
            .title { font-weight: bold; margin: 0; } .en { margin: 0 0 6px; color: #444; font-size: 0.85em; }
            .code { font: bold 1.6em ui-monospace, monospace; letter-spacing: 0.12em; margin: 4px 0 0; }
            p { margin: 2px 0; font-size: 0.9em; }
            @page { size: A4; margin: 10mm; }
            </style></head>
            <body><div class="sheet">
            \(tickets.isEmpty ? "<p>Nessun codice non usato / No unused codes.</p>" : tickets)
            </div></body></html>
            """
    }
}
