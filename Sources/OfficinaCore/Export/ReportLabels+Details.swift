extension ReportLabels {
    /// Column and heading of a proposal's own text.
    var description: String { isItalian ? "Descrizione" : "Description" }
    /// Column and heading of the build-ons' texts.
    var buildOnTexts: String { isItalian ? "Testo degli sviluppi" : "Build-on texts" }
    /// The merge audit's heading and columns.
    var merges: String { isItalian ? "Unioni di duplicati" : "Merges of duplicates" }
    var mergedFrom: String { isItalian ? "Proposta unita" : "Merged proposal" }
    var undone: String { isItalian ? "Annullata il" : "Undone" }
}
